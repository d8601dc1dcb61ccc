import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

const TENANTS = '/v1/test_helpers/tenants';
const MINUTE = 60_000;
const product = { name: 'Visitor thing', type: 'account', price_cents: 500, currency: 'USD' };

/** A visitor shop, asked for the way the docs page does: no key at all. */
async function visitor(t: TestSandbox, headers: Record<string, string> = {}) {
  const reply = await t.post(TENANTS, {}, { key: null, headers });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as { tenant_id: string; secret: string; expires_at: string; idle_ttl_seconds: number };
}

describe('createEphemeralTenant', () => {
  it('needs no key; returns a full-access test key to a shop seeded like the demo shop', async () => {
    const t = new TestSandbox();
    const shop = await visitor(t);
    expect(shop.tenant_id).toMatch(/^tnt_/);
    expect(shop.idle_ttl_seconds).toBe(3600);
    // real time (the system clock), not the shop's clock at the fixtures' reference date
    expect(shop.expires_at).toBe('2026-11-24T12:00:00Z');
    const listed = await t.get('/v1/products', { key: shop.secret });
    expect(listed.body.data.map((p: { id: string }) => p.id)).toContain('prod_01J2PVQR41');
    expect((await t.get('/v1/api-keys', { key: shop.secret })).status).toBe(200); // all nine abilities
    // an empty body is fine too; anything else is the usual validation problem
    expect((await t.post(TENANTS, undefined, { key: null })).status).toBe(201);
    const bad = await t.post(TENANTS, { name: 'mine' }, { key: null });
    expect(bad.status).toBe(400);
  });

  it('isolates visitors from each other and from the demo shop', async () => {
    const t = new TestSandbox();
    const [a, b] = [await visitor(t), await visitor(t)];
    expect(a.secret).not.toBe(b.secret);
    const created = await t.post('/v1/products', product, { key: a.secret });
    expect(created.status).toBe(201);
    expect((await t.get(`/v1/products/${created.body.id}`, { key: a.secret })).status).toBe(200);
    expect((await t.get(`/v1/products/${created.body.id}`, { key: b.secret })).status).toBe(404);
    expect((await t.get(`/v1/products/${created.body.id}`)).status).toBe(404);
    const names = (await t.get('/v1/products', { key: b.secret })).body.data.map((p: { name: string }) => p.name);
    expect(names).not.toContain(product.name);
  });

  it('limits shops per client IP with a "tenants" policy, 429 + Retry-After, refilled on the clock', async () => {
    const t = new TestSandbox({ ephemeral: { perIpPerWindow: 2, windowSeconds: 600 } });
    const first = await t.post(TENANTS, {}, { key: null });
    expect(first.headers['ratelimit-policy']).toBe('"tenants";q=2;w=600');
    expect(first.headers.ratelimit).toMatch(/^"tenants";r=1;t=\d+$/);
    await visitor(t);
    // every attempt counts, checked before the body: 429 comes before 400
    const limited = await t.post(TENANTS, { not: 'allowed' }, { key: null });
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe('rate_limited');
    expect(limited.body.detail).toContain('this client IP');
    // an exact window: both shops were made at once, so room returns when they leave it, 600 s later
    expect(limited.headers['retry-after']).toBe('600');
    expect(limited.body.retry_after).toBe(600);
    // keys are not touched by it
    expect((await t.get('/v1/products')).status).toBe(200);
    t.clock.advance(599_000);
    expect((await t.post(TENANTS, {}, { key: null })).status).toBe(429);
    t.clock.advance(1000);
    await visitor(t);
  });

  it('counts per client IP: behind a trusted proxy, X-Forwarded-For tells visitors apart', async () => {
    const t = new TestSandbox({ trustProxy: true, ephemeral: { perIpPerWindow: 1 } });
    await visitor(t, { 'X-Forwarded-For': '203.0.113.7' });
    expect((await t.post(TENANTS, {}, { key: null, headers: { 'X-Forwarded-For': '203.0.113.7' } })).status).toBe(429);
    await visitor(t, { 'X-Forwarded-For': '198.51.100.20' });
    // only the hop the proxy added counts: a client cannot pose as a fresh IP by writing the header itself
    const spoofed = await t.post(TENANTS, {}, { key: null, headers: { 'X-Forwarded-For': '192.0.2.99, 203.0.113.7' } });
    expect(spoofed.status).toBe(429);
  });

  it('an idle shop expires: its key gets 401 and its memory is freed; requests keep it alive', async () => {
    const t = new TestSandbox({ ephemeral: { idleTtlSeconds: 600 } });
    const [idle, busy] = [await visitor(t), await visitor(t)];
    expect(t.sandbox.store.size).toBe(3);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(5 * MINUTE);
      expect((await t.get('/v1/products?limit=1', { key: busy.secret })).status).toBe(200);
    }
    expect(t.sandbox.services.ephemeral.sweep()).toBe(1);
    const gone = await t.get('/v1/products', { key: idle.secret });
    expect(gone.status).toBe(401);
    expect(t.sandbox.store.get(idle.tenant_id)).toBeUndefined();
    expect(t.sandbox.store.get(busy.tenant_id)).toBeDefined();
    expect(t.sandbox.store.get('tnt_demo')).toBeDefined();
  });

  it('expired shops also go when the next shop is created (no timer needed)', async () => {
    const t = new TestSandbox({ ephemeral: { idleTtlSeconds: 60 } });
    const old = await visitor(t);
    t.clock.advance(MINUTE);
    await visitor(t);
    expect((await t.get('/v1/products', { key: old.secret })).status).toBe(401);
    expect(t.sandbox.services.ephemeral.size).toBe(1);
  });

  it('at the tenant cap, a burst never evicts a shop in use: 503 with Retry-After until one is idle', async () => {
    const t = new TestSandbox({ ephemeral: { maxTenants: 2, idleTtlSeconds: 600 } });
    const a = await visitor(t);
    t.clock.advance(1000);
    const b = await visitor(t);
    t.clock.advance(100_000);
    await t.get('/v1/products', { key: a.secret }); // a is now the more recent
    const full = await t.post(TENANTS, {}, { key: null });
    expect(full.status).toBe(503);
    expect(full.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(full.body.type).toBe('service_unavailable');
    // b was last active 100 s ago: its 600 s idle TTL ends in 500 s
    expect(full.headers['retry-after']).toBe('500');
    expect(full.body.retry_after).toBe(500);
    for (const shop of [a, b]) expect((await t.get('/v1/products', { key: shop.secret })).status).toBe(200);
    // b touched just now by that read: it stays in use; once both are idle past the TTL, creation works again
    t.clock.advance(600_000);
    const c = await visitor(t);
    expect((await t.get('/v1/products', { key: c.secret })).status).toBe(200);
    expect((await t.get('/v1/products', { key: b.secret })).status).toBe(401);
    expect((await t.get('/v1/products')).status).toBe(200); // the demo shop is never evicted
  });
});

