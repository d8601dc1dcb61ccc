import { describe, expect } from 'vitest';
import { walk } from './harness/pages.js';
import { session } from './harness/session.js';
import { check, decisionsHold } from './harness/skip.js';
import { expectMembers, expectSameObject } from './harness/members.js';

const s = session('products');

async function create(body: Record<string, unknown>) {
  const reply = await s.api.post('/v1/products', { type: 'account', price_cents: 1500, currency: 'USD', ...body });
  expect(reply.status, reply.text).toBe(201);
  s.defer(`archive ${reply.body.id}`, () => s.api.delete(`/v1/products/${reply.body.id}`));
  return reply;
}

describe('createProduct', () => {
  check('publishes an active product with a slug from its name and stays created', async () => {
    const name = s.unique('Create Me');
    const reply = await create({ name, description: 'made by the contract suite', stock: 7 });
    const product = reply.body;
    expectMembers(product, {
      name,
      type: 'account',
      price_cents: 1500,
      currency: 'USD',
      stock: 7,
      status: 'active',
      description: 'made by the contract suite',
      archived_at: null,
    });
    expect(product.slug).toMatch(/^contract-products-create-me-/);
    if ('updated_at' in product) expect(product.updated_at).toBe(product.created_at);
    const fetched = await s.api.get(`/v1/products/${product.id}`);
    expect(fetched.status).toBe(200);
    expectSameObject(fetched.body, product, 'created and fetched');
  });

  check('two products with the same name get different slugs', async () => {
    const name = s.unique('Twin');
    const a = await create({ name });
    const b = await create({ name });
    expect(a.body.slug).not.toBe(b.body.slug);
  });

  check('a license-key product starts with stock 0 and refuses a hand-set stock (422 body.stock)', async () => {
    const product = (await create({ name: s.unique('Keys'), type: 'license_key' })).body;
    expect(product.stock).toBe(0);
    const refused = await s.api.post('/v1/products', { name: s.unique('Keys bad'), type: 'license_key', price_cents: 1, currency: 'USD', stock: 5 });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors)).toContain('body.stock');
  });

  check('without stock a product is unlimited (null)', async () => {
    expect((await create({ name: s.unique('Unlimited') })).body.stock).toBeNull();
  });
});

describe('updateProduct', () => {
  check('patches a subset, keeps what it was not given, and sends back the full object with updated_at', async () => {
    const product = (await create({ name: s.unique('Patch'), description: 'dear', stock: 3 })).body;
    const reply = await s.api.patch(`/v1/products/${product.id}`, { price_cents: 999 });
    expect(reply.status).toBe(200);
    const { updated_at: _before, ...unchanged } = product;
    expectMembers(reply.body, { ...unchanged, price_cents: 999, updated_at: expect.any(String) }, 'the patched product');
    if (product.updated_at) expect(reply.body.updated_at >= product.updated_at).toBe(true);
    // "sends back the full updated object": what a read returns, member for member
    const fetched = (await s.api.get(`/v1/products/${product.id}`)).body;
    expectMembers(fetched, { ...unchanged, price_cents: 999 }, 'the product read after the patch');
    for (const [name, value] of Object.entries(fetched))
      if (name !== 'updated_at' && (decisionsHold() || name in reply.body)) expect(reply.body[name], `PATCH answers ${name} as a read does`).toEqual(value);
    const second = await s.api.patch(`/v1/products/${product.id}`, { description: 'cheaper' });
    expectMembers(second.body, { ...unchanged, price_cents: 999, description: 'cheaper' }, 'a second patch keeps the first');
  });

  check('refuses stock on a license-key product (422 body.stock)', async () => {
    const product = (await create({ name: s.unique('Patch keys'), type: 'license_key' })).body;
    const reply = await s.api.patch(`/v1/products/${product.id}`, { stock: 3 });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.errors)).toContain('body.stock');
  });
});

