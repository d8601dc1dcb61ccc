import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { expectDeliveryConforms } from './harness/events.js';
import { walk } from './harness/pages.js';
import { eventually, Receiver, verify, type Delivery } from './harness/receiver.js';
import { session } from './harness/session.js';
import { getOrder, Shop } from './harness/shop.js';
import { check, NotPossible, skipBecause } from './harness/skip.js';
import { hasRoute, target } from './harness/target.js';

const s = session('webhooks');

const DELIVERY_OPS = ['createWebhook', 'testWebhook', 'deleteWebhook'];
let receiver: Receiver | undefined;
let unreachable: number | undefined;

beforeAll(async () => {
  try {
    receiver = await Receiver.start(DELIVERY_OPS);
  } catch (err) {
    if (!(err instanceof NotPossible)) throw err;
    process.stdout.write(`[contract] ${err.message}\n`);
  }
});
afterAll(() => receiver?.close());

/** The receiver, or a skip saying why there is none. */
function needReceiver(): Receiver {
  if (!receiver)
    throw new NotPossible(`${target.baseUrl} cannot reach a receiver on this machine: set SX_WEBHOOK_PUBLIC_URL (and SX_WEBHOOK_LISTEN) to test deliveries`, {
      operationIds: DELIVERY_OPS,
    });
  return receiver;
}

interface Endpoint {
  id: string;
  url: string;
  path: string;
  secret: string;
  events: string[];
}

async function register(events: string[], path = `/hook/${s.unique('ep').replace(/\W+/g, '-')}`): Promise<Endpoint> {
  const url = needReceiver().url(path);
  const reply = await s.api.post('/v1/webhooks', { url, events, description: s.unique('endpoint') });
  expect(reply.status, reply.text).toBe(201);
  s.afterThisTest(`delete webhook ${reply.body.id}`, () => s.api.delete(`/v1/webhooks/${reply.body.id}`));
  return { id: reply.body.id, url, path, secret: reply.body.signing_secret, events };
}

/** A product change, to make events happen. */
async function newProduct(what: string) {
  const reply = await s.api.post('/v1/products', { name: s.unique(what), type: 'account', price_cents: 700, currency: 'USD' });
  expect(reply.status).toBe(201);
  s.defer(`archive ${reply.body.id}`, () => s.api.delete(`/v1/products/${reply.body.id}`));
  return reply.body as { id: string };
}

/** The first delivery of any event of a family (`product.`) about an object: the reference names the family, not its events. */
function deliveredAbout(endpoint: Endpoint, family: string, objectId: string) {
  return needReceiver().waitFor(
    (d) => d.path === endpoint.path && String(d.headers['webhook-event-type']).startsWith(family) && d.raw.includes(objectId),
    `a ${family}* event for ${objectId} on ${endpoint.path}`,
  );
}

function deliveredFor(endpoint: Endpoint, type: string, objectId: string) {
  return needReceiver().waitFor(
    (d) => d.path === endpoint.path && d.headers['webhook-event-type'] === type && d.raw.includes(objectId),
    `${type} for ${objectId} on ${endpoint.path}`,
  );
}

/**
 * Fires a test event. The delivery is synchronous, so it has arrived by the
 * time the answer does; another run sharing the shop may deliver real events
 * meanwhile, so the test event is the one of its type that came in during the call.
 */
async function fireTest(endpoint: Endpoint, event?: string) {
  const before = needReceiver().deliveries.length;
  const reply = await s.api.post(`/v1/webhooks/${endpoint.id}/test`, event ? { event } : undefined);
  const type = event ?? 'order.paid';
  const delivery = needReceiver()
    .deliveries.slice(before)
    .find((d) => d.path === endpoint.path && d.headers['webhook-event-type'] === type);
  return { reply, delivery, type };
}

function expectVerified(endpoint: Endpoint, delivery: Delivery, type: string, objectId?: string) {
  const event = verify(endpoint.secret, delivery);
  expect(event.type).toBe(type);
  if (objectId) expect(event.data.object.id).toBe(objectId);
  expectDeliveryConforms(delivery, event);
  return event;
}

describe('createWebhook and listWebhooks', () => {
  check('registers an endpoint whose signing secret is shown once, never in the list', async () => {
    const endpoint = await register(['order.paid', 'order.refunded']);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const list = await s.api.get('/v1/webhooks');
    expect(list.status).toBe(200);
    const listed = list.body.data.find((e: { id: string }) => e.id === endpoint.id);
    expect(listed).toMatchObject({ id: endpoint.id, url: endpoint.url, events: endpoint.events, status: 'active' });
    expect(list.text).not.toContain(endpoint.secret);
    for (const item of list.body.data) expect(item, 'a listed endpoint carries no signing secret').not.toHaveProperty('signing_secret');
  });

  check('refuses plain http to a public host, and event names it does not know (422)', async () => {
    const http = await s.api.post('/v1/webhooks', { url: 'http://example.com/hook', events: ['*'] });
    expect(http.status).toBe(422);
    expect(Object.keys(http.body.errors)).toContain('body.url');
    const unknown = await s.api.post('/v1/webhooks', { url: 'https://example.com/hook', events: ['order.teleported'] });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.body.errors).some((f) => f.startsWith('body.events'))).toBe(true);
  });
});

