import { describe, expect } from 'vitest';
import { session } from './harness/session.js';
import { check, decided } from './harness/skip.js';
import { expectMembers } from './harness/members.js';

const s = session('api-keys', { ownKey: false });

describe('createApiKey', () => {
  check('mints a test key whose secret is shown once and works at once', async (ctx) => {
    const key = await s.mint('minted', ['products:read', 'orders:read']);
    expectMembers(key.reply.body, { mode: 'test', last_used_at: null });
    expect([...key.reply.body.abilities].sort()).toEqual(['orders:read', 'products:read']);
    expect(key.secret).toMatch(/^sx_test_[0-9A-Za-z]+$/);
    decided(ctx, 'secrets have 24 characters after the prefix', () => expect(key.secret).toMatch(/^sx_test_[0-9A-Za-z]{24}$/));
    expect((await s.admin.get('/v1/products?limit=1', { key: key.secret })).status).toBe(200);
  });

  check('refuses an unknown ability and an empty set (422 body.abilities)', async () => {
    for (const abilities of [['products:fly'], []]) {
      const reply = await s.admin.post('/v1/api-keys', { name: s.unique('bad'), abilities, mode: 'test' });
      expect(reply.status, JSON.stringify(abilities)).toBe(422);
      expect(Object.keys(reply.body.errors).some((f) => f.startsWith('body.abilities'))).toBe(true);
    }
  });
});

describe('listApiKeys', () => {
  check('shows metadata, never a secret, and keeps last_used_at current', async () => {
    const key = await s.mint('listed', ['products:read']);
    await s.admin.get('/v1/products?limit=1', { key: key.secret });
    const list = await s.admin.get('/v1/api-keys');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(key.secret);
    const listed = list.body.data.find((k: { id: string }) => k.id === key.id);
    expectMembers(listed, { id: key.id, abilities: ['products:read'], mode: 'test' });
    expect(listed.last_used_at).not.toBeNull();
    for (const item of list.body.data) expect(item).not.toHaveProperty('secret');
  });
});

describe('revokeApiKey', () => {
  check('revokes one key without touching the others', async () => {
    const a = await s.mint('revoke-a', ['products:read']);
    const b = await s.mint('revoke-b', ['products:read']);
    const revoked = await s.admin.delete(`/v1/api-keys/${a.id}`);
    expect(revoked.status).toBe(200);
    expectMembers(revoked.body, { id: a.id, revoked: true });
    expect((await s.admin.get('/v1/products?limit=1', { key: a.secret })).status).toBe(401);
    expect((await s.admin.get('/v1/products?limit=1', { key: b.secret })).status).toBe(200);
  });
});
