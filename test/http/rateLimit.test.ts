import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

const remaining = (header: string) => Number(/r=(\d+)/.exec(header)![1]);

describe('rate limits per key', () => {
  it('documented defaults: 600 reads and 120 writes a minute, in IETF draft-08 headers', async () => {
    const t = new TestSandbox();
    const read = await t.get('/v1/products');
    expect(read.headers['ratelimit-policy']).toBe('"reads";q=600;w=60');
    expect(read.headers.ratelimit).toMatch(/^"reads";r=599;t=\d+$/);
    const write = await t.post('/v1/products', { name: 'W', type: 'account', price_cents: 1, currency: 'USD' });
    expect(write.headers['ratelimit-policy']).toBe('"writes";q=120;w=60');
    expect(remaining(write.headers.ratelimit)).toBe(119);
  });

  it('remaining decreases, then a 429 with Retry-After in whole seconds; the window refills on the clock', async () => {
    const t = new TestSandbox({ rateLimits: { write: 3 } });
    const body = { name: 'R', type: 'account', price_cents: 1, currency: 'USD' };
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) seen.push(remaining((await t.post('/v1/products', body)).headers.ratelimit));
    expect(seen).toEqual([2, 1, 0]);
    const limited = await t.post('/v1/products', body);
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(retryAfter).toBe(20); // one token per 60 s / 3
    // reads are a separate class
    expect((await t.get('/v1/products')).status).toBe(200);
    t.clock.advance((retryAfter - 1) * 1000);
    expect((await t.post('/v1/products', body)).status).toBe(429);
    t.clock.advance(1000);
    expect((await t.post('/v1/products', body)).status).toBe(201);
  });

  it('counts per key: another key has its own budget; rejected requests still count (401 → 429 → 403 order)', async () => {
    const t = new TestSandbox({ rateLimits: { read: 2 } });
    const minted = await t.post('/v1/api-keys', { name: 'reader', abilities: ['orders:read'], mode: 'test' });
    const other = minted.body.secret;
    // 403s count too: the key is known before its ability is checked
    expect((await t.get('/v1/products', { key: other })).status).toBe(403);
    expect((await t.get('/v1/products', { key: other })).status).toBe(403);
    const third = await t.get('/v1/products', { key: other });
    expect(third.status).toBe(429);
    expect((await t.get('/v1/products')).status).toBe(200);
  });
});