describe('testWebhook', () => {
  check('delivers a signed synthetic event that the Standard Webhooks verifier accepts, and reports it', async () => {
    const endpoint = await register(['*']);
    const { reply, delivery } = await fireTest(endpoint, 'order.refunded');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ delivered: true, response_code: 200 });
    expect(delivery, 'the test event arrived before the answer').toBeDefined();
    expectVerified(endpoint, delivery!, 'order.refunded');
  });

  check('sends order.paid when no event is named', async () => {
    const endpoint = await register(['order.paid']);
    const { reply, delivery } = await fireTest(endpoint);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.delivered).toBe(true);
    expect(delivery, 'an order.paid test event arrived before the answer').toBeDefined();
    expectVerified(endpoint, delivery!, 'order.paid');
  });

  check("reports the endpoint's refusal: delivered false and its status code", async () => {
    const endpoint = await register(['*']);
    needReceiver().respond(endpoint.path, () => 500);
    const { reply } = await fireTest(endpoint, 'order.paid');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ delivered: false, response_code: 500 });
  });

  check('reports response_code 0 when nothing answers', async () => {
    if (!target.loopback)
      skipBecause('needs a closed port the target can try: only when the target runs on this machine', { operationIds: ['testWebhook'], statuses: [] });
    unreachable ??= await closedPort();
    const reply = await s.api.post('/v1/webhooks', { url: `http://127.0.0.1:${unreachable}/nobody`, events: ['*'] });
    expect(reply.status).toBe(201);
    s.afterThisTest(`delete webhook ${reply.body.id}`, () => s.api.delete(`/v1/webhooks/${reply.body.id}`));
    const result = await s.api.post(`/v1/webhooks/${reply.body.id}/test`, { event: 'order.paid' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ delivered: false, response_code: 0 });
  });
});

