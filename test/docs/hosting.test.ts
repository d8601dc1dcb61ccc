import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;
afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
});

/** The real command line, as a host would start it (through tsx: no build needed). */
async function startPublic(args: string[]): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--quiet', '--public', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  await new Promise<void>((resolve, reject) => {
    child!.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('docs:')) resolve();
    });
    child!.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  expect(out).toContain('read-only with --public');
  return /listening on (http:\/\/[\d.]+:\d+)/.exec(out)![1];
}

const createShop = (url: string) => fetch(`${url}/v1/test_helpers/tenants`, { method: 'POST' });

describe('hosting with --public, from the command line', () => {
  it('takes the visitor-shop flags and keeps the demo shop read-only', async () => {
    const url = await startPublic(['--tenant-ttl', '120', '--tenant-lifetime', '900', '--tenants-per-ip', '1', '--max-import-keys', '2']);
    const docs = await fetch(`${url}/docs`, { redirect: 'manual' });
    expect([docs.status, docs.headers.get('location')]).toEqual([301, 'docs/']);
    const created = await createShop(url);
    expect(created.status).toBe(201);
    expect(created.headers.get('ratelimit-policy')).toBe('"tenants";q=1;w=600');
    const shop = (await created.json()) as { secret: string; idle_ttl_seconds: number; expires_at: string };
    expect(shop.idle_ttl_seconds).toBe(120);
    expect(Date.parse(shop.expires_at) - Date.now()).toBeLessThanOrEqual(900_000);
    const again = await createShop(url);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const imported = await fetch(`${url}/v1/products/prod_01J2PVQR41/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${shop.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ keys: ['K-1', 'K-2', 'K-3'] }),
    });
    expect(imported.status).toBe(422);

    const demoWrite = await fetch(`${url}/v1/test_helpers/reset`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sx_test_DemoShopFullAccessKey001' },
    });
    expect(demoWrite.status).toBe(403);
  });

  it('refuses a flag that is not a positive whole number', async () => {
    const refused = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--max-tenants', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    refused.stderr!.on('data', (c) => (err += c));
    const [code] = await once(refused, 'exit');
    expect(code).toBe(2);
    expect(err).toContain('--max-tenants must be a whole number ≥ 1');
  });
});
