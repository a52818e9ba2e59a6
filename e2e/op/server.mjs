// A real, OpenID Certified provider (npm `oidc-provider`) configured to behave like Pliro
// (see docs/providers/pliro.md), for the end-to-end tests.
//
// Everything comes from environment variables (README.md). When it listens it prints exactly
// one line to stdout, `OP_READY {issuer}`, so a harness can wait on it; all logging goes to
// stderr.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';

import Provider from 'oidc-provider';

import { findAccount, setPlan } from './accounts.mjs';
import { logoutSource, postLogoutSuccessSource, renderError } from './pages.mjs';

const log = (message) => process.stderr.write(`[op] ${message}\n`);

function fail(message) {
  log(message);
  process.exit(2);
}

function required(name) {
  const value = process.env[name]?.trim();
  if (!value) {
    fail(`${name} is required (see e2e/op/README.md)`);
  }
  return value;
}

// Several URIs may be registered: separated by whitespace or commas.
function uriList(name, { optional = false } = {}) {
  const raw = optional ? (process.env[name] ?? '') : required(name);
  const uris = raw.split(/[\s,]+/).filter(Boolean);
  for (const uri of uris) {
    if (!URL.canParse(uri)) {
      fail(`${name} holds an invalid URL: ${uri}`);
    }
  }
  return uris;
}

function seconds(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    fail(`${name} must be a positive whole number of seconds, got: ${raw}`);
  }
  return value;
}

const portSetting = process.env.OP_PORT ?? '0';
const port = Number(portSetting);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`OP_PORT must be a port number (0 = pick a free port), got: ${portSetting}`);
}
const clientId = required('OP_CLIENT_ID');
const clientSecret = required('OP_CLIENT_SECRET');
const redirectUris = uriList('OP_REDIRECT_URI');
const postLogoutRedirectUris = uriList('OP_POST_LOGOUT_REDIRECT_URI', { optional: true });
const [backchannelLogoutUri, ...extraBackchannel] = uriList('OP_BACKCHANNEL_LOGOUT_URI', { optional: true });
if (extraBackchannel.length > 0) {
  fail('OP_BACKCHANNEL_LOGOUT_URI takes a single URL');
}
const accessTokenTtl = seconds('OP_ACCESS_TOKEN_TTL', 60 * 60);

// Listen first: with OP_PORT=0 the issuer (default http://127.0.0.1:{port}) is only known
// once the socket is bound.
const server = createServer();
server.listen(port, '127.0.0.1');
await once(server, 'listening');
const boundPort = server.address().port;
const issuer = (process.env.OP_ISSUER?.trim() || `http://127.0.0.1:${boundPort}`).replace(/\/+$/, '');
if (!URL.canParse(issuer)) {
  fail(`OP_ISSUER is not a URL: ${issuer}`);
}

// Pliro signs with ES256 on P-256 (docs/providers/pliro.md). A fresh key per start: relying parties
// must take it from the JWKS (or from OP_PUBLIC_KEY_PEM_FILE for the static-PEM route).
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: `pliro-test-${randomUUID().slice(0, 8)}`,
  alg: 'ES256',
  use: 'sig',
};
if (process.env.OP_PUBLIC_KEY_PEM_FILE) {
  writeFileSync(process.env.OP_PUBLIC_KEY_PEM_FILE, publicKey.export({ format: 'pem', type: 'spki' }));
}

// Cookie names carry the port: the relying party and every provider of a test run share the
// host 127.0.0.1, and browsers do not separate cookies by port.
const cookiePrefix = `pliro_${boundPort}`;

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutRedirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code'], // Pliro issues no refresh token.
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'ES256',
    ...(backchannelLogoutUri ? {
      backchannel_logout_uri: backchannelLogoutUri,
      backchannel_logout_session_required: true, // Pliro's logout token always carries sid.
    } : {}),
  }],
  clientDefaults: {
    id_token_signed_response_alg: 'ES256',
    token_endpoint_auth_method: 'client_secret_basic',
  },
  jwks: { keys: [signingKey] },
  enabledJWA: {
    idTokenSigningAlgValues: ['ES256'],
    userinfoSigningAlgValues: ['ES256'],
  },
  // Pliro's paths (docs/providers/pliro.md), so a relying party configured with explicit
  // endpoints instead of discovery works against this provider too.
  routes: {
    authorization: '/oauth/authorize',
    token: '/oauth/token',
    userinfo: '/oauth/userinfo',
    end_session: '/oauth/end_session',
    jwks: '/oauth/discovery/keys',
  },
  responseTypes: ['code'], // Pliro: authorization-code flow only
  scopes: ['openid', 'email', 'profile'],
  claims: {
    openid: ['sub'],
    email: ['email'],
    profile: ['name', 'plan', 'plan_slugs'],
  },
  // Pliro puts email, name and plan into the ID token itself; oidc-provider would otherwise
  // keep scope claims for userinfo only when an access token is also issued.
  conformIdTokenClaims: false,
  findAccount,
  // Pliro does not document PKCE: a confidential client without it must be accepted.
  pkce: { required: () => false },
  // No consent page: the registered client is treated as first-party and always holds a
  // grant for openid email profile, so a sign-in is login form -> back to the RP, and
  // prompt=none never answers consent_required.
  async loadExistingGrant(ctx) {
    const { Grant } = ctx.oidc.provider;
    const { accountId } = ctx.oidc.session;
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    let grant = grantId ? await Grant.find(grantId) : undefined;
    if (!grant || grant.accountId !== accountId) {
      grant = new Grant({ accountId, clientId: ctx.oidc.client.clientId });
    }
    grant.addOIDCScope('openid email profile');
    const requestedClaims = ctx.oidc.requestParamClaims;
    if (requestedClaims?.size) {
      grant.addOIDCClaims([...requestedClaims]);
    }
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true }, // the built-in form: any login, any password
    userinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    backchannelLogout: { enabled: true },
    introspection: { enabled: false },
    revocation: { enabled: false },
    registration: { enabled: false },
    pushedAuthorizationRequests: { enabled: false },
  },
  // oidc-provider's own fetch refuses special-use addresses (SSRF guard), which blocks the
  // back-channel logout to a relying party on 127.0.0.1. Dropping its dispatcher lifts that
  // guard; acceptable here because every target is configured by the test (oidc-provider refuses loopback targets otherwise).
  fetch: (url, options) => {
    delete options.dispatcher;
    return fetch(url, options);
  },
  cookies: {
    keys: [randomBytes(32).toString('base64url')],
    names: {
      session: `${cookiePrefix}_session`,
      interaction: `${cookiePrefix}_interaction`,
      resume: `${cookiePrefix}_interaction_resume`,
    },
  },
  ttl: {
    AccessToken: accessTokenTtl,
    AuthorizationCode: 60,
    IdToken: 60 * 60,
    Interaction: 60 * 60,
    Session: 24 * 60 * 60,
    Grant: 24 * 60 * 60,
  },
  renderError,
};

