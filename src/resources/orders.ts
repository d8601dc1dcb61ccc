import { Problem } from '../engine/problem.js';
import { isoSeconds } from '../state/clock.js';
import type { Order, OrderStatus, Refund } from '../state/records.js';
import { defineJob } from '../state/jobs.js';
import type { Tenant } from '../state/tenant.js';
import type { HandlerSet } from '../services.js';
import { fakeTxHash } from './chains.js';
import { refreshCustomer } from './customers.js';
import { paginate } from './list.js';
import { REFUND_SETTLE_MS } from './timings.js';

/** Orders whose delivery email exists to be sent again: paid, or further along the happy path. */
const RESENDABLE: readonly OrderStatus[] = ['paid', 'delivering', 'completed', 'refunded'];

export function findOrder(tenant: Tenant, id: string): Order {
  const order = tenant.orders.get(id);
  if (!order) throw Problem.notFound('order', id);
  return order;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Inclusive bounds in ms; a bare date in `to` reaches the last millisecond of that day (UTC). */
function bound(value: string | undefined, edge: 'from' | 'to'): number | undefined {
  if (value === undefined) return undefined;
  if (DATE_ONLY.test(value)) return Date.parse(`${value}T${edge === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`);
  return Date.parse(value);
}

/**
 * A refund starts `processing` and settles `succeeded` after REFUND_SETTLE_MS
 * of shop time, with the transaction that returned the funds. Its timestamp is
 * the scheduled moment, not whenever the job happened to run.
 */
const settle = defineJob<{ orderId: string; refundId: string }>('refund.settle', (tenant, { orderId, refundId }, due) => {
  const order = tenant.orders.get(orderId);
  if (!order) return;
  const refunds = order.refunds.map((r) =>
    r.id === refundId && r.status === 'processing'
      ? { ...r, status: 'succeeded' as const, succeeded_at: isoSeconds(due), destination_tx: fakeTxHash(order.payment?.chain ?? 'tron', tenant.random) }
      : r,
  );
  tenant.emit('order.refunded', tenant.orders.update(orderId, { refunds }));
});

function settleLater(tenant: Tenant, orderId: string, refundId: string): void {
  settle(tenant, tenant.clock.now() + REFUND_SETTLE_MS, { orderId, refundId });
}

export const orderHandlers = {
  listOrders: ({ tenant, query, services }) => {
    const from = bound(query.from, 'from');
    const to = bound(query.to, 'to');
    return paginate(tenant.orders, services.cursors, query, {
      filters: { status: query.status, from: query.from, to: query.to },
      where: (o) => {
        if (query.status && o.status !== query.status) return false;
        if (from === undefined && to === undefined) return true;
        const created = Date.parse(o.created_at);
        return (from === undefined || created >= from) && (to === undefined || created <= to);
      },
    });
  },

  getOrder: ({ tenant, params }) => findOrder(tenant, params.uuid),

  refundOrder: ({ tenant, params, body }) => {
    const order = findOrder(tenant, params.uuid);
    if (order.paid_at === null) {
      throw Problem.rule(
        'order.status',
        `must have been paid to be refunded; this order is ${order.status}`,
        `Order ${order.id} was never paid (status ${order.status}), so there is nothing to refund.`,
      );
    }
    const refundable = order.total_cents - order.refunded_cents;
    if (refundable === 0) {
      throw Problem.rule(
        'order.refunded_cents',
        'must be below total_cents: nothing is left to refund',
        `Nothing is left to refund on order ${order.id}: ${order.refunded_cents} of ${order.total_cents} is already refunded.`,
      );
    }
    const amount = body.amount_cents ?? refundable;
    if (amount > refundable) {
      throw Problem.rule(
        'body.amount_cents',
        `must be <= ${refundable} (total_cents - refunded_cents)`,
        `The refund exceeds the refundable amount of ${refundable}.`,
      );
    }
    const refund: Refund = {
      id: tenant.ids.next('rf'),
      order_id: order.id,
      status: 'processing',
      amount_cents: amount,
      reason: body.reason ?? null,
      note: body.note ?? null,
      destination_tx: null,
      created_at: tenant.now(),
      succeeded_at: null,
    };
    const refunded = order.refunded_cents + amount;
    const updated = tenant.orders.update(order.id, {
      refunds: [...order.refunds, refund],
      refunded_cents: refunded,
      status: refunded === order.total_cents ? 'refunded' : order.status,
    });
    refreshCustomer(tenant, order.customer_id);
    tenant.emit('order.refunded', updated);
    settleLater(tenant, order.id, refund.id);
    return refund;
  },

  resendOrder: ({ tenant, params }) => {
    const order = findOrder(tenant, params.uuid);
    if (!RESENDABLE.includes(order.status)) {
      throw Problem.rule(
        'order.status',
        `must be one of ${RESENDABLE.join(', ')} to resend the delivery; this order is ${order.status}`,
        `Order ${order.id} is ${order.status}: there is no delivery to send again.`,
      );
    }
    return { sent_at: tenant.now(), recipient: order.customer_email, delivery_kind: order.delivery.kind };
  },
} satisfies HandlerSet;
