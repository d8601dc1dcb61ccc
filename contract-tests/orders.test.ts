import { describe, expect } from 'vitest';
import { session } from './harness/session.js';
import { advanceClock, getOrder, Shop } from './harness/shop.js';
import { check, skipBecause } from './harness/skip.js';

const s = session('orders');
const shop = new Shop(s);

const REFUND = ['refundOrder'];
const errorFields = (body: { errors?: Record<string, unknown> }) => Object.keys(body.errors ?? {});

describe('listOrders and getOrder', () => {
  check('an order reads the same in the list and on its own', async () => {
    const order = await shop.paidOrder(['listOrders', 'getOrder']);
    const fetched = await getOrder(s, order.id);
    expect(fetched).toEqual(order);
    const list = await s.api.get(`/v1/orders?limit=100&to=${encodeURIComponent(order.created_at)}&from=${encodeURIComponent(order.created_at)}`);
    expect(list.status).toBe(200);
    expect(list.body.data.find((o: { id: string }) => o.id === order.id)).toEqual(fetched);
  });
});

describe('refundOrder', () => {
  check('a partial refund starts processing, counts against the order, and leaves its status', async () => {
    const order = await shop.paidOrder(REFUND, 2);
    const reply = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1, reason: 'requested_by_buyer', note: 'contract suite' }, { idempotencyKey: s.idempotencyKey('partial') });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ order_id: order.id, status: 'processing', amount_cents: 1, reason: 'requested_by_buyer', note: 'contract suite', succeeded_at: null });
    const after = await getOrder(s, order.id);
    expect(after.refunded_cents).toBe(order.refunded_cents + 1);
    expect(after.status).toBe(order.status);
    const { status: _settling, succeeded_at: _at, destination_tx: _tx, ...refund } = reply.body;
    expect(after.refunds.at(-1)).toMatchObject(refund);
  });

  check('without amount_cents the whole remainder is refunded and the order becomes refunded; nothing is left after', async () => {
    const order = await shop.paidOrder(REFUND);
    const reply = await s.api.post(`/v1/orders/${order.id}/refund`, {}, { idempotencyKey: s.idempotencyKey('full') });
    expect(reply.status).toBe(200);
    expect(reply.body.amount_cents).toBe(order.total_cents - order.refunded_cents);
    const after = await getOrder(s, order.id);
    expect(after).toMatchObject({ status: 'refunded', refunded_cents: order.total_cents });
    const again = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 });
    expect(again.status).toBe(422);
    expect(again.body.type).toBe('unprocessable');
    expect(errorFields(again.body).length, 'the errors map names the broken rule').toBeGreaterThan(0);
  });

  check('more than the refundable remainder, or nothing, is 422 naming body.amount_cents', async () => {
    const order = await shop.paidOrder(REFUND);
    const remainder = order.total_cents - order.refunded_cents;
    const tooMuch = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: remainder + 1 });
    expect(tooMuch.status).toBe(422);
    expect(errorFields(tooMuch.body)).toContain('body.amount_cents');
    const zero = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 0 });
    expect(zero.status).toBe(422);
    expect(errorFields(zero.body)).toContain('body.amount_cents');
    expect((await getOrder(s, order.id)).refunded_cents).toBe(order.refunded_cents);
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
    const order = await shop.paidOrder(REFUND, 2);
    const idempotencyKey = s.idempotencyKey('refund');
    const first = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 }, { idempotencyKey });
    const again = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 }, { idempotencyKey });
    expect(again.status).toBe(first.status);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    const after = await getOrder(s, order.id);
    expect(after.refunds.filter((r) => r.id === first.body.id)).toHaveLength(1);
    expect(after.refunded_cents).toBe(order.refunded_cents + 1);
    const changed = await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 2 }, { idempotencyKey });
    expect(changed.status).toBe(409);
  });

  check('a refund moves from processing to succeeded on the shop clock', async () => {
    const order = await shop.paidOrder(REFUND, 2);
    const refund = (await s.api.post(`/v1/orders/${order.id}/refund`, { amount_cents: 1 })).body;
    if (!(await advanceClock(s, 3600))) {
      skipBecause('settling takes the shop clock forward, and the target has no clock to advance (sandbox-only)', { operationIds: [], statuses: [] });
    }
    const settled = (await getOrder(s, order.id)).refunds.find((r) => r.id === refund.id);
    expect(settled).toMatchObject({ status: 'succeeded', succeeded_at: expect.any(String) });
  });
});

describe('resendOrder', () => {
  check('re-sends the delivery of a paid order to its customer', async () => {
    const order = await shop.paidOrder(['resendOrder']);
    const reply = await s.api.post(`/v1/orders/${order.id}/resend`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ recipient: order.customer_email, delivery_kind: order.delivery.kind, sent_at: expect.any(String) });
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