describe('public mode (--public)', () => {
  it('keeps the demo key working read-only; visitors get their own writable shops', async () => {
    const t = new TestSandbox({ public: true });
    expect((await t.get('/v1/products')).status).toBe(200);
    const write = await t.post('/v1/products', product);
    expect(write.status).toBe(403);
    expect(write.body.required_ability).toBe('products:write');
    expect(write.body.granted_abilities.every((a: string) => a.endsWith(':read'))).toBe(true);
    expect((await t.post('/v1/test_helpers/reset', {})).status).toBe(403);
    const shop = await visitor(t);
    expect((await t.post('/v1/products', product, { key: shop.secret })).status).toBe(201);
  });

  it('has smaller defaults for strangers, each still configurable', async () => {
    const { config } = new TestSandbox({ public: true }).sandbox;
    expect(config.ephemeral).toMatchObject({ perIpPerWindow: 10, windowSeconds: 600, maxTenants: 1000, idleTtlSeconds: 3600 });
    expect(config.caps).toMatchObject({ resourcesPerTenant: 2000, webhookEndpointsPerTenant: 5, apiKeysPerTenant: 20, keysPerImport: 500 });
    expect(config.bodyLimitBytes).toBe(256 * 1024);
    const custom = new TestSandbox({ public: true, ephemeral: { perIpPerWindow: 3 }, caps: { keysPerImport: 50 } }).sandbox.config;
    expect(custom.ephemeral.perIpPerWindow).toBe(3);
    expect(custom.ephemeral.maxTenants).toBe(1000);
    expect(custom.caps.keysPerImport).toBe(50);
    expect(custom.caps.resourcesPerTenant).toBe(2000);
  });

  it('caps keys per import call with a 422 that names the cap, before anything is pooled', async () => {
    const t = new TestSandbox({ public: true, caps: { keysPerImport: 3 } });
    const shop = await visitor(t);
    const path = '/v1/products/prod_01J2PVQR41/keys';
    const over = await t.post(path, { keys: ['A-1', 'A-2', 'A-3', 'A-4'] }, { key: shop.secret });
    expect(over.status).toBe(422);
    expect(over.body.errors['body.keys'][0]).toContain('3');
    expect((await t.get('/v1/products/prod_01J2PVQR41', { key: shop.secret })).body.stock).toBe(47);
    const ok = await t.post(path, { keys: ['A-1', 'A-2', 'A-3'] }, { key: shop.secret });
    expect(ok.body).toEqual({ imported: 3, duplicates: 0, stock_after: 50 });
  });

  it('hands out secrets no seed reproduces', async () => {
    const a = await visitor(new TestSandbox({ public: true }));
    const b = await visitor(new TestSandbox({ public: true }));
    expect(a.secret).not.toBe(b.secret);
    expect(a.tenant_id).not.toBe(b.tenant_id);
    const c = await visitor(new TestSandbox());
    const d = await visitor(new TestSandbox());
    expect(c.secret).toBe(d.secret); // locally, the same seed gives the same sandbox
  });
});
