import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Reading {
  label: string;
  rss: number;
  heapUsed: number;
  external: number;
}

export interface MemoryFigures {
  tenants: { method: string; readings: Reading[]; rssPerTenant: number; heapPerTenant: number };
  products: { method: string; readings: Reading[]; rssPerProduct: number; heapPerProduct: number };
}

async function probe(script: string, mode: 'tenants' | 'products', cwd: string): Promise<{ method: string; readings: Reading[] }> {
  const { stdout } = await run(process.execPath, ['--expose-gc', script, mode], { cwd, timeout: 120_000, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

/** Bytes per added thing between the first and the last reading. */
function per(readings: Reading[], count: number, field: 'rss' | 'heapUsed'): number {
  return (readings[readings.length - 1][field] - readings[0][field]) / count;
}

/** Each figure comes from a fresh process (--expose-gc, full GC before each reading). */
export async function measureMemory(script: string, cwd: string, log: (line: string) => void): Promise<MemoryFigures> {
  const tenants = await probe(script, 'tenants', cwd);
  const products = await probe(script, 'products', cwd);
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  for (const r of [...tenants.readings, ...products.readings.slice(1)]) log(`  ${r.label.padEnd(16)} rss ${mb(r.rss)}  heap ${mb(r.heapUsed)}`);
  return {
    tenants: { ...tenants, rssPerTenant: per(tenants.readings, 10_000, 'rss'), heapPerTenant: per(tenants.readings, 10_000, 'heapUsed') },
    products: { ...products, rssPerProduct: per(products.readings, 100_000, 'rss'), heapPerProduct: per(products.readings, 100_000, 'heapUsed') },
  };
}
