import { describe, expect, it } from 'vitest';
import { REFUND_SETTLE_MS } from '../../src/resources/timings.js';
import { everyItem } from '../support/pages.js';
import { TestSandbox, type Reply } from '../support/sandbox.js';

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });
type Order = { id: string; status: string; created_at: string; total_cents: number; refunded_cents: number; refunds: { id: string; status: string }[] };

const all = (t: TestSandbox, path: string): Promise<Order[]> => everyItem(t, path);

const ids = (reply: Reply) => reply.body.data.map((o: { id: string }) => o.id);
const events = (t: TestSandbox) => {
  const seen: string[] = [];
  t.sandbox.bus.subscribe((_tenant, e) => seen.push(`${e.type}:${(e.data.object as { id: string }).id}`));
  return seen;
};

describe('orders: list and fetch', () => {
  it('lists newest first, 25 by default, with the documented orders on top', async () => {
    const t = new TestSandbox();
    const page = await t.get('/v1/orders');
    expect(page.body.data).toHaveLength(25);
    expect(ids(page).slice(0, 2)).toEqual(['ord_01J2PVP4XJ', 'ord_01J2PVN29D']);
    const times = page.body.data.map((o: Order) => o.created_at);
    expect(times).toEqual([...times].sort().reverse());
    expect(page.body.has_more).toBe(true);
  });

  it('filters by status, and pages through a filter with no gaps or repeats', async () => {
    const t = new TestSandbox();
    const everything = await all(t, '/v1/orders');
    expect(everything.length).toBe(t.sandbox.seed.orders.items.length);
    for (const status of ['pending', 'awaiting_payment', 'paid', 'delivering', 'completed', 'failed', 'refunded']) {
      const filtered = await all(t, `/v1/orders?status=${status}`);
      expect(filtered.length, status).toBeGreaterThan(0);
      expect(filtered.every((o) => o.status === status)).toBe(true);
      expect(filtered.map((o) => o.id)).toEqual(everything.filter((o) => o.status === status).map((o) => o.id));
    }
    const first = await t.get('/v1/orders?status=completed&limit=5');
    const reused = await t.get(`/v1/orders?status=failed&limit=5&cursor=${first.body.next_cursor}`);
    expect(reused.status).toBe(400);
    expect(reused.body.errors).toHaveProperty(['query.cursor']);
  });

  it('from/to are inclusive bounds on created_at; a bare date in to means the end of that day', async () => {
    const t = new TestSandbox();
    expect(ids(await t.get('/v1/orders?from=2026-05-26T07:09:31Z'))).toEqual(['ord_01J2PVP4XJ', 'ord_01J2PVN29D']);
    expect(ids(await t.get('/v1/orders?from=2026-05-26T07:09:32Z'))).toEqual(['ord_01J2PVP4XJ']);
    expect(ids(await t.get('/v1/orders?from=2026-05-26T07:09:31Z&to=2026-05-26T07:09:31Z'))).toEqual(['ord_01J2PVN29D']);
    expect(ids(await t.get('/v1/orders?from=2026-05-26T09:13:40%2B02:00'))).toEqual(['ord_01J2PVP4XJ']);
    const day = await all(t, '/v1/orders?from=2026-05-26&to=2026-05-26');
    expect(day.map((o) => o.id).slice(0, 2)).toEqual(['ord_01J2PVP4XJ', 'ord_01J2PVN29D']);
    expect(day.every((o) => o.created_at.startsWith('2026-05-26'))).toBe(true);
    const before = await all(t, '/v1/orders?to=2026-05-25');
    expect(before.length).toBeGreaterThan(300);
    expect(before.every((o) => o.created_at <= '2026-05-25T23:59:59Z')).toBe(true);
    expect(before.length + day.length).toBe(t.sandbox.seed.orders.items.length);
    const may = await all(t, '/v1/orders?from=2026-05-01&to=2026-05-19T22:00:37Z&status=completed');
    expect(may.map((o) => o.id)).toContain('ord_01J0HE83KW');
    expect(may.every((o) => o.created_at >= '2026-05-01T00:00:00Z' && o.created_at <= '2026-05-19T22:00:37Z')).toBe(true);
    expect((await t.get('/v1/orders?from=2026-05-27')).body.data).toEqual([]);
    const bad = await t.get('/v1/orders?from=yesterday');
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveProperty(['query.from']);
  });

  it('fetches one order with payment, items, delivery and refunds; unknown ids are 404', async () => {
    const t = new TestSandbox();
    const order = await t.get('/v1/orders/ord_01HWE5R1CA');
    expect(order.body).toMatchObject({ status: 'completed', total_cents: 12900, refunded_cents: 4900, payment: { chain: 'tron', asset: 'USDT' } });
    expect(order.body.refunds).toEqual([expect.objectContaining({ id: 'rf_01HWF2N6JZ', amount_cents: 4900, status: 'succeeded' })]);
    const missing = await t.get('/v1/orders/ord_01J2PZZZZZ');
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe('not_found');
    expect((await t.get('/v1/orders/prod_01J2PVQR41')).status).toBe(404);
  });
});

