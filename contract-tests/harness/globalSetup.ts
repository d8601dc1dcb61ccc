import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { driftMarkdown } from './drift.js';
import { readLedger } from './ledger.js';
import type { TestProject } from 'vitest/node';
import { EnvError, isLoopback, readEnv, type SuiteEnv } from './env.js';
import { fillPath, operations } from './spec.js';
import type { TargetInfo } from './target.js';

interface Started {
  baseUrl: string;
  apiKey: string;
  kind: TargetInfo['kind'];
  close: () => Promise<void>;
}

/** No SX_BASE_URL: a sandbox in this process, on an ephemeral loopback port, with its documented defaults. */
async function startInProcess(): Promise<Started> {
  const { createSandbox } = await import('../../src/index.js');
  const sandbox = createSandbox();
  const { url } = await sandbox.listen(0, '127.0.0.1');
  return { baseUrl: url, apiKey: sandbox.demoKey, kind: 'in-process', close: () => sandbox.close() };
}

/**
 * Which sandbox-only routes the target has, without side effects: an
 * authenticated operation without a key is 401 where the route exists and
 * 404 where it does not; the unauthenticated one is sent a body it must
 * reject (400) before creating anything.
 */
async function probeRoutes(baseUrl: string): Promise<Record<string, boolean>> {
  const routes: Record<string, boolean> = {};
  for (const op of operations.filter((o) => o.sandboxOnly)) {
    const init: RequestInit = { method: op.method, headers: { accept: 'application/json' } };
    if (!op.authenticated) {
      init.body = JSON.stringify({ contract_suite_probe: true });
      init.headers = { ...init.headers, 'content-type': 'application/json' };
    }
    const response = await fetch(baseUrl + fillPath(op), init);
    await response.arrayBuffer();
    routes[op.operationId] = op.authenticated ? response.status === 401 : response.status === 400;
  }
  return routes;
}

/** Before anything else: the target answers, and takes the key. */
async function checkReachable(baseUrl: string, apiKey: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/v1/products?limit=1`, { headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' } });
  } catch (err) {
    throw new EnvError(`cannot reach ${baseUrl}: ${(err as Error).cause ?? (err as Error).message}`);
  }
  const text = await response.text();
  if (response.status === 401) throw new EnvError(`${baseUrl} does not accept SX_API_KEY (401): ${text.slice(0, 300)}`);
}

function banner(info: TargetInfo, env: SuiteEnv): string {
  const present = Object.entries(info.routes)
    .filter(([, has]) => has)
    .map(([id]) => id);
  const receiver = env.webhookPublicUrl
    ? `${env.webhookPublicUrl} → ${env.webhookListen.host}:${env.webhookListen.port}`
    : info.loopback
      ? `127.0.0.1 (ephemeral ports)`
      : 'none (set SX_WEBHOOK_PUBLIC_URL to test deliveries)';
  return [
    `contract suite → ${info.baseUrl} (${info.kind === 'in-process' ? 'in-process sandbox' : 'SX_BASE_URL'})`,
    `  key:            ${info.apiKey.slice(0, 8)}…${info.apiKey.slice(-4)}`,
    `  sandbox-only:   ${present.length ? present.join(', ') : env.useTestHelpers ? 'none (flows that need them use existing data or skip)' : 'ignored (SX_USE_TEST_HELPERS=0)'}`,
    `  second shop:    ${env.secondApiKey ? 'SX_SECOND_API_KEY' : info.routes.createEphemeralTenant ? 'POST /v1/test_helpers/tenants' : 'none (tenancy tests skip)'}`,
    `  webhooks:       ${receiver}`,
    `  slow tests:     ${info.slow ? 'on' : 'off (SX_SLOW=1 turns them on)'}`,
    `  decisions:      ${info.kind === 'in-process' ? "held (the suite's own sandbox)" : env.strict ? 'held (SX_STRICT=1)' : "not held: only the reference fails this run (SX_STRICT=1 holds the sandbox's decisions too)"}`,
    '',
  ].join('\n');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let env: SuiteEnv;
  try {
    env = readEnv();
    if (env.baseUrl) await checkReachable(env.baseUrl, env.apiKey!);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    // a configuration mistake, not a test failure: say what is wrong and stop before anything runs
    process.stderr.write(`\ncontract suite: refusing to start. ${err.message}\n\n`);
    process.exit(2);
  }
  const started: Started = env.baseUrl ? { baseUrl: env.baseUrl, apiKey: env.apiKey!, kind: 'external', close: async () => {} } : await startInProcess();
  // SX_USE_TEST_HELPERS=0: a sandbox treated like a deployment, so the paths that do without helpers run too
  const routes = env.useTestHelpers ? await probeRoutes(started.baseUrl) : {};
  const ledgerDir = mkdtempSync(join(tmpdir(), 'sx-contract-'));
  const info: TargetInfo = {
    baseUrl: started.baseUrl,
    apiKey: started.apiKey,
    kind: started.kind,
    loopback: isLoopback(started.baseUrl),
    routes,
    slow: env.slow ?? routes.advanceClock === true,
    runId: Date.now().toString(36).slice(-6),
    ledgerDir,
    env,
  };
  process.stdout.write(banner(info, env));
  project.provide('target', info);
  return async () => {
    await started.close();
    // against a deployment: the drift report, beside the JUnit report
    if (info.kind === 'external') {
      const path = process.env.SX_DRIFT_REPORT || 'test-results/contract-drift.md';
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, driftMarkdown(readLedger(ledgerDir), info.baseUrl));
      process.stdout.write(`contract drift report written to ${path}\n`);
    }
    rmSync(ledgerDir, { recursive: true, force: true });
  };
}
