import type { Order, Payout } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';

/**
 * Money the shop holds. One rule, used by payouts, customer metrics and the
 * fixtures alike: an order counts once it has been paid (`paid_at` is set,
 * whatever happened to its delivery), for its total less what was refunded.
 */
export function isPaid(order: Order): boolean {
  return order.paid_at !== null;
}

/** What a paid order is still worth to the shop: total − refunds that have not failed. */
export function netCents(order: Order): number {
  return isPaid(order) ? order.total_cents - order.refunded_cents : 0;
}

/** Paid orders − refunds − payouts that have not failed (a failed payout's funds are back). */
export function balanceOf(orders: Iterable<Order>, payouts: Iterable<Payout>): number {
  let cents = 0;
  for (const order of orders) cents += netCents(order);
  for (const payout of payouts) if (payout.status !== 'failed') cents -= payout.amount_cents;
  return cents;
}

/**
 * The shop's available balance now. A full scan, on purpose: it runs once per
 * payout request, and a running total kept beside the records could drift
 * from them after a reset or a missed update.
 */
export function availableBalance(tenant: Tenant): number {
  return balanceOf(tenant.orders.all(), tenant.payouts.all());
}
