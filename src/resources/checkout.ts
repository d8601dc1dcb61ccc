import { Problem } from '../engine/problem.js';
import type { EventType, Order, Product } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';
import type { HandlerSet } from '../services.js';
import { assertRoom } from './caps.js';
import { chainErrors, fakeTxHash } from './chains.js';
import { customerFor, insertOrder, refreshCustomer } from './customers.js';

function sellableProduct(tenant: Tenant, id: string): Product {
  const product = tenant.products.get(id);
  if (!product) throw Problem.rule('body.product', `must be a product of this shop; there is no ${id}`, `No product with id '${id}' exists in this shop.`);
  if (product.status !== 'active') {
    throw Problem.rule(
      'body.product',
      `must be active to be sold; ${id} is ${product.status}`,
      `Product ${id} is ${product.status}; only active products can be bought.`,
    );
  }
  return product;
}

/**
 * Hands over the goods: license keys leave the pool (first in, first out),
 * counted stock goes down, unlimited stock (`null`) stays. Returns false, and
 * changes nothing, when there is not enough — the delivery then fails after
 * payment, as it would for real.
 */
function takeStock(tenant: Tenant, product: Product, quantity: number): boolean {
  let stock: number | null;
  if (product.type === 'license_key') {
    if (!tenant.pools.take(product.id, quantity)) return false;
    stock = tenant.pools.size(product.id);
  } else if (product.stock === null) {
    return true;
  } else {
    if (product.stock < quantity) return false;
    stock = product.stock - quantity;
  }
  tenant.emit('product.updated', tenant.products.update(product.id, { stock, updated_at: tenant.now() }));
  return true;
}

/**
 * Sandbox only: one checkout, walked synchronously at the shop's current
 * moment through pending → awaiting_payment → paid → delivering → completed,
 * stopping at awaiting_payment or ending failed as `outcome` says. Every step
 * the spec's EventType names is announced with the order as it was then.
 */
export const checkoutHandlers = {
  simulateOrder: ({ tenant, body, services }) => {
    const product = sellableProduct(tenant, body.product);
    const errors = chainErrors(body.chain, body.asset);
    if (Object.keys(errors).length) throw new Problem(422, `${body.asset} is not carried on ${body.chain}.`, { errors });
    assertRoom(tenant.orders.size, services.caps.resourcesPerTenant, 'orders');

    const { quantity, outcome } = body;
    const customer = customerFor(tenant, body.email, services.caps.resourcesPerTenant);
    const now = tenant.now();
    const total = product.price_cents * quantity;
    let order: Order = insertOrder(tenant, {
      id: tenant.ids.next('ord'),
      status: 'pending',
      total_cents: total,
      refunded_cents: 0,
      currency: product.currency,
      customer_email: body.email,
      customer_id: customer.id,
      created_at: now,
      paid_at: null,
      payment: null,
      items: [{ product: product.name, product_id: product.id, qty: quantity, subtotal_cents: total }],
      delivery: { kind: product.type, state: 'pending', delivered_at: null },
      refunds: [],
    });
    const step = (patch: Partial<Order>, event?: EventType) => {
      order = tenant.orders.update(order.id, patch);
      if (event) tenant.emit(event, order);
    };
    tenant.emit('order.created', order);
    refreshCustomer(tenant, customer.id);

    step({ status: 'awaiting_payment' });
    if (outcome === 'awaiting_payment') return order;
    if (outcome === 'failed') {
      step({ status: 'failed' }, 'order.failed');
      return order;
    }

    step(
      { status: 'paid', paid_at: now, payment: { provider: 'blockpn', chain: body.chain, asset: body.asset, tx_hash: fakeTxHash(body.chain, tenant.random) } },
      'order.paid',
    );
    refreshCustomer(tenant, customer.id);

    step({ status: 'delivering', delivery: { ...order.delivery, state: 'delivering' } });
    if (!takeStock(tenant, product, quantity)) {
      step({ status: 'failed', delivery: { ...order.delivery, state: 'failed' } }, 'order.failed');
      return order;
    }
    step({ delivery: { ...order.delivery, state: 'delivered', delivered_at: now } }, 'order.delivered');
    step({ status: 'completed' }, 'order.completed');
    return order;
  },
} satisfies HandlerSet;
