import { describe, expect, it } from 'vitest';
import { answers, makeBusy, sandboxes } from '../support/busyShop.js';

const sandbox = sandboxes();
const product = (name: string) => ({ name, price_cents: 100, currency: 'USD', type: 'file_download' });

describe('snapshots', () => {
  it('restore brings back a shop byte-identical in its answers', async () => {
    const t = sandbox();
    await makeBusy(t);
    const taken = await t.post('/v1/test_helpers/snapshots', { name: 'busy' });
    expect(taken.status, taken.text).toBe(201);
    expect(taken.body).toEqual({ object: 'snapshot', name: 'busy', taken_at: t.sandbox.demo.now() });
    const before = await answers(t); // this also changes the shop: a product, thirty days of jobs
    const restored = await t.post('/v1/test_helpers/snapshots/restore', { name: 'busy' });
    expect(restored.status, restored.text).toBe(200);
    expect(await answers(t)).toEqual(before);
    // and again: a snapshot stays, for the next test of a suite
    expect((await t.post('/v1/test_helpers/snapshots/restore', { name: 'busy' })).status).toBe(200);
    expect(await answers(t)).toEqual(before);
  });

  it('without the restore the answers differ (the comparison can fail)', async () => {
    const t = sandbox();
    await makeBusy(t);
    await t.post('/v1/test_helpers/snapshots', { name: 'busy' });
    const before = await answers(t);
    expect(await answers(t)).not.toEqual(before);
  });

  it('an unknown snapshot is 422 naming the ones the shop has; a 21st is 422 naming the cap', async () => {
    const t = sandbox();
    await t.post('/v1/test_helpers/snapshots', { name: 'one' });
    const missing = await t.post('/v1/test_helpers/snapshots/restore', { name: 'two' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors['body.name']).toEqual(["this shop has no snapshot named 'two'"]);
    expect(missing.body.detail).toContain("no snapshot named 'two'. It has: one.");
    for (let i = 2; i <= 20; i++) expect((await t.post('/v1/test_helpers/snapshots', { name: `s${i}` })).status).toBe(201);
    const over = await t.post('/v1/test_helpers/snapshots', { name: 's21' });
    expect(over.status).toBe(422);
    expect(over.body.detail).toContain('snapshots per shop: 20');
    expect((await t.post('/v1/test_helpers/snapshots', { name: 's20' })).status, 'a name taken again replaces it').toBe(201);
  });

  it("a restore or a fork holds the snapshot's bytes, its remembered replies counted once", async () => {
    const t = sandbox();
    const { sandbox: sx } = t;
    for (let i = 0; i < 20; i++) {
      const made = await t.post('/v1/products', product(`Remembered ${i}`), { headers: { 'Idempotency-Key': `remembered-${i}` } });
      expect(made.status).toBe(201);
    }
    expect(sx.demo.idempotency.held).toBeGreaterThan(20 * 500);
    const atSnapshot = sx.demo.budget.state.used;
    sx.snapshot('remembered');
    await t.post('/v1/products', product('After the snapshot'));
    sx.restore('remembered');
    expect(sx.demo.budget.state.used).toBe(atSnapshot);
    sx.restore('remembered');
    expect(sx.demo.budget.state.used, 'and again').toBe(atSnapshot);
    expect(sx.fork({ snapshot: 'remembered' }).tenant.budget.state.used).toBe(atSnapshot);
    // the replies came back with the shop: a replay still answers
    const replay = await t.post('/v1/products', product('Remembered 3'), { headers: { 'Idempotency-Key': 'remembered-3' } });
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps the API keys, so the caller key stays valid', async () => {
    const t = sandbox();
    await t.post('/v1/test_helpers/snapshots', { name: 'bare' });
    const minted = await t.post('/v1/api-keys', { name: 'after the snapshot', abilities: ['products:read'], mode: 'test' });
    await t.post('/v1/test_helpers/snapshots/restore', { name: 'bare' });
    expect((await t.get('/v1/products?limit=1', { key: minted.body.secret })).status).toBe(200);
  });
});

describe('forks', () => {
  it("a fork starts as its parent, with its own full-access key; a fork's changes never show in its parent or siblings", async () => {
    const t = sandbox();
    await makeBusy(t);
    await t.post('/v1/test_helpers/snapshots', { name: 'seeded' });
    const a = await t.post('/v1/test_helpers/forks', { snapshot: 'seeded' });
    const b = await t.post('/v1/test_helpers/forks', { snapshot: 'seeded' });
    expect(a.status, a.text).toBe(201);
    expect(a.body).toMatchObject({ object: 'shop', tenant_id: expect.stringMatching(/^tnt_/), secret: expect.stringMatching(/^sx_test_/) });
    expect(b.body.tenant_id).not.toBe(a.body.tenant_id);
    const asA = { key: a.body.secret as string };
    const asB = { key: b.body.secret as string };
    const parentList = (await t.get('/v1/products?limit=100')).text;
    expect((await t.get('/v1/products?limit=100', asA)).text).toBe(parentList);

    const inA = await t.post('/v1/products', product('Only in A'), asA);
    const firstFixture = t.sandbox.seed.products.items[0].id;
    await t.patch(`/v1/products/${firstFixture}`, { name: 'Renamed in B' }, asB);
    await t.post('/v1/products', product('Only in the parent'));
    // a fork's next ids are its parent's: the same id may name another record in each shop, so names tell them apart
    expect((await t.get(`/v1/products/${inA.body.id}`)).body.name, 'not in the parent').toBe('Only in the parent');
    expect((await t.get(`/v1/products/${inA.body.id}`, asB)).status, 'not in the sibling').toBe(404);
    expect((await t.get(`/v1/products/${inA.body.id}`, asA)).body.name, 'in A').toBe('Only in A');
    expect((await t.get(`/v1/products/${firstFixture}`)).body.name).not.toBe('Renamed in B');
    expect((await t.get(`/v1/products/${firstFixture}`, asA)).body.name).not.toBe('Renamed in B');
    expect((await t.get(`/v1/products/${firstFixture}`, asB)).body.name).toBe('Renamed in B');
    const names = async (options = {}) => ((await t.get('/v1/products?limit=100', options)).body.data as { name: string }[]).map((p) => p.name);
    expect(await names(asA)).not.toContain('Only in the parent');
    expect(await names(asB)).not.toContain('Only in A');
    expect(await names()).toContain('Only in the parent');
    expect(await names()).not.toContain('Only in A');
    // each key opens its own shop only
    expect(t.sandbox.store.lookup(a.body.secret)!.tenant.id).toBe(a.body.tenant_id);
    expect(t.sandbox.store.lookup(t.key)!.tenant.id).toBe('tnt_demo');
  });

  it('two forks of one snapshot answer alike: a suite gives each test the same shop', async () => {
    const t = sandbox();
    await makeBusy(t);
    await t.post('/v1/test_helpers/snapshots', { name: 'seeded' });
    const a = await t.post('/v1/test_helpers/forks', { snapshot: 'seeded' });
    const b = await t.post('/v1/test_helpers/forks', { snapshot: 'seeded' });
    const [fromA, fromB] = [await answers(t, { key: a.body.secret }), await answers(t, { key: b.body.secret })];
    expect(fromA).toEqual(fromB);
  });

  it('an unknown snapshot is 422 on body.snapshot; without one the fork is of the shop as it is now', async () => {
    const t = sandbox();
    const bad = await t.post('/v1/test_helpers/forks', { snapshot: 'nope' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors['body.snapshot']).toBeDefined();
    const made = await t.post('/v1/products', product('Before the fork'));
    const now = await t.post('/v1/test_helpers/forks');
    expect(now.status).toBe(201);
    expect((await t.get(`/v1/products/${made.body.id}`, { key: now.body.secret })).status).toBe(200);
  });

  it('createSandbox: snapshot(), restore() and fork() do the same in process', async () => {
    const t = sandbox();
    const { sandbox: sx } = t;
    await t.post('/v1/products', product('Seeded'));
    sx.snapshot('seeded');
    const fork = sx.fork({ snapshot: 'seeded' });
    await t.post('/v1/products', product('After'), { key: fork.secret });
    expect(fork.tenant.products.size).toBe(sx.demo.products.size + 1);
    await t.post('/v1/products', product('Parent after'));
    sx.restore('seeded');
    expect(sx.demo.products.all().map((p) => p.name)).not.toContain('Parent after');
    expect(sx.demo.products.all().map((p) => p.name)).toContain('Seeded');
  });

  it('a public sandbox does not offer them (501)', async () => {
    const t = sandbox({ public: true });
    const made = await t.post('/v1/test_helpers/tenants', undefined, { key: null });
    const reply = await t.post('/v1/test_helpers/forks', undefined, { key: made.body.secret });
    expect(reply.status).toBe(501);
    expect(reply.body.detail).toMatch(/--public/);
  });
});
