import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

const ADOBE = 'prod_01J2PVQR41';
const VIP = 'prod_01J2PVQS6X';
const simulate = (t: TestSandbox, body: Record<string, unknown>, options?: Parameters<TestSandbox['post']>[2]) =>
  t.post('/v1/test_helpers/orders', { product: ADOBE, email: 'buyer@example.com', ...body }, options);

/** `type:id` of every event, and the status each order event carried. */
function record(t: TestSandbox) {
  const seen: string[] = [];
  t.sandbox.bus.subscribe((_tenant, e) => {
    const object = e.data.object as { id: string; status?: string };
    seen.push(e.type.startsWith('order.') ? `${e.type}(${object.status})` : e.type);
  });
  return seen;
}

describe('simulated checkout (POST /v1/test_helpers/orders)', () => {
  it('completes by default: walks the lifecycle, takes a key from the pool, announces every step', async () => {
    const t = new TestSandbox();
    const seen = record(t);
    const reply = await simulate(t, {});
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'completed',
      total_cents: 12900,
      refunded_cents: 0,
      currency: 'USD',
      customer_email: 'buyer@example.com',
      created_at: '2026-05-26T08:30:00Z',
      paid_at: '2026-05-26T08:30:00Z',
      payment: { provider: 'blockpn', chain: 'tron', asset: 'USDT' },
      items: [{ product: 'Adobe Creative Cloud Key', product_id: ADOBE, qty: 1, subtotal_cents: 12900 }],
      delivery: { kind: 'license_key', state: 'delivered', delivered_at: '2026-05-26T08:30:00Z' },
      refunds: [],
    });
    expect(reply.body.payment.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(seen).toEqual([
      'customer.created',
      'order.created(pending)',
      'order.paid(paid)',
      'product.updated',
      'order.delivered(delivering)',
      'order.completed(completed)',
    ]);
    expect((await t.get(`/v1/products/${ADOBE}`)).body.stock).toBe(46);
    expect((await t.get(`/v1/orders/${reply.body.id}`)).body).toEqual(reply.body);
    expect((await t.get('/v1/orders?limit=1')).body.data[0].id).toBe(reply.body.id);
  });

  it('quantity multiplies the total and takes that many keys; chain and asset are the payment', async () => {
    const t = new TestSandbox();
    const reply = await simulate(t, { quantity: 3, chain: 'solana', asset: 'USDC' });
    expect(reply.body).toMatchObject({ total_cents: 38700, items: [{ qty: 3, subtotal_cents: 38700 }], payment: { chain: 'solana', asset: 'USDC' } });
    expect(reply.body.payment.tx_hash).toMatch(/^[1-9A-HJ-NP-Za-km-z]{88}$/);
    expect((await t.get(`/v1/products/${ADOBE}`)).body.stock).toBe(44);
  });

  it('outcome failed: the payment fails, nothing is taken, the customer exists with nothing counted', async () => {
    const t = new TestSandbox();
    const seen = record(t);
    const reply = await simulate(t, { outcome: 'failed' });
    expect(reply.body).toMatchObject({ status: 'failed', paid_at: null, payment: null, delivery: { state: 'pending', delivered_at: null } });
    expect(seen).toEqual(['customer.created', 'order.created(pending)', 'order.failed(failed)']);
    expect((await t.get(`/v1/products/${ADOBE}`)).body.stock).toBe(47);
  });

  it('outcome awaiting_payment: the checkout stops before payment', async () => {
    const t = new TestSandbox();
    const seen = record(t);
    const reply = await simulate(t, { outcome: 'awaiting_payment', email: 'maya.chen@example.com' });
    expect(reply.body).toMatchObject({ status: 'awaiting_payment', paid_at: null, payment: null, customer_id: 'cus_01J2PR9M5C' });
    expect(seen).toEqual(['order.created(pending)']);
  });

  it('an empty pool fails the delivery after payment, as it would for real; the money can be refunded', async () => {
    const t = new TestSandbox();
    const product = (await t.post('/v1/products', { name: 'Tiny Pool Key', type: 'license_key', price_cents: 1500, currency: 'USD' })).body;
    await t.post(`/v1/products/${product.id}/keys`, { keys: ['K-1', 'K-2'] });
    const seen = record(t);
    const short = await simulate(t, { product: product.id, quantity: 3 });
    expect(short.body).toMatchObject({
      status: 'failed',
      total_cents: 4500,
      paid_at: '2026-05-26T08:30:00Z',
      delivery: { state: 'failed', delivered_at: null },
    });
    expect(seen.slice(1)).toEqual(['order.created(pending)', 'order.paid(paid)', 'order.failed(failed)']);
    expect((await t.get(`/v1/products/${product.id}`)).body.stock).toBe(2);
    expect((await simulate(t, { product: product.id, quantity: 2 })).body.status).toBe('completed');
    expect((await t.get(`/v1/products/${product.id}`)).body.stock).toBe(0);
    const empty = await simulate(t, { product: product.id });
    expect(empty.body).toMatchObject({ status: 'failed', delivery: { state: 'failed' } });
    const refund = await t.post(`/v1/orders/${empty.body.id}/refund`, {});
    expect(refund.status).toBe(200);
    expect((await t.get(`/v1/orders/${empty.body.id}`)).body.status).toBe('refunded');
  });

  it('counted stock goes down and runs out the same way; unlimited stock stays null', async () => {
    const t = new TestSandbox();
    const shirt = (await t.post('/v1/products', { name: 'Sandbox Tee', type: 'physical', price_cents: 2000, currency: 'EUR', stock: 2 })).body;
    expect((await simulate(t, { product: shirt.id, quantity: 2 })).body).toMatchObject({
      status: 'completed',
      currency: 'EUR',
      delivery: { kind: 'physical' },
    });
    expect((await t.get(`/v1/products/${shirt.id}`)).body.stock).toBe(0);
    expect((await simulate(t, { product: shirt.id })).body.status).toBe('failed');
    const vip = await simulate(t, { product: VIP, quantity: 5 });
    expect(vip.body).toMatchObject({ status: 'completed', total_cents: 4995, delivery: { kind: 'account' } });
    expect((await t.get(`/v1/products/${VIP}`)).body.stock).toBeNull();
  });

  it('refuses an unknown or inactive product, and an asset the chain does not carry (422), changing nothing', async () => {
    const t = new TestSandbox();
    const seen = record(t);
    const unknown = await simulate(t, { product: 'prod_01J2PZZZZZ' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toHaveProperty(['body.product']);
    await t.delete(`/v1/products/${VIP}`);
    seen.length = 0;
    const archived = await simulate(t, { product: VIP });
    expect(archived.status).toBe(422);
    expect(archived.body.errors['body.product'][0]).toMatch(/archived/);
    const wrongAsset = await simulate(t, { chain: 'bitcoin', asset: 'USDT' });
    expect(wrongAsset.status).toBe(422);
    expect(wrongAsset.body.errors).toEqual({ 'body.asset': ['must be one of BTC on bitcoin'] });
    expect((await simulate(t, { outcome: 'refunded' })).status).toBe(422);
    expect((await simulate(t, { quantity: 0 })).status).toBe(422);
    expect((await t.post('/v1/test_helpers/orders', { product: ADOBE })).status).toBe(400);
    expect(seen).toEqual([]);
    expect((await t.get('/v1/orders?limit=1')).body.data[0].id).toBe('ord_01J2PVP4XJ');
  });

  it('needs orders:write; an Idempotency-Key makes a retried checkout happen once', async () => {
    const t = new TestSandbox();
    const { secret } = t.sandbox.store.mint(t.sandbox.demo, { name: 'reader', abilities: ['orders:read', 'products:read'], mode: 'test' });
    const denied = await simulate(t, {}, { key: secret });
    expect(denied.status).toBe(403);
    expect(denied.body.required_ability).toBe('orders:write');
    const first = await simulate(t, {}, { headers: { 'Idempotency-Key': 'checkout-1' } });
    const again = await simulate(t, {}, { headers: { 'Idempotency-Key': 'checkout-1' } });
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await t.get(`/v1/products/${ADOBE}`)).body.stock).toBe(46);
  });
});
