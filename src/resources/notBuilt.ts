import { Problem } from '../engine/problem.js';
import type { HandlerSet } from '../services.js';

/**
 * Operations the spec documents whose behaviour is not built yet. They answer
 * an honest 501 problem, never a fake success. Delete a name here when its
 * real handler lands; start-up refuses two handlers for one operation.
 */
const PENDING: string[] = [];

export const notBuiltHandlers: HandlerSet = Object.fromEntries(
  PENDING.map((operationId) => [
    operationId,
    () => {
      throw new Problem(501, `${operationId} is documented but not built in this version of the sandbox.`);
    },
  ]),
);

export function pendingOperations(): readonly string[] {
  return PENDING;
}
