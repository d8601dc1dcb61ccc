import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { expectCall } from './lib/api.js';
import type { Server } from './lib/processes.js';
import { percentile } from './lib/stats.js';

export interface FanoutPoint {
  endpoints: number;
  triggers: number;
  deliveries: number;
  /** state change request sent → delivery arrived, over every delivery */
  p50Ms: number;
  p99Ms: number;
  /** state change → the last of its deliveries arrived, median over triggers */
  allDeliveredP50Ms: number;
}

interface Arrival {
  marker: number;
  at: number;
}

/** A local receiver on 127.0.0.1 that answers 204 and remembers when each delivery came. */
async function receiver(): Promise<{ server: HttpServer; port: number; arrivals: Arrival[] }> {
  const arrivals: Arrival[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const at = performance.now();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(204).end();
      try {
        arrivals.push({ marker: JSON.parse(body).data.object.price_cents, at });
      } catch {
        // not one of ours
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, arrivals };
}

/**
 * Webhook fan-out: endpoints on a local receiver subscribe to
 * product.updated; each trigger is a PATCH that changes a product's price to
 * a unique value (the marker the receiver reads back from the delivery).
 * Latency runs from just before the PATCH is sent to each delivery's
 * arrival, so it includes the PATCH's own trip — an upper bound.
 */
export async function measureFanout(
  sandbox: Server,
  key: string,
  plan: readonly { endpoints: number; triggers: number }[],
  log: (line: string) => void,
): Promise<FanoutPoint[]> {
  const hook = await receiver();
  const points: FanoutPoint[] = [];
  let registered = 0;
  let marker = 100_000;
  try {
    for (const { endpoints, triggers } of plan) {
      for (; registered < endpoints; registered++) {
        await expectCall(201, sandbox.url, 'POST', '/v1/webhooks', key, {
          url: `http://127.0.0.1:${hook.port}/hook/${registered}`,
          events: ['product.updated'],
          description: `bench receiver ${registered}`,
        });
      }
      const latencies: number[] = [];
      const lasts: number[] = [];
      for (let t = 0; t < triggers; t++) {
        const m = ++marker;
        const sent = performance.now();
        await expectCall(200, sandbox.url, 'PATCH', '/v1/products/prod_01J2PVQS6X', key, { price_cents: m });
        const deadline = sent + 10_000;
        let mine: Arrival[] = [];
        while ((mine = hook.arrivals.filter((a) => a.marker === m)).length < endpoints) {
          if (performance.now() > deadline) throw new Error(`fan-out to ${endpoints}: only ${mine.length} deliveries within 10 s`);
          await new Promise((r) => setTimeout(r, 1));
        }
        const times = mine.map((a) => a.at - sent);
        latencies.push(...times);
        lasts.push(Math.max(...times));
        hook.arrivals.length = 0;
      }
      const point = {
        endpoints,
        triggers,
        deliveries: latencies.length,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        allDeliveredP50Ms: percentile(lasts, 50),
      };
      points.push(point);
      log(
        `  ${String(endpoints).padStart(2)} endpoint(s)  p50 ${point.p50Ms.toFixed(1)} ms  p99 ${point.p99Ms.toFixed(1)} ms  all delivered (p50) ${point.allDeliveredP50Ms.toFixed(1)} ms  (${point.deliveries} deliveries)`,
      );
    }
  } finally {
    await new Promise<void>((resolve) => {
      hook.server.close(() => resolve());
      hook.server.closeAllConnections();
    });
  }
  return points;
}
