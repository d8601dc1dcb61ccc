import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { TestSandbox } from '../support/sandbox.js';

describe('request id', () => {
  const t = new TestSandbox();
  it('echoes a sane incoming X-Request-Id and puts it in problem bodies', async () => {
    const reply = await t.get('/v1/products/prod_nope', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(reply.headers['x-request-id']).toBe('abc-123');
    expect(reply.body.request_id).toBe('abc-123');
  });
  it('makes one when none (or an unsafe one) is sent', async () => {
    const a = await t.get('/v1/products');
    const b = await t.get('/v1/products', { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(a.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
    expect(b.headers['x-request-id']).toMatch(/^req_/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('CORS', () => {
  it('answers a preflight for Authorization, Content-Type and Idempotency-Key without auth', async () => {
    const t = new TestSandbox();
    const reply = await request(t.sandbox.app)
      .options('/v1/products')
      .set('Origin', 'https://docs.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key');
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
    const allowed = reply.headers['access-control-allow-headers'].toLowerCase();
    for (const h of ['authorization', 'content-type', 'idempotency-key']) expect(allowed).toContain(h);
    expect(reply.headers['access-control-allow-methods']).toContain('PATCH');
  });

  it('exposes the rate-limit, Retry-After, Idempotent-Replayed and request-id headers', async () => {
    const t = new TestSandbox();
    const reply = await t.get('/v1/products', { headers: { Origin: 'https://docs.example' } });
    const exposed = reply.headers['access-control-expose-headers'].toLowerCase();
    for (const h of ['ratelimit', 'ratelimit-policy', 'retry-after', 'idempotent-replayed', 'x-request-id']) {
      expect(exposed.split(/,\s*/)).toContain(h);
    }
  });

  it('with an allow-list, echoes only listed origins', async () => {
    const t = new TestSandbox({ corsOrigins: ['https://docs.sx.test'] });
    const ok = await t.get('/v1/products', { headers: { Origin: 'https://docs.sx.test' } });
    const other = await t.get('/v1/products', { headers: { Origin: 'https://evil.test' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://docs.sx.test');
    expect(ok.headers.vary).toContain('Origin');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
