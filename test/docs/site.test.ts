import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectionOf } from '../../src/docs/page/prefill.js';
import { buildRequest } from '../../src/docs/page/tryIt.js';
import { pageHtml } from '../../src/docs/site/html.js';
import { pageModel, type OperationCall } from '../../src/docs/site/model.js';
import { SPEC_PATH } from '../../src/paths.js';
import { parseYaml } from '../../src/spec/load.js';

const spec = parseYaml(readFileSync(SPEC_PATH, 'utf8')) as Record<string, any>;
const model = pageModel(spec);
const calls = model.tags.flatMap((t) => t.operations.map((o) => o.call));
const call = (id: string): OperationCall => calls.find((c) => c.id === id)!;

describe('the page model, from the spec at build time', () => {
  it('holds every operation of the spec once, under its tag, Sandbox last', () => {
    const inSpec = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
      ['get', 'post', 'put', 'patch', 'delete'].flatMap((m) => (item[m]?.operationId ? [item[m].operationId!] : [])),
    );
    expect(calls.map((c) => c.id).sort()).toEqual([...inSpec].sort());
    expect(model.tags.map((t) => t.name).at(-1)).toBe('Sandbox');
    expect(call('createEphemeralTenant').anonymous).toBe(true);
    expect(call('listProducts').anonymous).toBe(false);
  });

  it('keeps the reference’s sections as prose and its examples', () => {
    expect(model.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(['guide-authentication', 'guide-errors', 'guide-rate-limits', 'guide-idempotency', 'guide-webhooks']),
    );
    expect(model.sections.find((s) => s.id === 'guide-errors')!.html).toContain('<table>');
    const create = model.tags[0].operations.find((o) => o.call.id === 'createProduct')!;
    expect(JSON.parse(create.call.body!)).toMatchObject({ name: 'Adobe Creative Cloud Key', type: 'license_key' });
    expect(create.responses.find((r) => r.status === '201')!.examples[0].json).toContain('prod_01J2PVQR41');
    expect(create.bodyFields.find((f) => f.name === 'price_cents')).toMatchObject({ required: true });
  });

  it('writes no input pre-filled with the spec’s Idempotency-Key, and no inline script', () => {
    const html = pageHtml(model, { script: 'docs.js', style: 'docs.css', sandbox: 'sx-sandbox.js' });
    const inputs = [...html.matchAll(/<input [^>]*name="header:Idempotency-Key"[^>]*>/g)].map((m) => m[0]);
    expect(inputs.length).toBeGreaterThanOrEqual(16);
    for (const input of inputs) expect(input).not.toMatch(/ value=/);
    // an enum is offered as its values, "not sent" first
    expect(html).toMatch(/<select name="query:status"><option value="">\(not sent\)<\/option><option>active<\/option>/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.filter((m) => !/type="application\/json"/.test(m[1])).every((m) => m[2] === '' && /src="docs\.js"/.test(m[1]))).toBe(true);
    // nothing loaded from elsewhere (the prose may link out; links load nothing)
    expect(html).not.toMatch(/(src="https?:|<link [^>]*href="https?:)/);
  });
});

describe('Try it requests', () => {
  const values = (given: Record<string, string>) => (name: string) => given[name] ?? '';

  it('sends a fresh Idempotency-Key each time unless the reader typed one', () => {
    const make = (given: Record<string, string> = {}) => buildRequest(call('createProduct'), values(given), 'http://127.0.0.1:4010', 'sx_test_k', '{}');
    const [one, two] = [make(), make()];
    expect(one.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(two.idempotencyKey).not.toBe(one.idempotencyKey);
    expect(one.request.headers.get('idempotency-key')).toBe(one.idempotencyKey);
    const typed = make({ 'header:Idempotency-Key': 'mine-1' });
    expect([typed.idempotencyKey, typed.typedKey, typed.request.headers.get('idempotency-key')]).toEqual(['mine-1', true, 'mine-1']);
    expect(one.curl).toContain(`-H 'Idempotency-Key: ${one.idempotencyKey}'`);
  });

  it('fills the path, the query and the key; a GET carries no body', () => {
    const sent = buildRequest(call('listWebhookDeliveries'), values({ 'path:id': 'wh_1/..', 'query:limit': '5' }), 'http://x', 'sx_test_k', null);
    expect(sent.request.url).toBe('http://x/v1/webhooks/wh_1%2F../deliveries?limit=5');
    expect(sent.request.headers.get('authorization')).toBe('Bearer sx_test_k');
    expect(sent.idempotencyKey).toBeNull();
    const anonymous = buildRequest(call('createEphemeralTenant'), values({}), 'http://x', 'sx_test_k', '{}');
    expect(anonymous.request.headers.get('authorization')).toBeNull();
  });

  it('pre-fills a path parameter from the collection its path names', () => {
    expect(collectionOf('/v1/orders/{uuid}/refund')).toBe('orders');
    expect(collectionOf('/v1/api-keys/{id}')).toBe('api-keys');
    expect(collectionOf('/v1/products')).toBeNull();
  });
});
