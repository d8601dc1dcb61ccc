import autocannon, { type RawRequest } from 'autocannon';
import { cpuTimeMs } from './processes.js';

/** One request shape, identical for every target it is fired at. */
export interface Workload {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** a fresh Idempotency-Key on every request (`bench-<run>-<n>`) */
  uniqueIdempotencyKey?: boolean;
  /** the only status a correct answer may have */
  expectStatus: number;
}

export interface LoadResult {
  /** completed requests per second over the whole run */
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  /** answers with another status than expected, plus socket errors and timeouts */
  wrong: number;
  /** the server's CPU time per answered request, in µs (when its pid is known and /proc exists) */
  cpuUs?: number;
  statuses: Record<string, number>;
}

let runs = 0;

/** Fires one workload at `origin` for `seconds` with `connections` keep-alive connections; `pid` is the server's, for its CPU time. */
export async function fire(origin: string, workload: Workload, seconds: number, connections: number, pid?: number): Promise<LoadResult> {
  const run = ++runs;
  let n = 0;
  const setupRequest = workload.uniqueIdempotencyKey
    ? (req: RawRequest) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${run}-${++n}` } })
    : undefined;
  const cpuBefore = cpuTimeMs(pid);
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: workload.method,
        path: workload.path,
        headers: workload.headers,
        ...(workload.body === undefined ? {} : { body: workload.body }),
        ...(setupRequest ? { setupRequest } : {}),
      },
    ],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const cpuAfter = cpuTimeMs(pid);
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const expected = statuses[String(workload.expectStatus)] ?? 0;
  return {
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    requests: total,
    wrong: total - expected + result.errors + result.timeouts,
    statuses,
    ...(cpuBefore !== undefined && cpuAfter !== undefined && total ? { cpuUs: ((cpuAfter - cpuBefore) * 1000) / total } : {}),
  };
}
