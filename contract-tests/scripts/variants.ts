import { mkdirSync, writeFileSync } from 'node:fs';
import { startProxied } from '../proxy/target.js';
import { variants, type Variant } from '../proxy/variants.js';
import { passThrough, runSuiteQuietly } from './procs.js';

/**
 * `npm run contract:variants`: the whole suite against each faithful variant
 * of the sandbox (contract-tests/proxy/variants.ts), as against a deployment:
 * through SX_BASE_URL, decisions not held (no SX_STRICT). Every variant must
 * pass; the output of a failing one is printed in full.
 */
const PARALLEL = Number(process.env.SX_VARIANTS_PARALLEL ?? 2);

async function runVariant(v: Variant): Promise<{ v: Variant; code: number; output: string; ms: number }> {
  const started = Date.now();
  const target = await startProxied(v.rewrites);
  try {
    const { code, output } = await runSuiteQuietly(
      {
        SX_BASE_URL: target.url,
        SX_API_KEY: v.mainKey ? v.mainKey(target.key) : target.key,
        SX_SECOND_API_KEY: v.mainKey ? v.mainKey(target.secondKey) : target.secondKey,
        SX_STRICT: '0',
        // the bursts past the quotas do not depend on a variant's rewrites; contract:faults runs them
        SX_SLOW: '0',
        SX_USE_TEST_HELPERS: '1',
        SX_JUNIT_PATH: `test-results/contract-variant-${v.id}-junit.xml`,
      },
      passThrough(),
    );
    return { v, code, output, ms: Date.now() - started };
  } finally {
    await target.close();
  }
}

const queue = variants();
const results: Awaited<ReturnType<typeof runVariant>>[] = [];
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let v = queue.shift(); v; v = queue.shift()) {
      const r = await runVariant(v);
      process.stdout.write(`${r.code === 0 ? '✓' : '✗'} ${v.id} (${(r.ms / 1000).toFixed(1)} s): ${v.what}\n`);
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/contract-variant-${v.id}.log`, r.output);
      if (r.code !== 0) process.stdout.write(`${r.output}\n`);
      results.push(r);
    }
  }),
);
const failed = results.filter((r) => r.code !== 0);
process.stdout.write(
  `\ncontract variants: ${results.length - failed.length} of ${results.length} faithful variants pass${failed.length ? `; failing: ${failed.map((r) => r.v.id).join(', ')}` : ''}\n`,
);
process.exit(failed.length ? 1 : 0);
