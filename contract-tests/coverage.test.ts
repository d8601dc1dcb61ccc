import { afterAll, describe, expect } from 'vitest';
import { unprocessableRequests } from './harness/invalid.js';
import { readLedger, type LedgerEntry } from './harness/ledger.js';
import { check, skipBecause } from './harness/skip.js';
import { operations, pathParams, type SpecOperation } from './harness/spec.js';
import { hasRoute, target } from './harness/target.js';

/**
 * Runs last (see harness/sequencer.ts) and reads what every other file
 * recorded: each operation on the target must have been seen answering its
 * success status and every error the spec documents for it that a client
 * can provoke. What only a skip accounts for skips here too, with the
 * reasons; what nothing accounts for fails.
 */
const ledger: LedgerEntry[] = readLedger(target.ledgerDir);
const seen = new Set(ledger.flatMap((e) => (e.kind === 'seen' ? [`${e.operationId} ${e.status}`] : [])));
const skips = ledger.filter((e): e is Extract<LedgerEntry, { kind: 'skip' }> => e.kind === 'skip');

const onTarget = operations.filter((op) => !op.sandboxOnly || hasRoute(op.operationId));

/**
 * Sandbox-only operations about a shop's state as a whole (snapshots, forks, export, import): their happy
 * paths and the 501 of a public sandbox are exercised by the sandbox's own tests, named here; a deployment
 * has nothing of them to be held to, and the generic checks above still provoke every error they share.
 */
const SHOP_STATE_TESTS: Record<string, string> = {
  takeSnapshot: 'test/shops/snapshots.test.ts',
  restoreSnapshot: 'test/shops/snapshots.test.ts',
  forkShop: 'test/shops/snapshots.test.ts',
  exportShop: 'test/shops/exports.test.ts',
  importShop: 'test/shops/exports.test.ts',
};

/** Documented statuses no client can provoke on purpose, or that this suite does not provoke, and why. */
function notProvokable(op: SpecOperation, status: number): string | undefined {
  const own = SHOP_STATE_TESTS[op.operationId];
  if (own && (status < 300 || status === 501)) return `a shop-state operation: exercised by ${own}`;
  if (status === 500) return 'a server error cannot be provoked from outside; any that occurs is checked like every answer';
  if (status === 404 && pathParams(op).length === 0) return 'no id in the path';
  if (status === 422 && unprocessableRequests(op).length === 0) return 'no input whose value can be wrong';
  if (status === 429 && !op.authenticated) return 'a per-client-IP limit: provoking it would create a hundred shops';
  if (status === 503 && !op.authenticated) return 'every visitor shop in use: provoking it would fill the target with shops';
  return undefined;
}

const rows: string[] = [];
afterAll(() => {
  process.stdout.write(`\ncontract coverage (✓ seen · s skipped · - not provokable · ✗ missing)\n${rows.join('\n')}\n\n${kindTable()}\n\n`);
});

/** Every contract test (and every decision left out inside one) by kind and outcome: what this run held the target to. */
function kindTable(): string {
  const assertions = ledger.filter((e): e is Extract<LedgerEntry, { kind: 'assertion' }> => e.kind === 'assertion');
  const kinds = ['reference', 'decision', 'sandbox-only'] as const;
  const count = (kind: string, outcome: string) => assertions.filter((a) => a.assertion === kind && a.outcome === outcome).length;
  const lines = kinds.map(
    (k) => `  ${k.padEnd(13)} ${String(count(k, 'passed')).padStart(5)} ${String(count(k, 'failed')).padStart(7)} ${String(count(k, 'skipped')).padStart(8)}`,
  );
  return [`contract assertions by kind (the coverage test itself not counted)`, `  ${'kind'.padEnd(13)} passed  failed  skipped`, ...lines].join('\n');
}

describe('every operation, its happy path and every documented error', () => {
  for (const op of onTarget) {
    check(`${op.operationId}`, async () => {
      const missing: number[] = [];
      const excused: string[] = [];
      const cells: string[] = [];
      for (const status of [...op.statuses].sort()) {
        const reason = notProvokable(op, status);
        const skip = skips.find((e) => e.operationIds.includes(op.operationId) && (e.statuses === undefined || e.statuses.includes(status)));
        if (seen.has(`${op.operationId} ${status}`)) cells.push(`${status}✓`);
        else if (reason) cells.push(`${status}-`);
        else if (skip) {
          cells.push(`${status}s`);
          excused.push(`${status}: ${skip.reason} (in "${skip.test}")`);
        } else {
          cells.push(`${status}✗`);
          missing.push(status);
        }
      }
      rows.push(`  ${op.operationId.padEnd(24)} ${cells.join(' ')}`);
      expect(missing, `${op.operationId}: statuses no test exercised`).toEqual([]);
      if (excused.length) skipBecause(`covered only by skipped tests: ${excused.join('; ')}`, { operationIds: [] });
    });
  }
});
