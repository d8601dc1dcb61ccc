import type { Operation } from '../spec/operations.js';
import type { OperationId } from '../spec/operationTypes.js';
import type { SxBoundHandler } from '../services.js';
import { apiKeyHandlers } from './apiKeys.js';
import { checkoutHandlers } from './checkout.js';
import { customerHandlers } from './customers.js';
import { orderHandlers } from './orders.js';
import { payoutHandlers } from './payouts.js';
import { productHandlers } from './products.js';
import { shopHandlers } from './shops.js';
import { testHelperHandlers } from './testHelpers.js';
import { tenantHandlers } from './tenants.js';
import { webhookHandlers } from './webhooks.js';

const HANDLER_SETS = [
  productHandlers,
  apiKeyHandlers,
  testHelperHandlers,
  webhookHandlers,
  tenantHandlers,
  orderHandlers,
  customerHandlers,
  payoutHandlers,
  checkoutHandlers,
  shopHandlers,
] as const;

type Sets = readonly object[];
type Named<T extends Sets> = T extends readonly [infer First, ...infer Rest extends Sets] ? keyof First | Named<Rest> : never;
type NamedTwice<T extends Sets> = T extends readonly [infer First, ...infer Rest extends Sets] ? (keyof First & Named<Rest>) | NamedTwice<Rest> : never;

/** `true` when the sets hold a handler for every operation of the spec, and only one; otherwise the operations that are not. */
export type Coverage<T extends Sets> = [Exclude<OperationId, Named<T>>, NamedTwice<T>] extends [never, never]
  ? true
  : { unhandled: Exclude<OperationId, Named<T>>; twice: NamedTwice<T> };
export type BuiltInSets = typeof HANDLER_SETS;

/** Checked by tsc: when an operation has no handler or two, this line fails to compile, naming them. */
const COMPLETE: Coverage<BuiltInSets> = true;
void COMPLETE;

/** Handlers by name, as start-up sees them: a name tsc does not know is exactly what it must catch. */
type ByName = Readonly<Record<string, SxBoundHandler | undefined>>;

/**
 * Binds handlers to the spec's operations by operationId. Fails start-up
 * loudly when an operation has no handler, a handler names no operation, or
 * two handlers claim one operation: what tsc checks of the built-in sets,
 * checked again of the spec actually loaded, the sets given and the overrides.
 */
export function bindHandlers(operations: readonly Operation[], overrides: ByName = {}, sets: readonly ByName[] = HANDLER_SETS): Map<string, SxBoundHandler> {
  const bound = new Map<string, SxBoundHandler>();
  const problems: string[] = [];
  for (const set of sets) {
    for (const [operationId, handler] of Object.entries(set)) {
      if (!handler) continue;
      if (bound.has(operationId)) problems.push(`two handlers for ${operationId}`);
      bound.set(operationId, handler);
    }
  }
  for (const [operationId, handler] of Object.entries(overrides)) {
    if (!handler) continue;
    if (!bound.has(operationId)) problems.push(`override ${operationId} replaces no handler`);
    bound.set(operationId, handler);
  }
  const documented = new Set(operations.map((op) => op.operationId));
  for (const op of operations) if (!bound.has(op.operationId)) problems.push(`no handler for ${op.operationId} (${op.method} ${op.path})`);
  for (const operationId of bound.keys()) if (!documented.has(operationId)) problems.push(`handler ${operationId} names no operation in the spec`);
  if (problems.length) throw new Error(`sx-sandbox: the spec and the handlers disagree:\n  - ${problems.join('\n  - ')}`);
  return bound;
}
