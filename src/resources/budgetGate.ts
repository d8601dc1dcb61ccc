import type { RequestHandler } from 'express';
import type { Operation } from '../spec/operations.js';
import type { EphemeralTenants } from '../state/expiry.js';
import type { Tenant } from '../state/tenant.js';
import { assertBudget } from './caps.js';

/** Room a write needs beyond its body: the record's envelope, its event, its delivery log entries. */
export const WRITE_ALLOWANCE_BYTES = 4 * 1024;
/** Room a reply remembered under an Idempotency-Key may take (larger replies are rare: one record or a short list). */
export const REPLY_ALLOWANCE_BYTES = 16 * 1024;

/**
 * The budget stage of the pipeline (after idempotency, before the handler).
 * It marks the shop busy while its request runs, so memory eviction never
 * removes a shop under a running request. A write is let through only when
 * the shop's budget has room for what it may add: about twice its body
 * (parsed text costs about that), an allowance for the record around it,
 * and the reply if it is to be remembered. Then it makes the same room under
 * the process ceiling, evicting the least recently active idle visitor
 * shops. What the write really adds is counted as it is applied.
 */
export function budgetGate(ephemeral: EphemeralTenants): RequestHandler {
  return (req, res, next) => {
    const tenant = res.locals.tenant as Tenant | undefined;
    const operation = res.locals.operation as Operation | undefined;
    if (!tenant || !operation) return next();
    tenant.busy++;
    res.once('close', () => tenant.busy--);
    if (operation.rateClass === 'read') return next();
    const needs =
      2 * (Number(req.headers['content-length']) || 0) + WRITE_ALLOWANCE_BYTES + (res.locals.idempotencyKey ? REPLY_ALLOWANCE_BYTES : 0);
    try {
      assertBudget(tenant, needs);
      // an active, busy shop may take the process a little past its ceiling; the next write evicts
      try {
        ephemeral.makeRoom(needs, tenant);
      } catch {
        /* every other visitor shop is busy: the ceiling is restored at the next write */
      }
    } catch (err) {
      // refused before the handler: the Idempotency-Key is not spent
      (res.locals.remember as ((reply: null) => void) | undefined)?.(null);
      return next(err);
    }
    next();
  };
}
