import { describe, expect } from 'vitest';
import { expectErrorsName, expectMembers, expectSameObject, sandboxMember } from './harness/members.js';
import { session } from './harness/session.js';
import { advanceClock, getOrder, Shop } from './harness/shop.js';
import { check, skipBecause } from './harness/skip.js';

const s = session('orders');
const shop = new Shop(s);

const REFUND = ['refundOrder'];
const errorFields = (body: { errors?: Record<string, unknown> }) => Object.keys(body.errors ?? {});
const refund = (id: string, body: Record<string, unknown>, what = 'refund') =>
  s.api.post(`/v1/orders/${id}/refund`, body, { idempotencyKey: s.idempotencyKey(what) });

describe('listOrders and getOrder', () => {
  check('an order reads the same in the list and on its own', async () => {
    const order = await shop.paidOrder(['listOrders', 'getOrder']);
    const fetched = await getOrder(s, order.id);
    expectSameObject(fetched, order, 'the order as simulated and as fetched');
    const list = await s.api.get(`/v1/orders?limit=100&to=${encodeURIComponent(order.created_at)}&from=${encodeURIComponent(order.created_at)}`);
    expect(list.status).toBe(200);
    const listed = list.body.data.find((o: { id: string }) => o.id === order.id);
    expect(listed, 'the order is in the list filtered to its own created_at').toBeDefined();
    expectSameObject(listed, fetched, 'the order in the list and on its own');
  });
});

describe('refundOrder', () => {
  check('a partial refund starts processing, counts against the order, and leaves its status', async () => {
    const order = await shop.paidOrder(REFUND, 2);
    const reply = await refund(order.id, { amount_cents: 1, reason: 'requested_by_buyer', note: 'contract suite' }, 'partial');
    expect(reply.status).toBe(200);
    expectMembers(reply.body, {
      order_id: order.id,
      status: 'processing',
      amount_cents: 1,
      reason: 'requested_by_buyer',
      note: 'contract suite',
      succeeded_at: null,
    });
    const after = await getOrder(s, order.id);
    expect(after.status).toBe(order.status);
    expect(sandboxMember(after, 'refunded_cents')).toBe(order.refunded_cents + 1);
    const { status: _settling, succeeded_at: _at, destination_tx: _tx, ...made } = reply.body;
    expect(sandboxMember<unknown[]>(after, 'refunds').at(-1)).toMatchObject(made);
  });

  check('without amount_cents the whole remainder is refunded, after a partial refund too; the order becomes refunded and nothing is left', async () => {
    const order = await shop.paidOrder(REFUND, 2);
    const before = order.refunded_cents ?? 0;
    expect((await refund(order.id, { amount_cents: 1 }, 'first')).status).toBe(200);
    const reply = await refund(order.id, {}, 'rest');
    expect(reply.status).toBe(200);
    expect(reply.body.amount_cents, 'the default is what is left: total − refunded so far').toBe(order.total_cents - before - 1);
    const after = await getOrder(s, order.id);
    expect(after.status).toBe('refunded');
    if ('refunded_cents' in after) expect(after.refunded_cents).toBe(order.total_cents);
    const again = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 });
    expect(again.status).toBe(422);
    expect(again.body.type).toBe('unprocessable');
    expect(errorFields(again.body).length, 'the errors map names the broken rule').toBeGreaterThan(0);
  });

  check('more than the refundable remainder, or nothing, is 422 naming amount_cents; the exact remainder is taken', async () => {
    const order = await shop.paidOrder(REFUND, 3);
    expect((await refund(order.id, { amount_cents: 1 }, 'history')).status).toBe(200);
    const remainder = order.total_cents - (order.refunded_cents ?? 0) - 1;
    const tooMuch = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: remainder + 1 });
    expect(tooMuch.status, 'the order total, after a partial refund, is more than is left').toBe(422);
    expectErrorsName(tooMuch.body, 'body.amount_cents');
    const zero = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 0 });
    expect(zero.status).toBe(422);
    expectErrorsName(zero.body, 'body.amount_cents');
    expect((await getOrder(s, order.id)).status, 'refused refunds change nothing').toBe(order.status);
    const exact = await refund(order.id, { amount_cents: remainder }, 'exact');
    expect(exact.status, 'exactly what is left can be refunded').toBe(200);
    expect(exact.body.amount_cents).toBe(remainder);
    expect((await getOrder(s, order.id)).status).toBe('refunded');
  });

  for (const status of ['awaiting_payment', 'failed'] as const) {
    check(`an order that is ${status} and was never paid cannot be refunded (422)`, async () => {
      const order = await shop.unpaidOrderIn(status, REFUND);
      const reply = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 });
      expect(reply.status).toBe(422);
      expect(errorFields(reply.body).length).toBeGreaterThan(0);
    });
  }

  check('the same Idempotency-Key refunds once: the replay is the same refund', async () => {
    const order = await shop.paidOrder(REFUND, 3);
    const idempotencyKey = s.idempotencyKey('refund');
    const first = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 }, { idempotencyKey });
    const again = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 }, { idempotencyKey });
    expect(again.status).toBe(first.status);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    // one refund of 1 cent happened, not two: exactly total − refunded − 1 is left to refund
    const left = order.total_cents - (order.refunded_cents ?? 0) - 1;
    expect((await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: left + 1 })).status, 'no second refund was made').toBe(422);
    const changed = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 2 }, { idempotencyKey });
    expect(changed.status).toBe(409);
    const after = await getOrder(s, order.id);
    expect(sandboxMember<Array<{ id: string }>>(after, 'refunds').filter((r) => r.id === first.body.id)).toHaveLength(1);
    expect(after.refunded_cents).toBe(order.refunded_cents + 1);
  });

  check('a refund moves from processing to succeeded on the shop clock', async () => {
    const order = await shop.paidOrder(REFUND, 2);
    const made = (await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 })).body;
    if (!(await advanceClock(s, 3600))) {
      skipBecause('settling takes the shop clock forward, and the target has no clock to advance (sandbox-only)', { operationIds: [], statuses: [] });
    }
    const settled = sandboxMember<Array<{ id: string }>>(await getOrder(s, order.id), 'refunds').find((r) => r.id === made.id);
    expect(settled).toMatchObject({ status: 'succeeded', succeeded_at: expect.any(String) });
  });
});

describe('resendOrder', () => {
  check('re-sends the delivery of a paid order to its customer', async () => {
    const order = await shop.paidOrder(['resendOrder']);
    const reply = await s.api.post(`/v1/orders/${order.id}/resend`);
    expect(reply.status).toBe(200);
    expectMembers(reply.body, { recipient: order.customer_email, delivery_kind: order.delivery.kind, sent_at: expect.any(String) });
    const withEmptyBody = await s.api.post(`/v1/orders/${order.id}/resend`, {});
    expect(withEmptyBody.status).toBe(200);
  });

  for (const status of ['awaiting_payment', 'failed'] as const) {
    check(`an order that is ${status} has nothing to re-send (422)`, async () => {
      const order = await shop.unpaidOrderIn(status, ['resendOrder']);
      const reply = await s.api.post(`/v1/orders/${order.id}/resend`);
      expect(reply.status).toBe(422);
      expect(errorFields(reply.body).length).toBeGreaterThan(0);
    });
  }
});
