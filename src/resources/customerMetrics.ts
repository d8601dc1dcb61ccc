import type { Customer, Order } from '../state/records.js';
import { isPaid, netCents } from './balance.js';

export type CustomerMetrics = Pick<Customer, 'orders_count' | 'lifetime_cents' | 'first_seen_at' | 'last_seen_at'>;

/**
 * A customer's numbers, derived from their orders and nothing else (the
 * spec's `Customer` description says the same in words):
 * - `orders_count`: orders that were paid (`paid_at` set);
 * - `lifetime_cents`: the sum of those orders' `total_cents − refunded_cents`;
 * - `first_seen_at`: when their first order was placed;
 * - `last_seen_at`: the latest moment any of their orders was placed or paid.
 * Timestamps are compared as strings: the API writes one fixed ISO format.
 */
export function customerMetrics(orders: readonly Order[]): CustomerMetrics {
  let ordersCount = 0;
  let lifetime = 0;
  let first = '';
  let last = '';
  for (const order of orders) {
    if (isPaid(order)) {
      ordersCount++;
      lifetime += netCents(order);
    }
    if (!first || order.created_at < first) first = order.created_at;
    const seen = order.paid_at && order.paid_at > order.created_at ? order.paid_at : order.created_at;
    if (seen > last) last = seen;
  }
  return { orders_count: ordersCount, lifetime_cents: lifetime, first_seen_at: first, last_seen_at: last };
}
