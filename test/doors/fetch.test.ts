import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { result } from '../../src/engine/stages/dispatch.js';
import { createSandbox, ManualClock } from '../../src/index.js';
import { responses } from '../support/sandbox.js';

const ORIGIN = 'http://sandbox.test';
const product = { name: 'Fetch door mug', type: 'account', price_cents: 1200, currency: 'USD' };

function sandbox(options: Parameters<typeof createSandbox>[0] = {}) {
  return createSandbox({ clock: new ManualClock(Date.UTC(2026, 10, 23, 12)), clockMode: 'frozen', ...options });
}

/** A call through the fetch door, its reply checked against the spec like every sandbox test's. */
async function call(s: ReturnType<typeof sandbox>, method: string, path: string, init: RequestInit & { key?: string | null } = {}) {
  const headers = new Headers(init.headers);
  const key = init.key === undefined ? s.demoKey : init.key;
  if (key) headers.set('authorization', `Bearer ${key}`);
  const response = await s.fetch(new Request(ORIGIN + path, { ...init, method, headers }));
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  const plain: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    plain[name] = value;
  });
  responses.assert({ method, path, status: response.status, headers: plain, body });
  return { status: response.status, headers: response.headers, body, text };
}

const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('the fetch door: Request in, Response out, no port', () => {
  it('creates a product and lists it in the next call, on a sandbox that never listened', async () => {
    const s = sandbox();
    const created = await call(s, 'POST', '/v1/products', json(product));
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toMatch(/^req_/);
    expect(created.headers.get('ratelimit')).toBe('"writes";r=119;t=60');
    const list = await call(s, 'GET', '/v1/products?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { id: string }) => p.id)).toContain(created.body.id);
    await s.close();
  });

  it('is the same sandbox as the Express door: what one door writes, the other reads, with the same answer', async () => {
    const s = sandbox();
    const created = await call(s, 'POST', '/v1/products', json(product));
    const viaExpress = await request(s.app).get(`/v1/products/${created.body.id}`).set('Authorization', `Bearer ${s.demoKey}`);
    const viaFetch = await call(s, 'GET', `/v1/products/${created.body.id}`);
    expect(viaExpress.status).toBe(200);
    expect(viaFetch.text).toBe(viaExpress.text);
    expect(viaFetch.headers.get('content-type')).toBe(viaExpress.headers['content-type']);
    await s.close();
  });

  it('answers refusals as problems: 401 with a challenge, 404 for an unknown path, 405 with Allow', async () => {
    const s = sandbox();
    const anonymous = await call(s, 'GET', '/v1/products', { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="sx"');
    const unknown = await call(s, 'GET', '/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: 'not_found', instance: '/v1/nothing-here' });
    const wrong = await call(s, 'PUT', '/v1/products', json(product));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
    await s.close();
  });

  it('reads bodies with the same rules as the Express door: 415, 400 for bad JSON, 413 past the limit, gzip inflated', async () => {
    const s = sandbox({ bodyLimitBytes: 256 });
    const form = await call(s, 'POST', '/v1/products', { body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const bad = await call(s, 'POST', '/v1/products', { body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ body: ['must be valid JSON'] });
    const large = await call(s, 'POST', '/v1/products', json({ ...product, description: 'x'.repeat(400) }));
    expect(large.status).toBe(413);
    expect(large.body.detail).toBe('The request body exceeds the limit of 256 bytes.');
    const zipped = await call(s, 'POST', '/v1/products', {
      body: gzipSync(JSON.stringify(product)),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(zipped.status).toBe(201);
    expect(zipped.body.name).toBe(product.name);
    await s.close();
  });

  it('replays an idempotent write byte for byte, and answers a preflight and HEAD without a body', async () => {
    const s = sandbox();
    const once = { ...json(product), headers: { 'content-type': 'application/json', 'idempotency-key': 'fetch-door-1' } };
    const first = await call(s, 'POST', '/v1/products', once);
    const again = await call(s, 'POST', '/v1/products', once);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    const preflight = await s.fetch(
      new Request(`${ORIGIN}/v1/products`, { method: 'OPTIONS', headers: { origin: 'https://app.test', 'access-control-request-method': 'POST' } }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const head = await s.fetch(new Request(`${ORIGIN}/v1/products`, { method: 'HEAD', headers: { authorization: `Bearer ${s.demoKey}` } }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    await s.close();
  });

  it('counts visitor shops per clientAddress the host passes', async () => {
    const s = sandbox({ ephemeral: { perIpPerWindow: 1 } });
    const mint = (clientAddress: string) => s.fetch(new Request(`${ORIGIN}/v1/test_helpers/tenants`, { method: 'POST' }), { clientAddress });
    expect((await mint('192.0.2.1')).status).toBe(201);
    const refused = await mint('192.0.2.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-policy')).toMatch(/^"tenants";q=1;w=\d+$/);
    expect((await mint('192.0.2.2')).status).toBe(201);
    await s.close();
  });
});

describe('the fetch door when the Fetch API refuses a reply', () => {
  it('answers a 500 problem, not a rejected promise, for a header value a Response cannot carry', async () => {
    const s = sandbox({
      handlerOverrides: {
        listProducts: () => result<'listProducts'>(200, { object: 'list', has_more: false, next_cursor: null, data: [] }, { 'X-Broken': 'a\nb' }),
      },
    });
    const reply = await s.fetch(new Request(`${ORIGIN}/v1/products`, { headers: { authorization: `Bearer ${s.demoKey}` } }));
    expect(reply.status).toBe(500);
    expect(reply.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(((await reply.json()) as { type: string }).type).toBe('server_error');
    await s.close();
  });
});
