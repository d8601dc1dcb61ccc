import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { TestSandbox } from '../support/sandbox.js';

describe('one problem renderer', () => {
  it('an exception in a handler is a 500 problem with a trace id and no stack; the process keeps serving', async () => {
    const t = new TestSandbox({
      handlerOverrides: {
        getProduct: () => {
          throw new TypeError('secret internals at /srv/app.js:42');
        },
      },
    });
    const reply = await request(t.sandbox.app).get('/v1/products/prod_01J2PVQR41').set('Authorization', `Bearer ${t.key}`);
    expect(reply.status).toBe(500);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ type: 'server_error', title: 'Server error', status: 500, instance: '/v1/products/prod_01J2PVQR41' });
    expect(reply.body.trace_id).toMatch(/^trc_[0-9a-f]{32}$/);
    expect(reply.text).not.toContain('secret internals');
    expect(reply.text).not.toContain('app.js');
    expect((await t.get('/v1/products')).status).toBe(200);
  });

  it('every problem carries type, title, status, detail, instance and request_id', async () => {
    const t = new TestSandbox();
    const reply = await t.get('/v1/products/prod_missing');
    expect(Object.keys(reply.body).sort()).toEqual(['detail', 'instance', 'request_id', 'status', 'title', 'type']);
    expect(reply.body.request_id).toBe(reply.headers['x-request-id']);
  });
});
