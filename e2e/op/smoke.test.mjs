// Smoke test: the provider starts on a free port and publishes what a Pliro relying party
// relies on (discovery, ES256 key, sign-out endpoints). Run: node --test e2e/op/
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  Browser, decodeJwt, redeem, runProviderExpectingExit, signIn, startProvider,
} from './harness.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'pliro-op-'));
const pemFile = join(scratch, 'signing-key.pem');

let op;
let discovery;

before(async () => {
  op = await startProvider({ OP_PUBLIC_KEY_PEM_FILE: pemFile, OP_ACCESS_TOKEN_TTL: '120' });
  const response = await fetch(`${op.issuer}/.well-known/openid-configuration`);
  assert.equal(response.status, 200);
  discovery = await response.json();
}, { timeout: 15_000 });

after(async () => {
  await op?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

test('Prints exactly one OP_READY line with the issuer on stdout', () => {
  assert.equal(op.stdout, `OP_READY ${op.issuer}\n`);
  assert.match(op.issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
});

test('Discovery names the issuer it was started with', () => {
  assert.equal(discovery.issuer, op.issuer);
});

test('Discovery offers ES256 for ID tokens', () => {
  assert.ok(discovery.id_token_signing_alg_values_supported.includes('ES256'),
    `got ${discovery.id_token_signing_alg_values_supported}`);
});

test('Discovery offers RP-initiated and back-channel logout', () => {
  assert.equal(discovery.end_session_endpoint, `${op.issuer}/oauth/end_session`);
  assert.equal(discovery.backchannel_logout_supported, true);
  assert.equal(discovery.backchannel_logout_session_supported, true);
});

test('Discovery uses Pliro endpoint paths', () => {
  assert.equal(discovery.authorization_endpoint, `${op.issuer}/oauth/authorize`);
  assert.equal(discovery.token_endpoint, `${op.issuer}/oauth/token`);
  assert.equal(discovery.userinfo_endpoint, `${op.issuer}/oauth/userinfo`);
  assert.deepEqual(discovery.response_types_supported, ['code']);
  assert.deepEqual(discovery.scopes_supported, ['openid', 'email', 'profile']);
  assert.ok(discovery.claims_supported.includes('plan'));
});

test('JWKS publishes one P-256 ES256 signing key without private parts', async () => {
  const response = await fetch(discovery.jwks_uri);
  assert.equal(response.status, 200);
  const { keys } = await response.json();
  assert.equal(keys.length, 1);
  const [key] = keys;
  assert.equal(key.kty, 'EC');
  assert.equal(key.crv, 'P-256');
  assert.equal(key.alg, 'ES256');
  assert.equal(key.use, 'sig');
  assert.ok(key.kid);
  assert.equal(key.d, undefined);
});

test('OP_PUBLIC_KEY_PEM_FILE receives the public half of the published signing key', async () => {
  const { keys: [published] } = await (await fetch(discovery.jwks_uri)).json();
  const fromPem = createPublicKey(readFileSync(pemFile, 'utf8')).export({ format: 'jwk' });
  assert.equal(fromPem.crv, 'P-256');
  assert.equal(fromPem.x, published.x);
  assert.equal(fromPem.y, published.y);
});

test('Refuses to start without a client id and names the variable', { timeout: 15_000 }, async () => {
  const result = await runProviderExpectingExit({
    OP_PORT: '0',
    OP_CLIENT_SECRET: 'x',
    OP_REDIRECT_URI: 'http://127.0.0.1:9/cb',
  });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /OP_CLIENT_ID is required/);
});

test('ID token carries sid even without a back-channel logout URI', { timeout: 15_000 }, async () => {
  const back = await signIn(op, new Browser(), 'premium-reader');
  const tokens = await redeem(op, back.searchParams.get('code'));
  assert.equal(tokens.status, 200);
  assert.equal(tokens.body.expires_in, 120, 'OP_ACCESS_TOKEN_TTL');
  const { header, payload } = decodeJwt(tokens.body.id_token);
  assert.equal(header.alg, 'ES256');
  assert.equal(typeof payload.sid, 'string');
  assert.equal(payload.plan, 'premium');
});
