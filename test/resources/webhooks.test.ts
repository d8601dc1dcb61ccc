import { describe, expect, it } from 'vitest';
import type { Resolve } from '../../src/events/targets.js';
import type { Order } from '../../src/state/records.js';
import { newProduct, otherShop, receiver, register, settle, webhookSandbox } from '../events/harness.js';
import { Receiver } from '../support/receiver.js';

const hook = (url: string, events: string[] = ['order.paid']) => ({ url, events });

/** An order record for a shop of our own, so a test order.paid has something real to carry. */
const paidOrder: Order = {
  id: 'ord_01J2PVP4XJ',
  status: 'paid',
  total_cents: 4900,
  refunded_cents: 0,
  currency: 'USD',
  customer_email: 'maya.chen@example.com',
  customer_id: 'cus_01J2PR9M5C',
  created_at: '2026-05-26T07:13:40Z',
  paid_at: '2026-05-26T07:14:22Z',
  payment: { provider: 'blockpn', chain: 'tron', asset: 'USDT', tx_hash: '0xae9c233b449af01a2c41c502ec46a0c3ab27fbf6f69acd88588e5b6c5798e225' },
  items: [{ product: 'Adobe Creative Cloud Key', product_id: 'prod_01J2PVQR41', qty: 1, subtotal_cents: 4900 }],
  delivery: { kind: 'license_key', state: 'pending', delivered_at: null },
  refunds: [],
};

/** A port nothing listens on: a server that was just closed. */
async function deadUrl(): Promise<string> {
  const r = await Receiver.start();
  const url = r.url();
  await r.close();
  return url;
}

