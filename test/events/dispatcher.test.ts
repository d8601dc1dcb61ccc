import { readFileSync } from 'node:fs';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { createAjv } from '../../src/spec/ajv.js';
import { strictReading } from '../../src/spec/readings.js';
import { newProduct, otherShop, receiver, register, settle, webhookSandbox } from './harness.js';
import type { SandboxOptions } from '../../src/index.js';
import type { Behaviour } from '../support/receiver.js';
import type { TestSandbox } from '../support/sandbox.js';

const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const eventHook = (strictReading(loadSpec().spec).webhooks as Record<string, OpenAPIV3_1.PathItemObject>).event.post!;
const eventSchema = createAjv().compile((eventHook.requestBody as OpenAPIV3_1.RequestBodyObject).content['application/json'].schema!);

const deliveries = async (t: TestSandbox, endpointId: string, key?: string) => {
  const reply = await t.get(`/v1/webhooks/${endpointId}/deliveries?limit=100`, { key });
  expect(reply.status).toBe(200);
  return reply.body.data as Record<string, any>[];
};
const ms = (iso: string) => Date.parse(iso);

/** One endpoint for product.created on a receiver that answers `first`, then `then`; one product created and its first attempt settled. */
async function oneEvent(first: Behaviour[], then: Behaviour, options: SandboxOptions = {}) {
  const t = webhookSandbox(options);
  const r = await receiver();
  r.respond(...first);
  r.behaviour = then;
  const endpoint = await register(t, r, ['product.created']);
  await t.post('/v1/products', newProduct());
  await settle(t);
  return { t, r, endpoint };
}

describe('webhook fan-out', () => {
  it('delivers each event to every endpoint whose filter matches: exact names, product.*, and *', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    await register(t, r, ['*'], { path: '/all' });
    await register(t, r, ['product.*'], { path: '/products' });
    await register(t, r, ['product.archived'], { path: '/archived' });
    await register(t, r, ['payout.*', 'order.paid'], { path: '/money' });
    const { body: product } = await t.post('/v1/products', newProduct());
    await t.patch(`/v1/products/${product.id}`, { price_cents: 800 });
    await t.delete(`/v1/products/${product.id}`);
    await settle(t);
    const types = (path: string) =>
      r
        .at(path)
        .map((a) => a.event.type)
        .sort();
    expect(types('/all')).toEqual(['product.archived', 'product.created', 'product.updated']);
    expect(types('/products')).toEqual(['product.archived', 'product.created', 'product.updated']);
    expect(types('/archived')).toEqual(['product.archived']);
    expect(types('/money')).toEqual([]);
    expect(r.rejected).toEqual([]);
  });

  it('POSTs {id, type, created_at, data: {object}} as JSON with Standard Webhooks headers, the event type and a User-Agent', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    await register(t, r, ['product.created']);
    const { body: product } = await t.post('/v1/products', newProduct());
    const [arrival] = await r.waitFor(1);
    expect(Object.keys(arrival.event)).toEqual(['id', 'type', 'created_at', 'data']);
    expect(arrival.event).toMatchObject({ type: 'product.created', created_at: product.created_at, data: { object: product } });
    expect(arrival.event.id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(eventSchema(arrival.event), JSON.stringify(eventSchema.errors)).toBe(true);
    expect(arrival.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': arrival.event.id,
      'webhook-timestamp': String(Math.floor(t.clock.now() / 1000)),
      'webhook-event-type': 'product.created',
      'user-agent': expect.stringContaining(`sx-sandbox/${version}`),
    });
    expect(arrival.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(r.rejected).toEqual([]);
  });

  it('never delivers to fixture endpoints, even one pointing at a live receiver', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    const fixture = {
      id: 'wh_01J2PTR7QW',
      url: r.url('/fixture'),
      events: ['*'],
      description: 'documentation data',
      status: 'active' as const,
      created_at: '2026-05-25T16:40:00Z',
      signing_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    };
    const shop = otherShop(t, 'tnt_fixture_hooks', { webhooks: [fixture] });
    expect((await t.post('/v1/products', newProduct(), { key: shop.key })).status).toBe(201);
    const test = await t.post(`/v1/webhooks/${fixture.id}/test`, { event: 'product.created' }, { key: shop.key });
    await settle(t);
    expect(test.body).toEqual({ delivered: false, response_code: 0, delivery_ms: 0 });
    expect(r.connections).toBe(0);
    expect(await deliveries(t, fixture.id, shop.key)).toEqual([]);
  });
});

