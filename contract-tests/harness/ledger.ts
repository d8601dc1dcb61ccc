import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * What the run saw, across test files (each runs in its own worker): every
 * (operation, status) a response carried, and every skip with its reason.
 * The coverage test reads it last, so an operation or error that nothing
 * exercised cannot pass unnoticed.
 */
export type LedgerEntry =
  | { kind: 'seen'; operationId: string; status: number }
  | { kind: 'skip'; operationIds: string[]; statuses?: number[]; reason: string; test: string }
  /** one per contract test (and per decision left out inside one): what kind it is and how it ended */
  | { kind: 'assertion'; assertion: 'reference' | 'decision' | 'sandbox-only'; outcome: 'passed' | 'failed' | 'skipped'; test: string }
  /** a non-conformance, for the drift report: what kind, where, and one exchange that shows it */
  | { kind: 'drift'; operation: string; drift: DriftKind; message: string; test?: string; exchange?: ExchangeRecord };

export type DriftKind = 'status not documented' | 'member missing' | 'type wrong' | 'header missing' | 'behaviour differs';

export interface ExchangeRecord {
  request: string;
  response: string;
}

let dir: string | undefined;
const seen = new Set<string>();

export function openLedger(path: string): void {
  dir = path;
}

function file(): string | undefined {
  return dir && join(dir, `ledger-${process.pid}-${threadId}.jsonl`);
}

export function record(entry: LedgerEntry): void {
  const target = file();
  if (!target) return;
  if (entry.kind === 'seen') {
    // one line per distinct pair is enough for coverage
    const id = `${entry.operationId} ${entry.status}`;
    if (seen.has(id)) return;
    seen.add(id);
  }
  appendFileSync(target, `${JSON.stringify(entry)}\n`);
}

export function readLedger(path: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const name of readdirSync(path)) {
    if (!name.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(path, name), 'utf8').split('\n')) if (line) entries.push(JSON.parse(line) as LedgerEntry);
  }
  return entries;
}
