import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/spec/ajv.js';
import { loadSpec } from '../../src/spec/load.js';
import { readings, strictReading } from '../../src/spec/readings.js';

const spec = loadSpec().spec as any;
const { contract, strict } = readings(spec) as { contract: any; strict: any };
const ajv = createAjv();
const product = { id: 'prod_01J2PVQR41', name: 'Key', type: 'license_key', price_cents: 100, currency: 'USD', stock: 1, status: 'active' };
const full = { ...product, slug: 'key', description: null, created_at: '2026-05-26T07:18:03Z', updated_at: '2026-05-26T07:18:03Z', archived_at: null };

describe('the two readings of one spec', () => {
  it('the contract reading is the document as written', () => {
    expect(contract).toBe(spec);
    expect(strictReading(spec)).toBe(strict);
  });

  it('contract objects are open and need only what the reference shows; strict ones are closed and need every member', () => {
    const open = ajv.compile(contract.components.schemas.Product);
    const closed = ajv.compile(strict.components.schemas.Product);
    expect(open(product)).toBe(true);
    expect(open({ ...product, added: 1 })).toBe(true);
    expect(closed(product)).toBe(false);
    expect(closed(full)).toBe(true);
    expect(closed({ ...full, added: 1 })).toBe(false);
  });

  it('x-sx-sandbox-optional members stay optional in the strict reading', () => {
    const problem = ajv.compile(strict.components.schemas.Problem);
    const base = { type: 'not_found', title: 'Not found', status: 404, detail: 'x', instance: '/v1/x', request_id: 'req_1' };
    expect(problem(base)).toBe(true);
    expect(problem({ ...base, errors: { body: ['x'] } })).toBe(true);
    const { request_id: _, ...withoutId } = base;
    expect(problem(withoutId)).toBe(false);
    expect(ajv.compile(contract.components.schemas.Problem)({ type: 'not_found' })).toBe(true);
  });

  it('x-sx-strict overlays replace the contract keyword: the reference example key passes the contract, not the sandbox', () => {
    const reference = 'sx_live_9kzQ7xV9c4fT2mN8rY';
    const minted = `sx_test_${'a'.repeat(24)}`;
    expect(ajv.compile(contract.components.schemas.ApiKeySecret)(reference)).toBe(true);
    expect(ajv.compile(strict.components.schemas.ApiKeySecret)(reference)).toBe(false);
    expect(ajv.compile(strict.components.schemas.ApiKeySecret)(minted)).toBe(true);
    expect(contract.components.headers['X-Request-Id'].required).toBeUndefined();
    expect(strict.components.headers['X-Request-Id'].required).toBe(true);
    const requestId = ajv.compile(strict.components.headers['X-Request-Id'].schema);
    expect(requestId('req_0123456789abcdef01234567')).toBe(true);
    expect(requestId('has spaces')).toBe(false);
    expect(ajv.compile(contract.components.headers['X-Request-Id'].schema)('has spaces')).toBe(true);
    // shared by identity: the header every operation references is the tightened one
    expect(strict.paths['/v1/products'].get.responses['200'].headers['X-Request-Id']).toBe(strict.components.headers['X-Request-Id']);
  });

  it('request schemas are left alone: the strict reading tightens only what the sandbox sends', () => {
    expect(strict.components.schemas.ProductUpdate).toBe(spec.components.schemas.ProductUpdate);
    expect(strict.paths['/v1/products'].post.requestBody).toBe(spec.paths['/v1/products'].post.requestBody);
    // ...but a webhook's payload is the sandbox's output
    const event = strict.webhooks.event.post.requestBody.content['application/json'].schema;
    expect(event.additionalProperties).toBe(false);
  });

  it('no response object of the contract reading is closed', () => {
    const closed: string[] = [];
    const walk = (node: any, path: string, seen = new Set<object>()) => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      if (node.additionalProperties === false) closed.push(path);
      for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`, seen);
    };
    for (const [path, item] of Object.entries<any>(contract.paths)) {
      for (const [method, op] of Object.entries<any>(item)) if (op?.responses) walk(op.responses, `${method} ${path}`);
    }
    expect(closed).toEqual([]);
  });
});
