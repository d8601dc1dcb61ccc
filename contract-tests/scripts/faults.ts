import { mkdirSync, writeFileSync } from 'node:fs';
import { FAULTS, type Fault } from '../faults/catalogue.js';
import { startProxied } from '../proxy/target.js';
import type { Rewrite } from '../proxy/proxy.js';
import { runSuiteQuietly } from './procs.js';

/**
 * `npm run contract:faults`: the suite against every fault of the catalogue
 * (contract-tests/faults/catalogue.ts), each on its own sandbox behind the
 * rewriting proxy, with only the test files of the fault's area, two at a
 * time. First a control run — the same files through the proxy with no
 * fault — must pass, so that a kill is the fault's doing. Prints the kill
 * rate and every survivor; exits non-zero below the target rate.
 *
 * `-- <id>…` runs only those faults.
 */
const PARALLEL = Number(process.env.SX_FAULTS_PARALLEL ?? 2);
const TARGET_RATE = 0.9;

interface Run {
  code: number;
  output: string;
  ms: number;
}

async function runAgainst(label: string, rewrites: (key: string) => Rewrite[], files: string[], slow: boolean): Promise<Run> {
  const started = Date.now();
  const proxied = await startProxiedWith(rewrites);
  try {
    const { code, output } = await runSuiteQuietly(
      {
        SX_BASE_URL: proxied.url,
        SX_API_KEY: proxied.key,
        SX_SECOND_API_KEY: proxied.secondKey,
        SX_STRICT: '1',
        SX_SLOW: slow ? '1' : '0',
        SX_USE_TEST_HELPERS: '1',
        SX_WEBHOOK_TIMEOUT_MS: '3000',
        SX_JUNIT_PATH: `test-results/faults/${label}-junit.xml`,
        SX_DRIFT_REPORT: `test-results/faults/${label}-drift.md`,
      },
      files.map((f) => `contract-tests/${f}.test.ts`),
    );
    return { code, output, ms: Date.now() - started };
  } finally {
    await proxied.close();
  }
}

/** A sandbox whose demo key the rewrites may use, behind the proxy made with them. */
async function startProxiedWith(rewrites: (key: string) => Rewrite[]) {
  const holder: Rewrite[] = [];
  const proxied = await startProxied(holder);
  holder.push(...rewrites(proxied.key));
  return proxied;
}

/** The tests that failed, read from vitest's console output (colours removed). */
function failedTests(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  return [...new Set([...plain.matchAll(/FAIL\s+(contract-tests\/\S+ > .+)/g)].map((m) => m[1].trim()))];
}

const only = process.argv.slice(2);
const faults = only.length ? FAULTS.filter((f) => only.includes(f.id)) : FAULTS;
mkdirSync('test-results/faults', { recursive: true });

const allFiles = [...new Set(faults.flatMap((f) => f.files))];
const control = await runAgainst(
  'control',
  () => [],
  allFiles,
  faults.some((f) => f.slow),
);
if (control.code !== 0) {
  process.stdout.write(`contract faults: the control run (no fault) fails, so no kill would mean anything:\n${control.output}\n`);
  process.exit(1);
}
process.stdout.write(`control run, no fault, ${allFiles.length} files: passes (${(control.ms / 1000).toFixed(1)} s)\n`);

const results: Array<{ fault: Fault; killed: boolean; by: string[]; ms: number }> = [];
const queue = [...faults];
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let fault = queue.shift(); fault; fault = queue.shift()) {
      const f = fault;
      const run = await runAgainst(f.id, (key) => f.rewrites({ mainKey: key }), f.files, f.slow === true);
      writeFileSync(`test-results/faults/${f.id}.log`, run.output);
      const by = failedTests(run.output);
      // killed means a test failed on it: a run that broke without a failing test kills nothing
      const killed = run.code !== 0 && by.length > 0;
      results.push({ fault: f, killed, by, ms: run.ms });
      process.stdout.write(
        `${killed ? 'killed  ' : 'SURVIVED'} ${f.id.padEnd(42)} ${(run.ms / 1000).toFixed(1).padStart(5)} s  ${killed ? `by ${by.length} test(s), e.g. ${by[0] ?? '(see log)'}` : f.invariant}\n`,
      );
    }
  }),
);

const killed = results.filter((r) => r.killed).length;
const rate = killed / results.length;
const survivors = results.filter((r) => !r.killed);
const byArea = new Map<string, { n: number; killed: number }>();
for (const r of results) {
  const a = byArea.get(r.fault.area) ?? { n: 0, killed: 0 };
  a.n++;
  if (r.killed) a.killed++;
  byArea.set(r.fault.area, a);
}
const lines = [
  `contract faults: ${killed} of ${results.length} killed (${(rate * 100).toFixed(1)} %; target ≥ ${TARGET_RATE * 100} %)`,
  ...[...byArea].map(([area, a]) => `  ${area.padEnd(16)} ${a.killed}/${a.n}`),
  survivors.length ? 'survivors:' : 'no survivors',
  ...survivors.map((r) => `  ${r.fault.id} (${r.fault.area}): ${r.fault.invariant} — ${r.fault.injection}`),
];
process.stdout.write(`\n${lines.join('\n')}\n`);
writeFileSync(
  'test-results/faults/summary.json',
  JSON.stringify(
    {
      killed,
      total: results.length,
      rate,
      survivors: survivors.map((r) => r.fault.id),
      results: results.map((r) => ({ id: r.fault.id, area: r.fault.area, killed: r.killed, by: r.by })),
    },
    null,
    2,
  ),
);
process.exit(rate >= TARGET_RATE ? 0 : 1);
