import { describe, expect, it } from 'vitest';
import { SLOT_BYTES } from '../../src/state/budget.js';
import { REVOKED_KEYS_KEPT } from '../../src/state/store.js';
import { TestSandbox } from '../support/sandbox.js';

const keyProduct = { name: 'Keys', type: 'license_key', price_cents: 900, currency: 'USD' };
/** `n` distinct license keys of `length` characters, starting at `from`. */
const keys = (n: number, length: number, from = 0) => Array.from({ length: n }, (_, i) => `${from + i}-`.padEnd(length, 'k'));
const plenty = { rateLimits: { write: 100_000, read: 100_000 } };

async function keyShop(t: TestSandbox, key?: string) {
  const created = await t.post('/v1/products', keyProduct, { key });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

describe('the shop byte budget', () => {
  it('refuses a write past it with a 422 that names the budget and says how to get room; a reset frees it', async () => {
    const t = new TestSandbox({ memory: { shopBytes: 200_000 } });
    const id = await keyShop(t);
    const batch = (from: number) => ({ keys: keys(100, 500, from) });
    expect((await t.post(`/v1/products/${id}/keys`, batch(0))).status).toBe(201);
    expect((await t.post(`/v1/products/${id}/keys`, batch(100))).status).toBe(201);
    const over = await t.post(`/v1/products/${id}/keys`, batch(200));
    expect(over.status).toBe(422);
    expect(over.body.type).toBe('unprocessable');
    expect(Object.keys(over.body.errors)).toEqual(['shop.budget']);
    expect(over.body.errors['shop.budget'][0]).toMatch(/shop budget of 195\.3 KiB/);
    expect(over.body.detail).toMatch(/reset the shop \(POST \/v1\/test_helpers\/reset\)/);
    // nothing of the refused batch went in
    expect((await t.get(`/v1/products/${id}`)).body.stock).toBe(200);
    const held = t.sandbox.demo.budget.used;
    expect(held).toBeGreaterThan(100_000);
    expect((await t.post('/v1/test_helpers/reset', {})).status).toBe(200);
    expect(t.sandbox.demo.budget.used).toBeLessThan(20_000);
    const again = await keyShop(t);
    expect((await t.post(`/v1/products/${again}/keys`, batch(0))).status).toBe(201);
  });

  it('a refused write does not spend its Idempotency-Key: the same request may be retried once there is room', async () => {
    const t = new TestSandbox({ memory: { shopBytes: 120_000 } });
    const id = await keyShop(t);
    const headers = { 'Idempotency-Key': 'import-1' };
    const body = { keys: keys(100, 500) };
    expect((await t.post(`/v1/products/${id}/keys`, { keys: keys(40, 500, 1000) })).status).toBe(201);
    expect((await t.post(`/v1/products/${id}/keys`, body, { headers })).status).toBe(422);
    // not a 409 "in progress": the key was released
    const retried = await t.post(`/v1/products/${id}/keys`, body, { headers });
    expect(retried.status).toBe(422);
    expect(retried.body.errors['shop.budget']).toBeDefined();
  });

  it('remembered idempotent replies count against it', async () => {
    const t = new TestSandbox(plenty);
    const budget = t.sandbox.demo.budget;
    const long = { name: 'Remembered', type: 'account', price_cents: 100, currency: 'USD', description: 'd'.repeat(5000) };
    const before = budget.state.used;
    const first = await t.post('/v1/products', long, { headers: { 'Idempotency-Key': 'remember-me' } });
    const withReply = budget.state.used - before;
    const second = await t.post('/v1/products', { ...long, name: 'Not remembered' });
    const withoutReply = budget.state.used - before - withReply;
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    // the remembered one holds its reply (about its body again, twice) on top of the record
    expect(withReply - withoutReply).toBeGreaterThan(2 * first.text.length);
  });

  it('minting and revoking keys forever holds a bounded amount: the oldest revoked keys are forgotten', async () => {
    const t = new TestSandbox(plenty);
    const mintAndRevoke = async () => {
      const minted = await t.post('/v1/api-keys', { name: 'churn', abilities: ['orders:read'], mode: 'test' });
      expect(minted.status).toBe(201);
      expect((await t.delete(`/v1/api-keys/${minted.body.id}`)).status).toBe(200);
      return minted.body as { id: string; secret: string };
    };
    const first = await mintAndRevoke();
    expect((await t.get('/v1/products', { key: first.secret })).body.detail).toMatch(/revoked/);
    for (let i = 1; i < REVOKED_KEYS_KEPT; i++) await mintAndRevoke();
    const keysAtCap = t.sandbox.demo.budget.keys.used;
    for (let i = 0; i < 50; i++) await mintAndRevoke();
    // each forgotten key leaves only its place in creation order (SLOT_BYTES, counted)
    expect(t.sandbox.demo.budget.keys.used).toBe(keysAtCap + 50 * SLOT_BYTES);
    expect([...t.sandbox.demo.apiKeys.ownRecords()]).toHaveLength(REVOKED_KEYS_KEPT);
    // the first one is forgotten: an unknown key to auth, an unknown id to revoke
    const unknown = await t.get('/v1/products', { key: first.secret });
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).not.toMatch(/revoked/);
    expect((await t.delete(`/v1/api-keys/${first.id}`)).status).toBe(404);
  });
});

