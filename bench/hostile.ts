/**
 * `npm run bench:hostile`: the sandbox with the `--public` default limits,
 * attacked from one client IP by bench/targets/hostileClient.ts for
 * HOSTILE_SECONDS (default 300) while a second shop (the demo shop) reads
 * steadily, 8 reads a second, inside its own rate limit. Prints the server's
 * peak RSS, the reader's p50/p99, the 5xx count and whether the server
 * crashed. Everything is on 127.0.0.1, including the webhook receiver that
 * never answers; a watchdog stops it all HOSTILE_SECONDS + 120 s after start.
 * Not part of `npm test`.
 *
 *   npm run bench:hostile                        # five minutes
 *   HOSTILE_SECONDS=60 npm run bench:hostile     # a shorter look
 *   HOSTILE_STRICT=1 npm run bench:hostile       # exactly --public (the loopback receiver is then refused)
 *   HOSTILE_CONNECTIONS=4 npm run bench:hostile  # the attacker's concurrent requests (default 16)
 *   HOSTILE_IPS=300 npm run bench:hostile        # shops from 300 addresses (via X-Forwarded-For): up to the memory ceiling
 *   HOSTILE_HEAP_MB=320 npm run bench:hostile    # the server under --max-old-space-size=320, as the README hosts it
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { envNumber } from './lib/sandbox.js';
import { freePort, startServer } from './lib/processes.js';
import { percentile, round } from './lib/stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'bench', '.build', 'bench', 'targets');
const SECONDS = envNumber('HOSTILE_SECONDS', 300);
const CONNECTIONS = envNumber('HOSTILE_CONNECTIONS', 16);
/** addresses the visitor shops are asked for from (default 1, the issue's case); more fills the process to its memory ceiling */
const IPS = envNumber('HOSTILE_IPS', 1);
const STRICT = process.env.HOSTILE_STRICT === '1';
/** HOSTILE_PROFILE=1: the server writes a .cpuprofile into bench/results (read it with bench/profileSummary.ts) */
const PROFILE = process.env.HOSTILE_PROFILE === '1';
/** HOSTILE_HEAP_MB: the server's V8 old-space limit (`--max-old-space-size`), as the README's hosting command sets it; unset, Node's default */
const HEAP_MB = process.env.HOSTILE_HEAP_MB ? envNumber('HOSTILE_HEAP_MB', 0) : undefined;
const DEMO_KEY = 'sx_test_DemoShopFullAccessKey001';
const READ_EVERY_MS = 125;
const MB = 2 ** 20;

const watchdog = setTimeout(
  () => {
    process.stderr.write('bench:hostile: watchdog fired, stopping\n');
    process.exit(2);
  },
  (SECONDS + 120) * 1000,
);
watchdog.unref();

