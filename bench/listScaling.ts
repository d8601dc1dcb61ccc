import { sequentialLatency } from './lib/latency.js';
import { fire } from './lib/load.js';
import type { Server } from './lib/processes.js';

export const LIST_SIZES = [100, 1_000, 10_000, 100_000] as const;

export interface ListPoint {
  products: number;
  /** the first page (newest 25) */
  first: { rps: number; p50: number; p99: number; singleP50Ms: number; singleP99Ms: number };
  /** the page that starts halfway down the list, by cursor */
  middle: { rps: number; p50: number; p99: number; singleP50Ms: number; singleP99Ms: number };
}

export interface ShopKeys {
  shops: Record<string, { key: string; middleCursor: string | null }>;
}

/**
 * GET /v1/products on shops of 100 … 100,000 products: throughput at
 * `connections`, and single-call latency, for the first page and for a page
 * halfway down (cursor). Sizes take turns, smallest first then largest first.
 */
export async function measureListScaling(server: Server, seconds: number, connections: number, log: (line: string) => void): Promise<ListPoint[]> {
  const { shops } = JSON.parse(server.output().trim().split('\n').pop()!) as ShopKeys;
  const points = new Map<number, ListPoint>();
  for (const order of [LIST_SIZES, [...LIST_SIZES].reverse()]) {
    for (const size of order) {
      const { key, middleCursor } = shops[size];
      const headers = { authorization: `Bearer ${key}` };
      const pages = { first: '/v1/products', middle: `/v1/products?cursor=${encodeURIComponent(middleCursor ?? '')}` };
      const point = points.get(size) ?? ({ products: size } as ListPoint);
      for (const page of ['first', 'middle'] as const) {
        const load = await fire(server.url, { method: 'GET', path: pages[page], headers, expectStatus: 200 }, seconds, connections);
        if (load.wrong) throw new Error(`list of ${size}, ${page} page: ${load.wrong} unexpected answers ${JSON.stringify(load.statuses)}`);
        const single = await sequentialLatency(server.url + pages[page], headers, 1000);
        const previous = point[page];
        // two passes (small→large, large→small); keep their mean
        point[page] = previous
          ? {
              rps: (previous.rps + load.rps) / 2,
              p50: (previous.p50 + load.p50) / 2,
              p99: (previous.p99 + load.p99) / 2,
              singleP50Ms: (previous.singleP50Ms + single.p50) / 2,
              singleP99Ms: (previous.singleP99Ms + single.p99) / 2,
            }
          : { rps: load.rps, p50: load.p50, p99: load.p99, singleP50Ms: single.p50, singleP99Ms: single.p99 };
      }
      points.set(size, point);
    }
  }
  const result = LIST_SIZES.map((size) => points.get(size)!);
  for (const p of result) {
    log(
      `  ${String(p.products).padStart(7)} products  first page ${Math.round(p.first.rps)} req/s, single call p50 ${p.first.singleP50Ms.toFixed(2)} ms` +
        `  ·  middle page ${Math.round(p.middle.rps)} req/s, single call p50 ${p.middle.singleP50Ms.toFixed(2)} ms`,
    );
  }
  return result;
}
