import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

describe('api keys', () => {
  it('list shows metadata only, never a secret', async () => {
    const t = new TestSandbox();
    const reply = await t.get('/v1/api-keys');
    expect(reply.body.object).toBe('list');
    const names = reply.body.data.map((k: { name: string }) => k.name);
    expect(names).toEqual(expect.arrayContaining(['Fulfilment worker', 'Analytics dash', 'Demo shop full access']));
    expect(reply.text).not.toMatch(/sx_(test|live)_/);
    expect(reply.body.data.find((k: { id: string }) => k.id === 'apik_01J2PRK7TD')).toMatchObject({
      abilities: ['orders:read', 'orders:write'],
      last_used_at: '2026-05-26T08:11:00Z',
    });
  });

  it('mint returns the secret once; the key works with exactly its abilities; last_used_at follows use', async () => {
    const t = new TestSandbox();
    const minted = await t.post('/v1/api-keys', { name: 'Catalogue sync', abilities: ['products:write', 'products:read'], mode: 'test' });
    expect(minted.status).toBe(201);
    expect(minted.body.secret).toMatch(/^sx_test_[0-9A-Za-z]{24}$/);
    expect(minted.body.abilities).toEqual(['products:read', 'products:write']);
    expect(minted.body.last_used_at).toBeNull();
    const listed = (await t.get('/v1/api-keys')).body.data.find((k: { id: string }) => k.id === minted.body.id);
    expect(listed).toBeDefined();
    expect(listed.secret).toBeUndefined();
    expect(listed.last_used_at).toBeNull();
    t.sandbox.demo.clock.advance(90_000);
    expect((await t.get('/v1/products', { key: minted.body.secret })).status).toBe(200);
    const used = (await t.get('/v1/api-keys')).body.data.find((k: { id: string }) => k.id === minted.body.id);
    expect(used.last_used_at).toBe('2026-05-26T08:31:30Z');
    expect((await t.get('/v1/api-keys', { key: minted.body.secret })).status).toBe(403);
  });

  it('mode defaults to live: the key is shaped right and the sandbox refuses it with a reason', async () => {
    const t = new TestSandbox();
    const minted = await t.post('/v1/api-keys', { name: 'Prod worker', abilities: ['orders:read'] });
    expect(minted.body.mode).toBe('live');
    expect(minted.body.secret).toMatch(/^sx_live_[0-9A-Za-z]{24}$/);
    const reply = await t.get('/v1/products', { key: minted.body.secret });
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toMatch(/not accepted by the sandbox/);
  });

  it('rejects unknown abilities and an empty list with 422', async () => {
    const t = new TestSandbox();
    expect((await t.post('/v1/api-keys', { name: 'x', abilities: ['orders:delete'] })).status).toBe(422);
    expect((await t.post('/v1/api-keys', { name: 'x', abilities: [] })).status).toBe(422);
    expect((await t.post('/v1/api-keys', { name: 'x', abilities: ['orders:read', 'orders:read'] })).status).toBe(422);
  });

  it('revoke is instant, repeatable, hides the key from the list; unknown and foreign ids are 404', async () => {
    const t = new TestSandbox();
    const minted = await t.post('/v1/api-keys', { name: 'temp', abilities: ['products:read'], mode: 'test' });
    expect((await t.delete(`/v1/api-keys/${minted.body.id}`)).body).toEqual({ id: minted.body.id, revoked: true });
    expect((await t.delete(`/v1/api-keys/${minted.body.id}`)).body).toEqual({ id: minted.body.id, revoked: true });
    expect((await t.get('/v1/products', { key: minted.body.secret })).status).toBe(401);
    expect((await t.get('/v1/api-keys')).body.data.map((k: { id: string }) => k.id)).not.toContain(minted.body.id);
    expect((await t.delete('/v1/api-keys/apik_01J2NOPE00')).status).toBe(404);

    const other = t.sandbox.store.create('tnt_other', t.sandbox.seed);
    const foreign = t.sandbox.store.mint(other, { name: 'theirs', abilities: ['orders:read'], mode: 'test' });
    expect((await t.delete(`/v1/api-keys/${foreign.key.id}`)).status).toBe(404);
    expect((await t.get('/v1/api-keys', { key: foreign.secret })).status).toBe(403);
  });

  it('a key can revoke itself; its next request is 401', async () => {
    const t = new TestSandbox();
    const minted = await t.post('/v1/api-keys', {
      name: 'self',
      abilities: [
        'orders:read',
        'orders:write',
        'products:read',
        'products:write',
        'customers:read',
        'payouts:read',
        'payouts:write',
        'webhooks:read',
        'webhooks:write',
      ],
      mode: 'test',
    });
    expect((await t.delete(`/v1/api-keys/${minted.body.id}`, { key: minted.body.secret })).status).toBe(200);
    expect((await t.get('/v1/api-keys', { key: minted.body.secret })).status).toBe(401);
  });
});

describe('api keys cap', () => {
  it("counts active keys the shop minted only (never the fixtures' keys): revoking frees a place", async () => {
    const t = new TestSandbox({ caps: { apiKeysPerTenant: 2 } });
    // the demo shop starts with 3 fixture keys; none of them counts
    expect((await t.post('/v1/api-keys', { name: 'first', abilities: ['orders:read'], mode: 'test' })).status).toBe(201);
    const minted = await t.post('/v1/api-keys', { name: 'second', abilities: ['orders:read'], mode: 'test' });
    expect(minted.status).toBe(201);
    const full = await t.post('/v1/api-keys', { name: 'third', abilities: ['orders:read'], mode: 'test' });
    expect(full.status).toBe(422);
    expect(full.body.detail).toMatch(/Revoke keys/);
    await t.delete(`/v1/api-keys/${minted.body.id}`);
    expect((await t.post('/v1/api-keys', { name: 'fifth', abilities: ['orders:read'], mode: 'test' })).status).toBe(201);
  });
});