const provider = new Provider(issuer, configuration);
provider.proxy = false; // plain http on 127.0.0.1; no X-Forwarded-* to trust

// Pliro always puts `sid` (its session id) in the ID token; oidc-provider only does so for
// clients registered for back-channel logout with session_required. Keep it unconditional,
// so the ID token looks the same whether or not OP_BACKCHANNEL_LOGOUT_URI is set.
provider.Client.prototype.includeSid = () => true;

// Pliro: "redirect_uri must match the registered one but may carry extra query parameters"
// (docs/providers/pliro.md). oidc-provider compares exactly, so also accept the registered URI plus
// extra query parameters (same origin and path, every registered parameter kept).
const exactRedirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
  if (exactRedirectUriAllowed.call(this, value)) {
    return true;
  }
  if (!URL.canParse(value)) {
    return false;
  }
  const candidate = new URL(value);
  if (candidate.hash) {
    return false;
  }
  return this.redirectUris.some((registeredValue) => {
    const registered = new URL(registeredValue);
    return registered.origin === candidate.origin
      && registered.pathname === candidate.pathname
      && [...registered.searchParams].every(([key, val]) => candidate.searchParams.getAll(key).includes(val));
  });
};

// Test control, not part of Pliro: change a reader's plan the way a checkout would,
// e.g. `curl -X POST -d plan=premium {issuer}/_test/accounts/plus-reader/plan` (an empty
// plan removes it). The new plan shows in the next ID token and userinfo answer.
provider.use(async (ctx, next) => {
  const match = /^\/_test\/accounts\/([^/]+)\/plan$/.exec(ctx.path);
  if (!match || ctx.method !== 'POST') {
    return next();
  }
  const chunks = [];
  for await (const chunk of ctx.req) {
    chunks.push(chunk);
  }
  const login = decodeURIComponent(match[1]);
  const plan = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('plan') ?? '';
  setPlan(login, plan.trim());
  log(`test control: plan of ${login} set to ${plan.trim() || '(none)'}`);
  ctx.status = 204;
  return undefined;
});

// The built-in pages import web fonts from fonts.googleapis.com. A content security policy
// keeps the browser from waiting on hosts the test machine cannot reach. form-action is left
// open on purpose: the login form's redirect goes to the relying party's port.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.response.is('html')) {
    ctx.set('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'");
  }
});

provider.on('server_error', (_ctx, err) => log(`server_error: ${err.stack ?? err}`));
provider.on('authorization.error', (_ctx, err) => log(`authorization.error: ${err.message} ${err.error_description ?? ''}`));
provider.on('grant.error', (_ctx, err) => log(`grant.error: ${err.message} ${err.error_description ?? ''}`));
provider.on('end_session.error', (_ctx, err) => log(`end_session.error: ${err.message} ${err.error_description ?? ''}`));
provider.on('grant.success', (ctx) => log(`grant.success: client ${ctx.oidc.client?.clientId}`));
provider.on('end_session.success', () => log('end_session.success'));
provider.on('backchannel.success', (_ctx, client, accountId, sid) => log(`backchannel.success: client ${client.clientId} account ${accountId} sid ${sid}`));
provider.on('backchannel.error', (_ctx, err, client, accountId, sid) => log(`backchannel.error: client ${client.clientId} account ${accountId} sid ${sid}: ${err.message}`));

server.on('request', provider.callback());

function stop(signal) {
  log(`${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));

log(`Pliro-like provider for client ${clientId} at ${issuer} (listening on 127.0.0.1:${boundPort})`);
process.stdout.write(`OP_READY ${issuer}\n`);