describe('archiveProduct', () => {
  check('archives softly: still resolves, status archived, and archiving again answers the same', async () => {
    const product = (await create({ name: s.unique('Archive') })).body;
    const first = await s.api.delete(`/v1/products/${product.id}`);
    expect(first.status).toBe(200);
    expectMembers(first.body, { id: product.id, deleted: true, archived_at: expect.any(String) });
    const fetched = await s.api.get(`/v1/products/${product.id}`);
    expect(fetched.status).toBe(200);
    expectMembers(fetched.body, { status: 'archived', archived_at: first.body.archived_at });
    // archived products stay listed, in the unfiltered list and under status=archived
    const unfiltered = await walk(s.api, '/v1/products', 100);
    expect(
      unfiltered.map((p) => p.id),
      'the unfiltered list holds archived products',
    ).toContain(product.id);
    const archived = await walk(s.api, '/v1/products', 100, { status: 'archived' });
    expect(archived.map((p) => p.id)).toContain(product.id);
    expect((await walk(s.api, '/v1/products', 100, { status: 'active' })).map((p) => p.id)).not.toContain(product.id);
    const again = await s.api.delete(`/v1/products/${product.id}`);
    expect(again.status).toBe(200);
    expect(again.body.archived_at).toBe(first.body.archived_at);
  });
});

describe('importProductKeys', () => {
  check('adds keys to the pool, counts duplicates, and never shows a pooled key', async () => {
    const product = (await create({ name: s.unique('Pool'), type: 'license_key' })).body;
    const keys = ['A', 'B', 'C'].map((k) => `CONTRACT-${s.unique(k).replace(/\W+/g, '-')}`);
    const first = await s.api.post(`/v1/products/${product.id}/keys`, { keys: [...keys, keys[0]] });
    expect(first.status).toBe(201);
    expectMembers(first.body, { imported: 3, duplicates: 1, stock_after: 3 });
    const second = await s.api.post(`/v1/products/${product.id}/keys`, { keys: [keys[1], `${keys[2]}-new`] });
    expectMembers(second.body, { imported: 1, duplicates: 1, stock_after: 4 });
    const fetched = await s.api.get(`/v1/products/${product.id}`);
    expect(fetched.body.stock).toBe(4);
    const list = await s.api.get('/v1/products?limit=100');
    for (const text of [fetched.text, list.text]) for (const key of keys) expect(text).not.toContain(key);
  });

  check('only license-key products have a pool (422)', async () => {
    const product = (await create({ name: s.unique('No pool') })).body;
    const reply = await s.api.post(`/v1/products/${product.id}/keys`, { keys: ['X'] });
    expect(reply.status).toBe(422);
    expect(reply.body.type).toBe('unprocessable');
    expect(Object.keys(reply.body.errors ?? {}).length).toBeGreaterThan(0);
  });

  check('1 to 5,000 keys per call (422 outside)', async () => {
    const product = (await create({ name: s.unique('Bounds'), type: 'license_key' })).body;
    const none = await s.api.post(`/v1/products/${product.id}/keys`, { keys: [] });
    expect(none.status).toBe(422);
    const tooMany = await s.api.post(`/v1/products/${product.id}/keys`, { keys: Array.from({ length: 5001 }, (_, i) => `K${i}`) });
    expect(tooMany.status).toBe(422);
    expect(Object.keys(tooMany.body.errors)).toContain('body.keys');
  });
});

describe('listProducts and getProduct', () => {
  check('a product reads the same in the list and on its own, its price to the cent', async () => {
    // odd cents and the largest documented price: money is integer cents, carried exactly
    for (const price_cents of [12345, 100_000_000]) {
      const product = (await create({ name: s.unique(`Exact ${price_cents}`), price_cents })).body;
      expect(product.price_cents).toBe(price_cents);
      const fetched = (await s.api.get(`/v1/products/${product.id}`)).body;
      expect(fetched.price_cents).toBe(price_cents);
      const listed = (await walk(s.api, '/v1/products', 100)).find((p) => p.id === product.id);
      expect(listed, 'the new product is listed').toBeDefined();
      expectSameObject(listed!, fetched, 'the product in the list and on its own');
    }
  });

  check('a new product is at the head of the list (newest first)', async () => {
    const product = (await create({ name: s.unique('Newest') })).body;
    const list = await s.api.get('/v1/products?limit=25');
    expect(list.status).toBe(200);
    // another run may have added one since; nothing older may come before it
    const at = list.body.data.findIndex((p: { id: string }) => p.id === product.id);
    expect(at).toBeGreaterThanOrEqual(0);
    for (const newer of list.body.data.slice(0, at)) expect(newer.created_at >= product.created_at).toBe(true);
  });
});
