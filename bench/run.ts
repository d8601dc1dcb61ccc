/**
 * `npm run bench`: the sandbox against a bare Express app and Prism, on one
 * machine in one invocation. Builds dist/ and the bench's child processes,
 * then measures throughput and latency, cold start, memory, list scaling and
 * webhook fan-out, prints one table and writes bench/results/latest.json.
 * Every server listens on 127.0.0.1 and every run is bounded in time.
 *
 * Environment: BENCH_SECONDS (4), BENCH_ROUNDS (5), BENCH_CONNECTIONS (50),
 * BENCH_COLD_RUNS (7), BENCH_ONLY (comma list of throughput,doors,cold,memory,list,fanout,state).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { DEMO_KEY_SECRET } from '../fixtures/index.js';
import { measureColdStart, type Launch } from './coldStart.js';
import { measureFanout } from './fanout.js';
import { measureDoors } from './fetchDoor.js';
import { expectCall } from './lib/api.js';
import { freePort, startServer, stopAll, type Server } from './lib/processes.js';
import { envNumber, FILL, LIFTED, resetDemoShop, sandboxCli } from './lib/sandbox.js';
import { LIST_SIZES, measureListScaling } from './listScaling.js';
import { measureMemory } from './memory.js';
import { measureState } from './state.js';
import { checkTargets, EXPRESS, PRISM, PRISM_QUIET, ratios, render, SANDBOX, type Results } from './report.js';
import { CREATE_BODY, INVALID_BODY, measureThroughput, PRODUCT_ID, type ThroughputTarget } from './throughput.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'bench', '.build', 'bench', 'targets');
const SPEC = join(ROOT, 'openapi', 'sx.v1.yaml');
const PRISM_BIN = realpathSync(join(ROOT, 'node_modules', '.bin', 'prism'));
const KEY = DEMO_KEY_SECRET;

const settings = {
  seconds: envNumber('BENCH_SECONDS', 4),
  rounds: envNumber('BENCH_ROUNDS', 5),
  connections: envNumber('BENCH_CONNECTIONS', 50),
  coldStartRuns: envNumber('BENCH_COLD_RUNS', 7),
  warmupSeconds: 2,
  rateLimits: `rate limits lifted for the run (--rate-limit-reads ${LIFTED} --rate-limit-writes ${LIFTED})`,
};
const only = new Set((process.env.BENCH_ONLY ?? 'throughput,doors,cold,memory,list,fanout,state').split(','));

const log = (line: string) => process.stdout.write(`${line}\n`);
const servers = new Set<Server>();
const scratch = mkdtempSync(join(tmpdir(), 'sx-bench-'));

// A stuck run must not outlive the bench: stop what it started and leave.
const watchdog = setTimeout(() => {
  log('bench: watchdog fired after 15 minutes; stopping');
  stopAll(servers).finally(() => process.exit(1));
}, 15 * 60_000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(servers).finally(() => process.exit(130)));

const sandboxArgs = sandboxCli(ROOT);

async function start(name: string, args: (port: number) => string[], readyPath: string, captureStdout = false): Promise<Server> {
  const port = await freePort();
  const server = await startServer({
    name,
    command: process.execPath,
    args: args(port),
    readyUrl: `http://127.0.0.1:${port}${readyPath}`,
    readyHeaders: { authorization: `Bearer ${KEY}` },
    captureStdout,
    timeoutMs: 120_000,
    cwd: ROOT,
  });
  servers.add(server);
  return server;
}

async function stop(server: Server | undefined): Promise<void> {
  if (!server) return;
  servers.delete(server);
  await server.stop();
}

const resetShop = (origin: string) => resetDemoShop(origin, KEY, CREATE_BODY);

/** The sandbox's own answers, so the baselines send the same bytes. */
async function capturePayloads(origin: string) {
  await resetShop(origin);
  const list = await expectCall(200, origin, 'GET', '/v1/products', KEY);
  if (list.data.length !== FILL + 2) throw new Error(`the list route should answer ${FILL + 2} products, got ${list.data.length}`);
  return {
    list,
    product: await expectCall(200, origin, 'GET', `/v1/products/${PRODUCT_ID}`, KEY),
    created: await expectCall(201, origin, 'POST', '/v1/products', KEY, CREATE_BODY),
    invalid: await expectCall(422, origin, 'POST', '/v1/products', KEY, INVALID_BODY),
  };
}

/**
 * The spec with listProducts' example swapped for the sandbox's 25-product
 * page, so Prism serves the same payload; nothing else changes.
 */
function prismSpec(list: unknown): string {
  const doc = parse(readFileSync(SPEC, 'utf8'));
  doc.paths['/v1/products'].get.responses['200'].content['application/json'].examples = {
    bench: { summary: 'The page the sandbox answers in the bench', value: list },
  };
  const path = join(scratch, 'sx.v1.bench.yaml');
  writeFileSync(path, stringify(doc));
  return path;
}

