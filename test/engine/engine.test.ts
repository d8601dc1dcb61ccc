import { describe, expect, it } from 'vitest';
import { createSandbox, ManualClock, type EngineRequest } from '../../src/index.js';

process.env.SX_SANDBOX_QUIET ??= '1';

function engine() {
  return createSandbox({ clock: new ManualClock(Date.UTC(2026, 10, 23, 12)), clockMode: 'frozen' });
}

const request = (over: Partial<EngineRequest>): EngineRequest => ({
  method: 'GET',
  path: '/v1/products',
  query: {},
  headers: {},
  body: null,
  ip: '127.0.0.1',
  ...over,
});

describe('the engine: plain request in, plain reply out', () => {
  it('answers with status, headers and a body string, from plain values only', async () => {
    const s = engine();
    const reply = await s.engine.handle(request({ query: { limit: '1' }, headers: { authorization: `Bearer ${s.demoKey}` } }));
    expect(reply.status).toBe(200);
    expect(reply.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['X-Request-Id']).toMatch(/^req_[0-9a-f]{24}$/);
    expect(reply.headers['RateLimit']).toBe('"reads";r=599;t=60');
    expect(JSON.parse(reply.body).data).toHaveLength(1);
    await s.close();
  });

  it('never reads the body of a request it refuses before the body stage (401, 403)', async () => {
    const s = engine();
    let reads = 0;
    const body = async () => {
      reads++;
      return new TextEncoder().encode('{}');
    };
    const anonymous = await s.engine.handle(request({ method: 'POST', headers: { 'content-type': 'application/json' }, body }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['Content-Type']).toBe('application/problem+json; charset=utf-8');
    expect(reads).toBe(0);
    const created = await s.engine.handle(
      request({
        method: 'POST',
        headers: { authorization: `Bearer ${s.demoKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Plain', type: 'account', price_cents: 1, currency: 'USD' }),
      }),
    );
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body).name).toBe('Plain');
    await s.close();
  });

  it('keeps a sane X-Request-Id and turns an exception in a body reader into a 500 problem with a trace id', async () => {
    const s = engine();
    const reply = await s.engine.handle(
      request({
        method: 'POST',
        headers: { authorization: `Bearer ${s.demoKey}`, 'content-type': 'application/json', 'x-request-id': 'mine-1' },
        body: async () => {
          throw new Error('the door broke');
        },
      }),
    );
    expect(reply.status).toBe(500);
    expect(reply.headers['X-Request-Id']).toBe('mine-1');
    expect(JSON.parse(reply.body)).toMatchObject({ type: 'server_error', request_id: 'mine-1', instance: '/v1/products' });
    expect(JSON.parse(reply.body).trace_id).toMatch(/^trc_[0-9a-f]{32}$/);
    await s.close();
  });
});
