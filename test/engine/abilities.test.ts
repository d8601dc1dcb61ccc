import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

describe('abilities', () => {
  const t = new TestSandbox();

  it('a key without the operation ability gets 403 forbidden_scope naming what is required and granted', async () => {
    const minted = await t.post('/v1/api-keys', { name: 'ro', abilities: ['products:read', 'orders:read'], mode: 'test' });
    const reply = await t.post('/v1/products', { name: 'x', type: 'account', price_cents: 1, currency: 'USD' }, { key: minted.body.secret });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({
      type: 'forbidden_scope',
      required_ability: 'products:write',
      granted_abilities: ['orders:read', 'products:read'],
    });
    expect((await t.get('/v1/products', { key: minted.body.secret })).status).toBe(200);
  });

  it('the api-keys operations need a full-access key', async () => {
    const minted = await t.post('/v1/api-keys', {
      name: 'almost',
      abilities: ['orders:read', 'orders:write', 'products:read', 'products:write', 'customers:read', 'payouts:read', 'payouts:write', 'webhooks:read'],
      mode: 'test',
    });
    const reply = await t.get('/v1/api-keys', { key: minted.body.secret });
    expect(reply.status).toBe(403);
    expect(reply.body.required_ability).toBe('*');
  });

  it('403 comes before validation: an invalid body from a key without the ability is still 403', async () => {
    const minted = await t.post('/v1/api-keys', { name: 'ro2', abilities: ['products:read'], mode: 'test' });
    const reply = await t.post('/v1/products', { nonsense: true }, { key: minted.body.secret });
    expect(reply.status).toBe(403);
  });
});
