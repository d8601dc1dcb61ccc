import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltSite } from '../../scripts/build-docs.js';
import { createSandbox, ManualClock, type Sandbox } from '../../src/index.js';
import { launchChromium, newSandbox, openDocs, resultPath, tryIt, waitReady, type DocsVisit } from './browser.js';
import { docsSite } from './site.js';
import { serveStatic, type StaticSite } from './staticServer.js';

process.env.SX_SANDBOX_QUIET ??= '1';

const VIEWPORT = { width: 1400, height: 900 };
/** the spec's example key for every write: the page must never send it */
const SPEC_EXAMPLE_KEY = '6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21';
const mine = { name: 'Made in reader A’s browser', type: 'account', price_cents: 700, currency: 'USD' };
/** everything the page keeps in this tab's storage (local and session), as one text */
const kept = (page: Page) => page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
/** the signing secret the inspector shows beside the newest order.paid delivery */
const shownSecret = async (page: Page) => {
  const delivery = page.locator('#sx-deliveries .delivery[data-event-type="order.paid"]').first();
  await delivery.waitFor();
  return delivery.locator('[data-secret]').textContent();
};

// one build (esbuild, a few seconds on a busy machine) and one Chromium for the whole file
describe('the docs page as static files, answered by the sandbox in the reader’s browser', { timeout: 60_000 }, () => {
  let site: BuiltSite;
  let host: StaticSite;
  let browser: Browser;
  let contextA: BrowserContext;
  let a: DocsVisit;
  const visits: DocsVisit[] = [];
  /** the signing secrets of the endpoints made on A's page */
  const secrets: string[] = [];

  beforeAll(async () => {
    site = await docsSite();
    host = await serveStatic(site.dir);
    browser = await launchChromium();
    contextA = await browser.newContext({ viewport: VIEWPORT });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('ships under 600 KB of JavaScript, gzip, renderer included', () => {
    const scripts = site.files.filter((f) => f.name.endsWith('.js'));
    expect(scripts.map((f) => f.name).sort()).toEqual(['docs.js', 'sx-sandbox.js']);
    expect(site.scriptGzip).toBeLessThanOrEqual(600 * 1024);
    console.info(`docs page JavaScript: ${scripts.map((f) => `${f.name} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')} gzip`);
  });

  it('shows operations first and keeps the reader’s key in view; the sections read as prose', async () => {
    const started = Date.now();
    a = await openDocs(contextA, `${host.origin}/`);
    visits.push(a);
    const first = await tryIt(a.page, 'listProducts');
    const at = (name: string) => a.page.locator('body').getAttribute(name);
    console.info(
      `sandbox ready ${await at('data-ready-ms')} ms after navigation start, first Try it answer at ${await at('data-first-answer-ms')} ms (test's own wait ${Date.now() - started} ms)`,
    );
    expect(first.status).toBe(200);
    expect(a.key).toMatch(/^sx_test_[0-9A-Za-z]{24}$/);
    // answered in this page: nothing on screen says the request went to the spec's server
    const url = (await first.op.locator('form .url').textContent())!;
    expect(url).toBe('GET /v1/products answered in this page');
    expect(await first.op.locator('.answer .status-line').textContent()).toContain('answered in this page');
    // curl is offered as the same call to the spec's server, and says it is not where this answer came from
    const curl = first.op.locator('.answer .curl');
    expect(await curl.locator('summary').textContent()).toBe('The same call with curl, to http://127.0.0.1:4010');
    expect(await curl.locator('.hint').textContent()).toMatch(/^Answered by the sandbox in this page: this request never left your browser/);
    expect(await curl.locator('pre').textContent()).toMatch(/^curl -X GET 'http:\/\/127\.0\.0\.1:4010\/v1\/products'/);
    await a.page.evaluate(() => scrollTo(0, 0));
    await a.page.screenshot({ path: resultPath('01-loaded.png') });

    const op = await a.page.locator('#op-listProducts').boundingBox();
    expect(op!.y).toBeLessThan(VIEWPORT.height / 2);
    for (const id of ['guide-authentication', 'guide-errors', 'guide-rate-limits', 'guide-idempotency']) {
      const section = a.page.locator(`#${id}`);
      expect((await section.textContent())!.length, id).toBeGreaterThan(200);
    }
    await a.page.locator('#guide-idempotency').scrollIntoViewIfNeeded();
    const key = await a.page.locator('#sx-key').boundingBox();
    expect(key!.y).toBeGreaterThanOrEqual(0);
    expect(key!.y + key!.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(await a.page.locator('#guide-errors table').count()).toBe(1);
    await a.page.screenshot({ path: resultPath('02-prose-key-in-view.png') });
  });

  it('creates a product with Try it, writes again with the default fields (fresh keys, no 409), lists it and keeps it across a reload', async () => {
    const created = await tryIt(a.page, 'createProduct', { body: JSON.stringify(mine, null, 2) });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(mine.name);
    await a.page.locator('#op-createProduct .answer').scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: resultPath('03-created.png') });

    // the example body, twice, without typing a key
    const reset = () => a.page.locator('#op-createProduct textarea').evaluate((el: HTMLTextAreaElement) => (el.value = el.defaultValue));
    await reset();
    const second = await tryIt(a.page, 'createProduct');
    const third = await tryIt(a.page, 'createProduct');
    expect([second.status, third.status]).toEqual([201, 201]);
    expect(third.body.id).not.toBe(second.body.id);
    const keys = [created.idempotencyKey, second.idempotencyKey, third.idempotencyKey];
    expect(new Set(keys).size).toBe(3);
    expect(keys).not.toContain(SPEC_EXAMPLE_KEY);
    // a key the reader types is sent as typed: the same key and body again is a replay
    const typed = await tryIt(a.page, 'createProduct', { 'header:Idempotency-Key': 'reader-typed-1' });
    const replay = await tryIt(a.page, 'createProduct');
    expect(replay.idempotencyKey).toBe('reader-typed-1');
    expect(replay.body.id).toBe(typed.body.id);
    await a.page.locator('#op-createProduct [name="header:Idempotency-Key"]').fill('');

    // a refusal is listed with its problem type and detail
    const missing = await tryIt(a.page, 'getOrder', { 'path:uuid': 'ord_NotInThisShop' });
    expect(missing.status).toBe(404);
    const refused = a.page.locator('#sx-requests .req[data-status="404"]').first();
    expect(await refused.locator('.problem .type').textContent()).toBe('not_found');
    expect(await refused.locator('.problem .detail').textContent()).toBe(missing.body.detail);

    // path parameters hold an id from this shop: the newest product
    await expect.poll(() => a.page.locator('#op-getProduct [name="path:id"]').inputValue()).toBe(typed.body.id);
    expect((await tryIt(a.page, 'getProduct')).status).toBe(200);

    const listed = await tryIt(a.page, 'listProducts');
    expect(listed.body.data.map((p: { name: string }) => p.name)).toContain(mine.name);
    await a.page.screenshot({ path: resultPath('04-listed.png') });

    await a.page.reload();
    await waitReady(a);
    const again = await tryIt(a.page, 'listProducts');
    expect(again.body.data.map((p: { id: string }) => p.id)).toContain(created.body.id);
    expect(await a.page.locator('#sx-status').textContent()).toContain('resumed');
    await a.page.locator('#op-listProducts .answer').scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: resultPath('05-after-reload.png') });
  });

  it('simulates a checkout: order.paid in the inspector, delivered from the browser, with a signature standardwebhooks verifies', async () => {
    const hook = `${host.origin}/hook`;
    const endpoint = await tryIt(a.page, 'createWebhook', { body: JSON.stringify({ url: hook, events: ['order.paid'] }) });
    expect(endpoint.status).toBe(201);
    // a second endpoint the static server refuses (405): a failed attempt with its next retry on the shop clock
    const refusing = await tryIt(a.page, 'createWebhook', { body: JSON.stringify({ url: `${host.origin}/refuses`, events: ['order.paid'] }) });
    expect(refusing.status).toBe(201);
    secrets.push(endpoint.body.signing_secret, refusing.body.signing_secret);

    await a.page.locator('#sx-simulate').click();
    await a.page.locator('#sx-events .event[data-type="order.paid"]').waitFor();
    const delivered = a.page.locator(`#sx-deliveries .delivery[data-event-type="order.paid"][data-status="succeeded"]`);
    await delivered.waitFor();
    const secret = (await delivered.locator('[data-secret]').textContent())!;
    expect(secret).toBe(endpoint.body.signing_secret);
    const header = async (name: string) => (await delivered.locator(`[data-header="${name}"]`).textContent())!;
    const headers = {
      'webhook-id': await header('webhook-id'),
      'webhook-timestamp': await header('webhook-timestamp'),
      'webhook-signature': await header('webhook-signature'),
    };
    const payload = (await delivered.locator('.payload').textContent())!;
    const event = new Webhook(secret).verify(payload, headers) as { type: string; data: { object: { id: string } } };
    expect(event.type).toBe('order.paid');
    expect(() => new Webhook(secret).verify(payload.replace('order.paid', 'order.paie'), headers)).toThrow();
    // the receiver got exactly that, and it verifies there too
    const got = host.received.find((r) => r.headers['webhook-id'] === headers['webhook-id'])!;
    expect(got.body).toBe(payload);
    expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toEqual(event);

    const failed = a.page.locator(`#sx-deliveries .delivery[data-event-type="order.paid"][data-status="failed"]`);
    await failed.waitFor();
    expect(await failed.locator('.retry').textContent()).toMatch(/next retry at \d{4}-\d\d-\d\dT[\d:]+Z \(shop clock\)/);
    expect(await failed.locator('.attempts').textContent()).toContain('405');
    await delivered.scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: resultPath('06-inspector-order-paid.png') });

    // the clock moves the retry: attempt 2 is made and logged
    await a.page.locator('#sx-advance').click();
    await expect.poll(async () => Number(await failed.getAttribute('data-attempt'))).toBeGreaterThan(1);
    await failed.scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: resultPath('07-after-advance.png') });

    // what the clock and the attempts changed was kept too: the log survives a reload
    const attempts = Number(await failed.getAttribute('data-attempt'));
    await a.page.reload();
    await waitReady(a);
    const log = await tryIt(a.page, 'listWebhookDeliveries', { 'path:id': refusing.body.id });
    expect(log.body.data.filter((d: { event_type: string }) => d.event_type === 'order.paid').length).toBeGreaterThanOrEqual(attempts);
    await a.page.locator('#op-listWebhookDeliveries [name="path:id"]').fill('');
  });

  it('gives a second browser another shop: what A made is not there', async () => {
    const contextB = await browser.newContext({ viewport: VIEWPORT });
    const b = await openDocs(contextB, `${host.origin}/`);
    visits.push(b);
    expect(b.key).not.toBe(a.key);
    const names = (await tryIt(b.page, 'listProducts')).body.data.map((p: { name: string }) => p.name);
    expect(names).not.toContain(mine.name);
    expect(names).toContain('Adobe Creative Cloud Key');
    await b.page.screenshot({ path: resultPath('08-second-browser.png') });
    await contextB.close();
  });

  it('New sandbox starts over, and forgets the old shop’s signing secrets', async () => {
    expect(secrets).toHaveLength(2);
    for (const secret of secrets) expect(await kept(a.page)).toContain(secret);
    await newSandbox(a);
    const names = (await tryIt(a.page, 'listProducts')).body.data.map((p: { name: string }) => p.name);
    expect(names).not.toContain(mine.name);
    expect(await a.page.locator('#sx-deliveries .delivery').count()).toBe(0);
    for (const secret of secrets) expect(await kept(a.page)).not.toContain(secret);
  });

  it('a saved shop that cannot be read is reported and replaced by a new shop, never half-loaded', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    // a saved file cut short, in storage before the page's first script runs
    await context.addInitScript(
      (damaged) => {
        if (!sessionStorage.getItem('planted')) localStorage.setItem('sx-sandbox:shop-file', damaged);
        sessionStorage.setItem('planted', '1');
      },
      await a.page.evaluate(() => localStorage.getItem('sx-sandbox:shop-file')!.slice(0, -20)),
    );
    const d = await openDocs(context, `${host.origin}/`);
    visits.push(d);
    expect(await d.page.locator('#sx-status').textContent()).toMatch(/could not be read \(the saved shop: is not a complete JSON document/);
    expect((await tryIt(d.page, 'listProducts')).status).toBe(200);
    // what is kept now is the new shop's file, whole
    expect(await d.page.evaluate(() => JSON.parse(localStorage.getItem('sx-sandbox:shop-file')!).format)).toBe('sx-sandbox-shop');
    await context.close();
  });

  it('asked nothing of anyone but the static files’ server, and logged no error', () => {
    const asked = visits.flatMap((v) => v.requests);
    expect(asked.length).toBeGreaterThan(3);
    expect(asked.filter((url) => !url.startsWith(`${host.origin}/`))).toEqual([]);
    // the one error a page may log: the refusing receiver's 405, which the browser reports as a failed load
    expect(visits.flatMap((v) => v.errors).filter((e) => !e.endsWith(`${host.origin}/refuses)`))).toEqual([]);
  });
});

