import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

describe('JSON bodies', () => {
  const t = new TestSandbox({ bodyLimitBytes: 2048 });

  it('unparsable JSON is a 400 problem, never HTML', async () => {
    const reply = await t.post('/v1/products', undefined, { raw: { type: 'application/json', data: '{"name": "x",' } });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ type: 'invalid_request', status: 400, errors: { body: ['must be valid JSON'] } });
  });

  it('a JSON scalar is not a request body: 400', async () => {
    const reply = await t.post('/v1/products', undefined, { raw: { type: 'application/json', data: '"text"' } });
    expect(reply.status).toBe(400);
  });

  it('a non-JSON body on a write is a 415', async () => {
    const reply = await t.post('/v1/products', undefined, { raw: { type: 'application/x-www-form-urlencoded', data: 'name=x' } });
    expect(reply.status).toBe(415);
    expect(reply.body.type).toBe('unsupported_media_type');
    expect(reply.body.detail).toContain('application/x-www-form-urlencoded');
  });

  it('a body over the limit is a 413 and nothing is created', async () => {
    const before = (await t.get('/v1/products?limit=100')).body.data.length;
    const reply = await t.post('/v1/products', { name: 'x'.repeat(4000), type: 'account', price_cents: 1, currency: 'USD' });
    expect(reply.status).toBe(413);
    expect(reply.body.type).toBe('payload_too_large');
    expect((await t.get('/v1/products?limit=100')).body.data.length).toBe(before);
  });

  it('application/*+json is JSON too', async () => {
    const reply = await t.post('/v1/products', undefined, {
      raw: { type: 'application/merge-patch+json', data: JSON.stringify({ name: 'Plus JSON', type: 'account', price_cents: 1, currency: 'USD' }) },
    });
    expect(reply.status).toBe(201);
  });
});
