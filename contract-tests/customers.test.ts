import { describe, expect } from 'vitest';
import { walk } from './harness/pages.js';
import { session } from './harness/session.js';
import { Shop } from './harness/shop.js';
import { expectMembers, expectSameObject } from './harness/members.js';
import { check, decided, NotPossible } from './harness/skip.js';

const s = session('customers');
const shop = new Shop(s);

interface Customer {
  id: string;
  email: string;
  orders_count: number;
  lifetime_cents: number;
  first_seen_at: string;
  last_seen_at: string;
  orders?: Array<{ id: string; status: string; total_cents: number; paid_at: string | null; created_at: string }>;
}

describe('getCustomer', () => {
  check('a customer from the list reads the same on its own, with its orders newest first', async (ctx) => {
    const [first] = (await s.api.get('/v1/customers?limit=1')).body.data as Customer[];
    if (!first) throw new NotPossible('the shop has no customers', { operationIds: ['getCustomer'] });
    const reply = await s.api.get(`/v1/customers/${first.id}`);
    expect(reply.status).toBe(200);
    const { orders, ...summary } = reply.body as Customer;
    expectSameObject(summary, first, 'the customer in the list and on its own');
    expect(summary.first_seen_at <= summary.last_seen_at).toBe(true);
    decided(ctx, "a customer's orders carry created_at, newest first", () => {
      const created = orders!.map((o) => o.created_at);
      expect(created).toEqual([...created].sort().reverse());
    });
  });
});

describe('customers are derived from orders, by email', () => {
  check('a first order creates the customer; a second one adds to its count and lifetime', async () => {
    const email = shop.email('new-customer');
    const first = await shop.simulate({ email });
    if (!first)
      throw new NotPossible('needs orders from a new email, which only a sandbox can simulate', {
        operationIds: ['getCustomer', 'listCustomers'],
        statuses: [],
      });
    const customer = (await s.api.get(`/v1/customers/${first.customer_id}`)).body as Customer;
    expectMembers(customer, { id: first.customer_id, email, orders_count: 1, lifetime_cents: first.total_cents });
    expect(customer.orders!.map((o) => o.id)).toEqual([first.id]);

    const second = (await shop.simulate({ email }))!;
    expect(second.customer_id).toBe(first.customer_id);
    const after = (await s.api.get(`/v1/customers/${first.customer_id}`)).body as Customer;
    expectMembers(after, { orders_count: 2, lifetime_cents: first.total_cents + second.total_cents });
    expect(after.orders!.map((o) => o.id)).toEqual([second.id, first.id]);
    expect(after.last_seen_at >= customer.last_seen_at).toBe(true);

    const listed = (await walk(s.api, '/v1/customers', 100)).filter((c) => c.email === email);
    expect(
      listed.map((c) => c.id),
      'one customer per email',
    ).toEqual([first.customer_id]);
    expectSameObject(listed[0], { ...after, orders: undefined }, 'the customer in the list and on its own');

    // a refund takes from the lifetime value: the sum of total − refunded over paid orders
    const refunded = await s.api.post(`/v1/orders/${second.id}/refund`, { amount_cents: 7 }, { idempotencyKey: s.idempotencyKey('lifetime') });
    expect(refunded.status).toBe(200);
    const net = (await s.api.get(`/v1/customers/${first.customer_id}`)).body as Customer;
    expectMembers(net, { orders_count: 2, lifetime_cents: first.total_cents + second.total_cents - 7 }, 'the customer after a refund');
  });
});