describe('the same page served by the sandbox at /docs: the reader picks who answers', { timeout: 60_000 }, () => {
  // a manual clock, started at the real time: webhook-timestamp comes from it, and receivers check it against theirs
  const clock = new ManualClock(Date.now());
  let sandbox: Sandbox;
  let base: string;
  let browser: Browser;
  /** a receiver for the server's webhook deliveries */
  let receiver: StaticSite;

  beforeAll(async () => {
    receiver = await serveStatic((await docsSite()).dir);
    sandbox = createSandbox({ clock, clockMode: 'frozen' });
    base = (await sandbox.listen(0)).url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await receiver?.close();
  });

  it('answers in the browser by default, or from a visitor shop of the local server, kept for the tab', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const visit = await openDocs(context, `${base}/docs`);
    expect(visit.page.url()).toBe(`${base}/docs/`);
    expect(sandbox.store.lookup(visit.key)).toBeUndefined();
    expect(await visit.page.locator('#sx-mode').isVisible()).toBe(true);
    // answered in the page, the same call without it goes to the sandbox that served the page
    const inPage = await tryIt(visit.page, 'listProducts');
    expect(await inPage.op.locator('.answer .status-line').textContent()).toContain('answered in this page');
    expect(await inPage.op.locator('.curl summary').textContent()).toBe(`The same call with curl, to ${base}`);

    await visit.page.locator('#sx-mode input[value="server"]').check();
    await waitReady(visit, 'server');
    const shop = sandbox.store.lookup(visit.key)?.tenant;
    expect(shop?.ephemeral).toBe(true);
    const listed = await tryIt(visit.page, 'listProducts');
    expect(listed.status).toBe(200);
    // the URL, the answer and curl name the origin the request really went to
    expect(await listed.op.locator('form .url').textContent()).toBe(`GET ${base}/v1/products`);
    expect(await listed.op.locator('.answer .status-line').textContent()).toContain(`answered by ${base}`);
    expect(await listed.op.locator('.curl summary').textContent()).toBe('The same request with curl');
    expect(await listed.op.locator('.curl pre').textContent()).toMatch(new RegExp(`^curl -X GET '${base.replace(/\./g, '\\.')}/v1/products'`));
    const created = await tryIt(visit.page, 'createProduct');
    expect(created.status).toBe(201);
    expect(shop!.products.get(created.body.id)?.name).toBe(created.body.name);

    // the server sends this shop's webhooks itself; the inspector shows its delivery log
    const endpoint = await tryIt(visit.page, 'createWebhook', { body: JSON.stringify({ url: `${receiver.origin}/hook`, events: ['order.paid'] }) });
    expect(endpoint.status).toBe(201);
    await visit.page.locator('#sx-simulate').click();
    const delivery = visit.page.locator('#sx-deliveries .delivery[data-event-type="order.paid"][data-status="succeeded"]');
    await delivery.waitFor();
    expect(await delivery.locator('.url').textContent()).toBe(`${receiver.origin}/hook`);
    expect(await delivery.locator('[data-secret]').textContent()).toBe(endpoint.body.signing_secret);
    const got = receiver.received.at(-1)!;
    expect((new Webhook(endpoint.body.signing_secret).verify(got.body, got.headers as Record<string, string>) as { type: string }).type).toBe('order.paid');
    await visit.page.screenshot({ path: resultPath('10-local-server.png') });

    // a reload keeps the choice and the tab's shop
    const key = visit.key;
    await visit.page.reload();
    await waitReady(visit, 'server');
    expect(visit.key).toBe(key);

    // the shop expires on the server: the page says so, and New sandbox gets another
    clock.advance(sandbox.config.ephemeral.idleTtlSeconds * 1000);
    sandbox.services.ephemeral.sweep();
    expect((await tryIt(visit.page, 'listProducts')).status).toBe(401);
    await visit.page.locator('#sx-status').filter({ hasText: 'expired' }).waitFor();
    await newSandbox(visit);
    expect(visit.key).not.toBe(key);
    expect(sandbox.store.lookup(visit.key)).toBeDefined();

    await visit.page.locator('#sx-mode input[value="browser"]').check();
    await waitReady(visit, 'browser');
    expect(sandbox.store.lookup(visit.key)).toBeUndefined();
    expect(visit.errors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });

  it('shows a signing secret only beside the shop it belongs to: New sandbox forgets them, the other answerer has its own', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const visit = await openDocs(context, `${base}/docs`);
    const hook = JSON.stringify({ url: `${receiver.origin}/hook`, events: ['order.paid'] });
    await visit.page.locator('#sx-mode input[value="server"]').check();
    await waitReady(visit, 'server');
    const first = await tryIt(visit.page, 'createWebhook', { body: hook });
    expect(first.status).toBe(201);
    expect(await kept(visit.page)).toContain(first.body.signing_secret);

    // a fresh visitor shop: the old shop's endpoint and secret are gone from storage, and stay gone after a reload
    await newSandbox(visit);
    expect(await kept(visit.page)).not.toContain(first.body.signing_secret);
    await visit.page.reload();
    await waitReady(visit, 'server');
    expect(await kept(visit.page)).not.toContain(first.body.signing_secret);

    // the new shop's endpoint, at the same URL: its own secret beside its delivery
    const second = await tryIt(visit.page, 'createWebhook', { body: hook });
    expect(second.body.signing_secret).not.toBe(first.body.signing_secret);
    await visit.page.locator('#sx-simulate').click();
    await visit.page.locator('#sx-deliveries .delivery[data-event-type="order.paid"][data-status="succeeded"]').waitFor();
    expect(await shownSecret(visit.page)).toBe(second.body.signing_secret);

    // the browser's shop, an endpoint at the same URL again: the attempt (refused there: no CORS) shows that endpoint's secret
    await visit.page.locator('#sx-mode input[value="browser"]').check();
    await waitReady(visit, 'browser');
    const third = await tryIt(visit.page, 'createWebhook', { body: hook });
    expect(third.status).toBe(201);
    await visit.page.locator('#sx-simulate').click();
    expect(await shownSecret(visit.page)).toBe(third.body.signing_secret);

    // and back: the visitor shop's log, beside its own secret, kept for the tab
    await visit.page.locator('#sx-mode input[value="server"]').check();
    await waitReady(visit, 'server');
    expect(await shownSecret(visit.page)).toBe(second.body.signing_secret);
    await context.close();
  });
});
