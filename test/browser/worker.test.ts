/**
 * The sandbox in a real browser (Chromium through playwright-core), served
 * as plain static files from 127.0.0.1 with no sandbox process behind them:
 *
 * - MSW: a page loads msw's browser build and the sandbox bundle, starts
 *   `setupWorker(...sxHandlers({ sandbox }))`, and the app's own plain
 *   `fetch('https://api.sellix.gg/v1/products')` creates a product that the
 *   next list shows;
 * - a service worker of our own that imports the bundle and answers the
 *   API's requests itself (no window, no DOM there).
 *
 * Chromium resolves no name but 127.0.0.1 (--host-resolver-rules), so a
 * request that was not answered inside the browser fails instead of leaving
 * it; the static server's log and the browser's own request log show only
 * the static files went over the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  };
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    served.push(path);
    const body = files[path];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
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
      const created = await fetch(`${api}/products`, { method: 'POST', headers, body: JSON.stringify({ name: 'Browser poster', type: 'account', price_cents: 900, currency: 'EUR' }) });
      const product = await created.json();
      const list = await fetch(`${api}/products?limit=5`, { headers });
      const unknownKey = await fetch(`${api}/products`, { headers: { Authorization: 'Bearer sx_test_000000000000000000000000' } });
      return {
        created: created.status,
        id: product.id as string,
        listed: list.status,
        ids: ((await list.json()).data as { id: string }[]).map((p) => p.id),
        refused: unknownKey.status,
        refusedType: unknownKey.headers.get('content-type'),
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
      expect(result).toMatchObject({ created: 201, listed: 200, refused: 401, refusedType: 'application/problem+json; charset=utf-8' });
      expect(result.ids[0]).toBe(result.id);
      await page.screenshot({ path: resultPath('browser-msw.png') });
      expect(errors).toEqual([]);
      onlyStaticFilesLeft(requests);
      expect(served.filter((path) => path.startsWith('/v1'))).toEqual([]);
    } finally {
      await context.close();
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
