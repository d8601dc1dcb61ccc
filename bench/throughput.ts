import { fire, type LoadResult, type Workload } from './lib/load.js';
import { median } from './lib/stats.js';

export const ROUTES = ['list', 'get', 'create', 'invalid'] as const;
export type RouteName = (typeof ROUTES)[number];

export const ROUTE_LABELS: Record<RouteName, string> = {
  list: 'GET /v1/products (25)',
  get: 'GET /v1/products/{id}',
  create: 'POST /v1/products',
  invalid: 'POST /v1/products → 422',
};

/** A fixture product every target answers for. */
export const PRODUCT_ID = 'prod_01J2PVQR41';

/** What the create workload posts, every time (a fresh Idempotency-Key makes each one a new product). */
export const CREATE_BODY = {
  name: 'Bench load product',
  type: 'account',
  price_cents: 1999,
  currency: 'USD',
  description: 'Posted by the throughput bench.',
};

/** Breaks one bound (price_cents ≥ 0): a 422 from validation, before the handler. */
export const INVALID_BODY = { ...CREATE_BODY, price_cents: -1 };

export function workloads(key: string): Record<RouteName, Workload> {
  const auth = { authorization: `Bearer ${key}` };
  const json = { ...auth, 'content-type': 'application/json' };
  return {
    list: { method: 'GET', path: '/v1/products', headers: auth, expectStatus: 200 },
    get: { method: 'GET', path: `/v1/products/${PRODUCT_ID}`, headers: auth, expectStatus: 200 },
    create: { method: 'POST', path: '/v1/products', headers: json, body: JSON.stringify(CREATE_BODY), uniqueIdempotencyKey: true, expectStatus: 201 },
    invalid: { method: 'POST', path: '/v1/products', headers: json, body: JSON.stringify(INVALID_BODY), expectStatus: 422 },
  };
}

export interface ThroughputTarget {
  name: string;
  origin: string;
  routes: readonly RouteName[];
  /** the server process, for its CPU time per request */
  pid?: number;
  /** brings the target to the same state before every measured run */
  before?: () => Promise<void>;
}

export interface Figure {
  rps: number;
  p50: number;
  p99: number;
  /** server CPU µs per request (Linux), median of rounds */
  cpuUs?: number;
  /** answers with an unexpected status, errors and timeouts, over all rounds */
  wrong: number;
  rounds: LoadResult[];
}

export type ThroughputFigures = Record<string, Partial<Record<RouteName, Figure>>>;

export interface ThroughputOptions {
  seconds: number;
  rounds: number;
  /** a short unmeasured run per target and route in the first round, so JIT warm-up is nobody's figure */
  warmupSeconds: number;
  connections: number;
  key: string;
  log: (line: string) => void;
}

/**
 * Every route, every target, several rounds. Within a round the targets take
 * turns route by route, and every other round runs them in reverse order, so
 * drift on a shared, noisy machine lands on all of them alike.
 */
export async function measureThroughput(targets: readonly ThroughputTarget[], options: ThroughputOptions): Promise<ThroughputFigures> {
  const work = workloads(options.key);
  const runs: Record<string, Partial<Record<RouteName, LoadResult[]>>> = {};
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const route of ROUTES) {
      for (const target of order) {
        if (!target.routes.includes(route)) continue;
        if (round === 0 && options.warmupSeconds > 0) {
          await target.before?.();
          await fire(target.origin, work[route], options.warmupSeconds, options.connections);
        }
        await target.before?.();
        const result = await fire(target.origin, work[route], options.seconds, options.connections, target.pid);
        ((runs[target.name] ??= {})[route] ??= []).push(result);
        options.log(
          `  round ${round + 1}/${options.rounds}  ${target.name.padEnd(16)} ${ROUTE_LABELS[route].padEnd(26)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms${result.cpuUs === undefined ? '' : `  ${Math.round(result.cpuUs)} µs CPU/req`}${result.wrong ? `  ${result.wrong} unexpected (${JSON.stringify(result.statuses)})` : ''}`,
        );
      }
    }
  }
  const figures: ThroughputFigures = {};
  for (const [name, byRoute] of Object.entries(runs)) {
    figures[name] = {};
    for (const [route, results] of Object.entries(byRoute) as [RouteName, LoadResult[]][]) {
      figures[name][route] = {
        rps: median(results.map((r) => r.rps)),
        p50: median(results.map((r) => r.p50)),
        p99: median(results.map((r) => r.p99)),
        ...(results.every((r) => r.cpuUs !== undefined) ? { cpuUs: median(results.map((r) => r.cpuUs!)) } : {}),
        wrong: results.reduce((sum, r) => sum + r.wrong, 0),
        rounds: results,
      };
    }
  }
  return figures;
}
