import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

describe('validation from the spec', () => {
  const t = new TestSandbox();
  const valid = { name: 'Valid', type: 'account', price_cents: 100, currency: 'USD' };

  it('a missing required field is a 400 with an errors map', async () => {
    const reply = await t.post('/v1/products', { type: 'account', price_cents: 100, currency: 'USD' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ type: 'invalid_request', errors: { 'body.name': ['is required'] } });
  });

  it('an unknown query parameter is a 400', async () => {
    const reply = await t.get('/v1/products?colour=red');
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({ 'query.colour': ['is not a recognised query parameter'] });
  });

  it('an unknown body field is a 400', async () => {
    const reply = await t.post('/v1/products', { ...valid, colour: 'red' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors['body.colour']).toEqual(['is not a recognised field']);
  });

  it('wrong type, enum, format and bound are 422, every field reported', async () => {
    const reply = await t.post('/v1/products', { name: 'x', type: 'spaceship', price_cents: -1, currency: 'usd' });
    expect(reply.status).toBe(422);
    expect(reply.body.type).toBe('unprocessable');
    expect(Object.keys(reply.body.errors).sort()).toEqual(['body.currency', 'body.price_cents', 'body.type']);
    expect(reply.body.errors['body.type'][0]).toMatch(/must be one of: license_key/);
    const typed = await t.post('/v1/products', { ...valid, price_cents: '100' });
    expect(typed.status).toBe(422);
    expect(typed.body.errors['body.price_cents']).toEqual(['must be integer']);
  });

  it('query values are coerced then bounded: limit 0 and 101 are 422, limit=abc too', async () => {
    for (const limit of ['0', '101', 'abc']) {
      const reply = await t.get(`/v1/products?limit=${limit}`);
      expect(reply.status).toBe(422);
      expect(Object.keys(reply.body.errors)).toEqual(['query.limit']);
    }
    expect((await t.get('/v1/products?limit=100')).status).toBe(200);
  });

  it('a missing required body is 400; both kinds at once report all fields under 400', async () => {
    expect((await t.post('/v1/products')).status).toBe(400);
    const both = await t.post('/v1/products', { type: 'nope', price_cents: 1, currency: 'USD' });
    expect(both.status).toBe(400);
    expect(Object.keys(both.body.errors).sort()).toEqual(['body.name', 'body.type']);
  });

  it('a malformed Idempotency-Key is a 422 on the header', async () => {
    const reply = await t.post('/v1/products', valid, { headers: { 'Idempotency-Key': 'x'.repeat(256) } });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.errors)).toEqual(['header.idempotency-key']);
  });
});
