import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, ManualClock, type Sandbox } from '../../src/index.js';
import { launchChromium } from './browser.js';

process.env.SX_SANDBOX_QUIET ??= '1';

const EXPOSED = ['ratelimit', 'ratelimit-policy', 'retry-after', 'idempotent-replayed', 'x-request-id', 'date'];

interface Seen {
  status: number;
  headers: Record<string, string | null>;
  body: any;
}

/** fetch() run inside the page, so the browser's CORS rules decide what the script may read. */
function browserFetch(page: Page, url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Seen> {
  return page.evaluate(
    async ({ url, init, exposed }) => {
      const res = await fetch(url, init);
      const headers = Object.fromEntries(exposed.map((h) => [h, res.headers.get(h)]));
      return { status: res.status, headers, body: await res.json() };
    },
    { url, init, exposed: EXPOSED },
  );
}

/** Another origin: the same host, another port. It serves one empty page. */
function docsSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>a docs site elsewhere</title><p>docs</p>');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

describe('CORS for a docs site on another origin, in a real browser', { timeout: 60_000 }, () => {
  let site: { server: Server; origin: string };
  let open: Sandbox;
  let closed: Sandbox;
  let openUrl: string;
  let closedUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await docsSite();
    const clock = new ManualClock(Date.UTC(2026, 10, 23, 12, 0, 0));
    open = createSandbox({ clock, clockMode: 'frozen', rateLimits: { write: 3 } });
    closed = createSandbox({ clock, clockMode: 'frozen', corsOrigins: ['https://docs.sx.example'] });
    openUrl = (await open.listen(0)).url;
    closedUrl = (await closed.listen(0)).url;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(site.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([open?.close(), closed?.close()]);
    await new Promise((resolve) => site?.server.close(resolve));
  });

  it('the two are different origins', async () => {
    expect(new URL(site.origin).origin).not.toBe(new URL(openUrl).origin);
    expect(await page.evaluate(() => location.origin)).toBe(site.origin);
  });

  it('creates a visitor shop, then writes with Authorization and Idempotency-Key, reading the exposed headers', async () => {
    const shop = await browserFetch(page, `${openUrl}/v1/test_helpers/tenants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(shop.status).toBe(201);
    expect(shop.headers['ratelimit-policy']).toMatch(/^"tenants";q=\d+;w=600$/);
    expect(shop.headers['x-request-id']).toMatch(/^req_/);
    // proof that the browser applied CORS: a header nobody exposed stays hidden from the script
    expect(shop.headers.date).toBeNull();

    const write = (idempotencyKey: string) =>
      browserFetch(page, `${openUrl}/v1/products`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${shop.body.secret}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey,
        },
        body: JSON.stringify({ name: 'Made cross-origin', type: 'account', price_cents: 900, currency: 'USD' }),
      });

    const first = await write('cors-1');
    expect(first.status).toBe(201);
    expect(first.headers['ratelimit-policy']).toBe('"writes";q=3;w=60');
    expect(first.headers.ratelimit).toMatch(/^"writes";r=2;t=\d+$/);
    expect(first.headers['idempotent-replayed']).toBeNull();

    const replay = await write('cors-1');
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);

    expect((await write('cors-2')).status).toBe(201);
    const limited = await write('cors-3');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.type).toBe('rate_limited');
  });

  it('a sandbox whose allow-list lacks the origin is unreadable to that page', async () => {
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}/v1/products`, { headers: { Authorization: 'Bearer sx_test_DemoShopFullAccessKey001' } });
        return 'read';
      } catch (err) {
        return (err as Error).name;
      }
    }, closedUrl);
    expect(outcome).toBe('TypeError');
  });
});
