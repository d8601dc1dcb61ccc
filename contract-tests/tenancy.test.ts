import { beforeAll, describe, expect } from 'vitest';
import type { Client } from './harness/client.js';
import { walk } from './harness/pages.js';
import { inertWebhookUrl, secondShop } from './harness/secondShop.js';
import { session } from './harness/session.js';
import { Shop } from './harness/shop.js';
import { expectSameObject } from './harness/members.js';
import { check, NotPossible } from './harness/skip.js';
import { hasRoute } from './harness/target.js';

/**
 * One shop's resources, seen with another shop's key: 404 by id (never 403:
 * existence is not leaked) and absent from every list.
 */
const s = session('tenancy');
const shop = new Shop(s);
let other: Client | undefined;
let otherReason: NotPossible | undefined;

beforeAll(async () => {
  try {
    other = await secondShop(s, []);
  } catch (err) {
    if (!(err instanceof NotPossible)) throw err;
    otherReason = err;
  }
});

function them(operationIds: string[]): Client {
  if (!other) throw new NotPossible(otherReason!.message, { operationIds });
  return other;
}

async function expect404(client: Client, method: string, path: string, body?: unknown) {
  const reply = await client.call(method, path, body);
  expect(reply.status, `${method} ${path} from another shop`).toBe(404);
  expect(reply.body.type).toBe('not_found');
}

async function ids(client: Client, path: string): Promise<string[]> {
  const reply = await client.get(path);
  expect(reply.status).toBe(200);
  return reply.body.object === 'list' && reply.body.has_more !== undefined
    ? (await walk(client, path, 100)).map((i) => i.id)
    : reply.body.data.map((i: { id: string }) => i.id);
}

describe("another shop's resources are 404 and unlisted", () => {
  check('products', async () => {
    const b = them(['getProduct', 'updateProduct', 'archiveProduct', 'importProductKeys']);
    const created = await s.api.post('/v1/products', { name: s.unique('Mine'), type: 'license_key', price_cents: 100, currency: 'USD' });
    s.defer('archive tenancy product', () => s.api.delete(`/v1/products/${created.body.id}`));
    const id = created.body.id;
    await expect404(b, 'GET', `/v1/products/${id}`);
    await expect404(b, 'PATCH', `/v1/products/${id}`, { price_cents: 1 });
    await expect404(b, 'DELETE', `/v1/products/${id}`);
    await expect404(b, 'POST', `/v1/products/${id}/keys`, { keys: ['CONTRACT-THEIRS'] });
    expect(await ids(b, '/v1/products')).not.toContain(id);
    expectSameObject((await s.api.get(`/v1/products/${id}`)).body, created.body, 'created and fetched');
  });

  check('orders and customers', async () => {
    const b = them(['getOrder', 'refundOrder', 'resendOrder', 'getCustomer']);
    const order = await shop.simulate();
    if (!order)
      throw new NotPossible('needs an order only this shop has, which only a sandbox can simulate', {
        operationIds: ['getOrder', 'refundOrder', 'resendOrder', 'getCustomer'],
        statuses: [],
      });
    await expect404(b, 'GET', `/v1/orders/${order.id}`);
    await expect404(b, 'POST', `/v1/orders/${order.id}/refund`, { amount_cents: 1 });
    await expect404(b, 'POST', `/v1/orders/${order.id}/resend`);
    await expect404(b, 'GET', `/v1/customers/${order.customer_id}`);
    expect(await ids(b, `/v1/orders?from=${encodeURIComponent(order.created_at)}`)).not.toContain(order.id);
    const after = (await s.api.get(`/v1/orders/${order.id}`)).body;
    expect(after.status, 'the refund from another shop changed nothing').toBe(order.status);
    if ('refunded_cents' in after) expect(after.refunded_cents).toBe(0);
  });

  check('webhook endpoints', async () => {
    const b = them(['deleteWebhook', 'testWebhook', 'listWebhooks']);
    const created = await s.api.post('/v1/webhooks', { url: inertWebhookUrl(), events: ['payout.*'] });
    expect(created.status).toBe(201);
    s.afterThisTest('delete tenancy webhook', () => s.api.delete(`/v1/webhooks/${created.body.id}`));
    await expect404(b, 'POST', `/v1/webhooks/${created.body.id}/test`, { event: 'order.paid' });
    await expect404(b, 'DELETE', `/v1/webhooks/${created.body.id}`);
    if (hasRoute('listWebhookDeliveries')) await expect404(b, 'GET', `/v1/webhooks/${created.body.id}/deliveries`);
    expect(await ids(b, '/v1/webhooks')).not.toContain(created.body.id);
    expect(await ids(s.api, '/v1/webhooks')).toContain(created.body.id);
  });

  check('API keys', async () => {
    const b = them(['revokeApiKey', 'listApiKeys']);
    const key = await s.mint('tenancy', ['products:read']);
    await expect404(b, 'DELETE', `/v1/api-keys/${key.id}`);
    expect(await ids(b, '/v1/api-keys')).not.toContain(key.id);
    expect((await s.admin.get('/v1/products?limit=1', { key: key.secret })).status).toBe(200);
  });

  check('payouts', async () => {
    const b = them(['listPayouts']);
    await shop.simulate();
    const created = await s.api.post('/v1/payouts', {
      chain: 'tron',
      asset: 'USDT',
      amount_cents: 1,
      destination_address: 'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm',
    });
    if (created.status === 422) throw new NotPossible(`this shop cannot pay out: ${created.body.detail}`, { operationIds: ['listPayouts'], statuses: [] });
    expect(created.status).toBe(201);
    expect(await ids(b, '/v1/payouts')).not.toContain(created.body.id);
  });
});

describe('idempotency keys are per shop', () => {
  check("another shop's request with the same key is its own, neither replayed nor a conflict", async () => {
    const b = them(['createProduct']);
    const idempotencyKey = s.idempotencyKey('shared');
    const mine = await s.api.post('/v1/products', { name: s.unique('Key mine'), type: 'account', price_cents: 1, currency: 'USD' }, { idempotencyKey });
    s.defer('archive', () => s.api.delete(`/v1/products/${mine.body.id}`));
    const theirs = await b.post('/v1/products', { name: s.unique('Key theirs'), type: 'account', price_cents: 2, currency: 'USD' }, { idempotencyKey });
    expect(theirs.status).toBe(201);
    s.defer('archive theirs', () => b.delete(`/v1/products/${theirs.body.id}`));
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});
