import type { RoutedContext } from '../engine/types.js';
import type { EphemeralTenants } from '../state/expiry.js';
import { assertBudget } from './caps.js';

/** Room a write needs beyond its body: the record's envelope, its event, its delivery log entries. */
export const WRITE_ALLOWANCE_BYTES = 4 * 1024;
/** Room a reply remembered under an Idempotency-Key may take (larger replies are rare: one record or a short list). */
export const REPLY_ALLOWANCE_BYTES = 16 * 1024;

/**
 * The budget stage of the pipeline (after idempotency, before the handler).
 * A write is let through only when the shop's budget has room for what it
 * may add: about twice its body (parsed text costs about that), an allowance
 * for the record around it, and the reply if it is to be remembered. Then it
 * makes the same room under the process ceiling, evicting the least recently
 * active idle visitor shops (the engine marks the shop busy while its request
 * runs, so none is evicted under a running request). What the write really
 * adds is counted as it is applied. It throws a Problem to refuse.
 */
export function budgetGate(ephemeral: EphemeralTenants): (ctx: RoutedContext) => void {
  return (ctx) => {
    const { tenant, operation } = ctx;
    if (!tenant || operation.rateClass === 'read') return;
    const declared = ctx.request.headers['content-length'];
    const needs = 2 * (Number(declared) || 0) + WRITE_ALLOWANCE_BYTES + (ctx.idempotencyKey ? REPLY_ALLOWANCE_BYTES : 0);
    assertBudget(tenant, needs);
    // an active, busy shop may take the process a little past its ceiling; the next write evicts
    try {
      ephemeral.makeRoom(needs, tenant);
    } catch {
      /* every other visitor shop is busy: the ceiling is restored at the next write */
    }
  };
}
