/**
 * The sandbox in a real browser (Chromium through playwright-core), served
 * as plain static files from 127.0.0.1 with no sandbox process behind them:
 *
 * - MSW: a page loads msw's browser build and the sandbox bundle, starts
 *   `setupWorker(...sxHandlers({ sandbox }))`, and the app's own plain
 *   `fetch('https://api.sellix.gg/v1/products')` creates a product that the
 *   next list shows;
 * - a service worker of our own that imports the bundle and answers the
 *   API's requests itself (no window, no DOM there);
 * - the README's setupWorker example as written, bundled as a frontend's
 *   build would bundle it (esbuild, `sx-sandbox/browser` and
 *   `sx-sandbox/browser/msw` being the two files npm run build writes);
 * - webhooks from the page, POSTed with the browser's fetch: a receiver on
 *   127.0.0.1 that answers CORS gets them signed (standardwebhooks verifies
 *   them in Node), one that does not is logged as failed with the reason.
 *
 * Chromium resolves no name but 127.0.0.1 (--host-resolver-rules), so a
 * request that was not answered inside the browser fails instead of leaving
 * it; the static server's log and the browser's own request log show only
 * the static files went over the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Webhook } from 'standardwebhooks';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ENTRY, bundleBrowser, MSW_ENTRY, ROOT } from '../../scripts/browserBundle.js';
import { resultPath } from '../docs/browser.js';

const API = 'https://api.sellix.gg/v1';

const MSW_PAGE = `<!doctype html>
<meta charset="utf-8"><link rel="icon" href="data:,"><title>sx-sandbox with MSW</title>
<script src="/msw.js"></script>
<script type="importmap">{ "imports": { "msw": "/msw-module.js" } }</script>
<script type="module">
  import { createBrowserSandbox } from '/sx-sandbox.js';
  import { sxHandlers } from '/sx-msw.js';
  const sandbox = createBrowserSandbox();
  const worker = MockServiceWorker.setupWorker(...sxHandlers({ sandbox }));
  await worker.start({ onUnhandledRequest: 'error', quiet: true });
  window.demoKey = sandbox.demoKey;
  document.body.textContent = 'ready';
</script>
<body>starting</body>`;

// the page's `import { http } from 'msw'` (in sx-msw.js) is msw's browser build, already loaded
const MSW_MODULE = 'const msw = globalThis.MockServiceWorker;\nexport const http = msw.http;\nexport const HttpResponse = msw.HttpResponse;\n';

const SW_PAGE = `<!doctype html>
<meta charset="utf-8"><link rel="icon" href="data:,"><title>sx-sandbox in a service worker</title>
<script type="module">
  await navigator.serviceWorker.register('/sx-worker.js', { type: 'module', scope: '/' });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  document.body.textContent = 'ready';
</script>
<body>starting</body>`;

const README_PAGE = `<!doctype html>
<meta charset="utf-8"><link rel="icon" href="data:,"><title>the README's example</title>
<script type="module" src="/readme-app.js"></script>
<body>starting</body>`;

/** The README's page example: the one code block that starts MSW's setupWorker with sxHandlers. */
function readmeWorkerExample(): string {
  const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const found = blocks.filter((code) => code.includes('setupWorker(...sxHandlers({ sandbox }))'));
  if (found.length !== 1) throw new Error(`README: expected one setupWorker example, found ${found.length}`);
  return found[0];
}

/**
 * The example bundled as a frontend's build does: its imports resolve to the
 * two files npm run build writes (here, made by the same function) and to
 * msw; its last line's answer is left on the page for the test.
 */
async function readmeApp(sandboxFile: string, mswFile: string): Promise<string> {
  const entry = join(work, 'readme-app.ts');
  writeFileSync(
    entry,
    `${readmeWorkerExample()}\n(window as any).readmeReply = { status: reply.status, body: await reply.json() };\ndocument.body.textContent = 'ready';\n`,
  );
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    alias: { 'sx-sandbox/browser/msw': mswFile, 'sx-sandbox/browser': sandboxFile },
    nodePaths: [join(ROOT, 'node_modules')],
  });
  return out.outputFiles[0].text;
}

const DELIVER_PAGE = `<!doctype html>
<meta charset="utf-8"><link rel="icon" href="data:,"><title>webhooks from the page</title>
<script type="module">
  import { createBrowserSandbox } from '/sx-sandbox.js';
  window.sandbox = createBrowserSandbox({ clockMode: 'frozen' });
  document.body.textContent = 'ready';
</script>
<body>starting</body>`;

