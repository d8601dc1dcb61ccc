import { inject } from 'vitest';
import type { SuiteEnv } from './env.js';
import { openLedger } from './ledger.js';

/** What globalSetup found out about the target; the same for every test file. */
export interface TargetInfo {
  baseUrl: string;
  apiKey: string;
  /** `in-process`: a sandbox the suite started itself; `external`: SX_BASE_URL */
  kind: 'in-process' | 'external';
  /** the target is on this machine: a receiver on 127.0.0.1 is reachable from it */
  loopback: boolean;
  /** sandbox-only operations whose route the target has, by operationId */
  routes: Record<string, boolean>;
  /** the slow tests (the read burst) run */
  slow: boolean;
  /** distinguishes this run's names and idempotency keys from other runs' on the same target */
  runId: string;
  ledgerDir: string;
  env: SuiteEnv;
}

declare module 'vitest' {
  export interface ProvidedContext {
    target: TargetInfo;
  }
}

export const target: TargetInfo = inject('target');
openLedger(target.ledgerDir);

/** Decisions are held against the suite's own sandbox, and against a deployment only with SX_STRICT=1. */
export function decisionsHold(): boolean {
  return target.kind === 'in-process' || target.env.strict;
}

/** The target has this sandbox-only operation's route (it may still answer 501 when used). */
export function hasRoute(operationId: string): boolean {
  return target.routes[operationId] === true;
}
