/**
 * sxHandlers answering from a browser sandbox: `sx-sandbox/msw`'s (Node)
 * takes one as it takes createSandbox's, and `sx-sandbox/browser/msw`'s
 * (what a page imports for setupWorker; test/browser/worker.test.ts runs it
 * in Chromium) insists on one. Here under setupServer, with plain fetch.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserSandbox } from '../../src/browser.js';
import { sxHandlers as nodeHandlers } from '../../src/doors/msw.js';
import { sxHandlers as pageHandlers } from '../../src/doors/mswWeb.js';

const forPage = createBrowserSandbox({ clockMode: 'frozen' });
const forNode = createBrowserSandbox({ clockMode: 'frozen' });
const server = setupServer(...pageHandlers({ sandbox: forPage }), ...nodeHandlers({ sandbox: forNode, baseUrl: 'http://localhost:5173/api/v1' }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await forPage.close();
  await forNode.close();
});

async function createThenList(base: string, key: string): Promise<{ created: number; first: string; id: string }> {
  const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${base}/products`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Poster', type: 'account', price_cents: 900, currency: 'EUR' }),
  });
  const { id } = (await created.json()) as { id: string };
  const list = (await (await fetch(`${base}/products?limit=1`, { headers })).json()) as { data: { id: string }[] };
  return { created: created.status, first: list.data[0].id, id };
}

describe('sxHandlers with a browser sandbox', () => {
  it('sx-sandbox/browser/msw: what plain fetch creates is in the next list, and in that sandbox', async () => {
    const { created, first, id } = await createThenList('https://api.sellix.gg/v1', forPage.demoKey);
    expect(created).toBe(201);
    expect(first).toBe(id);
    expect(forPage.demo.products.get(id)?.name).toBe('Poster');
    expect(forNode.demo.products.get(id)).toBeUndefined();
  });

  it('sx-sandbox/msw takes one too, under its own base URL', async () => {
    const { created, first, id } = await createThenList('http://localhost:5173/api/v1', forNode.demoKey);
    expect(created).toBe(201);
    expect(first).toBe(id);
    expect(forNode.demo.products.get(id)?.name).toBe('Poster');
  });

  it('the page’s sxHandlers says what it needs when given no sandbox (it cannot make a Node one)', () => {
    expect(() => pageHandlers(undefined as unknown as Parameters<typeof pageHandlers>[0])).toThrow(/give it the sandbox to answer from/);
  });
});
