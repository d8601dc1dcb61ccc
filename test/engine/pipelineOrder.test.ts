import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

const BAD_JSON = { type: 'application/json', data: '{"name": "x",' };

describe('the documented order of checks: 401 → 429 → 403 → 400/413/415 → 422 → 409', () => {
  it('an unauthenticated request with a bad body is 401, not 400: the body is not read before auth', async () => {
    const t = new TestSandbox();
    for (const raw of [BAD_JSON, { type: 'text/plain', data: 'hello' }, { type: 'application/json', data: `[${'['.repeat(100)}` }]) {
      const reply = await t.post('/v1/products', undefined, { key: null, raw });
      expect(reply.status, raw.data).toBe(401);
      expect(reply.body.type).toBe('unauthenticated');
    }
  });

  it('a key out of quota gets 429 before its bad body, and a key without the ability gets 403 before it', async () => {
    const t = new TestSandbox({ rateLimits: { write: 1 } });
    const reader = (await t.post('/v1/api-keys', { name: 'reader', abilities: ['products:read'], mode: 'test' })).body.secret;
    expect((await t.post('/v1/products', undefined, { key: reader, raw: BAD_JSON })).status).toBe(403);
    // the demo key spent its one write minting that key
    const limited = await t.post('/v1/products', undefined, { raw: BAD_JSON });
    expect(limited.status).toBe(429);
  });

  it('400, 413 and 415 from the body stage carry RateLimit headers and are counted', async () => {
    const t = new TestSandbox({ rateLimits: { write: 3 }, bodyLimitBytes: 64 });
    const bad = await t.post('/v1/products', undefined, { raw: BAD_JSON });
    expect(bad.status).toBe(400);
    expect(bad.headers['ratelimit']).toBe('"writes";r=2;t=60');
    const large = await t.post('/v1/products', { name: 'x'.repeat(100) });
    expect(large.status).toBe(413);
    expect(large.headers['ratelimit']).toBe('"writes";r=1;t=60');
    const form = await t.post('/v1/products', undefined, { raw: { type: 'application/x-www-form-urlencoded', data: 'a=b' } });
    expect(form.status).toBe(415);
    expect(form.headers['ratelimit']).toBe('"writes";r=0;t=60');
    expect(form.headers['ratelimit-policy']).toBe('"writes";q=3;w=60');
    expect((await t.post('/v1/products', undefined, { raw: BAD_JSON })).status).toBe(429);
  });
});
