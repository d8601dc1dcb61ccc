// The log through a real sandbox: one line per answered request and per finished webhook attempt.
import { describe, expect, it } from 'vitest';
import type { AttemptLine, RequestLine } from '../../src/log/lines.js';
import { TestSandbox } from '../support/sandbox.js';
import { receiver, register, settle, webhookSandbox } from '../events/harness.js';

function logged(style: 'json' | 'pretty') {
  const lines: string[] = [];
  const t = new TestSandbox({ log: style, logTo: (line) => lines.push(line) });
  return { t, lines };
}

describe('the request log', () => {
  it('a JSON line per request with the wall clock, the shop clock, and the problem type and detail of an error', async () => {
    const { t, lines } = logged('json');
    await t.get('/v1/products?limit=1');
    await t.get('/v1/orders/ord_nope');
    await t.get('/v1/products', { key: null });
    const [ok, missing, anonymous] = lines.map((l) => JSON.parse(l) as RequestLine);
    expect(ok).toMatchObject({
      kind: 'request',
      time: '2026-11-23T12:00:00.000Z',
      shop_time: '2026-05-26T08:30:00Z',
      method: 'GET',
      path: '/v1/products',
      status: 200,
      problem_type: null,
      operation: 'listProducts',
      tenant: 'tnt_demo',
    });
    expect(ok.request_id).toMatch(/\S/);
    expect(ok.ms).toBeGreaterThanOrEqual(0);
    expect(missing).toMatchObject({ status: 404, problem_type: 'not_found', path: '/v1/orders/ord_nope' });
    expect(missing.detail).toMatch(/ord_nope/);
    expect(anonymous).toMatchObject({ status: 401, problem_type: 'unauthenticated', shop_time: null, tenant: null });
    expect(lines).toHaveLength(3);
  });

  it('the pretty style says the same in one compact line', async () => {
    const { t, lines } = logged('pretty');
    await t.get('/v1/orders/ord_nope');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^12:00:00 {2}shop 2026-05-26 08:30:00 {2}GET {4}\/v1\/orders\/ord_nope {2}404 not_found {2}\d+(\.\d)? ms {2}\S/);
  });

  it('nothing is logged without the option', async () => {
    const lines: string[] = [];
    const t = new TestSandbox({ logTo: (line) => lines.push(line) });
    await t.get('/v1/products');
    expect(lines).toEqual([]);
  });
});

describe('the webhook attempt log', () => {
  it('a line per attempt: event, endpoint, answer, attempt n of 6, next retry; then the success', async () => {
    const r = await receiver();
    const lines: string[] = [];
    const t = webhookSandbox({ log: 'json', logTo: (line) => lines.push(line) });
    const endpoint = await register(t, r, ['order.paid']);
    r.respond(500);
    await t.post('/v1/test_helpers/orders', { product: 'prod_01J2PVQR41', email: 'log@example.com' });
    await settle(t);
    await t.post('/v1/test_helpers/clock/advance', { seconds: 5 });
    await settle(t);
    const attempts = lines.map((l) => JSON.parse(l)).filter((l): l is AttemptLine => l.kind === 'webhook_attempt');
    expect(attempts.map((a) => [a.event_type, a.url, a.response_code, a.status, a.attempt, a.attempts])).toEqual([
      ['order.paid', r.url(), 500, 'failed', 1, 6],
      ['order.paid', r.url(), 204, 'succeeded', 2, 6],
    ]);
    expect(attempts[0].next_retry_at).toBe('2026-05-26T08:30:05Z');
    expect(attempts[1].next_retry_at).toBeNull();
    expect(attempts[0].endpoint_id).toBe(endpoint.id);
    expect(r.rejected).toEqual([]);
  });
});
