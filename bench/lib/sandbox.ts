import { join } from 'node:path';
import { expectCall } from './api.js';

/** Rate limits for the run: far above anything a bench can send, so no run measures 429s. */
export const LIFTED = '1000000000';

/** 23 created + the 2 fixture products: the list route answers a full default page of 25. */
export const FILL = 23;

/** The sandbox as users run it: the built CLI, quiet, with rate limits lifted by its flags. */
export function sandboxCli(packageDir: string): (port: number) => string[] {
  return (port) => [join(packageDir, 'dist', 'src', 'cli.js'), '--port', String(port), '--quiet', '--rate-limit-reads', LIFTED, '--rate-limit-writes', LIFTED];
}

/** The demo shop back at its fixtures plus FILL products: the same state before every sandbox run. */
export async function resetDemoShop(origin: string, key: string, body: Record<string, unknown>): Promise<void> {
  await expectCall(200, origin, 'POST', '/v1/test_helpers/reset', key);
  for (let i = 1; i <= FILL; i++) await expectCall(201, origin, 'POST', '/v1/products', key, { ...body, name: `Listed product ${i}`, price_cents: 100 * i });
}

export function envNumber(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got '${value}'`);
  return n;
}