describe('webhook retries on the tenant clock', () => {
  it('retries a failing receiver immediately, then after 5 s, 5 min, 30 min, 2 h and 5 h, with one id and one body, then gives up', async () => {
    const { t, r, endpoint } = await oneEvent([], 500);
    expect(r.arrivals).toHaveLength(1);

    // after the first failure: attempt 1 failed with its retry time, attempt 2 waiting
    const [waiting, first] = await deliveries(t, endpoint.id);
    expect(first).toMatchObject({ attempt: 1, status: 'failed', response_code: 500, event_type: 'product.created' });
    expect(first.duration_ms).toBeGreaterThanOrEqual(0);
    expect(ms(first.next_retry_at) - ms(first.attempted_at)).toBe(5000);
    expect(waiting).toMatchObject({ attempt: 2, status: 'pending', response_code: 0, duration_ms: null, attempted_at: null, next_retry_at: null });
    expect(waiting.event_id).toBe(first.event_id);

    const { retryScheduleMs } = t.sandbox.config.webhooks;
    const scheduler = t.sandbox.demo.scheduler;
    for (let attempt = 2; attempt <= retryScheduleMs.length; attempt++) {
      const delay = retryScheduleMs[attempt - 1];
      scheduler.advance(delay - 1000);
      await settle(t);
      expect(r.arrivals, `attempt ${attempt} not before its time`).toHaveLength(attempt - 1);
      if (attempt === 2) {
        // the same move through the API: the retry is one job of the clock advance
        const moved = await t.post('/v1/test_helpers/clock/advance', { seconds: 1 });
        expect(moved.body.jobs_run).toBe(1);
      } else {
        scheduler.advance(1000);
      }
      await settle(t);
      expect(r.arrivals).toHaveLength(attempt);
    }

    scheduler.advance(7 * 24 * 3600 * 1000);
    await settle(t);
    expect(r.arrivals).toHaveLength(6);
    expect(new Set(r.arrivals.map((a) => a.headers['webhook-id'])).size).toBe(1);
    expect(new Set(r.arrivals.map((a) => a.body)).size).toBe(1);
    expect(new Set(r.arrivals.map((a) => a.headers['webhook-signature'])).size).toBe(1);
    expect(r.rejected).toEqual([]);

    const log = (await deliveries(t, endpoint.id)).reverse();
    expect(log.map((d) => [d.attempt, d.status, d.response_code])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, 'failed', 500]));
    for (let i = 0; i < 5; i++) {
      expect(log[i].next_retry_at).toBe(log[i + 1].attempted_at);
      expect(ms(log[i + 1].attempted_at) - ms(log[i].attempted_at)).toBe(retryScheduleMs[i + 1]);
      expect(log[i + 1].created_at).toBe(log[i].attempted_at);
    }
    expect(log[5].next_retry_at).toBeNull();
    expect(scheduler.pending).toBe(0);
  });

  it('stops retrying once a retry succeeds', async () => {
    const { t, r, endpoint } = await oneEvent([503], 204);
    t.sandbox.demo.scheduler.advance(5000);
    await settle(t);
    t.sandbox.demo.scheduler.advance(24 * 3600 * 1000);
    await settle(t);
    expect(r.arrivals.map((a) => a.answered)).toEqual([503, 204]);
    const log = await deliveries(t, endpoint.id);
    expect(log.map((d) => [d.attempt, d.status, d.response_code, d.next_retry_at === null])).toEqual([
      [2, 'succeeded', 204, true],
      [1, 'failed', 503, false],
    ]);
  });

  it('counts no answer within the timeout as a failure and retries it', async () => {
    const { t, r, endpoint } = await oneEvent(['hang'], 204, { webhooks: { timeoutMs: 50 } });
    const [next, first] = await deliveries(t, endpoint.id);
    expect(first).toMatchObject({ attempt: 1, status: 'failed', response_code: 0 });
    expect(r.holding).toBe(0);
    expect(next).toMatchObject({ attempt: 2, status: 'pending', attempted_at: null });
    t.sandbox.demo.scheduler.advance(5000);
    await settle(t);
    // only that the retry was made: whether it beats a 50 ms deadline on a busy machine is not this test's business
    const retried = (await deliveries(t, endpoint.id)).find((d) => d.attempt === 2);
    expect(retried?.attempted_at).toBe(first.next_retry_at);
  });

  it('deleting an endpoint cancels its pending retries, and an attempt in flight schedules none', async () => {
    const { t, r, endpoint } = await oneEvent([], 500);
    expect((await t.delete(`/v1/webhooks/${endpoint.id}`)).status).toBe(200);
    t.sandbox.demo.scheduler.advance(24 * 3600 * 1000);
    await settle(t);
    expect(r.arrivals).toHaveLength(1);
    expect((await t.get(`/v1/webhooks/${endpoint.id}/deliveries`)).status).toBe(404);

    r.behaviour = 'hang';
    const second = await register(t, r, ['product.created'], { path: '/second' });
    await t.post('/v1/products', newProduct('In flight'));
    await r.waitFor(2);
    await t.delete(`/v1/webhooks/${second.id}`);
    r.release(500);
    await settle(t);
    t.sandbox.demo.scheduler.advance(24 * 3600 * 1000);
    await settle(t);
    expect(r.arrivals).toHaveLength(2);
  });

  it('a shop reset cancels pending retries', async () => {
    const { t, r } = await oneEvent([], 500);
    await t.post('/v1/test_helpers/reset');
    t.sandbox.demo.scheduler.advance(24 * 3600 * 1000);
    await settle(t);
    expect(r.arrivals).toHaveLength(1);
  });
});

