// A whole day of a shop, through HTTP only: stock up a new license-key product, sell until the pool is
// empty (and once more), refund one order partly and two fully, pay out the balance, let the clock run,
// and check every number and the exact sequence of events the shop emitted.
import { describe, expect, it } from 'vitest';
import { everyItem } from '../support/pages.js';
import { TestSandbox } from '../support/sandbox.js';

const TRON = 'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm';
const PRICE = 2500;

/** The balance as a client can work it out from the lists: paid orders − refunds − payouts that have not failed. */
async function balanceFromLists(t: TestSandbox): Promise<number> {
  const orders = await everyItem(t, '/v1/orders');
  const payouts = await everyItem(t, '/v1/payouts');
  const paid = orders.filter((o) => o.paid_at).reduce((sum, o) => sum + o.total_cents - o.refunded_cents, 0);
  return paid - payouts.filter((p) => p.status !== 'failed').reduce((sum, p) => sum + p.amount_cents, 0);
}

/** The balance as the API states it: the 422 of a payout nobody could afford. */
async function statedBalance(t: TestSandbox): Promise<number> {
  const reply = await t.post('/v1/payouts', { chain: 'tron', asset: 'USDT', amount_cents: 1_000_000_000, destination_address: TRON });
  expect(reply.status).toBe(422);
  return Number(/available balance of (\d+)/.exec(reply.body.detail)![1]);
}

