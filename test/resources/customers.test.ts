import { describe, expect, it } from 'vitest';
import { everyItem } from '../support/pages.js';
import { TestSandbox } from '../support/sandbox.js';

const ADOBE = 'prod_01J2PVQR41';
const buy = (t: TestSandbox, email: string, extra: Record<string, unknown> = {}) => t.post('/v1/test_helpers/orders', { product: ADOBE, email, ...extra });

describe('customers', () => {
  it('lists customers newest first (by first sighting), paginated with no gaps or repeats', async () => {
    const t = new TestSandbox();
    const seen: string[] = [];
    const firsts: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await t.get(`/v1/customers?limit=40${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.data.map((c: { id: string }) => c.id));
      firsts.push(...page.data.map((c: { first_seen_at: string }) => c.first_seen_at));
      expect(page.has_more).toBe(page.next_cursor !== null);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.length).toBe(t.sandbox.seed.customers.items.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(firsts).toEqual([...firsts].sort().reverse());
    expect((await t.get('/v1/customers')).body.data).toHaveLength(25);
    expect((await t.get('/v1/customers?cursor=bogus')).status).toBe(400);
  });

  it('fetches one customer with their whole order history, newest first, and metrics that add up', async () => {
    const t = new TestSandbox();
    const maya = (await t.get('/v1/customers/cus_01J2PR9M5C')).body;
    expect(maya).toMatchObject({
      email: 'maya.chen@example.com',
      orders_count: 8,
      lifetime_cents: 103200,
      first_seen_at: '2026-04-12T09:21:55Z',
      last_seen_at: '2026-05-26T07:14:22Z',
    });
    expect(maya.orders.map((o: { id: string }) => o.id)).toEqual([
      'ord_01J2PVP4XJ',
      'ord_01J0HE83KW',
      'ord_01HY1Q6VKE',
      'ord_01HXG8W3BF',
      'ord_01HWZ0D4PX',
      'ord_01HWE5R1CA',
      'ord_01HVX3M8TN',
      'ord_01HVB7K2QD',
    ]);
    let lifetime = 0;
    for (const summary of maya.orders) {
      const order = (await t.get(`/v1/orders/${summary.id}`)).body;
      expect(summary).toEqual({ id: order.id, status: order.status, total_cents: order.total_cents, paid_at: order.paid_at, created_at: order.created_at });
      lifetime += order.total_cents - order.refunded_cents;
    }
    expect(lifetime).toBe(103200);
    const missing = await t.get('/v1/customers/cus_01J2PZZZZZ');
    expect(missing.status).toBe(404);
  });

  it('a first purchase creates the customer (customer.created) on top of the list; a later one updates it', async () => {
    const t = new TestSandbox();
    const seen: string[] = [];
    t.sandbox.bus.subscribe((_tenant, e) => seen.push(e.type));
    const order = (await buy(t, 'new.buyer@example.com', { quantity: 2 })).body;
    expect(seen[0]).toBe('customer.created');
    const top = (await t.get('/v1/customers?limit=1')).body.data[0];
    expect(top).toEqual({
      id: order.customer_id,
      email: 'new.buyer@example.com',
      orders_count: 1,
      lifetime_cents: 25800,
      first_seen_at: '2026-05-26T08:30:00Z',
      last_seen_at: '2026-05-26T08:30:00Z',
    });
    t.sandbox.demo.clock.advance(3600_000);
    seen.length = 0;
    // emails match case-insensitively
    const again = (await buy(t, 'New.Buyer@Example.com')).body;
    expect(again.customer_id).toBe(order.customer_id);
    expect(seen).not.toContain('customer.created');
    const detail = (await t.get(`/v1/customers/${order.customer_id}`)).body;
    expect(detail).toMatchObject({ orders_count: 2, lifetime_cents: 38700, first_seen_at: '2026-05-26T08:30:00Z', last_seen_at: '2026-05-26T09:30:00Z' });
    expect(detail.orders.map((o: { id: string }) => o.id)).toEqual([again.id, order.id]);
  });

  it('a returning documented customer gains the order; unpaid orders count nowhere; refunds lower lifetime', async () => {
    const t = new TestSandbox();
    const paid = (await buy(t, 'maya.chen@example.com')).body;
    expect(paid.customer_id).toBe('cus_01J2PR9M5C');
    await buy(t, 'maya.chen@example.com', { outcome: 'awaiting_payment' });
    await buy(t, 'maya.chen@example.com', { outcome: 'failed' });
    let maya = (await t.get('/v1/customers/cus_01J2PR9M5C')).body;
    expect(maya).toMatchObject({ orders_count: 9, lifetime_cents: 103200 + 12900 });
    expect(maya.orders).toHaveLength(11);
    expect(maya.orders.slice(0, 3).map((o: { status: string }) => o.status)).toEqual(['failed', 'awaiting_payment', 'completed']);
    await t.post(`/v1/orders/${paid.id}/refund`, { amount_cents: 900 });
    await t.post('/v1/orders/ord_01J2PVP4XJ/refund', {});
    maya = (await t.get('/v1/customers/cus_01J2PR9M5C')).body;
    // a fully refunded order still counts as an order, for nothing
    expect(maya).toMatchObject({ orders_count: 9, lifetime_cents: 103200 + 12900 - 900 - 4900 });
    const listed = (await everyItem(t, '/v1/customers')).find((c: { id: string }) => c.id === 'cus_01J2PR9M5C');
    expect(listed.lifetime_cents).toBe(maya.lifetime_cents);
  });

  it('a checkout that never gets paid still creates the customer, with nothing counted', async () => {
    const t = new TestSandbox();
    const order = (await buy(t, 'window.shopper@example.org', { outcome: 'awaiting_payment' })).body;
    const customer = (await t.get(`/v1/customers/${order.customer_id}`)).body;
    expect(customer).toMatchObject({ email: 'window.shopper@example.org', orders_count: 0, lifetime_cents: 0 });
    expect(customer.orders).toEqual([{ id: order.id, status: 'awaiting_payment', total_cents: 12900, paid_at: null, created_at: '2026-05-26T08:30:00Z' }]);
  });

  it('needs customers:read', async () => {
    const t = new TestSandbox();
    const { secret } = t.sandbox.store.mint(t.sandbox.demo, { name: 'orders only', abilities: ['orders:read'], mode: 'test' });
    expect((await t.get('/v1/customers', { key: secret })).status).toBe(403);
    expect((await t.get('/v1/customers/cus_01J2PR9M5C', { key: secret })).body.required_ability).toBe('customers:read');
  });
});
