import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../src/engine/stages/body.js';
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

describe('JSON nesting depth', () => {
  const t = new TestSandbox();

  it('a body nested past the limit is a 400 that names it, not a 500 (two arrays 60,000 deep)', async () => {
    const deep = `{"url":"https://hooks.example.com/x","events":[${'['.repeat(60_000)}${']'.repeat(60_000)},${'['.repeat(60_000)}${']'.repeat(60_000)}]}`;
    const reply = await t.post('/v1/webhooks', undefined, { raw: { type: 'application/json', data: deep } });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ type: 'invalid_request', errors: { body: [`must not nest deeper than ${MAX_JSON_DEPTH} levels`] } });
    expect(reply.body.detail).toContain(`${MAX_JSON_DEPTH} levels`);
  });

  it('the limit itself is allowed: nesting is refused only past it', async () => {
    const at = (depth: number) => `{"name":"Deep","type":"account","price_cents":1,"currency":"USD","x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    // at the limit the body parses and reaches validation (x is an unknown field: 400 with errors.body.x)
    const atLimit = await t.post('/v1/products', undefined, { raw: { type: 'application/json', data: at(MAX_JSON_DEPTH) } });
    expect(atLimit.status).toBe(400);
    expect(Object.keys(atLimit.body.errors)).toEqual(['body.x']);
    const past = await t.post('/v1/products', undefined, { raw: { type: 'application/json', data: at(MAX_JSON_DEPTH + 1) } });
    expect(past.body.errors).toEqual({ body: [`must not nest deeper than ${MAX_JSON_DEPTH} levels`] });
  });

  it('brackets inside strings, escaped quotes included, do not count', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(jsonDepthExceeds(text(JSON.stringify({ a: `[[[[[[[[["\\${'[['.repeat(50)}` })), 3)).toBe(false);
    expect(jsonDepthExceeds(text('[[[[]]]]'), 3)).toBe(true);
    expect(jsonDepthExceeds(text('[[[]]]'), 3)).toBe(false);
    expect(jsonDepthExceeds(text('[{"a":[{}]}]'), 3)).toBe(true);
  });
});