describe('webhooks never hold anybody up', () => {
  it('the API answers while a receiver holds its connection open, and other shops still get their deliveries', async () => {
    const t = webhookSandbox();
    const slow = await receiver();
    slow.behaviour = 'hang';
    const endpoint = await register(t, slow, ['product.created']);
    await t.post('/v1/products', newProduct('First'));
    await slow.waitFor(1);

    const next = await t.post('/v1/products', newProduct('Second'));
    expect(next.status).toBe(201);
    expect(slow.holding).toBeGreaterThanOrEqual(1);

    const fast = await receiver();
    const shop = otherShop(t, 'tnt_neighbour');
    await register(t, fast, ['product.created'], { key: shop.key });
    await t.post('/v1/products', newProduct('Elsewhere'), { key: shop.key });
    const [arrival] = await fast.waitFor(1);
    expect(arrival.event.data.object.name).toBe('Elsewhere');
    expect(slow.holding).toBeGreaterThanOrEqual(1);

    await slow.waitFor(2);
    slow.release(200);
    await settle(t);
    expect((await deliveries(t, endpoint.id)).map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('one endpoint has at most 8 attempts open; the rest wait their turn, logged as not attempted yet', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    r.behaviour = 'hang';
    const endpoint = await register(t, r, ['product.created']);
    for (let i = 0; i < 10; i++) await t.post('/v1/products', newProduct(`P${i}`));
    await r.waitFor(8);
    const log = await deliveries(t, endpoint.id);
    expect(log.filter((d) => d.attempted_at === null)).toHaveLength(2);
    expect(r.holding).toBe(8);
    r.behaviour = 200;
    r.release(200);
    await settle(t);
    expect(r.arrivals).toHaveLength(10);
    expect((await deliveries(t, endpoint.id)).every((d) => d.status === 'succeeded')).toBe(true);
  });
});

describe('a sale, end to end', () => {
  it('a simulated checkout delivers a signed order.paid carrying the paid order', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    await register(t, r, ['order.paid']);
    const sale = await t.post('/v1/test_helpers/orders', { product: 'prod_01J2PVQR41', email: 'maya.chen@example.com' });
    expect(sale.status).toBe(201);
    await settle(t);
    expect(r.rejected).toEqual([]);
    expect(r.arrivals).toHaveLength(1);
    const [{ event, headers }] = r.arrivals;
    expect(headers['webhook-event-type']).toBe('order.paid');
    expect(event.type).toBe('order.paid');
    expect(event.data.object).toMatchObject({ id: sale.body.id, status: 'paid', paid_at: sale.body.paid_at, customer_email: 'maya.chen@example.com' });
    expect(eventSchema(event), JSON.stringify(eventSchema.errors)).toBe(true);
  });
});
