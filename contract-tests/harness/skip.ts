import { it, type TestContext } from 'vitest';
import { Unavailable } from './conformance.js';
import { record } from './ledger.js';

export interface SkipScope {
  /** the operations the skipped test would have exercised */
  operationIds: string[];
  /** only these statuses of them (default: all the test covers) */
  statuses?: number[];
}

/**
 * The only way a contract test is skipped: the reason is printed, shows in
 * the JUnit report and is kept for the coverage test. Nothing passes silently.
 */
export function skipBecause(ctx: TestContext, reason: string, scope: SkipScope): never {
  const test = ctx.task.name;
  process.stdout.write(`[contract] skipped "${test}": ${reason}\n`);
  record({ kind: 'skip', operationIds: scope.operationIds, statuses: scope.statuses, reason, test });
  return ctx.skip(reason);
}

/** Thrown by a helper that cannot set up what a test needs on this target (no orders, no second shop, …). */
export class NotPossible extends Error {
  constructor(
    reason: string,
    readonly scope: SkipScope,
  ) {
    super(reason);
  }
}

/**
 * A contract test: `it`, except that an operation the target answers 501
 * for, or a precondition the target cannot meet, skips it with the reason
 * instead of failing or passing silently.
 */
export function check(name: string, fn: (ctx: TestContext) => Promise<void>, timeout?: number): void {
  it(
    name,
    async (ctx) => {
      try {
        await fn(ctx);
      } catch (err) {
        if (err instanceof Unavailable) skipBecause(ctx, err.message, { operationIds: [err.operationId] });
        if (err instanceof NotPossible) skipBecause(ctx, err.message, err.scope);
        throw err;
      }
    },
    timeout,
  );
}
