import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

const create = (t: TestSandbox, name: string) => t.post('/v1/products', { name, type: 'account', price_cents: 100, currency: 'USD' });

describe('product slugs for repeated names', () => {
  it('base, base-2, base-3 … in order, around slugs other names already took', async () => {
    const t = new TestSandbox();
    const slugs: string[] = [];
    for (const name of ['Widget', 'Widget', 'Widget 3', 'Widget', 'widget!', 'Widget 6', 'Widget 7', 'Widget']) slugs.push((await create(t, name)).body.slug);
    expect(slugs).toEqual(['widget', 'widget-2', 'widget-3', 'widget-4', 'widget-5', 'widget-6', 'widget-7', 'widget-8']);
  });

  it('a reset gives the names back', async () => {
    const t = new TestSandbox();
    await create(t, 'Widget');
    await create(t, 'Widget');
    await t.post('/v1/test_helpers/reset');
    expect((await create(t, 'Widget')).body.slug).toBe('widget');
    expect((await create(t, 'Widget')).body.slug).toBe('widget-2');
  });

  it('a restored snapshot counts from the slugs it holds, not from those taken since', async () => {
    const t = new TestSandbox();
    await create(t, 'Widget');
    await create(t, 'Widget');
    expect((await t.post('/v1/test_helpers/snapshots', { name: 'two' })).status).toBe(201);
    await create(t, 'Widget');
    await create(t, 'Widget');
    expect((await t.post('/v1/test_helpers/snapshots/restore', { name: 'two' })).status).toBe(200);
    expect((await create(t, 'Widget')).body.slug).toBe('widget-3');
  });

  it('each shop counts its own', async () => {
    const t = new TestSandbox();
    await create(t, 'Widget');
    await create(t, 'Widget');
    const other = t.sandbox.store.create('tnt_slugs', t.sandbox.seed);
    const { secret } = t.sandbox.store.mint(other, { name: 'o', abilities: ['products:write'], mode: 'test' });
    const there = await t.post('/v1/products', { name: 'Widget', type: 'account', price_cents: 100, currency: 'USD' }, { key: secret });
    expect(there.body.slug).toBe('widget');
  });
});
