import type { Operation } from '../spec/operations.js';
import type { HandlerSet, SxHandler } from '../services.js';
import { apiKeyHandlers } from './apiKeys.js';
import { checkoutHandlers } from './checkout.js';
import { customerHandlers } from './customers.js';
import { notBuiltHandlers } from './notBuilt.js';
import { orderHandlers } from './orders.js';
import { payoutHandlers } from './payouts.js';
import { productHandlers } from './products.js';
import { shopHandlers } from './shops.js';
import { testHelperHandlers } from './testHelpers.js';
import { tenantHandlers } from './tenants.js';
import { webhookHandlers } from './webhooks.js';

const HANDLER_SETS: HandlerSet[] = [productHandlers, apiKeyHandlers, testHelperHandlers, webhookHandlers, tenantHandlers, orderHandlers, customerHandlers, payoutHandlers, checkoutHandlers, notBuiltHandlers, shopHandlers];

/**
 * Binds handlers to the spec's operations by operationId. Fails start-up
 * loudly when an operation has no handler, a handler names no operation, or
 * two handlers claim one operation.
 */
export function bindHandlers(
  operations: readonly Operation[],
  overrides: HandlerSet = {},
  sets: HandlerSet[] = HANDLER_SETS,
): Map<string, SxHandler> {
  const bound = new Map<string, SxHandler>();
  const problems: string[] = [];
  for (const set of sets) {
    for (const [operationId, handler] of Object.entries(set)) {
      if (bound.has(operationId)) problems.push(`two handlers for ${operationId}`);
      bound.set(operationId, handler);
    }
  }
  for (const [operationId, handler] of Object.entries(overrides)) {
    if (!bound.has(operationId)) problems.push(`override ${operationId} replaces no handler`);
    bound.set(operationId, handler);
  }
  const documented = new Set(operations.map((op) => op.operationId));
  for (const op of operations) if (!bound.has(op.operationId)) problems.push(`no handler for ${op.operationId} (${op.method} ${op.path})`);
  for (const operationId of bound.keys()) if (!documented.has(operationId)) problems.push(`handler ${operationId} names no operation in the spec`);
  if (problems.length) throw new Error(`sx-sandbox: the spec and the handlers disagree:\n  - ${problems.join('\n  - ')}`);
  return bound;
}