/** A webhook receiver on 127.0.0.1, as a reader runs one: with `cors`, it answers the browser's preflight and lets the page read its answer. */
async function receiver(cors: boolean): Promise<{ url: string; bodies: { headers: http.IncomingHttpHeaders; body: string }[]; close(): Promise<void> }> {
  const bodies: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const allow = cors ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST' } : {};
  const receiving = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, allow).end();
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push({ headers: req.headers, body });
      res.writeHead(204, allow).end();
    });
  });
  await new Promise<void>((resolve) => receiving.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(receiving.address() as AddressInfo).port}/hook`,
    bodies,
    close: () => new Promise((resolve) => receiving.close(() => resolve())),
  };
}

const SW = `import { createBrowserSandbox } from '/sx-sandbox.js';
const sandbox = createBrowserSandbox();
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).hostname === 'api.sellix.gg') event.respondWith(sandbox.fetch(event.request));
});
`;

let server: http.Server;
let origin = '';
const served: string[] = [];
let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'sx-worker-'));

beforeAll(async () => {
  // `msw init` writes the worker script MSW's setupWorker registers, as a frontend project does
  execFileSync(process.execPath, [join(ROOT, 'node_modules/msw/cli/index.js'), 'init', work, '--no-save'], { stdio: 'ignore' });
  const files: Record<string, string> = {
    '/msw.html': MSW_PAGE,
    '/sw.html': SW_PAGE,
    '/sx-worker.js': SW,
    '/msw-module.js': MSW_MODULE,
    '/msw.js': readFileSync(join(ROOT, 'node_modules/msw/lib/iife/index.js'), 'utf8'),
    '/mockServiceWorker.js': readFileSync(join(work, 'mockServiceWorker.js'), 'utf8'),
    // what npm run build writes to dist/browser/, made by the same function
    '/sx-sandbox.js': (await bundleBrowser(BROWSER_ENTRY)).code,
    '/sx-msw.js': (await bundleBrowser(MSW_ENTRY, { external: ['msw'] })).code,
    '/readme.html': README_PAGE,
    '/deliver.html': DELIVER_PAGE,
  };
  for (const name of ['sx-sandbox.js', 'sx-msw.js']) writeFileSync(join(work, name), files[`/${name}`]);
  files['/readme-app.js'] = await readmeApp(join(work, 'sx-sandbox.js'), join(work, 'sx-msw.js'));
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    served.push(path);
    const body = files[path];
    if (body === undefined) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'Content-Type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // no name resolves: whatever is not answered inside the browser fails here instead of leaving the machine
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Opens a page, collecting its errors and every request the browser made, with whether a service worker answered it. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[]; requests: { url: string; fromServiceWorker: boolean }[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // the one refusal the test asks for is logged by Chromium as a failed load; anything else is an error
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) errors.push(msg.text());
  });
  page.on('response', (response) => requests.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() }));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  await page.goto(`${origin}${path}`);
  await page.locator('body', { hasText: 'ready' }).waitFor({ timeout: 20_000 });
  return { page, errors, requests };
}

/** The app's code: plain fetch to the API's base URL. */
function createThenList(page: Page, key: string) {
  return page.evaluate(
    async ({ api, key }) => {
      const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${api}/products`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Browser poster', type: 'account', price_cents: 900, currency: 'EUR' }),
      });
      const product = await created.json();
      const list = await fetch(`${api}/products?limit=5`, { headers });
      const unknownKey = await fetch(`${api}/products`, { headers: { Authorization: 'Bearer sx_test_000000000000000000000000' } });
      // read to its end: a body left unread is cut (a failed request) when the page navigates
      const problem = await unknownKey.json();
      return {
        created: created.status,
        id: product.id as string,
        listed: list.status,
        ids: ((await list.json()).data as { id: string }[]).map((p) => p.id),
        refused: unknownKey.status,
        refusedType: unknownKey.headers.get('content-type'),
        refusedProblem: problem.type as string,
      };
    },
    { api: API, key },
  );
}

function onlyStaticFilesLeft(requests: { url: string; fromServiceWorker: boolean }[]): void {
  const network = requests.filter((r) => !r.fromServiceWorker).map((r) => new URL(r.url).origin);
  expect([...new Set(network)]).toEqual([origin]);
  const answeredInside = requests.filter((r) => r.url.startsWith(API));
  expect(answeredInside.length).toBeGreaterThan(0);
  expect(answeredInside.every((r) => r.fromServiceWorker)).toBe(true);
}

