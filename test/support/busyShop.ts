import { afterEach, expect } from 'vitest';
import { TestSandbox, type CallOptions } from './sandbox.js';
import type { SandboxOptions } from '../../src/index.js';

const TRON = 'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm';

/**
 * Changes a shop in every part a shop file carries: records added, changed
 * and removed (its own and the fixtures'), a license key pool, an order with
 * a refund still settling and a payout still moving (planned jobs), an API
 * key, a webhook endpoint and its secret, a remembered idempotent reply.
 */
export async function makeBusy(t: TestSandbox, options: CallOptions = {}): Promise<void> {
  const ok = (reply: { status: number; text: string }) => {
    expect(reply.status, reply.text).toBeLessThan(300);
    return reply;
  };
  const made = ok(await t.post('/v1/products', { name: 'Busy key', price_cents: 1500, currency: 'USD', type: 'license_key' }, options));
  const id = (made as unknown as { body: { id: string } }).body.id;
  ok(await t.post(`/v1/products/${id}/keys`, { keys: ['K-1', 'K-2', 'K-3'] }, options));
  ok(await t.patch(`/v1/products/${id}`, { price_cents: 1600 }, options));
  ok(await t.post('/v1/products', { name: 'Busy key', price_cents: 10, currency: 'USD', type: 'file_download' }, options));
  const gone = ok(await t.post('/v1/products', { name: 'Short-lived', price_cents: 10, currency: 'USD', type: 'file_download' }, options));
  ok(await t.delete(`/v1/products/${(gone as unknown as { body: { id: string } }).body.id}`, options));
  const fixtures = t.sandbox.seed.products.items;
  ok(await t.patch(`/v1/products/${fixtures[1].id}`, { name: 'Renamed fixture' }, options));
  ok(await t.delete(`/v1/products/${fixtures[2].id}`, options));
  // removed records: a fixture endpoint (a tombstone) and one of the shop's own (a freed place)
  ok(await t.delete(`/v1/webhooks/${t.sandbox.seed.webhooks.items[0].id}`, options));
  const brief = ok(await t.post('/v1/webhooks', { url: 'https://localhost:9/brief', events: ['payout.confirmed'] }, options)) as unknown as {
    body: { id: string };
  };
  ok(await t.delete(`/v1/webhooks/${brief.body.id}`, options));
  const order = ok(await t.post('/v1/test_helpers/orders', { product: id, quantity: 2, email: 'Busy@Example.com' }, options)) as unknown as {
    body: { id: string };
  };
  ok(await t.post(`/v1/orders/${order.body.id}/refund`, { amount_cents: 100, reason: 'other' }, options));
  ok(
    await t.post(
      '/v1/payouts',
      { chain: 'tron', asset: 'USDT', amount_cents: 1000, destination_address: TRON },
      { ...options, headers: { ...options.headers, 'Idempotency-Key': 'busy-payout' } },
    ),
  );
  ok(await t.post('/v1/webhooks', { url: 'https://localhost:9/busy', events: ['payout.confirmed'] }, options));
  ok(await t.post('/v1/api-keys', { name: 'Busy reader', abilities: ['products:read'], mode: 'test' }, options));
}

/**
 * What a shop answers, as text: every product, the first pages of the other
 * collections, a replay, then what happens next (a new record, thirty days
 * of refunds and payouts settling). Two shops with the same state answer
 * the same bytes.
 */
export async function answers(t: TestSandbox, options: CallOptions = {}): Promise<string[]> {
  const texts: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await t.get(`/v1/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`, options);
    expect(page.status).toBe(200);
    texts.push(page.text);
    cursor = page.body.next_cursor;
  } while (cursor);
  for (const path of ['/v1/orders?limit=5', '/v1/customers?limit=5', '/v1/payouts?limit=5', '/v1/webhooks', '/v1/api-keys']) {
    const reply = await t.get(path, options);
    expect(reply.status, path).toBe(200);
    texts.push(reply.text);
  }
  const replay = await t.post(
    '/v1/payouts',
    { chain: 'tron', asset: 'USDT', amount_cents: 1000, destination_address: TRON },
    { ...options, headers: { ...options.headers, 'Idempotency-Key': 'busy-payout' } },
  );
  texts.push(`${replay.status} ${replay.headers['idempotent-replayed']} ${replay.text}`);
  texts.push((await t.post('/v1/products', { name: 'Busy key', price_cents: 1, currency: 'USD', type: 'file_download' }, options)).text);
  texts.push((await t.post('/v1/test_helpers/clock/advance', { seconds: 30 * 86_400 }, options)).text);
  texts.push((await t.get('/v1/payouts?limit=5', options)).text, (await t.get('/v1/orders?limit=5', options)).text);
  return texts;
}

/** A maker of test sandboxes, each closed after its test. */
export function sandboxes(): (options?: SandboxOptions) => TestSandbox {
  const open: TestSandbox[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.sandbox.close();
  });
  return (options = {}) => {
    const t = new TestSandbox(options);
    open.push(t);
    return t;
  };
}