async function throughputSection(notes: string[]): Promise<Results['throughput']> {
  log('\n▸ throughput and latency');
  const sandbox = await start(SANDBOX, sandboxArgs, '/v1/products');
  const payloads = await capturePayloads(sandbox.url);
  const payloadFile = join(scratch, 'payloads.json');
  writeFileSync(payloadFile, JSON.stringify(payloads));
  const spec = prismSpec(payloads.list);
  const express = await start(EXPRESS, (p) => [join(BUILT, 'bareExpress.js'), '--port', String(p), '--payloads', payloadFile], '/v1/products');
  const prism = await start(PRISM, (p) => [PRISM_BIN, 'mock', spec, '-h', '127.0.0.1', '-p', String(p)], '/v1/products');
  const prismQuiet = await start(PRISM_QUIET, (p) => [PRISM_BIN, 'mock', spec, '-h', '127.0.0.1', '-p', String(p), '-v', 'error'], '/v1/products');
  notes.push(
    'Prism serves the spec with listProducts’ example replaced by the sandbox’s 25-product page (same bytes); its log goes to /dev/null. ' +
      'Prism is measured on GET and on the 422 path (it validates the body too); a valid POST is not compared: Prism returns a static example and keeps no state.',
  );
  const targets: ThroughputTarget[] = [
    { name: SANDBOX, origin: sandbox.url, pid: sandbox.child.pid, routes: ['list', 'get', 'create', 'invalid'], before: () => resetShop(sandbox.url) },
    { name: EXPRESS, origin: express.url, pid: express.child.pid, routes: ['list', 'get', 'create', 'invalid'] },
    { name: PRISM, origin: prism.url, pid: prism.child.pid, routes: ['list', 'get', 'invalid'] },
    { name: PRISM_QUIET, origin: prismQuiet.url, pid: prismQuiet.child.pid, routes: ['list', 'get', 'invalid'] },
  ];
  try {
    return await measureThroughput(targets, { ...settings, key: KEY, log });
  } finally {
    for (const s of [sandbox, express, prism, prismQuiet]) await stop(s);
  }
}

async function coldStartSection(): Promise<Results['coldStart']> {
  log('\n▸ cold start');
  const payloadFile = join(scratch, 'payloads.json');
  const headers = { authorization: `Bearer ${KEY}` };
  const launches: Launch[] = [
    { name: SANDBOX, command: process.execPath, args: sandboxArgs, path: '/v1/products', headers },
    {
      name: 'Prism',
      command: process.execPath,
      args: (p) => [PRISM_BIN, 'mock', SPEC, '-h', '127.0.0.1', '-p', String(p), '-v', 'error'],
      path: '/v1/products',
      headers,
    },
  ];
  try {
    readFileSync(payloadFile);
    launches.push({
      name: 'bare Express',
      command: process.execPath,
      args: (p) => [join(BUILT, 'bareExpress.js'), '--port', String(p), '--payloads', payloadFile],
      path: '/v1/products',
      headers,
    });
  } catch {
    // no payloads without the throughput section: bare Express is only a reference here
  }
  return measureColdStart(launches, settings.coldStartRuns, ROOT, log);
}

async function listSection(): Promise<Results['listScaling']> {
  log('\n▸ list latency from 100 to 100,000 products');
  const server = await start(
    'sandbox (filled)',
    (p) => [join(BUILT, 'sandboxServer.js'), '--port', String(p), '--fill', LIST_SIZES.join(',')],
    '/v1/products',
    true,
  );
  try {
    return await measureListScaling(server, Math.min(3, settings.seconds), settings.connections, log);
  } finally {
    await stop(server);
  }
}

async function fanoutSection(): Promise<Results['fanout']> {
  log('\n▸ webhook fan-out');
  const server = await start(
    'sandbox (webhooks)',
    (p) => [join(BUILT, 'sandboxServer.js'), '--port', String(p), '--webhook-endpoints', '64'],
    '/v1/products',
    true,
  );
  try {
    return await measureFanout(
      server,
      KEY,
      [
        { endpoints: 1, triggers: 100 },
        { endpoints: 50, triggers: 20 },
      ],
      log,
    );
  } finally {
    await stop(server);
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  log('▸ building dist/ and the bench targets');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'bench/tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });

  const notes: string[] = [];
  const skipped = { skipped: 'not selected (BENCH_ONLY)' };
  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      node: process.version,
    },
    settings,
    notes,
    throughput: only.has('throughput') ? await throughputSection(notes) : {},
    coldStart: only.has('cold') ? await coldStartSection() : {},
    memory: skipped,
    listScaling: skipped,
    fanout: skipped,
    doors: skipped,
  };
  if (only.has('doors')) {
    log('\n▸ in-process doors: fetch, MSW, engine (bench/fetchDoor.ts, a process of its own)');
    results.doors = measureDoors(ROOT, settings.seconds, settings.connections, log);
  }
  if (only.has('memory')) {
    log('\n▸ memory');
    results.memory = await measureMemory(join(BUILT, 'memoryProbe.js'), ROOT, log);
    notes.push(`ephemeral tenants: ${results.memory.tenants.method}`);
  }
  if (only.has('list')) results.listScaling = await listSection();
  if (only.has('fanout')) results.fanout = await fanoutSection();
  if (only.has('state')) {
    log('\n▸ snapshots, restores and forks (bench/state.ts)');
    notes.push(`state (snapshot/restore/fork ms, fork bytes, export): ${JSON.stringify(measureState(ROOT, log))}`);
  }
  notes.push(`whole run took ${Math.round((Date.now() - began) / 1000)} s`);

  const q = ratios(results);
  const checks = checkTargets(results, q);
  const text = render(results, q, checks);
  log(`\n${text}`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', 'latest.json');
  writeFileSync(file, `${JSON.stringify({ ...results, ratios: q, targets: checks }, null, 2)}\n`);
  log(`\nwrote ${file}`);
}

try {
  await main();
} finally {
  await stopAll(servers);
  rmSync(scratch, { recursive: true, force: true });
  clearTimeout(watchdog);
}