describe('in Chromium, from static files', () => {
  it('MSW setupWorker with sxHandlers({ sandbox }): plain fetch creates a product and the next list shows it', async () => {
    const context = await browser.newContext();
    try {
      const { page, errors, requests } = await open(context, '/msw.html');
      const key = await page.evaluate(() => (window as unknown as { demoKey: string }).demoKey);
      expect(key).toMatch(/^sx_test_/);
      const result = await createThenList(page, key);
      expect(result).toMatchObject({
        created: 201,
        listed: 200,
        refused: 401,
        refusedType: 'application/problem+json; charset=utf-8',
        refusedProblem: 'unauthenticated',
      });
      expect(result.ids[0]).toBe(result.id);
      await page.screenshot({ path: resultPath('browser-msw.png') });
      expect(errors).toEqual([]);
      onlyStaticFilesLeft(requests);
      expect(served.filter((path) => path.startsWith('/v1'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the README's setupWorker example, bundled as an app's build would, answers the app's fetch and keeps the shop across a reload", async () => {
    const context = await browser.newContext();
    try {
      const { page, errors, requests } = await open(context, '/readme.html');
      const reply = await page.evaluate(() => (window as unknown as { readmeReply: { status: number; body: { data: { id: string }[] } } }).readmeReply);
      expect(reply.status).toBe(200);
      expect(reply.body.data.map((p) => p.id)).toContain('prod_01J2PVQR41');
      // a product made now is saved on pagehide (the example's own line) and there after the reload
      const made = await createThenList(page, 'sx_test_DemoShopFullAccessKey001');
      expect(made.created).toBe(201);
      await page.reload();
      await page.locator('body', { hasText: 'ready' }).waitFor({ timeout: 20_000 });
      const after = await page.evaluate(() => (window as unknown as { readmeReply: { body: { data: { id: string }[] } } }).readmeReply);
      expect(after.body.data[0].id).toBe(made.id);
      expect(errors).toEqual([]);
      onlyStaticFilesLeft(requests);
    } finally {
      await context.close();
    }
  });

  it("webhooks go out with the browser's fetch, signed as the server signs them; a receiver the browser may not reach is logged with the reason", async () => {
    const reachable = await receiver(true);
    const closed = await receiver(false);
    const context = await browser.newContext();
    try {
      const { page, errors } = await open(context, '/deliver.html');
      const outcome = await page.evaluate(
        async ({ urls }) => {
          const sandbox = (window as unknown as { sandbox: import('../../src/browser.js').BrowserSandbox }).sandbox;
          const headers = { Authorization: `Bearer ${sandbox.demoKey}`, 'Content-Type': 'application/json' };
          const call = (path: string, body?: unknown) =>
            sandbox
              .fetch(new Request(`https://api.sellix.gg/v1${path}`, { method: body ? 'POST' : 'GET', headers, body: body ? JSON.stringify(body) : undefined }))
              .then((r) => r.json());
          const endpoints = [];
          for (const url of urls) endpoints.push(await call('/webhooks', { url, events: ['order.paid'] }));
          const order = await call('/test_helpers/orders', { product: 'prod_01J2PVQR41', email: 'sam@example.com' });
          await sandbox.webhooks.idle();
          const logs = [];
          // the first attempt of each (a failed one has its retry logged above it, pending on the frozen shop clock)
          for (const endpoint of endpoints)
            logs.push(((await call(`/webhooks/${endpoint.id}/deliveries`)).data as { attempt: number }[]).find((d) => d.attempt === 1));
          return { secret: endpoints[0].signing_secret as string, order: order.id as string, logs };
        },
        { urls: [reachable.url, closed.url] },
      );
      expect(reachable.bodies).toHaveLength(1);
      const [arrived] = reachable.bodies;
      const headers = Object.fromEntries(Object.entries(arrived.headers).map(([k, v]) => [k, String(v)]));
      const event = new Webhook(outcome.secret).verify(arrived.body, headers) as { type: string; data: { object: { id: string } } };
      expect(event.type).toBe('order.paid');
      expect(event.data.object.id).toBe(outcome.order);
      expect(outcome.logs[0]).toMatchObject({ status: 'succeeded', response_code: 204 });
      // the signed headers make it no simple request: the browser asked first (a preflight), was not allowed, and sent nothing
      expect(closed.bodies).toEqual([]);
      expect(outcome.logs[1]).toMatchObject({
        status: 'failed',
        response_code: 0,
        failure_reason: expect.stringMatching(/^not reachable from here .*CORS/),
        next_retry_at: expect.any(String),
      });
      // Chromium logs the refused one (a CORS message, a failed load); nothing else
      expect(errors.filter((e) => !/CORS|net::ERR_FAILED/.test(e))).toEqual([]);
    } finally {
      await context.close();
      await reachable.close();
      await closed.close();
    }
  });

  it('a service worker that imports the bundle answers the API itself', async () => {
    const context = await browser.newContext();
    try {
      const { page, errors, requests } = await open(context, '/sw.html');
      const result = await createThenList(page, 'sx_test_DemoShopFullAccessKey001');
      expect(result).toMatchObject({ created: 201, listed: 200, refused: 401 });
      expect(result.ids[0]).toBe(result.id);
      expect(errors).toEqual([]);
      onlyStaticFilesLeft(requests);
    } finally {
      await context.close();
    }
  });
});