describe('orders: refund', () => {
  it('without amount_cents refunds the whole remainder; the order becomes refunded; settles on the shop clock', async () => {
    const t = new TestSandbox();
    const seen = events(t);
    const reply = await t.post('/v1/orders/ord_01J2PVP4XJ/refund', { reason: 'requested_by_buyer' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      order_id: 'ord_01J2PVP4XJ',
      status: 'processing',
      amount_cents: 4900,
      reason: 'requested_by_buyer',
      note: null,
      destination_tx: null,
      created_at: '2026-05-26T08:30:00Z',
      succeeded_at: null,
    });
    expect(reply.body.id).toMatch(/^rf_[0-9A-Z]{26}$/);
    const order = (await t.get('/v1/orders/ord_01J2PVP4XJ')).body;
    expect(order).toMatchObject({ status: 'refunded', refunded_cents: 4900, refunds: [reply.body] });
    expect(seen).toEqual(['order.refunded:ord_01J2PVP4XJ']);

    t.sandbox.demo.scheduler.advance(REFUND_SETTLE_MS - 1000);
    expect((await t.get('/v1/orders/ord_01J2PVP4XJ')).body.refunds[0].status).toBe('processing');
    t.sandbox.demo.scheduler.advance(1000);
    const settled = (await t.get('/v1/orders/ord_01J2PVP4XJ')).body.refunds[0];
    expect(settled).toMatchObject({ status: 'succeeded', succeeded_at: '2026-05-26T08:31:00Z' });
    expect(settled.destination_tx).toMatch(/^0x[0-9a-f]{64}$/);
    expect(seen).toEqual(['order.refunded:ord_01J2PVP4XJ', 'order.refunded:ord_01J2PVP4XJ']);
  });

  it('partial refunds accumulate; the last one that reaches the total sets refunded; the rest is 422', async () => {
    const t = new TestSandbox();
    const first = await t.post('/v1/orders/ord_01J2PVN29D/refund', { amount_cents: 2900, note: 'late delivery' });
    expect(first.body).toMatchObject({ amount_cents: 2900, note: 'late delivery', reason: null });
    let order = (await t.get('/v1/orders/ord_01J2PVN29D')).body;
    expect(order).toMatchObject({ status: 'paid', refunded_cents: 2900 });
    const tooMuch = await t.post('/v1/orders/ord_01J2PVN29D/refund', { amount_cents: 10001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.detail).toBe('The refund exceeds the refundable amount of 10000.');
    expect(tooMuch.body.errors).toEqual({ 'body.amount_cents': ['must be <= 10000 (total_cents - refunded_cents)'] });
    // no body at all: the remainder
    const rest = await t.post('/v1/orders/ord_01J2PVN29D/refund');
    expect(rest.body.amount_cents).toBe(10000);
    order = (await t.get('/v1/orders/ord_01J2PVN29D')).body;
    expect(order).toMatchObject({ status: 'refunded', refunded_cents: 12900 });
    expect(order.refunds.map((r: { id: string }) => r.id)).toEqual([first.body.id, rest.body.id]);
    const nothing = await t.post('/v1/orders/ord_01J2PVN29D/refund', { amount_cents: 1 });
    expect(nothing.status).toBe(422);
    expect(Object.keys(nothing.body.errors)).toEqual(['order.refunded_cents']);
  });

  it('amount_cents of zero or below is 422 naming the field, and changes nothing', async () => {
    const t = new TestSandbox();
    for (const amount of [0, -100]) {
      const reply = await t.post('/v1/orders/ord_01J2PVP4XJ/refund', { amount_cents: amount });
      expect(reply.status).toBe(422);
      expect(reply.body.errors).toHaveProperty(['body.amount_cents']);
    }
    expect((await t.get('/v1/orders/ord_01J2PVP4XJ')).body).toMatchObject({ status: 'paid', refunded_cents: 0, refunds: [] });
  });

  it('an order that was never paid cannot be refunded (422 naming order.status)', async () => {
    const t = new TestSandbox();
    for (const status of ['pending', 'awaiting_payment', 'failed']) {
      const unpaid = (await all(t, `/v1/orders?status=${status}`)).find((o) => (o as unknown as { paid_at: string | null }).paid_at === null)!;
      const reply = await t.post(`/v1/orders/${unpaid.id}/refund`, {});
      expect(reply.status, status).toBe(422);
      expect(reply.body.errors).toEqual({ 'order.status': [`must have been paid to be refunded; this order is ${status}`] });
    }
    expect((await t.post('/v1/orders/ord_01J2PZZZZZ/refund', {})).status).toBe(404);
  });

  it('a retried refund with the same Idempotency-Key never refunds twice', async () => {
    const t = new TestSandbox();
    const seen = events(t);
    const first = await t.post('/v1/orders/ord_01J2PVN29D/refund', { amount_cents: 1000 }, withKey('refund-1'));
    const again = await t.post('/v1/orders/ord_01J2PVN29D/refund', { amount_cents: 1000 }, withKey('refund-1'));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    const order = (await t.get('/v1/orders/ord_01J2PVN29D')).body;
    expect(order.refunded_cents).toBe(1000);
    expect(order.refunds).toHaveLength(1);
    expect(seen).toEqual(['order.refunded:ord_01J2PVN29D']);
    const other = await t.post('/v1/orders/ord_01J2PVN29D/refund', { amount_cents: 2000 }, withKey('refund-1'));
    expect(other.status).toBe(409);
  });

  it('needs orders:write', async () => {
    const t = new TestSandbox();
    const { secret } = t.sandbox.store.mint(t.sandbox.demo, { name: 'reader', abilities: ['orders:read'], mode: 'test' });
    const reply = await t.post('/v1/orders/ord_01J2PVP4XJ/refund', {}, { key: secret });
    expect(reply.status).toBe(403);
    expect(reply.body.required_ability).toBe('orders:write');
    expect((await t.get('/v1/orders/ord_01J2PVP4XJ', { key: secret })).status).toBe(200);
  });
});

describe('orders: resend', () => {
  it('re-sends the delivery of a paid-or-later order to its customer', async () => {
    const t = new TestSandbox();
    const reply = await t.post('/v1/orders/ord_01J2PVP4XJ/resend', {});
    expect(reply.body).toEqual({ sent_at: '2026-05-26T08:30:00Z', recipient: 'maya.chen@example.com', delivery_kind: 'license_key' });
    expect((await t.post('/v1/orders/ord_01J2PVP4XJ/resend')).status).toBe(200);
    for (const status of ['delivering', 'completed', 'refunded']) {
      const [order] = await all(t, `/v1/orders?status=${status}`);
      expect((await t.post(`/v1/orders/${order.id}/resend`)).status, status).toBe(200);
    }
  });

  it('refuses orders before payment, and failed ones, with 422 naming order.status', async () => {
    const t = new TestSandbox();
    for (const status of ['pending', 'awaiting_payment', 'failed']) {
      const [order] = await all(t, `/v1/orders?status=${status}`);
      const reply = await t.post(`/v1/orders/${order.id}/resend`, {});
      expect(reply.status, status).toBe(422);
      expect(reply.body.errors['order.status'][0]).toMatch(`this order is ${status}`);
    }
    expect((await t.post('/v1/orders/ord_01J2PZZZZZ/resend')).status).toBe(404);
    expect((await t.post('/v1/orders/ord_01J2PVP4XJ/resend', { to: 'x' })).status).toBe(400);
  });
});