describe('a day in the shop', () => {
  it('stock, sales, refunds, payout and clock add up, and the events tell the story in order', async () => {
    const t = new TestSandbox();
    const names = new Map<string, string>();
    const emitted: [string, string, string][] = [];
    t.sandbox.bus.subscribe((_tenant, e) => emitted.push([e.created_at.slice(11, 19), e.type, (e.data.object as { id: string }).id]));
    // told afterwards, with names instead of ids
    const story = () => emitted.map(([at, type, id]) => `${at} ${type} ${names.get(id) ?? (id.startsWith('po_') ? 'earlier payout' : id)}`);
    const advance = async (seconds: number) => (await t.post('/v1/test_helpers/clock/advance', { seconds })).body;

    // 08:30 — a new product, stocked with five keys
    const product = (await t.post('/v1/products', { name: 'Night Owl VPN Key', type: 'license_key', price_cents: PRICE, currency: 'USD' })).body;
    names.set(product.id, 'vpn');
    const imported = (await t.post(`/v1/products/${product.id}/keys`, { keys: ['NOV-1', 'NOV-2', 'NOV-3', 'NOV-4', 'NOV-5', 'NOV-1'] })).body;
    expect(imported).toEqual({ imported: 5, duplicates: 1, stock_after: 5 });
    const opening = await statedBalance(t);
    expect(opening).toBe(await balanceFromLists(t));

    // sell every 15 minutes until the pool is empty, then once more
    const sales: [string, string, number][] = [
      ['ana', 'ana@example.com', 1],
      ['ben', 'ben@example.com', 2],
      ['ana again', 'ANA@example.com', 1],
      ['cleo', 'cleo@example.com', 1],
      ['dan', 'dan@example.com', 1],
    ];
    const orders: Record<string, any> = {};
    const stock: number[] = [];
    for (const [name, email, quantity] of sales) {
      const order = (await t.post('/v1/test_helpers/orders', { product: product.id, email, quantity })).body;
      orders[name] = order;
      names.set(order.id, name);
      if (!names.has(order.customer_id)) names.set(order.customer_id, name);
      stock.push((await t.get(`/v1/products/${product.id}`)).body.stock);
      await advance(900);
    }
    expect(stock).toEqual([4, 2, 1, 0, 0]);
    expect(Object.values(orders).map((o) => o.status)).toEqual(['completed', 'completed', 'completed', 'completed', 'failed']);
    expect(orders.dan).toMatchObject({ paid_at: '2026-05-26T09:30:00Z', delivery: { state: 'failed' } });
    expect(orders['ana again'].customer_id).toBe(orders.ana.customer_id);

    // 09:45 — one partial refund, one full, and the buyer whose key never came gets everything back
    const partial = (await t.post(`/v1/orders/${orders.ana.id}/refund`, { amount_cents: 1000, reason: 'other' }, { headers: { 'Idempotency-Key': 'r-ana' } }))
      .body;
    await t.post(`/v1/orders/${orders.ana.id}/refund`, { amount_cents: 1000, reason: 'other' }, { headers: { 'Idempotency-Key': 'r-ana' } });
    const full = (await t.post(`/v1/orders/${orders.ben.id}/refund`, { reason: 'requested_by_buyer' })).body;
    const failed = (await t.post(`/v1/orders/${orders.dan.id}/refund`, { reason: 'other' })).body;
    expect([partial.amount_cents, full.amount_cents, failed.amount_cents]).toEqual([1000, 2 * PRICE, PRICE]);

    // pay out everything the shop holds
    const sold = 5 * PRICE + PRICE;
    const refunded = 1000 + 2 * PRICE + PRICE;
    const balance = await statedBalance(t);
    expect(balance).toBe(opening + sold - refunded);
    expect(balance).toBe(await balanceFromLists(t));
    const payout = (
      await t.post(
        '/v1/payouts',
        { chain: 'tron', asset: 'USDT', amount_cents: balance, destination_address: TRON },
        { headers: { 'Idempotency-Key': 'evening-payout' } },
      )
    ).body;
    names.set(payout.id, 'payout');
    await t.post(
      '/v1/payouts',
      { chain: 'tron', asset: 'USDT', amount_cents: balance, destination_address: TRON },
      { headers: { 'Idempotency-Key': 'evening-payout' } },
    );
    expect(payout).toMatchObject({ status: 'queued', amount_cents: balance });
    expect(await statedBalance(t)).toBe(0);

    // the evening: an hour passes
    expect(await advance(3600)).toMatchObject({ now: '2026-05-26T10:45:00Z', jobs_run: 5 });

    // every number
    expect((await t.get(`/v1/products/${product.id}`)).body).toMatchObject({ stock: 0, status: 'active' });
    const after: Record<string, any> = Object.fromEntries(
      await Promise.all(Object.entries(orders).map(async ([name, o]) => [name, (await t.get(`/v1/orders/${o.id}`)).body])),
    );
    expect(
      Object.fromEntries(Object.entries(after).map(([name, o]) => [name, [o.status, o.total_cents, o.refunded_cents, o.refunds.map((r: any) => r.status)]])),
    ).toEqual({
      ana: ['completed', PRICE, 1000, ['succeeded']],
      ben: ['refunded', 2 * PRICE, 2 * PRICE, ['succeeded']],
      'ana again': ['completed', PRICE, 0, []],
      cleo: ['completed', PRICE, 0, []],
      dan: ['refunded', PRICE, PRICE, ['succeeded']],
    });
    expect(after.ana.refunds[0].succeeded_at).toBe('2026-05-26T09:46:00Z');
    const customer = async (name: string) => (await t.get(`/v1/customers/${orders[name].customer_id}`)).body;
    expect(await customer('ana')).toMatchObject({
      email: 'ana@example.com',
      orders_count: 2,
      lifetime_cents: 2 * PRICE - 1000,
      first_seen_at: '2026-05-26T08:30:00Z',
      last_seen_at: '2026-05-26T09:00:00Z',
    });
    expect(await customer('ben')).toMatchObject({ orders_count: 1, lifetime_cents: 0 });
    expect(await customer('cleo')).toMatchObject({ orders_count: 1, lifetime_cents: PRICE });
    expect(await customer('dan')).toMatchObject({ orders_count: 1, lifetime_cents: 0 });
    const paidOut = (await t.get('/v1/payouts?limit=1')).body.data[0];
    expect(paidOut).toMatchObject({ id: payout.id, status: 'confirmed', broadcast_at: '2026-05-26T09:45:20Z', confirmed_at: '2026-05-26T09:47:20Z' });
    expect(await statedBalance(t)).toBe(0);
    expect(await balanceFromLists(t)).toBe(0);

    const sale = (at: string, who: string, isNew: boolean) => [
      ...(isNew ? [`${at} customer.created ${who}`] : []),
      `${at} order.created ${who}`,
      `${at} order.paid ${who}`,
      `${at} product.updated vpn`,
      `${at} order.delivered ${who}`,
      `${at} order.completed ${who}`,
    ];
    expect(story()).toEqual([
      '08:30:00 product.created vpn',
      '08:30:00 product.updated vpn',
      ...sale('08:30:00', 'ana', true),
      // the fixtures' payouts that were in flight at the reference date
      '08:30:12 payout.broadcast earlier payout',
      '08:31:10 payout.confirmed earlier payout',
      '08:32:12 payout.confirmed earlier payout',
      ...sale('08:45:00', 'ben', true),
      ...sale('09:00:00', 'ana again', false),
      ...sale('09:15:00', 'cleo', true),
      '09:30:00 customer.created dan',
      '09:30:00 order.created dan',
      '09:30:00 order.paid dan',
      '09:30:00 order.failed dan',
      '09:45:00 order.refunded ana',
      '09:45:00 order.refunded ben',
      '09:45:00 order.refunded dan',
      '09:45:00 payout.queued payout',
      '09:45:20 payout.broadcast payout',
      '09:46:00 order.refunded ana',
      '09:46:00 order.refunded ben',
      '09:46:00 order.refunded dan',
      '09:47:20 payout.confirmed payout',
    ]);
  });
});
