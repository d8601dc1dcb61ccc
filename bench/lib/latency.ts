import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats.js';

/**
 * One request at a time on one keep-alive connection, timed with a
 * sub-millisecond clock: the latency of a single call, without queueing
 * behind 49 others (autocannon's histogram counts whole milliseconds).
 */
export async function sequentialLatency(url: string, headers: Record<string, string>, count: number): Promise<{ p50: number; p99: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { headers, agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    for (let i = 0; i < Math.min(200, count); i++) await once();
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(await once());
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    agent.destroy();
  }
}
