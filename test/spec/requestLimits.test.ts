// The worst requests a visitor can send within the body limit: each answer is small, names the bound
// it broke, and costs the sandbox work in proportion to the bound, not to the input.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { MAX_UNKNOWN_MEMBERS } from '../../src/spec/requestBounds.js';
import { MAX_FIELD_PATH, MAX_REPORTED_FIELDS } from '../../src/spec/requestValidator.js';
import { TestSandbox } from '../support/sandbox.js';

const KB = 1024;
const createProduct = (loadSpec().spec.paths!['/v1/products']!.post!.requestBody as any).content['application/json'].schema;
const DECLARED = Object.keys(createProduct.properties).length;
const size = (reply: { text: string }) => Buffer.byteLength(reply.text);

describe('bounded work and bounded answers per request', () => {
  const t = new TestSandbox({ public: true, rateLimits: { write: 10_000 } });
  let visitorKey: string;
  const visitor = async () => (visitorKey ??= (await t.post('/v1/test_helpers/tenants', {}, { key: null })).body.secret as string);

  it('256 KiB of [[0],[1],…] as webhook events is one 422 naming maxItems, a few hundred bytes long', async () => {
    const items: string[] = [];
    for (let i = 0, length = 0; length < 250 * KB; i++) length += items[items.push(`[${i}]`) - 1].length + 1;
    const body = `{"url":"https://hooks.example.com/x","events":[${items.join(',')}]}`;
    expect(body.length).toBeGreaterThan(250 * KB);
    const reply = await t.post('/v1/webhooks', undefined, { key: await visitor(), raw: { type: 'application/json', data: body } });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual({ 'body.events': ['must NOT have more than 32 items'] });
    expect(size(reply)).toBeLessThan(1 * KB);
  });

  it('duplicate event names within the bound are found (in one pass: the items are typed strings)', async () => {
    const reply = await t.post('/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['order.paid', 'order.paid'] }, { key: await visitor() });
    expect(reply.status).toBe(422);
    expect(reply.body.errors['body.events'].join(' ')).toMatch(/duplicate/);
  });

  it('a 250 KB createApiKey is one error about its abilities, not megabytes of them', async () => {
    const abilities = Array.from({ length: 28_000 }, (_, i) => `x${i}`);
    const reply = await t.post('/v1/api-keys', { name: 'flood', abilities, mode: 'test' }, { key: await visitor() });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual({ 'body.abilities': ['must NOT have more than 9 items'] });
    expect(size(reply)).toBeLessThan(1 * KB);
  });

  it('a key import with hundreds of overlong keys lists the first 20 fields and counts them all', async () => {
    const product = await t.post('/v1/products', { name: 'Pool', type: 'license_key', price_cents: 100, currency: 'USD' }, { key: await visitor() });
    expect(product.status).toBe(201);
    // 120 KB: every other key over the 500-character bound (the empty ones are reported once the bounds hold)
    const keys = Array.from({ length: 480 }, (_, i) => (i % 2 ? 'k'.repeat(501) : ''));
    const reply = await t.post(`/v1/products/${product.body.id}/keys`, { keys }, { key: await visitor() });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.errors)).toHaveLength(MAX_REPORTED_FIELDS);
    expect(reply.body.errors_total).toBe(240);
    expect(reply.body.errors['body.keys.1']).toEqual(['must NOT have more than 500 characters']);
    expect(reply.body.detail).toContain(`first ${MAX_REPORTED_FIELDS} of 240`);
    expect(size(reply)).toBeLessThan(3 * KB);
    // within the bounds, every other error is reported, capped the same way
    const empty = await t.post(`/v1/products/${product.body.id}/keys`, { keys: Array.from({ length: 30 }, () => '') }, { key: await visitor() });
    expect(empty.status).toBe(422);
    expect(empty.body.errors['body.keys.0']).toEqual(['must NOT have fewer than 1 characters']);
    expect(empty.body.errors_total).toBe(30);
  });

  it('a flood of unknown members is one 400 naming the bound, not 12,000 errors', async () => {
    const body: Record<string, unknown> = { name: 'N', type: 'account', price_cents: 1, currency: 'USD' };
    for (let i = 0; i < 12_000; i++) body[`m${i}`] = i;
    const reply = await t.post('/v1/products', body, { key: await visitor() });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.errors)).toEqual(['body']);
    expect(reply.body.errors.body).toEqual([`must NOT have more than ${DECLARED + MAX_UNKNOWN_MEMBERS} members: remove the unknown ones`]);
    expect(size(reply)).toBeLessThan(1 * KB);
  });

  it('unknown members up to the bound are each named, with every other error', async () => {
    const reply = await t.post('/v1/products', { name: 'N', type: 'account', price_cents: -1, currency: 'USD', colour: 'red' }, { key: await visitor() });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({ 'body.colour': ['is not a recognised field'], 'body.price_cents': ['must be >= 0'] });
    expect(reply.body.errors_total).toBeUndefined();
    // every declared member plus MAX_UNKNOWN_MEMBERS unknown ones: still each named (the first 20 fields)
    const full: Record<string, unknown> = Object.fromEntries(Object.keys(createProduct.properties).map((name) => [name, null]));
    for (let i = 0; i < MAX_UNKNOWN_MEMBERS; i++) full[`u${i}`] = i;
    const many = await t.post('/v1/products', full, { key: await visitor() });
    expect(many.status).toBe(400);
    expect(many.body.errors['body.u0']).toEqual(['is not a recognised field']);
    full.one_more = 1;
    expect((await t.post('/v1/products', full, { key: await visitor() })).body.errors).toEqual({ body: [expect.stringMatching(/^must NOT have more than/)] });
  });

  it('a member name of 100 KB is cut in the field path', async () => {
    const long = 'n'.repeat(100 * KB);
    const reply = await t.post('/v1/products', { name: 'N', type: 'account', price_cents: 1, [long]: 1 }, { key: await visitor() });
    expect(reply.status).toBe(400);
    const field = Object.keys(reply.body.errors).find((f) => f.startsWith('body.n'))!;
    expect(field).toBe(`${`body.${long}`.slice(0, MAX_FIELD_PATH)}…`);
    expect(size(reply)).toBeLessThan(1 * KB);
  });

  it('query strings and path ids are bounded too', async () => {
    const cursor = await t.get(`/v1/products?cursor=${'a'.repeat(600)}`, { key: await visitor() });
    expect(cursor.status).toBe(422);
    expect(cursor.body.errors).toEqual({ 'query.cursor': ['must NOT have more than 512 characters'] });
    const id = await t.get(`/v1/products/prod_${'A'.repeat(8000)}`, { key: await visitor() });
    expect(id.status).toBe(404);
    // the path is echoed once, in instance; the detail quotes only the start of the id
    expect(id.body.detail.length).toBeLessThan(300);
    expect(size(id)).toBeLessThan(8000 + 1 * KB);
  });
});
