import { it, type TestContext } from 'vitest';
import { ConformanceError, Unavailable } from './conformance.js';
import { recordBehaviour } from './drift.js';
import { record } from './ledger.js';
import { decisionsHold } from './target.js';

export { decisionsHold };

export interface SkipScope {
  /** the operations the skipped test would have exercised */
  operationIds: string[];
  /** only these statuses of them (default: all the test covers) */
  statuses?: number[];
}

/**
 * Where an assertion comes from (DESIGN.md, "The contract suite"):
 * - `reference`: the reference states it; it fails any deployment that breaks it;
 * - `decision`: the reference is silent and this sandbox chose (400 for an unknown body member,
 *   405 rather than 404, the errors map's exact keys, …): held against a sandbox the suite starts
 *   itself, and against a deployment only with SX_STRICT=1;
 * - `sandbox-only`: about the sandbox's own operations (test helpers, the delivery log): runs where
 *   the target has them.
 */
export type AssertionKind = 'reference' | 'decision' | 'sandbox-only';

export interface CheckOptions {
  kind?: AssertionKind;
  /** for a decision: what the sandbox chose where the reference is silent */
  why?: string;
  /** what a skipped decision leaves unexercised, for the coverage test */
  scope?: SkipScope;
  timeout?: number;
}

const NOT_STRICT = 'set SX_STRICT=1 to hold a deployment to it';

/**
 * Skips the running contract test (one written with `check`) with a reason:
 * printed, attached to the test in the JUnit report, and kept for the
 * coverage test. Nothing passes silently.
 */
export function skipBecause(reason: string, scope: SkipScope): never {
  throw new NotPossible(reason, scope);
}

async function skipWith(ctx: TestContext, reason: string, scope: SkipScope, kind: AssertionKind): Promise<never> {
  const test = ctx.task.name;
  // console.log, not stdout: vitest files it under the test, so the JUnit report carries it too
  console.log(`[contract] skipped "${test}": ${reason}`);
  record({ kind: 'skip', operationIds: scope.operationIds, statuses: scope.statuses, reason, test });
  record({ kind: 'assertion', assertion: kind, outcome: 'skipped', test });
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
 * instead of failing or passing silently; and a `decision` against a
 * deployment without SX_STRICT=1 skips, saying what the sandbox decided.
 */
export function check(name: string, fn: (ctx: TestContext) => Promise<void>, options: CheckOptions | number = {}): void {
  const { kind = 'reference', why, scope = { operationIds: [] }, timeout } = typeof options === 'number' ? { timeout: options } : options;
  it(
    name,
    async (ctx) => {
      if (kind === 'decision' && !decisionsHold()) {
        await skipWith(ctx, `a decision of this sandbox, not the reference (${why ?? 'the reference is silent'}); ${NOT_STRICT}`, scope, kind);
      }
      try {
        await fn(ctx);
        record({ kind: 'assertion', assertion: kind, outcome: 'passed', test: name });
      } catch (err) {
        if (err instanceof Unavailable) await skipWith(ctx, err.message, { operationIds: [err.operationId] }, kind);
        if (err instanceof NotPossible) await skipWith(ctx, err.message, err.scope, kind);
        record({ kind: 'assertion', assertion: kind, outcome: 'failed', test: name });
        // a schema violation is in the report already, from the client; anything else is behaviour
        if (!(err instanceof ConformanceError)) recordBehaviour(name, err);
        throw err;
      }
    },
    timeout,
  );
}

const relaxed = new Set<string>();

/**
 * A decision inside a reference test: `fn` runs where decisions hold; elsewhere it is
 * left out, and the first time per test and reason the console says so.
 */
export function decided(ctx: TestContext | undefined, why: string, fn: () => void | Promise<void>): void | Promise<void> {
  if (decisionsHold()) return fn();
  const test = ctx?.task.name ?? '(outside a test)';
  if (relaxed.has(`${test}\n${why}`)) return;
  relaxed.add(`${test}\n${why}`);
  console.log(`[contract] decision not held in "${test}": ${why}; ${NOT_STRICT}`);
  record({ kind: 'assertion', assertion: 'decision', outcome: 'skipped', test: `${test}: ${why}` });
}
