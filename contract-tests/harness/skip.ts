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
 * Skips the running contract test (one written with `check`) with a reason:
 * printed, attached to the test in the JUnit report, and kept for the
 * coverage test. Nothing passes silently.
 */
export function skipBecause(reason: string, scope: SkipScope): never {
  throw new NotPossible(reason, scope);
}

async function skipWith(ctx: TestContext, reason: string, scope: SkipScope): Promise<never> {
  const test = ctx.task.name;
  // console.log, not stdout: vitest files it under the test, so the JUnit report carries it too
  console.log(`[contract] skipped "${test}": ${reason}`);
  record({ kind: 'skip', operationIds: scope.operationIds, statuses: scope.statuses, reason, test });
  await ctx.annotate(reason, 'skipped');
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
        if (err instanceof Unavailable) await skipWith(ctx, err.message, { operationIds: [err.operationId] });
        if (err instanceof NotPossible) await skipWith(ctx, err.message, err.scope);
        throw err;
      }
    },
    timeout,
  );
}
