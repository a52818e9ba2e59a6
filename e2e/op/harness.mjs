// Helpers for the provider's own tests: start server.mjs the way the e2e harness does
// (wait for the OP_READY line, no sleeping), a cookie-keeping browser stand-in, and JWT
// checks with node's crypto only.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const serverPath = fileURLToPath(new URL('./server.mjs', import.meta.url));

export const client = {
  id: 'portal-e2e',
  secret: 'portal-e2e-secret',
};
// Nothing listens there: the tests read the redirects' Location instead of following them.
export const redirectUri = 'http://127.0.0.1:9/signin-pliro';
export const postLogoutRedirectUri = 'http://127.0.0.1:9/signout-callback-pliro';

// Starts server.mjs on a free port. Resolves once it printed `OP_READY {issuer}`;
// rejects if it exits first. `stop()` ends it and waits for the exit.
export async function startProvider(env = {}) {
  const child = spawn(process.execPath, [serverPath], {
    env: {
      PATH: process.env.PATH,
      OP_PORT: '0',
      OP_CLIENT_ID: client.id,
      OP_CLIENT_SECRET: client.secret,
      OP_REDIRECT_URI: redirectUri,
      OP_POST_LOGOUT_REDIRECT_URI: postLogoutRedirectUri,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  const exited = once(child, 'exit');

  const issuer = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const match = /^OP_READY (\S+)\n/m.exec(stdout);
      if (match) {
        resolve(match[1]);
      }
    });
    exited.then(([code]) => reject(new Error(`server.mjs exited with ${code} before OP_READY:\n${stderr}`)));
  });

  return {
    issuer,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}

// Runs server.mjs to completion (for start-up failures).
export async function runProviderExpectingExit(env) {
  const child = spawn(process.execPath, [serverPath], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

// A minimal browser: keeps cookies per name (everything runs on 127.0.0.1, one host) and
// never follows redirects, so every hop can be inspected.
export class Browser {
  #cookies = new Map();

  async request(url, { method = 'GET', form, headers = {} } = {}) {
    const allHeaders = { ...headers };
    if (this.#cookies.size > 0) {
      allHeaders.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let body;
    if (form) {
      body = new URLSearchParams(form).toString();
      allHeaders['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(url, { method, headers: allHeaders, body, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, val] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(val) <= Date.now();
      });
      if (value === '' || expired) {
        this.#cookies.delete(name);
      } else {
        this.#cookies.set(name, value);
      }
    }
    return response;
  }

  get(url) {
    return this.request(url);
  }

  post(url, form) {
    return this.request(url, { method: 'POST', form });
  }
}

export function location(response, base) {
  const value = response.headers.get('location');
  if (!value) {
    throw new Error(`expected a redirect, got ${response.status}`);
  }
  return new URL(value, base);
}

export function decodeHtml(value) {
  return value.replaceAll('&amp;', '&').replaceAll('&#x2F;', '/').replaceAll('&#47;', '/');
}

export function formAction(html) {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match) {
    throw new Error(`no form in page:\n${html}`);
  }
  return decodeHtml(match[1]);
}

function base64url(value) {
  return Buffer.from(value, 'base64url');
}

export function decodeJwt(token) {
  const [header, payload, signature] = token.split('.');
  return {
    header: JSON.parse(base64url(header).toString('utf8')),
    payload: JSON.parse(base64url(payload).toString('utf8')),
    signingInput: `${header}.${payload}`,
    signature: base64url(signature),
  };
}

// ES256 = ECDSA P-256 + SHA-256 with the raw r||s signature (RFC 7518 §3.4).
export function verifyEs256(token, jwks) {
  const jwt = decodeJwt(token);
  const jwk = jwks.keys.find((key) => key.kid === jwt.header.kid);
  if (!jwk) {
    return false;
  }
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(jwt.signingInput), { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
}

export function authorizeUrl(op, extra = {}) {
  const url = new URL(`${op.issuer}/oauth/authorize`);
  url.search = new URLSearchParams({
    client_id: client.id,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: redirectUri,
    state: 'state-1',
    nonce: 'nonce-1',
    ...extra,
  }).toString();
  return url;
}

// Browser side of a sign-in: authorize -> devInteractions login form -> back at the
// redirect URI (no consent page in between). Returns the URL the browser lands on.
export async function signIn(op, browser, login, extra = {}) {
  const toLogin = location(await browser.get(authorizeUrl(op, extra)), op.issuer);
  assert.match(toLogin.pathname, /^\/interaction\//);
  const page = await browser.get(toLogin);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<input[^>]*name="login"/);
  assert.match(html, /<input[^>]*type="password"[^>]*name="password"/);
  assert.match(html, /<button type="submit"/);
  const resume = location(await browser.post(formAction(html), {
    prompt: 'login', login, password: 'any password',
  }), op.issuer);
  return location(await browser.get(resume), op.issuer);
}

// Relying-party side: code -> tokens with HTTP Basic client authentication, like Pliro.
export async function redeem(op, code, { redirect = redirectUri, secret = client.secret } = {}) {
  const response = await fetch(`${op.issuer}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect }),
  });
  return { status: response.status, body: await response.json() };
}
