import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

describe('bearer authentication', () => {
  const t = new TestSandbox();

  const cases: [string, Record<string, string> | null, RegExp][] = [
    ['missing', null, /Missing bearer token/],
    ['another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }, /Malformed Authorization/],
    ['a malformed key', { Authorization: 'Bearer sx_test_short' }, /Malformed API key/],
    ['an unknown key', { Authorization: 'Bearer sx_test_000000000000000000000000' }, /Unknown API key/],
  ];
  for (const [name, headers, detail] of cases) {
    it(`${name} → 401 with WWW-Authenticate`, async () => {
      const reply = await t.get('/v1/products', { key: null, headers: headers ?? {} });
      expect(reply.status).toBe(401);
      expect(reply.body.type).toBe('unauthenticated');
      expect(reply.body.detail).toMatch(detail);
      expect(reply.headers['www-authenticate']).toMatch(/^Bearer realm="sx"/);
    });
  }

  it('a live key is refused, and the detail says the sandbox takes only test keys', async () => {
    const reply = await t.get('/v1/products', { key: 'sx_live_9kzQ7xV9c4fT2mN8rYb3Lp9Q' });
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toMatch(/Live keys .* not accepted by the sandbox/);
    expect(reply.headers['www-authenticate']).toContain('invalid_token');
  });

  it('a revoked key stops working on the very next request', async () => {
    const minted = await t.post('/v1/api-keys', { name: 'short-lived', abilities: ['products:read'], mode: 'test' });
    expect((await t.get('/v1/products', { key: minted.body.secret })).status).toBe(200);
    await t.delete(`/v1/api-keys/${minted.body.id}`);
    const reply = await t.get('/v1/products', { key: minted.body.secret });
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toMatch(/revoked/);
  });
});