describe('the process ceiling', () => {
  it('a write that would pass it evicts the least recently active visitor shop, not the writer or the demo shop', async () => {
    const limit = 100_000;
    const t = new TestSandbox({ memory: { processBytes: limit } });
    const shop = async () => (await t.post('/v1/test_helpers/tenants', {}, { key: null })).body as { tenant_id: string; secret: string };
    const a = await shop();
    t.clock.advance(1000);
    const b = await shop();
    t.clock.advance(1000);
    const writer = await shop();
    t.clock.advance(1000);
    await t.get('/v1/products', { key: b.secret }); // a is now the least recently active
    const id = await keyShop(t, writer.secret);
    const memory = t.sandbox.store.memory;
    const aBytes = t.sandbox.store.get(a.tenant_id)!.budget.used;
    // a body whose allowance fits once a is gone, and only then
    const room = limit - memory.used;
    const target = Math.floor((room + aBytes / 2 - 4096) / 2);
    const body = { keys: keys(Math.ceil(target / 60), 55) };
    expect(2 * JSON.stringify(body).length + 4096).toBeGreaterThan(room);
    expect((await t.post(`/v1/products/${id}/keys`, body, { key: writer.secret })).status).toBe(201);
    expect((await t.get('/v1/products', { key: a.secret })).status).toBe(401);
    expect((await t.get('/v1/products', { key: b.secret })).status).toBe(200);
    expect((await t.get('/v1/products', { key: writer.secret })).status).toBe(200);
    expect((await t.get('/v1/products')).status).toBe(200);
    expect(t.sandbox.services.ephemeral.evicted).toBe(1);
  });
});

describe('caps', () => {
  it('a key pool never passes its cap: the incoming batch is counted in, duplicates are not', async () => {
    const t = new TestSandbox({ caps: { resourcesPerTenant: 10 } });
    const id = await keyShop(t);
    expect((await t.post(`/v1/products/${id}/keys`, { keys: keys(8, 20) })).status).toBe(201);
    const over = await t.post(`/v1/products/${id}/keys`, { keys: [...keys(2, 20), ...keys(3, 20, 50)] });
    expect(over.status).toBe(422);
    expect(over.body.detail).toMatch(/holds 8 keys and the call adds 3 new ones; .* at 10\. Import at most 2 more/);
    expect((await t.get(`/v1/products/${id}`)).body.stock).toBe(8);
    // the two pooled repeats are skipped, the two new ones fit exactly
    const fits = await t.post(`/v1/products/${id}/keys`, { keys: [...keys(2, 20), ...keys(2, 20, 50)] });
    expect(fits.status).toBe(201);
    expect(fits.body).toEqual({ imported: 2, duplicates: 2, stock_after: 10 });
  });

  it("fixture records do not count against a shop's caps", async () => {
    const t = new TestSandbox({ caps: { resourcesPerTenant: 2 } });
    expect((await t.get('/v1/products?limit=100')).body.data.length).toBeGreaterThan(2);
    expect((await t.post('/v1/products', { ...keyProduct, name: 'One' })).status).toBe(201);
    expect((await t.post('/v1/products', { ...keyProduct, name: 'Two' })).status).toBe(201);
    const third = await t.post('/v1/products', { ...keyProduct, name: 'Three' });
    expect(third.status).toBe(422);
    expect(third.body.detail).toMatch(/already has 2 products/);
  });
});

describe('the shop clock has an upper bound', () => {
  it('100 years past the reference date: one advance more is 422 naming the bound, and creates keep working', async () => {
    const t = new TestSandbox(plenty);
    const year = 365 * 86_400;
    for (let i = 0; i < 100; i++) expect((await t.post('/v1/test_helpers/clock/advance', { seconds: year })).status).toBe(200);
    const beyond = await t.post('/v1/test_helpers/clock/advance', { seconds: 1 });
    expect(beyond.status).toBe(422);
    expect(beyond.body.errors['body.seconds'][0]).toMatch(/past 2126-05-02T08:30:00Z/);
    expect(beyond.body.detail).toMatch(/at most 0 s more/);
    const created = await t.post('/v1/products', { ...keyProduct, name: 'Late' });
    expect(created.status).toBe(201);
    expect(created.body.created_at).toBe('2126-05-02T08:30:00Z');
  });
});
