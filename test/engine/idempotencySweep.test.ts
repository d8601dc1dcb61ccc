import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

const product = { name: 'Swept', type: 'account', price_cents: 500, currency: 'USD' };
const DAY = 24 * 3600 * 1000;

describe('idempotency keys are swept', () => {
  it('a shop keeps only a TTL’s worth of keys: expired ones go as new ones arrive', async () => {
    const t = new TestSandbox();
    const kept = t.sandbox.demo.idempotency;
    for (let i = 0; i < 70; i++) await t.post('/v1/products', product, { headers: { 'Idempotency-Key': `old-${i}` } });
    expect(kept.size).toBe(70);
    t.sandbox.demo.clock.advance(DAY / 2);
    await t.post('/v1/products', product, { headers: { 'Idempotency-Key': 'noon' } });
    expect(kept.size).toBe(71);
    t.sandbox.demo.clock.advance(DAY / 2);
    await t.post('/v1/products', product, { headers: { 'Idempotency-Key': 'next-day' } });
    expect([...kept.keys()]).toEqual(['noon', 'next-day']);
  });

  it('a key used again after it expired counts from its new use, and still replays', async () => {
    const t = new TestSandbox();
    const kept = t.sandbox.demo.idempotency;
    await t.post('/v1/products', product, { headers: { 'Idempotency-Key': 'again' } });
    for (let i = 0; i < 69; i++) await t.post('/v1/products', product, { headers: { 'Idempotency-Key': `k-${i}` } });
    t.sandbox.demo.clock.advance(DAY);
    // the sweep before it removes all 70 expired keys; the reused key starts a new day
    const renewed = await t.post('/v1/products', { ...product, name: 'Renewed' }, { headers: { 'Idempotency-Key': 'again' } });
    expect(renewed.status).toBe(201);
    expect([...kept.keys()]).toEqual(['again']);
    t.sandbox.demo.clock.advance(DAY - 1000);
    const replay = await t.post('/v1/products', { ...product, name: 'Renewed' }, { headers: { 'Idempotency-Key': 'again' } });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(renewed.text);
  });
});
