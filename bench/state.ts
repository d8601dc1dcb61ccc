/**
 * `npm run bench:state` (and the `state` section of `npm run bench`): what
 * a snapshot, a restore and a fork cost at 100, 10,000 and 100,000 products
 * in the shop, and the heap one fork holds. In process, one fresh process
 * per size (node --expose-gc, a full GC before each heap reading), the shop
 * filled through the createProduct handler (targets/fill.ts). Target: a
 * fork ≤ 5 ms and ≤ 50 KB at 100,000 products. Bounded: a few seconds per
 * size. Prints one JSON line per size; the parent prints the table.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSandbox, ManualClock } from '../src/index.js';
import { addProducts } from './targets/fill.js';

export const STATE_SIZES = [100, 10_000, 100_000];
const FORKS = 900;
const REPEATS = 50;

export interface StateFigures {
  products: number;
  snapshotMs: number;
  restoreMs: number;
  forkMs: number;
  forkBytes: number;
  exportMs: number;
  exportBytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One size, in this process. */
function measure(products: number): StateFigures {
  const sandbox = createSandbox({
    clock: new ManualClock(),
    clockMode: 'frozen',
    caps: { resourcesPerTenant: products + 1000 },
    memory: { shopBytes: 2 ** 31, processBytes: 2 ** 32 },
  });
  const shop = sandbox.demo;
  addProducts(sandbox, shop, products - shop.products.size);
  const write = () => addProducts(sandbox, shop, 1);

  // each snapshot follows a write, so there is a layer to freeze (the cost of a snapshot of a shop that changed)
  const snapshots: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    write();
    const t = process.hrtime.bigint();
    sandbox.snapshot(`s${i % 10}`);
    snapshots.push(ms(t));
  }
  const restores: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    write();
    const t = process.hrtime.bigint();
    sandbox.restore(`s${i % 10}`);
    restores.push(ms(t));
  }
  sandbox.snapshot('base');
  const kept: unknown[] = [];
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const forks: number[] = [];
  for (let i = 0; i < FORKS; i++) {
    const t = process.hrtime.bigint();
    kept.push(sandbox.fork({ snapshot: 'base' }));
    forks.push(ms(t));
  }
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  const text = sandbox.exportShop();
  const exportMs = ms(started);
  void sandbox.close();
  return {
    products,
    snapshotMs: median(snapshots),
    restoreMs: median(restores),
    forkMs: median(forks),
    forkBytes: Math.round((after - before) / FORKS),
    exportMs,
    exportBytes: text.length,
  };
}

/** Every size, each in a fresh process. */
export function measureState(root: string, log: (line: string) => void): StateFigures[] {
  const figures: StateFigures[] = [];
  for (const size of STATE_SIZES) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), String(size)], {
      cwd: root,
      timeout: 180_000,
      maxBuffer: 1 << 20,
      env: { ...process.env, SX_SANDBOX_QUIET: '1' },
    });
    const f = JSON.parse(out.toString().trim().split('\n').pop()!) as StateFigures;
    figures.push(f);
    log(
      `  ${String(f.products).padStart(7)} products  snapshot ${f.snapshotMs.toFixed(3)} ms  restore ${f.restoreMs.toFixed(3)} ms  ` +
        `fork ${f.forkMs.toFixed(3)} ms, ${(f.forkBytes / 1024).toFixed(1)} KB  export ${f.exportMs.toFixed(0)} ms (${(f.exportBytes / 2 ** 20).toFixed(1)} MB)`,
    );
  }
  const top = figures[figures.length - 1];
  log(`  target at 100,000 products: fork ≤ 5 ms and ≤ 50 KB → ${top.forkMs <= 5 && top.forkBytes <= 50 * 1024 ? 'met' : 'NOT met'}`);
  return figures;
}

// run alone: `tsx bench/state.ts` measures every size; `… <size>` one size in this process (what measureState spawns)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = process.argv[2];
  if (size) process.stdout.write(`${JSON.stringify(measure(Number(size)))}\n`);
  else measureState(process.cwd(), (line) => process.stdout.write(`${line}\n`));
}