/** A webhook receiver that takes every request and never answers (the sandbox's attempt timeout ends each). */
async function hangingReceiver() {
  const held = new Set<ServerResponse>();
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    held.add(res);
    res.on('close', () => held.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The second shop: one GET at a time on a keep-alive connection, every READ_EVERY_MS. */
async function steadyReader(origin: string, until: () => boolean) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  while (until()) {
    const started = performance.now();
    const status = await new Promise<number>((resolve) => {
      const req = http.get(`${origin}/v1/products?limit=25`, { agent, headers: { authorization: `Bearer ${DEMO_KEY}` }, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(0));
    });
    const took = performance.now() - started;
    latencies.push(took);
    statuses[status] = (statuses[status] ?? 0) + 1;
    await new Promise((r) => setTimeout(r, Math.max(0, READ_EVERY_MS - took)));
  }
  agent.destroy();
  return { latencies, statuses };
}

async function main(): Promise<void> {
  process.stdout.write('▸ building the bench targets\n');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'bench/tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });

  const receiver = await hangingReceiver();
  const port = await freePort();
  const server = await startServer({
    name: 'sandbox',
    command: process.execPath,
    args: [
      ...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, 'bench', 'results')] : []),
      ...(HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : []),
      join(BUILT, 'hostileServer.js'),
      '--port',
      String(port),
      ...(STRICT ? ['--strict-public'] : []),
      '--trust-proxy',
    ],
    readyUrl: `http://127.0.0.1:${port}/v1/products`,
    readyHeaders: { authorization: `Bearer ${DEMO_KEY}` },
    captureStdout: true,
    cwd: ROOT,
  });
  const pid = server.child.pid!;
  let crashed = false;
  let stopping = false;
  server.child.once('exit', (code, signal) => {
    if (!stopping) {
      crashed = true;
      process.stderr.write(`bench:hostile: the sandbox exited during the run (code ${code}, signal ${signal})\n`);
    }
  });
  process.stdout.write(
    `▸ ${STRICT ? 'exactly --public' : '--public limits, loopback receiver allowed'}; attacking for ${SECONDS} s with ${CONNECTIONS} connections from ${IPS} address(es)${HEAP_MB ? `, server heap ${HEAP_MB} MB` : ''}\n`,
  );

  let peakSampled = 0;
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, rssOf(pid, 'VmRSS') ?? 0);
  }, 200);
  const startRss = rssOf(pid, 'VmRSS') ?? 0;

  const end = Date.now() + SECONDS * 1000;
  const attacker = spawn(
    process.execPath,
    [
      join(BUILT, 'hostileClient.js'),
      '--origin',
      server.url,
      '--receiver',
      receiver.url,
      '--seconds',
      String(SECONDS),
      '--connections',
      String(CONNECTIONS),
      '--ips',
      String(IPS),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let attackOut = '';
  attacker.stdout.on('data', (chunk: Buffer) => (attackOut += chunk.toString()));
  const attackDone = new Promise<void>((resolve) => attacker.once('exit', () => resolve()));
  const progress = setInterval(() => {
    const last = server.output().trim().split('\n').pop() ?? '';
    process.stdout.write(`  ${Math.round((end - Date.now()) / 1000)} s left, rss ${round((rssOf(pid, 'VmRSS') ?? 0) / MB, 0)} MB, ${last}\n`);
  }, 10_000);

  const reader = await steadyReader(server.url, () => Date.now() < end && !crashed);
  await attackDone;
  clearInterval(progress);
  clearInterval(sampler);
  const peakHwm = rssOf(pid, 'VmHWM') ?? peakSampled;
  const lastStatus = JSON.parse(server.output().trim().split('\n').pop() ?? '{}');
  stopping = true;
  await server.stop();
  await receiver.close();

  const attack = JSON.parse(attackOut.trim().split('\n').pop() || '{}');
  const attack5xx = Object.entries(attack.statuses ?? {}).reduce((n, [code, count]) => n + (Number(code) >= 500 ? (count as number) : 0), 0);
  const reader5xx = Object.entries(reader.statuses).reduce((n, [code, count]) => n + (Number(code) >= 500 ? count : 0), 0);
  const figures = {
    when: new Date().toISOString(),
    seconds: SECONDS,
    connections: CONNECTIONS,
    client_ips: IPS,
    heap_mb: HEAP_MB ?? null,
    mode: STRICT ? 'public' : 'public-limits-loopback-receiver',
    peak_rss_mb: round(Math.max(peakHwm, peakSampled) / MB, 1),
    start_rss_mb: round(startRss / MB, 1),
    accounted_mb_at_end: round((lastStatus.accounted ?? 0) / MB, 1),
    shops_evicted_for_memory: lastStatus.evicted ?? 0,
    reader: {
      requests: reader.latencies.length,
      p50_ms: round(percentile(reader.latencies, 50), 1),
      p99_ms: round(percentile(reader.latencies, 99), 1),
      max_ms: round(Math.max(...reader.latencies), 1),
      statuses: reader.statuses,
    },
    attack: { ...attack, receiver_requests: receiver.requests() },
    five_xx: attack5xx + reader5xx,
    crashes: crashed ? 1 : 0,
  };
  writeFileSync(join(ROOT, 'bench', 'results', 'hostile-latest.json'), `${JSON.stringify(figures, null, 2)}\n`);
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  process.stdout.write(
    [
      '',
      `peak RSS            ${figures.peak_rss_mb} MB (start ${figures.start_rss_mb} MB)   target ≤ 512 MB   ${verdict(figures.peak_rss_mb <= 512)}`,
      `second shop p50/p99 ${figures.reader.p50_ms} / ${figures.reader.p99_ms} ms (max ${figures.reader.max_ms}, ${figures.reader.requests} reads)   target p99 ≤ 50 ms   ${verdict(figures.reader.p99_ms <= 50)}`,
      `5xx                 ${figures.five_xx}   target 0   ${verdict(figures.five_xx === 0)}`,
      `crashes             ${figures.crashes}   target 0   ${verdict(figures.crashes === 0)}`,
      `attack              ${JSON.stringify(attack.statuses)} patterns ${JSON.stringify(attack.patterns)} shops ${attack.shopsCreated}, receiver took ${receiver.requests()} deliveries, network errors ${attack.networkErrors}`,
      `accounted at end    ${figures.accounted_mb_at_end} MB, ${figures.shops_evicted_for_memory} shops evicted for memory`,
      ...(attack.fiveHundreds?.length ? ['first 5xx:', ...attack.fiveHundreds] : []),
      'figures in bench/results/hostile-latest.json',
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`bench:hostile: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
