import { afterEach, expect } from 'vitest';
import type { SandboxOptions } from '../../src/index.js';
import { ABILITIES } from '../../src/state/records.js';
import { buildSeed, type SeedData } from '../../src/state/seed.js';
import { Receiver } from '../support/receiver.js';
import { TestSandbox } from '../support/sandbox.js';

const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/**
 * A sandbox whose system clock starts at real time: deliveries carry it in
 * `webhook-timestamp`, and the Standard Webhooks verifier in the receiver
 * refuses timestamps more than five minutes from its own clock. Tenant time
 * stays frozen and moves only when a test advances it.
 */
export function webhookSandbox(options: SandboxOptions = {}): TestSandbox {
  const t = new TestSandbox(options);
  t.clock.set(Date.now());
  open.push({ close: () => t.sandbox.close() });
  return t;
}

export async function receiver(): Promise<Receiver> {
  const r = await Receiver.start();
  open.push(r);
  return r;
}

/** Registers `r` (at `path`) for `events` and teaches it the signing secret. */
export async function register(t: TestSandbox, r: Receiver, events: string[], options: { path?: string; key?: string } = {}) {
  const path = options.path ?? '/hook';
  const reply = await t.post('/v1/webhooks', { url: r.url(path), events }, { key: options.key });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  r.trust(reply.body.signing_secret, path);
  return reply.body as { id: string; signing_secret: string };
}

/** Waits until no delivery attempt is queued or in flight. */
export function settle(t: TestSandbox): Promise<void> {
  return t.sandbox.webhooks.idle();
}

export const newProduct = (name = 'Hooked') => ({ name, type: 'account', price_cents: 700, currency: 'USD' });

/** Another shop in the same sandbox, from its own seed, with a full-access key. */
export function otherShop(t: TestSandbox, id: string, data: Partial<SeedData> = {}) {
  const tenant = t.sandbox.store.create(id, buildSeed({ epoch: Date.parse('2026-05-26T08:30:00Z'), ...data }));
  const { secret } = t.sandbox.store.mint(tenant, {
    name: 'all',
    abilities: ABILITIES,
    mode: 'test',
  });
  return { tenant, key: secret };
}
