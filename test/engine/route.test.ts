import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { TestSandbox } from '../support/sandbox.js';

describe('routing from the spec', () => {
  const t = new TestSandbox();

  it('an unknown path is a 404 problem, before auth', async () => {
    const reply = await t.get('/v1/nothing-here', { key: null });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ type: 'not_found', status: 404, instance: '/v1/nothing-here' });
  });

  it('a path outside /v1 is a 404 problem too, not HTML', async () => {
    const reply = await t.get('/favicon.ico', { key: null });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/problem\+json/);
  });

  it('a known path with another method is a 405 with Allow', async () => {
    const reply = await t.call('PUT', '/v1/products/prod_01J2PVQR41', { name: 'x' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow.split(', ')).toEqual(expect.arrayContaining(['GET', 'PATCH', 'DELETE']));
    expect(reply.body.type).toBe('method_not_allowed');
  });

  it('a trailing slash still finds the operation', async () => {
    const reply = await t.get('/v1/products/');
    expect(reply.status).toBe(200);
  });
});

describe('OPTIONS without a preflight', () => {
  const t = new TestSandbox();

  it('answers 204 with the Allow a 405 would list, OPTIONS included', async () => {
    // HTTP's own OPTIONS, not an operation of the spec (its info says so): called without the spec check
    const reply = await request(t.sandbox.app).options('/v1/products');
    expect(reply.status).toBe(204);
    expect(reply.headers.allow).toBe('GET, POST, HEAD, OPTIONS');
    const wrong = await t.call('PUT', '/v1/products', {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe(reply.headers.allow);
  });

  it('an unknown path is still a 404', async () => {
    const reply = await request(t.sandbox.app).options('/v1/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/problem\+json/);
  });
});
