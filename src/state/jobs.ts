import type { PlannedJob } from './scheduler.js';
import type { Tenant } from './tenant.js';

type Runner = (tenant: Tenant, data: never, due: number) => void;

/** Every kind of job a shop file may carry, by name: the resources that plan them define them at load. */
const RUNNERS = new Map<string, Runner>();

/**
 * Defines a kind of planned job (a refund settling, a payout moving on) and
 * returns the function that plans one. Its data must be JSON: a snapshot, a
 * fork and a shop file carry it, and the runner takes it back by its kind.
 */
export function defineJob<D>(kind: string, run: (tenant: Tenant, data: D, due: number) => void): (tenant: Tenant, due: number, data: D) => void {
  if (RUNNERS.has(kind)) throw new Error(`job kind ${kind} defined twice`);
  RUNNERS.set(kind, run as Runner);
  return (tenant, due, data) => tenant.scheduler.plan(due, kind, data);
}

export function isJobKind(kind: string): boolean {
  return RUNNERS.has(kind);
}

export function runJob(tenant: Tenant, job: PlannedJob): void {
  const run = RUNNERS.get(job.kind);
  if (!run) throw new Error(`no runner for planned job ${job.kind}`);
  (run as (tenant: Tenant, data: unknown, due: number) => void)(tenant, job.data, job.due);
}