describe('event deliveries', () => {
  check(
    'every product change reaches the endpoints whose filter matches, signed, and no others',
    async () => {
      const family = await register(['product.*']);
      const orders = await register(['order.paid']);
      const product = await newProduct('Evented');
      const created = expectVerified(family, await deliveredFor(family, 'product.created', product.id), 'product.created', product.id);
      await s.api.patch(`/v1/products/${product.id}`, { price_cents: 701 });
      const updated = expectVerified(family, await deliveredFor(family, 'product.updated', product.id), 'product.updated', product.id);
      expect((updated.data.object as { price_cents?: number }).price_cents).toBe(701);
      await s.api.delete(`/v1/products/${product.id}`);
      expectVerified(family, await deliveredFor(family, 'product.archived', product.id), 'product.archived', product.id);
      expect(new Set([created.id, updated.id]).size, 'each event has its own id').toBe(2);
      // (other runs sharing the shop may cause real order.paid deliveries there; none may be about this product)
      const heard = needReceiver().on(orders.path);
      expect(
        heard.filter((d) => d.raw.includes(product.id)),
        'an order.paid endpoint hears nothing of products',
      ).toHaveLength(0);
      expect(heard.every((d) => d.headers['webhook-event-type'] === 'order.paid')).toBe(true);
    },
    { kind: 'decision', why: "the names inside the product.* family (product.created, product.updated, product.archived) are this sandbox's" },
  );

  check("the reference's order and customer events arrive for real, after the state change that causes them", async () => {
    const endpoint = await register(['order.paid', 'order.delivered', 'order.refunded', 'order.failed', 'customer.created']);
    const shop = new Shop(s);
    const order = await shop.simulate({ email: shop.email('evented') });
    if (order) {
      const paid = expectVerified(endpoint, await deliveredFor(endpoint, 'order.paid', order.id), 'order.paid', order.id);
      expect((paid.data.object as { paid_at?: string | null }).paid_at, 'order.paid carries the paid order').toEqual(expect.any(String));
      expectVerified(endpoint, await deliveredFor(endpoint, 'order.delivered', order.id), 'order.delivered', order.id);
      expectVerified(endpoint, await deliveredFor(endpoint, 'customer.created', order.customer_id), 'customer.created', order.customer_id);
      const failed = (await shop.simulate({ outcome: 'failed' }))!;
      const failure = expectVerified(endpoint, await deliveredFor(endpoint, 'order.failed', failed.id), 'order.failed', failed.id);
      expect((failure.data.object as { status?: string }).status).toBe('failed');
    }
    // order.refunded, on a deployment too: a refund of an order this run may touch
    const refundable = order ?? (await shop.paidOrder(['refundOrder']));
    const refund = await s.api.post(`/v1/orders/${refundable.id}/refund`, {}, { idempotencyKey: s.idempotencyKey('evented') });
    expect(refund.status).toBe(200);
    const refunded = expectVerified(endpoint, await deliveredFor(endpoint, 'order.refunded', refundable.id), 'order.refunded', refundable.id);
    expect((refunded.data.object as { status?: string }).status, 'the event shows the order after the refund').toBe('refunded');
    expect((await getOrder(s, refundable.id)).status, 'by the time the event arrives, the order reads refunded').toBe('refunded');
  });

  check('a refused delivery is retried with the same webhook-id until the endpoint takes it', async () => {
    const endpoint = await register(['product.*']);
    // the first attempt of every event fails (another run's events may arrive here too)
    const refused = new Set<string>();
    needReceiver().respond(endpoint.path, (d) => {
      const id = String(d.headers['webhook-id']);
      if (refused.has(id)) return 200;
      refused.add(id);
      return 503;
    });
    const product = await newProduct('Retried');
    const first = await deliveredAbout(endpoint, 'product.', product.id);
    expect(first.answered).toBe(503);
    // The first retry is due 5 s later on the shop's clock. Where the target lets the suite move that clock it
    // does, again until the retry comes: the target schedules it only once it has read the 503.
    const isRetry = (d: Delivery) => d.path === endpoint.path && d !== first && d.headers['webhook-id'] === first.headers['webhook-id'];
    const retry = await eventually(
      async () => {
        if (hasRoute('advanceClock')) expect((await s.admin.post('/v1/test_helpers/clock/advance', { seconds: 6 })).status).toBe(200);
        const found = needReceiver().deliveries.find(isRetry);
        if (!found) throw new Error('no retry yet');
        return found;
      },
      hasRoute('advanceClock') ? 100 : 500,
    );
    expect(retry.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(retry.answered).toBe(200);
    expectVerified(endpoint, retry, String(first.headers['webhook-event-type']), product.id);
  });

  check('a deleted endpoint gets nothing more', async () => {
    const gone = await register(['product.*']);
    const barrier = await register(['product.*']);
    const deleted = await s.api.delete(`/v1/webhooks/${gone.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: gone.id, deleted: true });
    expect((await s.api.get('/v1/webhooks')).body.data.map((e: { id: string }) => e.id)).not.toContain(gone.id);
    expect((await s.api.delete(`/v1/webhooks/${gone.id}`)).status).toBe(404);
    const product = await newProduct('After delete');
    // once the endpoint still registered has heard of it, the deleted one would have too
    await deliveredAbout(barrier, 'product.', product.id);
    expect(
      needReceiver()
        .on(gone.path)
        .filter((d) => d.raw.includes(product.id)),
    ).toHaveLength(0);
  });
});

describe('listWebhookDeliveries (sandbox only)', () => {
  check(
    'logs each attempt, newest first, with its outcome; test deliveries are not logged',
    async () => {
      if (!hasRoute('listWebhookDeliveries')) skipBecause('the target has no delivery log (sandbox-only)', { operationIds: ['listWebhookDeliveries'] });
      const endpoint = await register(['product.*']);
      const test = (await fireTest(endpoint, 'product.created')).delivery!;
      const product = await newProduct('Logged');
      const created = await deliveredFor(endpoint, 'product.created', product.id);
      await s.api.patch(`/v1/products/${product.id}`, { price_cents: 702 });
      const updated = await deliveredFor(endpoint, 'product.updated', product.id);
      const mine = [updated, created].map((d) => d.headers['webhook-id']);
      // the target logs an attempt's outcome once it has read the answer; another run's events may be logged too
      await eventually(async () => {
        const log = await walk(s.api, `/v1/webhooks/${endpoint.id}/deliveries`, 1);
        const ours = log.filter((d) => mine.includes(d.event_id as string));
        expect(ours.map((d) => d.event_id)).toEqual(mine);
        expect(ours.map((d) => d.event_type)).toEqual(['product.updated', 'product.created']);
        expect(ours.every((d) => d.status === 'succeeded' && d.response_code === 200 && d.attempt === 1)).toBe(true);
        expect(log.map((d) => d.event_id)).not.toContain(test.headers['webhook-id']);
      });
    },
    { kind: 'sandbox-only' },
  );
});

/** A loopback port that nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
