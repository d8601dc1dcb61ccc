import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

const create = (t: TestSandbox, body: Record<string, unknown>) => t.post('/v1/products', { type: 'account', price_cents: 100, currency: 'USD', ...body });

function otherShop(t: TestSandbox, abilities = ['products:read', 'products:write'] as const) {
  const tenant = t.sandbox.store.create(`tnt_other_${Math.random().toString(36).slice(2)}`, t.sandbox.seed);
  return t.sandbox.store.mint(tenant, { name: 'other', abilities: [...abilities], mode: 'test' }).secret;
}

describe('products', () => {
  it('the documented product resolves with its documented values', async () => {
    const t = new TestSandbox();
    const reply = await t.get('/v1/products/prod_01J2PVQR41');
    expect(reply.body).toMatchObject({
      id: 'prod_01J2PVQR41',
      name: 'Adobe Creative Cloud Key',
      slug: 'adobe-creative-cloud-key',
      type: 'license_key',
      price_cents: 12900,
      currency: 'USD',
      stock: 47,
      status: 'active',
      created_at: '2026-05-26T07:18:03Z',
    });
  });

  it('create: 201, slug from the name (accents folded), unique per shop, event emitted', async () => {
    const t = new TestSandbox();
    const events: string[] = [];
    t.sandbox.bus.subscribe((_tenant, e) => events.push(`${e.type}:${(e.data.object as { id: string }).id}`));
    const first = await create(t, { name: 'Crème Brûlée Pass', description: '**tasty**' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ slug: 'creme-brulee-pass', stock: null, status: 'active', description: '**tasty**', archived_at: null });
    expect(first.body.id).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(first.body.updated_at).toBe(first.body.created_at);
    const second = await create(t, { name: 'Crème brûlée pass!' });
    expect(second.body.slug).toBe('creme-brulee-pass-2');
    const taken = await create(t, { name: 'Adobe Creative Cloud Key' });
    expect(taken.body.slug).toBe('adobe-creative-cloud-key-2');
    expect(events).toEqual([`product.created:${first.body.id}`, `product.created:${second.body.id}`, `product.created:${taken.body.id}`]);
  });

  it('create: stock for a physical product; a license_key product starts at 0 and refuses stock', async () => {
    const t = new TestSandbox();
    expect((await create(t, { name: 'Mug', type: 'physical', stock: 12 })).body.stock).toBe(12);
    expect((await create(t, { name: 'Key', type: 'license_key' })).body.stock).toBe(0);
    const refused = await create(t, { name: 'Key 2', type: 'license_key', stock: 5 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors['body.stock'][0]).toMatch(/key pool/);
  });

  it('list: newest first, filters by status and type, paginates with no gaps or duplicates', async () => {
    const t = new TestSandbox();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await create(t, { name: `P${i}`, type: i % 2 ? 'file_download' : 'physical' })).body.id);
    await t.delete(`/v1/products/${created[0]}`);
    const all: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: Awaited<ReturnType<typeof t.get>> = await t.get(`/v1/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...reply.body.data.map((p: { id: string }) => p.id));
      expect(reply.body.has_more).toBe(reply.body.next_cursor !== null);
      cursor = reply.body.next_cursor;
      pages++;
    } while (cursor);
    const total = (await t.get('/v1/products?limit=100')).body.data.length;
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(total);
    expect(pages).toBe(Math.ceil(total / 3));
    expect(all.slice(0, 7)).toEqual([...created].reverse());
    const files = await t.get('/v1/products?type=file_download');
    // the fixtures hold file_download and archived products of their own, older than these
    expect(files.body.data.map((p: { id: string }) => p.id).slice(0, 3)).toEqual([created[5], created[3], created[1]]);
    expect(files.body.data.every((p: { type: string }) => p.type === 'file_download')).toBe(true);
    const archived = await t.get('/v1/products?status=archived');
    expect(archived.body.data.map((p: { id: string }) => p.id).slice(0, 1)).toEqual([created[0]]);
    expect(archived.body.data.every((p: { status: string }) => p.status === 'archived')).toBe(true);
  });

  it('list: a cursor is bound to its filters; a tampered one is a 400', async () => {
    const t = new TestSandbox();
    const page = await t.get('/v1/products?limit=1');
    expect(page.body.has_more).toBe(true);
    const reused = await t.get(`/v1/products?limit=1&status=active&cursor=${page.body.next_cursor}`);
    expect(reused.status).toBe(400);
    expect(reused.body.errors['query.cursor']).toBeDefined();
    expect((await t.get(`/v1/products?cursor=${page.body.next_cursor}x`)).status).toBe(400);
  });

  it('fetch: unknown and malformed ids are 404', async () => {
    const t = new TestSandbox();
    expect((await t.get('/v1/products/prod_01J2PVQR4X')).status).toBe(404);
    const malformed = await t.get('/v1/products/not-a-product');
    expect(malformed.status).toBe(404);
    expect(malformed.body.type).toBe('not_found');
  });

  it('patch: returns the full object with updated_at; archiving via status stamps archived_at', async () => {
    const t = new TestSandbox();
    t.sandbox.demo.clock.advance(60_000);
    const reply = await t.patch('/v1/products/prod_01J2PVQR41', { price_cents: 9900 });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: 'prod_01J2PVQR41',
      name: 'Adobe Creative Cloud Key',
      price_cents: 9900,
      stock: 47,
      updated_at: '2026-05-26T08:31:00Z',
    });
    expect((await t.get('/v1/products/prod_01J2PVQR41')).body.price_cents).toBe(9900);
    const archived = await t.patch('/v1/products/prod_01J2PVQS6X', { status: 'archived' });
    expect(archived.body.archived_at).toBe('2026-05-26T08:31:00Z');
    const restored = await t.patch('/v1/products/prod_01J2PVQS6X', { status: 'active' });
    expect(restored.body.archived_at).toBeNull();
  });

  it('patch: an empty patch is 422, stock on a license_key product is 422, nothing changes', async () => {
    const t = new TestSandbox();
    expect((await t.patch('/v1/products/prod_01J2PVQR41', {})).status).toBe(422);
    expect((await t.patch('/v1/products/prod_01J2PVQR41', { stock: 3 })).status).toBe(422);
    expect((await t.patch('/v1/products/prod_01J2PVQS6X', { stock: 3 })).body.stock).toBe(3);
    expect((await t.get('/v1/products/prod_01J2PVQR41')).body.stock).toBe(47);
  });

  it('delete archives, repeats harmlessly, and the product still resolves', async () => {
    const t = new TestSandbox();
    const events: string[] = [];
    t.sandbox.bus.subscribe((_tenant, e) => events.push(e.type));
    const first = await t.delete('/v1/products/prod_01J2PVQS6X');
    expect(first.body).toEqual({ id: 'prod_01J2PVQS6X', deleted: true, archived_at: '2026-05-26T08:30:00Z' });
    t.sandbox.demo.clock.advance(5000);
    const again = await t.delete('/v1/products/prod_01J2PVQS6X');
    expect(again.body).toEqual(first.body);
    expect(events).toEqual(['product.archived']);
    expect((await t.get('/v1/products/prod_01J2PVQS6X')).body.status).toBe('archived');
  });

  it('key import: counts duplicates, reports stock_after, never reads keys back', async () => {
    const t = new TestSandbox();
    const first = await t.post('/v1/products/prod_01J2PVQR41/keys', { keys: ['AAA-1', 'AAA-2', 'AAA-3'] });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ imported: 3, duplicates: 0, stock_after: 50 });
    const second = await t.post('/v1/products/prod_01J2PVQR41/keys', { keys: ['AAA-3', 'AAA-4', 'AAA-4'] });
    expect(second.body).toEqual({ imported: 1, duplicates: 2, stock_after: 51 });
    const product = await t.get('/v1/products/prod_01J2PVQR41');
    expect(product.body.stock).toBe(51);
    expect(product.text).not.toContain('AAA-');
    expect((await t.get('/v1/products?limit=100')).text).not.toContain('AAA-');
  });

  it('key import: 1–5,000 keys per call; only license_key products', async () => {
    const t = new TestSandbox({ bodyLimitBytes: 1024 * 1024 });
    const many = Array.from({ length: 5000 }, (_, i) => `K-${i}`);
    expect((await t.post('/v1/products/prod_01J2PVQR41/keys', { keys: many })).body.stock_after).toBe(5047);
    const tooMany = await t.post('/v1/products/prod_01J2PVQR41/keys', { keys: [...many, 'one-more'] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors['body.keys']).toBeDefined();
    expect((await t.post('/v1/products/prod_01J2PVQR41/keys', { keys: [] })).status).toBe(422);
    const wrongType = await t.post('/v1/products/prod_01J2PVQS6X/keys', { keys: ['X'] });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors['product.type'][0]).toMatch(/license_key/);
    expect((await t.get('/v1/products/prod_01J2PVQR41')).body.stock).toBe(5047);
  });

  it("tenant isolation: another shop's product is 404 for every operation, and its changes stay there", async () => {
    const t = new TestSandbox();
    const mine = await create(t, { name: 'Mine only' });
    const theirs = otherShop(t);
    const as = { key: theirs };
    expect((await t.get(`/v1/products/${mine.body.id}`, as)).status).toBe(404);
    expect((await t.patch(`/v1/products/${mine.body.id}`, { price_cents: 1 }, as)).status).toBe(404);
    expect((await t.delete(`/v1/products/${mine.body.id}`, as)).status).toBe(404);
    // both shops start from the same fixtures, but a change in one is invisible in the other
    await t.patch('/v1/products/prod_01J2PVQR41', { price_cents: 1 }, as);
    expect((await t.get('/v1/products/prod_01J2PVQR41')).body.price_cents).toBe(12900);
    const list = await t.get('/v1/products?limit=100', as);
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(mine.body.id);
  });
});
