import { describe, expect } from 'vitest';
import { check, skipBecause } from './harness/skip.js';
import { session } from './harness/session.js';
import { fillPath, operations, type SpecOperation } from './harness/spec.js';
import { hasRoute, target } from './harness/target.js';

const s = session('auth', { ownKey: false });

/** Every authenticated operation the target has, from the spec. */
const authenticated = operations.filter((op) => op.authenticated && (!op.sandboxOnly || hasRoute(op.operationId)));

const base62 = (n: number) =>
  Array.from({ length: n }, () => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 62)]).join('');

/** Credentials that must all be 401: the revoked one is filled in once it exists. */
const credentials: Record<string, { authorization?: string }> = {
  missing: {},
  'another scheme': { authorization: 'Basic Y29udHJhY3Q6c3VpdGU=' },
  'a malformed token': { authorization: 'Bearer not-a-key' },
  'an unknown test key': { authorization: `Bearer sx_test_${base62(24)}` },
  'an unknown live key': { authorization: `Bearer sx_live_${base62(24)}` },
};

async function expect401(op: SpecOperation, name: string, authorization: string | undefined) {
  const path = fillPath(op);
  // No body: authentication is checked before anything else is looked at.
  const reply =
    authorization === undefined
      ? await s.admin.call(op.method, path, undefined, { key: null })
      : await s.admin.call(op.method, path, undefined, { authorization });
  expect(reply.status, `${op.operationId} with ${name}`).toBe(401);
  expect(reply.body.type).toBe('unauthenticated');
  expect(reply.headers['www-authenticate'], 'WWW-Authenticate names the scheme').toMatch(/^Bearer\b/i);
}

describe('401 unauthenticated, on every authenticated operation', () => {
  check('a revoked key is refused from the next request on', async () => {
    const key = await s.mint('to-revoke', ['products:read']);
    expect((await s.admin.get('/v1/products?limit=1', { key: key.secret })).status).toBe(200);
    const revoked = await s.admin.delete(`/v1/api-keys/${key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: key.id, revoked: true });
    const after = await s.admin.get('/v1/products?limit=1', { key: key.secret });
    expect(after.status).toBe(401);
    expect(after.body.type).toBe('unauthenticated');
    credentials['a revoked key'] = { authorization: `Bearer ${key.secret}` };
  });

  for (const op of authenticated) {
    check(`${op.operationId}: missing, malformed, unknown, live and revoked keys`, async () => {
      for (const [name, { authorization }] of Object.entries(credentials)) await expect401(op, name, authorization);
    });
  }
});

describe('live keys', () => {
  check('a key minted without a mode is a live key; a sandbox refuses it with a 401 that says so', async () => {
    // Minting a live key on a real deployment would create a real credential: only where the target is a sandbox.
    if (!hasRoute('advanceClock')) {
      skipBecause('the target is not a sandbox (no test helpers); the suite never mints live keys on a deployment', {
        operationIds: ['createApiKey'],
        statuses: [],
      });
    }
    const minted = await s.admin.post('/v1/api-keys', { name: s.unique('live'), abilities: ['products:read'] });
    expect(minted.status).toBe(201);
    s.defer('revoke live key', () => s.admin.delete(`/v1/api-keys/${minted.body.id}`));
    if ('mode' in minted.body) expect(minted.body.mode).toBe('live');
    expect(minted.body.secret).toMatch(/^sx_live_/);
    const used = await s.admin.get('/v1/products', { key: minted.body.secret });
    expect(used.status).toBe(401);
    // the detail is this sandbox's words; a deployment need not send one
    if (used.body.detail !== undefined) expect(used.body.detail).toMatch(/live/i);
  });
});

describe('the main key', () => {
  check('is a test key and works', async () => {
    expect(target.apiKey.startsWith('sx_test_')).toBe(true);
    const reply = await s.admin.get('/v1/products?limit=1');
    expect(reply.status).toBe(200);
  });
});
