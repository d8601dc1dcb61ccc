/**
 * The MSW door as a frontend developer uses it: setupServer with the
 * sandbox's handlers, then the app's own plain fetch calls to the API's base
 * URL. Nothing listens on a port; a request MSW does not handle is an error,
 * never a request to the network.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { DEMO_KEY_SECRET, sxHandlers } from '../../src/doors/msw.js';

process.env.SX_SANDBOX_QUIET ??= '1';

const unhandled: string[] = [];
const app = createSandbox({ clockMode: 'frozen', bodyLimitBytes: 4096 });
const server = setupServer(...sxHandlers({ sandbox: app }), ...sxHandlers({ baseUrl: 'http://localhost:5173/api/v1' }));
server.events.on('request:unhandled', ({ request }) => void unhandled.push(request.url));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await app.close();
});

const headers = { Authorization: `Bearer ${DEMO_KEY_SECRET}`, 'Content-Type': 'application/json' };

describe('sx-sandbox/msw', () => {
  it('a product created with plain fetch is in the next list', async () => {
    const created = await fetch('https://api.sellix.gg/v1/products', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Poster', type: 'account', price_cents: 900, currency: 'EUR' }),
    });
    expect(created.status).toBe(201);
    const product = (await created.json()) as { id: string; name: string };
    expect(product.name).toBe('Poster');

    const list = await fetch('https://api.sellix.gg/v1/products?limit=100', { headers });
    expect(list.status).toBe(200);
    const { data } = (await list.json()) as { data: { id: string }[] };
    expect(data.map((p) => p.id)).toContain(product.id);
    // the same shop the test holds: the store has it too
    expect(app.demo.products.get(product.id)?.name).toBe('Poster');
  });

  it('answers refusals as the API does: a problem, with the request id and CORS headers', async () => {
    const reply = await fetch('https://api.sellix.gg/v1/products', { headers: { Origin: 'http://localhost:5173' } });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await reply.json()) as { type: string }).type).toBe('unauthenticated');
  });

  it('refuses a body over the limit at once: 413, though MSW hands the sandbox a clone of the stream', async () => {
    const body = JSON.stringify({ name: 'Big', type: 'account', price_cents: 1, currency: 'USD', description: 'x'.repeat(20_000) });
    const reply = await fetch('https://api.sellix.gg/v1/products', { method: 'POST', headers, body });
    expect(reply.status).toBe(413);
    expect(((await reply.json()) as { detail: string }).detail).toBe('The request body exceeds the limit of 4096 bytes.');
  });

  it('serves a configured base URL, each sandbox with its own state', async () => {
    const reply = await fetch('http://localhost:5173/api/v1/products?limit=1', { headers });
    expect(reply.status).toBe(200);
    const created = await fetch('https://api.sellix.gg/v1/products', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Only in the first', type: 'account', price_cents: 100, currency: 'USD' }),
    });
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`http://localhost:5173/api/v1/products/${id}`, { headers })).status).toBe(404);
  });

  it('leaves what is not under the base URL unhandled, and onUnhandledRequest: error refuses it', async () => {
    // loopback and port 1: even if interception failed, nothing would leave this machine
    await expect(fetch('http://127.0.0.1:1/v2/products', { headers })).rejects.toThrow();
    expect(unhandled).toContain('http://127.0.0.1:1/v2/products');
  });

  it('refuses a base URL without the API version', () => {
    expect(() => sxHandlers({ baseUrl: 'https://api.example.test/' })).toThrow(/must end in \/v1/);
  });
});