describe('webhook endpoints', () => {
  it('registers an endpoint, shows its signing secret only in the create response, lists and deletes it', async () => {
    const t = webhookSandbox();
    const created = await t.post('/v1/webhooks', { ...hook('https://localhost:9/sx', ['order.paid', 'product.*']), description: 'Fulfilment' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: 'https://localhost:9/sx',
      events: ['order.paid', 'product.*'],
      description: 'Fulfilment',
      status: 'active',
      created_at: t.sandbox.demo.now(),
    });
    expect(created.body.id).toMatch(/^wh_/);
    expect(Buffer.from(created.body.signing_secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

    const list = await t.get('/v1/webhooks');
    const listed = list.body.data.find((e: { id: string }) => e.id === created.body.id);
    expect(listed).toEqual({ ...created.body, signing_secret: undefined });
    expect(list.text).not.toContain(created.body.signing_secret);

    expect((await t.delete(`/v1/webhooks/${created.body.id}`)).body).toEqual({ id: created.body.id, deleted: true });
    expect((await t.get('/v1/webhooks')).body.data.map((e: { id: string }) => e.id)).not.toContain(created.body.id);
    expect((await t.delete(`/v1/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await t.post(`/v1/webhooks/${created.body.id}/test`, {})).status).toBe(404);
  });

  it('accepts http only to loopback hosts; other schemes, other http hosts, unknown events and malformed URLs are 422', async () => {
    const t = webhookSandbox();
    for (const url of ['http://localhost:3000/hook', 'http://127.0.0.1:9/hook', 'http://[::1]:3000/hook', 'https://127.0.0.1:9/hook']) {
      expect((await t.post('/v1/webhooks', hook(url))).status, url).toBe(201);
    }
    const refused = [
      [hook('http://hooks.example.com/sx'), 'body.url', /https/],
      [hook('http://192.168.1.20/sx'), 'body.url', /https/],
      [hook('ftp://hooks.example.com/sx'), 'body.url', /https/],
      [hook('https://user:pw@hooks.example.com/sx'), 'body.url', /credentials/],
      [hook('not a url'), 'body.url', /./],
      [hook('https://hooks.example.com/sx', ['order.shipped']), 'body.events.0', /./],
      [hook('https://hooks.example.com/sx', ['order.*']), 'body.events.0', /./],
    ] as const;
    for (const [body, field, message] of refused) {
      const reply = await t.post('/v1/webhooks', body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect(reply.body.errors[field]?.join(' '), JSON.stringify(reply.body)).toMatch(message);
    }
  });

  it('caps endpoints per shop with a 422 that names the cap; deleted endpoints do not count', async () => {
    const t = webhookSandbox({ caps: { webhookEndpointsPerTenant: 2 } });
    // the fixtures' endpoints do not count: two of the shop's own fit
    expect((await t.get('/v1/webhooks')).body.data.length).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) expect((await t.post('/v1/webhooks', hook(`https://127.0.0.1:9/h${i}`))).status).toBe(201);
    const over = await t.post('/v1/webhooks', hook('https://127.0.0.1:9/over'));
    expect(over.status).toBe(422);
    expect(over.body.detail).toMatch(/at 2/);
    const existing = (await t.get('/v1/webhooks')).body.data.find((e: { url: string }) => e.url.endsWith('/h0')).id;
    await t.delete(`/v1/webhooks/${existing}`);
    expect((await t.post('/v1/webhooks', hook('https://127.0.0.1:9/again'))).status).toBe(201);
  });

  it('an idempotent replay of a registration returns the same endpoint and secret, and registers nothing new', async () => {
    const t = webhookSandbox();
    const headers = { 'Idempotency-Key': 'wh-1' };
    const first = await t.post('/v1/webhooks', hook('https://localhost:9/replayed'), { headers });
    const again = await t.post('/v1/webhooks', hook('https://localhost:9/replayed'), { headers });
    expect(again.text).toBe(first.text);
    expect((await t.get('/v1/webhooks')).body.data.filter((e: { url: string }) => e.url === 'https://localhost:9/replayed')).toHaveLength(1);
  });
});

describe('POST /v1/webhooks/{id}/test', () => {
  it('sends a signed synthetic order.paid (the default) to a live receiver and reports the truth', async () => {
    const t = webhookSandbox();
    const shop = otherShop(t, 'tnt_test_event', { orders: [paidOrder] });
    const r = await receiver();
    const endpoint = await register(t, r, ['order.paid'], { key: shop.key });
    const reply = await t.post(`/v1/webhooks/${endpoint.id}/test`, undefined, { key: shop.key });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ delivered: true, response_code: 204 });
    expect(reply.body.delivery_ms).toBeGreaterThanOrEqual(0);
    expect(r.arrivals).toHaveLength(1);
    expect(r.rejected).toEqual([]);
    const [arrival] = r.arrivals;
    expect(arrival.event).toMatchObject({ type: 'order.paid', data: { object: paidOrder } });
    expect(arrival.headers['webhook-event-type']).toBe('order.paid');
    // test deliveries are not logged
    expect((await t.get(`/v1/webhooks/${endpoint.id}/deliveries`, { key: shop.key })).body.data).toEqual([]);
  });

  it('passes on a failing answer, and a refused connection is delivered: false with response_code 0', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    r.respond(500);
    const endpoint = await register(t, r, ['product.*']);
    const failing = await t.post(`/v1/webhooks/${endpoint.id}/test`, { event: 'product.updated' });
    expect(failing.body).toMatchObject({ delivered: false, response_code: 500 });
    expect(r.arrivals[0].event.type).toBe('product.updated');

    const dead = await t.post('/v1/webhooks', hook(await deadUrl(), ['*']));
    const refused = await t.post(`/v1/webhooks/${dead.body.id}/test`, { event: 'product.created' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ delivered: false, response_code: 0 });
  });

  it("the demo shop's fixture endpoint is documentation data: no delivery, and its test event says so without a connection", async () => {
    const t = webhookSandbox();
    const test = await t.post('/v1/webhooks/wh_01J2PTR7QW/test', {});
    expect(test.body).toEqual({ delivered: false, response_code: 0, delivery_ms: 0 });
    expect((await t.post('/v1/test_helpers/orders', { product: 'prod_01J2PVQR41', email: 'a@example.com' })).status).toBe(201);
    await settle(t);
    expect((await t.get('/v1/webhooks/wh_01J2PTR7QW/deliveries')).body.data).toEqual([]);
  });

  it('is a 422 when the shop has nothing of that kind to send', async () => {
    const t = webhookSandbox();
    const shop = otherShop(t, 'tnt_empty');
    const r = await receiver();
    const endpoint = await register(t, r, ['*'], { key: shop.key });
    const reply = await t.post(`/v1/webhooks/${endpoint.id}/test`, { event: 'payout.failed' }, { key: shop.key });
    expect(reply.status).toBe(422);
    expect(reply.body.errors['body.event']).toBeDefined();
    expect(r.connections).toBe(0);
  });
});

describe('GET /v1/webhooks/{id}/deliveries', () => {
  it("pages one endpoint's attempts newest first, and its cursor is not valid for another endpoint", async () => {
    const t = webhookSandbox();
    const r = await receiver();
    const a = await register(t, r, ['product.created'], { path: '/a' });
    const b = await register(t, r, ['product.created'], { path: '/b' });
    for (let i = 0; i < 3; i++) await t.post('/v1/products', newProduct(`Paged ${i}`));
    await settle(t);
    const first = await t.get(`/v1/webhooks/${a.id}/deliveries?limit=2`);
    expect(first.body.has_more).toBe(true);
    const rest = await t.get(`/v1/webhooks/${a.id}/deliveries?limit=2&cursor=${first.body.next_cursor}`);
    expect(rest.body).toMatchObject({ has_more: false, next_cursor: null });
    const all = [...first.body.data, ...rest.body.data];
    expect(all).toHaveLength(3);
    expect(all.every((d) => d.status === 'succeeded' && d.response_code === 204 && d.attempt === 1)).toBe(true);
    const arrivedIds = r.at('/a').map((x) => x.event.id);
    expect(all.map((d) => d.event_id).sort()).toEqual(arrivedIds.sort());
    expect(all.map((d) => d.id)).toEqual([...all.map((d) => d.id)].sort().reverse());
    expect((await t.get(`/v1/webhooks/${b.id}/deliveries?cursor=${first.body.next_cursor}`)).status).toBe(400);
  });
});

describe('public mode', () => {
  /** DNS for the test: names answer what the table says, at registration and at delivery; nothing goes to a real resolver. */
  function fakeDns(table: Record<string, string[][]>) {
    const calls: string[] = [];
    const resolve: Resolve = async (host) => {
      calls.push(host);
      const answers = table[host];
      if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      const now = answers.length > 1 ? answers.shift()! : answers[0];
      return now.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    return { resolve, calls };
  }

  it('refuses loopback, private, link-local, CGNAT, unique-local, multicast and unspecified targets with a 422 that says so', async () => {
    const dns = fakeDns({ 'sneaky.example.test': [['8.8.8.8', '10.1.2.3']], 'six.example.test': [['fd12::1']] });
    const t = webhookSandbox({ public: true, webhooks: { resolve: dns.resolve } });
    const { key } = otherShop(t, 'tnt_public');
    const cases: [string, RegExp][] = [
      ['http://127.0.0.1:3000/hook', /loopback/],
      ['http://localhost:3000/hook', /loopback/],
      ['https://localhost/hook', /loopback/],
      ['https://127.8.0.1/hook', /loopback/],
      ['https://[::1]/hook', /loopback/],
      ['https://[::ffff:127.0.0.1]/hook', /loopback/],
      ['https://10.0.0.1/hook', /private/],
      ['https://172.20.1.1/hook', /private/],
      ['https://192.168.0.10/hook', /private/],
      ['https://169.254.169.254/latest', /link-local/],
      ['https://[fe80::1]/hook', /link-local/],
      ['https://100.100.1.1/hook', /carrier-grade NAT/],
      ['https://[fd00::5]/hook', /unique-local/],
      ['https://224.0.0.1/hook', /multicast/],
      ['https://0.0.0.0/hook', /unspecified/],
      ['https://[::]/hook', /unspecified/],
      ['https://sneaky.example.test/hook', /resolves to 10\.1\.2\.3, a private address/],
      ['https://six.example.test/hook', /resolves to fd12::1, a unique-local address/],
    ];
    for (const [url, reason] of cases) {
      const reply = await t.post('/v1/webhooks', hook(url), { key });
      expect(reply.status, url).toBe(422);
      expect(reply.body.detail, url).toMatch(/public mode/);
      expect(reply.body.detail, url).toMatch(reason);
      expect(reply.body.errors['body.url'].join(' '), url).toMatch(/internal address/);
    }
    expect(dns.calls).toEqual(['sneaky.example.test', 'six.example.test']);
    expect((await t.get('/v1/webhooks', { key })).body.data).toEqual([]);
  });

  it('checks again at delivery: a name that re-points inside is refused without a connection', async () => {
    const r = await receiver();
    // public at registration, loopback afterwards (DNS rebinding)
    const dns = fakeDns({ 'rebind.example.test': [['8.8.4.4'], ['127.0.0.1']] });
    const t = webhookSandbox({ public: true, webhooks: { resolve: dns.resolve } });
    const { key } = otherShop(t, 'tnt_public');
    const url = `https://rebind.example.test:${new URL(r.origin).port}/hook`;
    const created = await t.post('/v1/webhooks', hook(url, ['product.created']), { key });
    expect(created.status).toBe(201);
    await t.post('/v1/products', newProduct(), { key });
    await settle(t);
    const [pending, first] = (await t.get(`/v1/webhooks/${created.body.id}/deliveries`, { key })).body.data;
    expect(first).toMatchObject({ attempt: 1, status: 'failed', response_code: 0 });
    expect(pending).toMatchObject({ attempt: 2, status: 'pending' });

    const test = await t.post(`/v1/webhooks/${created.body.id}/test`, { event: 'product.created' }, { key });
    expect(test.status).toBe(422);
    expect(test.body.detail).toMatch(/resolves to 127\.0\.0\.1, a loopback address/);
    expect(dns.calls).toEqual(['rebind.example.test', 'rebind.example.test', 'rebind.example.test']);
    expect(r.connections).toBe(0);
  });

  it('accepts a name that does not resolve yet: each delivery resolves and checks it again', async () => {
    const dns = fakeDns({});
    const t = webhookSandbox({ public: true, webhooks: { resolve: dns.resolve } });
    const { key } = otherShop(t, 'tnt_public', { products: [] });
    const created = await t.post('/v1/webhooks', hook('https://not-yet.example.test/hook', ['product.created']), { key });
    expect(created.status).toBe(201);
    await t.post('/v1/products', newProduct(), { key });
    const test = await t.post(`/v1/webhooks/${created.body.id}/test`, { event: 'product.created' }, { key });
    expect(test.body).toEqual({ delivered: false, response_code: 0, delivery_ms: 0 });
    await settle(t);
    const [, first] = (await t.get(`/v1/webhooks/${created.body.id}/deliveries`, { key })).body.data;
    expect(first).toMatchObject({ attempt: 1, status: 'failed', response_code: 0 });
    // registration, the event's delivery, the test event: each looked the name up
    expect(dns.calls).toEqual(['not-yet.example.test', 'not-yet.example.test', 'not-yet.example.test']);
  });
});
