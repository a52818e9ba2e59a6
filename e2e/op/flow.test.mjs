// Round trip against the running provider, as the relying party and a browser would do it:
// authorization code with the devInteractions login form, token with HTTP Basic, the ID
// token's Pliro claims, userinfo, prompt=none, plan change, RP-initiated and back-channel
// logout. Run: node --test e2e/op/
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';

import {
  authorizeUrl as authorizeUrlFor, Browser, client, decodeJwt, formAction, location,
  postLogoutRedirectUri, redeem as redeemAt, redirectUri, signIn as signInAt, startProvider,
  verifyEs256,
} from './harness.mjs';

// Every step is a local HTTP call; a test still running after this long is hung (e.g. a
// back-channel logout that never arrives), so fail it instead of waiting forever.
const timeout = 15_000;

let op;
let jwks;
let backchannel; // { url, nextToken(): Promise<string> (the next logout_token), close() }

// A relying-party back-channel endpoint: answers 200 and hands over each logout_token.
async function startBackchannelReceiver() {
  const waiting = [];
  const tokens = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) {
      chunks.push(chunk);
    }
    const token = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('logout_token');
    res.writeHead(200).end();
    const next = waiting.shift();
    if (next) {
      next(token);
    } else {
      tokens.push(token);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/backchannel-logout`,
    nextToken: () => (tokens.length > 0
      ? Promise.resolve(tokens.shift())
      : new Promise((resolve) => { waiting.push(resolve); })),
    close: () => new Promise((resolve) => { server.close(resolve); }),
  };
}

const authorizeUrl = (extra) => authorizeUrlFor(op, extra);
const signIn = (browser, login, extra) => signInAt(op, browser, login, extra);
const redeem = (code, options) => redeemAt(op, code, options);

before(async () => {
  backchannel = await startBackchannelReceiver();
  op = await startProvider({
    OP_REDIRECT_URI: redirectUri,
    OP_POST_LOGOUT_REDIRECT_URI: postLogoutRedirectUri,
    OP_BACKCHANNEL_LOGOUT_URI: backchannel.url,
  });
  jwks = await (await fetch(`${op.issuer}/oauth/discovery/keys`)).json();
}, { timeout });

after(async () => {
  await op?.stop();
  await backchannel?.close();
});

describe('Sign-in of premium-reader', { timeout }, () => {
  let browser;
  let back;
  let tokens;
  let idToken;

  before(async () => {
    browser = new Browser();
    back = await signIn(browser, 'premium-reader');
    tokens = await redeem(back.searchParams.get('code'));
    idToken = decodeJwt(tokens.body.id_token);
  }, { timeout });

  test('Returns to the redirect URI with a code and the state, without a consent page', { timeout }, () => {
    assert.equal(`${back.origin}${back.pathname}`, redirectUri);
    assert.ok(back.searchParams.get('code'));
    assert.equal(back.searchParams.get('state'), 'state-1');
  });

  test('Token response carries an ID token and an access token but no refresh token', { timeout }, () => {
    assert.equal(tokens.status, 200);
    assert.equal(tokens.body.token_type, 'Bearer');
    assert.ok(tokens.body.access_token);
    assert.ok(tokens.body.id_token);
    assert.equal(tokens.body.refresh_token, undefined);
  });

  test('ID token is signed with ES256 by a key from the JWKS', { timeout }, () => {
    assert.equal(idToken.header.alg, 'ES256');
    assert.ok(verifyEs256(tokens.body.id_token, jwks));
  });

  test('ID token carries sub, sid, email, name, plan and the nonce for the client', { timeout }, () => {
    const claims = idToken.payload;
    assert.equal(claims.iss, op.issuer);
    assert.equal(claims.aud, client.id);
    assert.equal(claims.sub, 'premium-reader');
    assert.equal(claims.email, 'premium-reader@example.test');
    assert.equal(claims.name, 'Premium Reader');
    assert.equal(claims.plan, 'premium');
    assert.equal(claims.nonce, 'nonce-1');
    assert.equal(typeof claims.sid, 'string');
    assert.ok(claims.sid.length > 0);
  });

  test('Userinfo answers the plan and plan_slugs for the access token', { timeout }, async () => {
    const response = await fetch(`${op.issuer}/oauth/userinfo`, {
      headers: { authorization: `Bearer ${tokens.body.access_token}` },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      sub: 'premium-reader',
      email: 'premium-reader@example.test',
      name: 'Premium Reader',
      plan: 'premium',
      plan_slugs: ['premium'],
    });
  });

  test('Userinfo refuses an unknown access token with a Bearer invalid_token challenge', { timeout }, async () => {
    const response = await fetch(`${op.issuer}/oauth/userinfo`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate'), /^Bearer .*error="invalid_token"/);
  });

  test('A code is redeemed only once', { timeout }, async () => {
    const again = await redeem(back.searchParams.get('code'));
    assert.equal(again.status, 400);
    assert.equal(again.body.error, 'invalid_grant');
  });

  test('Silent re-authentication with prompt=none returns a code for the same session', { timeout }, async () => {
    const silent = location(await browser.get(authorizeUrl({ prompt: 'none', state: 'silent' })), op.issuer);
    assert.equal(silent.searchParams.get('state'), 'silent');
    assert.equal(silent.searchParams.get('error'), null);
    const silentTokens = await redeem(silent.searchParams.get('code'));
    assert.equal(decodeJwt(silentTokens.body.id_token).payload.sid, idToken.payload.sid);
  });
});

test('A login without a known plan gets no plan claim; plus-reader gets plus', { timeout }, async () => {
  const other = await signIn(new Browser(), 'someone-else');
  const otherClaims = decodeJwt((await redeem(other.searchParams.get('code'))).body.id_token).payload;
  assert.equal(otherClaims.email, 'someone-else@example.test');
  assert.equal(otherClaims.plan, undefined);

  const plus = await signIn(new Browser(), 'plus-reader');
  const plusClaims = decodeJwt((await redeem(plus.searchParams.get('code'))).body.id_token).payload;
  assert.equal(plusClaims.plan, 'plus');
});

test('Redirect URI may carry extra query parameters, as at Pliro', { timeout }, async () => {
  const withExtra = `${redirectUri}?returnUrl=%2Farticles%2Fx`;
  const back = await signIn(new Browser(), 'plus-reader', { redirect_uri: withExtra });
  assert.equal(back.searchParams.get('returnUrl'), '/articles/x');
  const tokens = await redeem(back.searchParams.get('code'), { redirect: withExtra });
  assert.equal(tokens.status, 200);
});

test('An unregistered redirect URI gets no redirect', { timeout }, async () => {
  const response = await new Browser().get(authorizeUrl({ redirect_uri: 'http://127.0.0.1:9/elsewhere' }));
  assert.equal(response.status, 400);
  assert.equal(response.headers.get('location'), null);
});

test('Token endpoint refuses a wrong client secret with 401 invalid_client', { timeout }, async () => {
  const back = await signIn(new Browser(), 'plus-reader');
  const tokens = await redeem(back.searchParams.get('code'), { secret: 'wrong' });
  assert.equal(tokens.status, 401);
  assert.equal(tokens.body.error, 'invalid_client');
});

test('Test control endpoint changes the plan seen by the next silent sign-in', { timeout }, async () => {
  const browser = new Browser();
  const first = await signIn(browser, 'upgrading-reader');
  assert.equal(decodeJwt((await redeem(first.searchParams.get('code'))).body.id_token).payload.plan, undefined);

  const control = await fetch(`${op.issuer}/_test/accounts/upgrading-reader/plan`, {
    method: 'POST',
    body: new URLSearchParams({ plan: 'premium' }),
  });
  assert.equal(control.status, 204);

  const silent = location(await browser.get(authorizeUrl({ prompt: 'none' })), op.issuer);
  const claims = decodeJwt((await redeem(silent.searchParams.get('code'))).body.id_token).payload;
  assert.equal(claims.plan, 'premium');
});

test('Sign-out with id_token_hint needs no confirmation, notifies the back channel and ends the session', { timeout }, async () => {
  const browser = new Browser();
  const back = await signIn(browser, 'premium-reader');
  const { id_token: idToken } = (await redeem(back.searchParams.get('code'))).body;
  const { sid } = decodeJwt(idToken).payload;

  const endSession = new URL(`${op.issuer}/oauth/end_session`);
  endSession.search = new URLSearchParams({
    client_id: client.id,
    id_token_hint: idToken,
    post_logout_redirect_uri: postLogoutRedirectUri,
    state: 'bye',
  }).toString();
  const page = await browser.get(endSession);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.doesNotMatch(html, /Yes, sign me out/);
  assert.match(html, /\.submit\(\)/);
  const form = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)]
    .map(([, name, value]) => [name, value]));
  assert.equal(form.logout, 'yes');

  const logoutTokenArrives = backchannel.nextToken();
  const done = location(await browser.post(formAction(html), form), op.issuer);
  assert.equal(`${done.origin}${done.pathname}`, postLogoutRedirectUri);
  assert.equal(done.searchParams.get('state'), 'bye');

  const logoutToken = decodeJwt(await logoutTokenArrives);
  assert.equal(logoutToken.header.typ, 'logout+jwt');
  assert.equal(logoutToken.header.alg, 'ES256');
  assert.equal(logoutToken.payload.iss, op.issuer);
  assert.equal(logoutToken.payload.aud, client.id);
  assert.equal(logoutToken.payload.sub, 'premium-reader');
  assert.equal(logoutToken.payload.sid, sid);
  assert.equal(logoutToken.payload.nonce, undefined);
  assert.deepEqual(logoutToken.payload.events, { 'http://schemas.openid.net/event/backchannel-logout': {} });

  const silent = location(await browser.get(authorizeUrl({ prompt: 'none', state: 'after' })), op.issuer);
  assert.equal(silent.searchParams.get('error'), 'login_required');
  assert.equal(silent.searchParams.get('state'), 'after');
});

test('Sign-out without id_token_hint asks the customer to confirm', { timeout }, async () => {
  const browser = new Browser();
  await signIn(browser, 'plus-reader');
  const endSession = new URL(`${op.issuer}/oauth/end_session`);
  endSession.search = new URLSearchParams({
    client_id: client.id,
    post_logout_redirect_uri: postLogoutRedirectUri,
  }).toString();
  const page = await browser.get(endSession);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<button[^>]*name="logout"[^>]*>Yes, sign me out<\/button>/);
  assert.doesNotMatch(html, /\.submit\(\)/);
});
