/**
 * createBrowserSandbox as a page uses it, run here in Node from source (the
 * bundle is the same code with its data built in; test/browser/worker.test.ts
 * runs the bundle in Chromium). Webhooks go through the `deliver` callback
 * the host gives: nothing is sent anywhere, and what would have been sent
 * verifies with the standardwebhooks library, as the server's deliveries do.
 */
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserSandbox, type AttemptReport, type AttemptRequest, type BrowserSandbox } from '../../src/browser.js';
import { createSandbox } from '../../src/index.js';

const ADOBE = 'prod_01J2PVQR41';
const open: BrowserSandbox[] = [];
afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
});

function start(options: Parameters<typeof createBrowserSandbox>[0] = {}): BrowserSandbox {
  const sandbox = createBrowserSandbox({ clockMode: 'frozen', ...options });
  open.push(sandbox);
  return sandbox;
}

/** Calls the fetch door as a page's code would (any origin: the door reads the path). */
async function call(sandbox: BrowserSandbox, method: string, path: string, body?: unknown, key = sandbox.demoKey) {
  const reply = await sandbox.fetch(
    new Request(`https://api.sellix.gg${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: reply.status, headers: reply.headers, body: (await reply.json()) as Record<string, any> };
}

describe('createBrowserSandbox', () => {
  it('answers the API from one shop: a product created is in the next list, with the reference data around it', async () => {
    const sandbox = start();
    const created = await call(sandbox, 'POST', '/v1/products', { name: 'Poster', type: 'account', price_cents: 900, currency: 'EUR' });
    expect(created.status).toBe(201);
    const list = await call(sandbox, 'GET', '/v1/products?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.data[0].id).toBe(created.body.id);
    expect(list.body.data.map((p: { id: string }) => p.id)).toContain(ADOBE);
    const refused = await call(sandbox, 'GET', '/v1/products', undefined, 'sx_test_000000000000000000000000');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers as createSandbox does, byte for byte, for the same seed (cursors included)', async () => {
    const browser = start();
    const node = createSandbox({ clockMode: 'frozen' });
    try {
      for (const path of ['/v1/products?limit=3', '/v1/orders?limit=2', '/v1/customers?limit=2']) {
        const ask = (fetcher: BrowserSandbox['fetch'], key: string) =>
          fetcher(new Request(`http://x${path}`, { headers: { Authorization: `Bearer ${key}` } })).then((r) => r.text());
        expect(await ask(browser.fetch, browser.demoKey)).toBe(await ask(node.fetch, node.demoKey));
      }
    } finally {
      await node.close();
    }
  });

  it('delivers webhooks through the host’s callback, signed as the server signs them, and reports each attempt with its next retry', async () => {
    const sent: AttemptRequest[] = [];
    const reports: AttemptReport[] = [];
    const answers = [500, 204];
    const sandbox = start({
      webhooks: { retryScheduleMs: [0, 60_000] },
      deliver: async (attempt) => {
        sent.push(attempt);
        return { response_code: answers.shift() ?? 204, duration_ms: 1 };
      },
      onAttempt: (report) => reports.push(report),
    });
    const endpoint = await call(sandbox, 'POST', '/v1/webhooks', { url: 'https://receiver.example/hook', events: ['order.paid'] });
    expect(endpoint.status).toBe(201);
    const order = await call(sandbox, 'POST', '/v1/test_helpers/orders', { product: ADOBE, email: 'maya.chen@example.com', outcome: 'completed' });
    expect(order.status).toBe(201);
    await sandbox.webhooks.idle();

    expect(sent).toHaveLength(1);
    const [first] = sent;
    expect(first.url.href).toBe('https://receiver.example/hook');
    const event = new Webhook(endpoint.body.signing_secret).verify(first.body, first.headers) as { type: string; data: { object: { id: string } } };
    expect(event.type).toBe('order.paid');
    expect(event.data.object.id).toBe(order.body.id);
    expect(first.headers['webhook-event-type']).toBe('order.paid');
    // a tampered payload does not verify: the check above can fail
    expect(() => new Webhook(endpoint.body.signing_secret).verify(first.body.replace(order.body.id, 'ord_other'), first.headers)).toThrow();

    expect(reports).toHaveLength(1);
    expect(reports[0].delivery).toMatchObject({ status: 'failed', response_code: 500, attempt: 1, event_type: 'order.paid' });
    expect(reports[0].delivery.next_retry_at).toBe('2026-05-26T08:31:00Z');
    expect(reports[0].request).toEqual({ headers: first.headers, body: first.body });
    expect(reports[0].attempts).toBe(2);

    // the retry waits for the shop clock, which moves through the API's test helper
    const advanced = await call(sandbox, 'POST', '/v1/test_helpers/clock/advance', { seconds: 60 });
    expect(advanced.status).toBe(200);
    await sandbox.webhooks.idle();
    expect(sent).toHaveLength(2);
    expect(sent[1].headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(reports[1].delivery).toMatchObject({ status: 'succeeded', response_code: 204, attempt: 2, next_retry_at: null });
  });

  it('resumes a saved shop: what was made, and the keys minted, are there again', async () => {
    let changes = 0;
    const first = start({ onChange: () => changes++ });
    expect(changes).toBe(0);
    const product = await call(first, 'POST', '/v1/products', { name: 'Kept', type: 'account', price_cents: 100, currency: 'USD' });
    const key = await call(first, 'POST', '/v1/api-keys', { name: 'reader', abilities: ['products:read'], mode: 'test' });
    expect(key.status).toBe(201);
    // told of the changes (the moment to save), not asked to save
    expect(changes).toBeGreaterThan(0);
    const saved = first.exportShop();
    await first.close();

    const again = start({ shopFile: saved });
    expect((await call(again, 'GET', `/v1/products/${product.body.id}`)).body.name).toBe('Kept');
    expect((await call(again, 'GET', '/v1/products?limit=1', undefined, key.body.secret)).status).toBe(200);
    // and ids go on where they were, not from the start again
    const next = await call(again, 'POST', '/v1/products', { name: 'Next', type: 'account', price_cents: 100, currency: 'USD' });
    expect(next.body.id).not.toBe(product.body.id);

    const fresh = start();
    expect((await call(fresh, 'GET', `/v1/products/${product.body.id}`)).status).toBe(404);
  });

  it('refuses a damaged or foreign shop file, saying why', () => {
    const saved = start().exportShop();
    expect(() => createBrowserSandbox({ shopFile: saved.replace('"seed":1', '"seed":2') })).toThrow(/the saved shop: fails its checksum/);
    expect(() => createBrowserSandbox({ shopFile: 'not a shop' })).toThrow(/not a complete JSON document/);
    const otherSeed = start({ seed: 2 }).exportShop();
    expect(() => createBrowserSandbox({ shopFile: otherSeed })).toThrow(/was written over the fixtures of seed 2, not 1/);
  });
});
