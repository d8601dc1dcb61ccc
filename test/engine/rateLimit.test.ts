import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/engine/stages/rateLimit.js';
import { ManualClock } from '../../src/state/clock.js';
import { seededRandom } from '../../src/state/random.js';
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

  it('remaining decreases, then a 429 whose Retry-After is exactly when the oldest counted write leaves the window', async () => {
    const t = new TestSandbox({ rateLimits: { write: 3 } });
    const body = { name: 'R', type: 'account', price_cents: 1, currency: 'USD' };
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      seen.push((await t.post('/v1/products', body)).headers.ratelimit);
      t.clock.advance(10_000);
    }
    // t = seconds until the newest counted write leaves the window (the quota is whole again)
    expect(seen).toEqual(['"writes";r=2;t=60', '"writes";r=1;t=60', '"writes";r=0;t=60']);
    const limited = await t.post('/v1/products', body); // 30 s after the first
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.body.retry_after).toBe(30);
    expect(limited.headers.ratelimit).toBe('"writes";r=0;t=50'); // the newest counted write leaves at 80 s
    // reads are a separate class
    expect((await t.get('/v1/products')).status).toBe(200);
    // refused requests are not counted: hammering does not push the window further away
    for (let i = 0; i < 20; i++) expect((await t.post('/v1/products', body)).status).toBe(429);
    t.clock.advance(29_999);
    expect((await t.post('/v1/products', body)).status).toBe(429);
    t.clock.advance(1);
    const admitted = await t.post('/v1/products', body);
    expect(admitted.status).toBe(201);
    expect(admitted.headers.ratelimit).toBe('"writes";r=0;t=60');
    // the next slot opens when the second write (at 10 s) leaves the window, 10 s later
    expect((await t.post('/v1/products', body)).headers['retry-after']).toBe('10');
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

describe('RateLimiter: an exact rolling window', () => {
  const QUOTA = 120;
  const WINDOW_MS = 60_000;

  function admittedIn(times: number[], from: number): number {
    return times.filter((at) => at >= from && at < from + WINDOW_MS).length;
  }

  it('never admits more than the quota in any 60 s span, and never refuses while the span has room', () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ read: 600, write: QUOTA, windowSeconds: 60 }, clock);
    const random = seededRandom(11);
    const owner = {};
    const admitted: number[] = [];
    let maxAdmitted = 0;
    // bursts and lulls over ten minutes: thousands of attempts
    for (let step = 0; step < 6000; step++) {
      clock.advance(random() < 0.1 ? Math.floor(random() * 20_000) : Math.floor(random() * 50));
      const now = clock.now();
      const decision = limiter.take(owner, 'apik_1', 'write');
      const inLastWindow = admitted.filter((at) => at > now - WINDOW_MS).length;
      if (decision.allowed) admitted.push(now);
      else {
        // refused only when the span ending now is full, and Retry-After points at the first moment it is not
        expect(inLastWindow).toBe(QUOTA);
        const opensAt = admitted[admitted.length - QUOTA] + WINDOW_MS;
        expect(decision.retryAfter).toBe(Math.max(1, Math.ceil((opensAt - now) / 1000)));
      }
      expect(decision.remaining).toBe(QUOTA - admitted.filter((at) => at > now - WINDOW_MS).length);
    }
    for (const at of admitted) maxAdmitted = Math.max(maxAdmitted, admittedIn(admitted, at));
    expect(maxAdmitted).toBe(QUOTA);
    expect(admitted.length).toBeGreaterThan(QUOTA * 5);
  });

  it('a full burst and then one request a second admit 120 in the minute, not the 239 a refilling bucket let through', () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ read: 600, write: QUOTA, windowSeconds: 60 }, clock);
    const owner = {};
    let admitted = 0;
    for (let i = 0; i < 200; i++) if (limiter.take(owner, 'k', 'write').allowed) admitted++;
    for (let second = 1; second < 60; second++) {
      clock.set(second * 1000);
      if (limiter.take(owner, 'k', 'write').allowed) admitted++;
    }
    expect(admitted).toBe(QUOTA);
    clock.set(WINDOW_MS);
    expect(limiter.take(owner, 'k', 'write').allowed).toBe(true);
  });

  it('keys and classes have separate windows', () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ read: 1, write: 1, windowSeconds: 60 }, clock);
    const owner = {};
    expect(limiter.take(owner, 'a', 'write').allowed).toBe(true);
    expect(limiter.take(owner, 'a', 'write').allowed).toBe(false);
    expect(limiter.take(owner, 'a', 'read').allowed).toBe(true);
    expect(limiter.take(owner, 'b', 'write').allowed).toBe(true);
    expect(limiter.take({}, 'a', 'write').allowed).toBe(true);
  });
});

describe('rate limits per client IP (hosted mode)', () => {
  const body = { name: 'IP', type: 'account', price_cents: 1, currency: 'USD' };

  it('are on with --public (1,200 reads and 300 writes a minute per IP) and off locally', () => {
    expect(new TestSandbox({ public: true }).sandbox.config.ipRateLimits).toEqual({ read: 1200, write: 300, windowSeconds: 60 });
    expect(new TestSandbox().sandbox.config.ipRateLimits).toBeNull();
    expect(new TestSandbox({ public: true, ipRateLimits: false }).sandbox.config.ipRateLimits).toBeNull();
  });

  it("count one address over all its keys, refuse past the quota without spending the key's, and leave other addresses alone", async () => {
    const t = new TestSandbox({ ipRateLimits: { write: 4 }, trustProxy: true });
    const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });
    const minted = await t.post('/v1/api-keys', { name: 'second', mode: 'test', abilities: ['products:write'] }, from('203.0.113.7'));
    expect(minted.status).toBe(201);
    const other = { ...from('203.0.113.7'), key: minted.body.secret as string };
    expect((await t.post('/v1/products', body, from('203.0.113.7'))).status).toBe(201);
    expect((await t.post('/v1/products', body, other)).status).toBe(201);
    expect((await t.post('/v1/products', body, other)).status).toBe(201);
    // the fifth write from this address, whichever key: 429 naming the IP's policy
    const refused = await t.post('/v1/products', body, from('203.0.113.7'));
    expect(refused.status).toBe(429);
    expect(refused.body.type).toBe('rate_limited');
    expect(refused.body.detail).toContain('this client IP');
    expect(refused.headers['ratelimit-policy']).toBe('"ip-writes";q=4;w=60');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // another address is not held back, and the refused write cost the demo key nothing (its 3rd write → r=117)
    const elsewhere = await t.post('/v1/products', body, from('198.51.100.9'));
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.headers.ratelimit).toMatch(/^"writes";r=117;/);
    // reads are their own class, and the window rolls on the clock
    expect((await t.get('/v1/products', from('203.0.113.7'))).status).toBe(200);
    t.clock.advance(60_000);
    expect((await t.post('/v1/products', body, from('203.0.113.7'))).status).toBe(201);
  });
});
