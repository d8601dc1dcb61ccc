import { Problem } from '../engine/problem.js';
import type { Customer, Order } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';
import type { HandlerSet } from '../services.js';
import { assertRoom } from './caps.js';
import { customerMetrics } from './customerMetrics.js';
import { paginate } from './list.js';

/**
 * Customers are derived from orders by email (case-insensitive). Each keeps
 * its metrics on its record, recomputed from its own orders whenever one of
 * them changes, so a list page never has to add anything up.
 *
 * customer id → its order ids, oldest first: built on first use by one pass
 * over the shop's orders, then kept by insertOrder.
 */
function ordersByCustomer(tenant: Tenant): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const order of tenant.orders.all().reverse()) file(index, order);
  return index;
}

function file(index: Map<string, string[]>, order: Order): void {
  const ids = index.get(order.customer_id);
  if (ids) ids.push(order.id);
  else index.set(order.customer_id, [order.id]);
}

/** Adds a new order to the shop and to its customer's history. */
export function insertOrder(tenant: Tenant, order: Order): Order {
  const inserted = tenant.orders.insert(order);
  const index = tenant.derived.peek(ordersByCustomer);
  if (index) file(index, inserted);
  return inserted;
}

/** A customer's orders, newest first. */
export function ordersOf(tenant: Tenant, customerId: string): Order[] {
  const ids = tenant.derived.get(ordersByCustomer).get(customerId) ?? [];
  const orders: Order[] = [];
  for (let i = ids.length - 1; i >= 0; i--) {
    const order = tenant.orders.get(ids[i]);
    if (order) orders.push(order);
  }
  return orders;
}

/** The customer for an email, created (and announced) on first sight. */
export function customerFor(tenant: Tenant, email: string, resourceCap: number): Customer {
  const key = email.toLowerCase();
  const existing = tenant.customerIdsByEmail.get(key);
  if (existing) return tenant.customers.get(existing)!;
  assertRoom(tenant.customers.size, resourceCap, 'customers');
  const now = tenant.now();
  const customer = tenant.customers.insert({
    id: tenant.ids.next('cus'),
    email,
    orders_count: 0,
    lifetime_cents: 0,
    first_seen_at: now,
    last_seen_at: now,
  });
  tenant.customerIdsByEmail.set(key, customer.id);
  tenant.emit('customer.created', customer);
  return customer;
}

/** Recomputes a customer's metrics after one of their orders changed. */
export function refreshCustomer(tenant: Tenant, customerId: string): void {
  const customer = tenant.customers.get(customerId);
  if (!customer) return;
  const metrics = customerMetrics(ordersOf(tenant, customerId));
  const changed = (Object.keys(metrics) as (keyof typeof metrics)[]).some((k) => metrics[k] !== customer[k]);
  // no customer.updated event exists in the spec's EventType: the record changes quietly
  if (changed) tenant.customers.update(customerId, metrics);
}

export const customerHandlers = {
  listCustomers: ({ tenant, query, services }) => paginate(tenant.customers, services.cursors, query),

  getCustomer: ({ tenant, params }) => {
    const customer = tenant.customers.get(params.id);
    if (!customer) throw Problem.notFound('customer', params.id);
    return {
      ...customer,
      orders: ordersOf(tenant, customer.id).map((o) => ({
        id: o.id,
        status: o.status,
        total_cents: o.total_cents,
        paid_at: o.paid_at,
        created_at: o.created_at,
      })),
    };
  },
} satisfies HandlerSet;
