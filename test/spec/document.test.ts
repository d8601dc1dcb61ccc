// The contract document itself: valid OpenAPI 3.1, every example valid against its schema, and exactly
// the operations (ids, abilities, sandbox markers) the server builds its routes from.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

type Json = Record<string, any>;

const specPath = fileURLToPath(new URL('../../openapi/sx.v1.yaml', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The document as written, with its `$ref`s. */
const raw: Json = parse(readFileSync(specPath, 'utf8'));
/** The document with every `$ref` resolved. */
const deref = (await dereference(specPath)) as Json;

// ajv-formats is CommonJS; under ESM its plugin is either the default export or its `.default`.
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

interface Operation {
  method: string;
  path: string;
  op: Json;
  rawOp: Json;
}

function operations(doc: Json, rawDoc: Json, section: 'paths' | 'webhooks' = 'paths'): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(doc[section] ?? {})) {
    for (const method of METHODS) {
      if (item[method]) out.push({ method, path, op: item[method], rawOp: rawDoc[section][path][method] });
    }
  }
  return out;
}

const ops = operations(deref, raw);
const webhookOps = operations(deref, raw, 'webhooks');

// ---- every example, with the schema it must satisfy ----------------------------------------------

interface ExampleCase {
  where: string;
  schema: unknown;
  value: unknown;
}

function mediaExamples(where: string, content: Json | undefined): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const [mediaType, media] of Object.entries<Json>(content ?? {})) {
    if ('example' in media) out.push({ where: `${where} ${mediaType} example`, schema: media.schema, value: media.example });
    for (const [name, ex] of Object.entries<Json>(media.examples ?? {})) {
      out.push({ where: `${where} ${mediaType} examples.${name}`, schema: media.schema, value: ex.value });
    }
  }
  return out;
}

function paramExamples(where: string, param: Json): ExampleCase[] {
  const out: ExampleCase[] = [];
  const label = `${where} ${param.in} parameter ${param.name}`;
  if ('example' in param) out.push({ where: `${label} example`, schema: param.schema, value: param.example });
  for (const [name, ex] of Object.entries<Json>(param.examples ?? {})) {
    out.push({ where: `${label} examples.${name}`, schema: param.schema, value: ex.value });
  }
  return out;
}

function headerExamples(where: string, headers: Json | undefined): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const [name, header] of Object.entries<Json>(headers ?? {})) {
    if ('example' in header) out.push({ where: `${where} header ${name} example`, schema: header.schema, value: header.example });
  }
  return out;
}

const isRef = (node: unknown): boolean => !!node && typeof node === 'object' && '$ref' in node;

/** Examples written inline in operations; what they reference is checked once, under components. */
function operationExamples(list: Operation[], label: (o: Operation) => string): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const o of list) {
    const name = label(o);
    (o.op.parameters ?? []).forEach((param: Json, i: number) => {
      if (!isRef(o.rawOp.parameters[i])) out.push(...paramExamples(name, param));
    });
    if (!isRef(o.rawOp.requestBody)) out.push(...mediaExamples(`${name} request`, o.op.requestBody?.content));
    for (const [status, response] of Object.entries<Json>(o.op.responses ?? {})) {
      const rawResponse = o.rawOp.responses[status];
      if (isRef(rawResponse)) continue;
      out.push(...mediaExamples(`${name} → ${status}`, response.content));
      const inlineHeaders = Object.entries<Json>(response.headers ?? {}).filter(([h]) => !isRef(rawResponse.headers[h]));
      out.push(...headerExamples(`${name} → ${status}`, Object.fromEntries(inlineHeaders)));
    }
  }
  return out;
}

function componentExamples(components: Json): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const [name, response] of Object.entries<Json>(components.responses ?? {})) {
    out.push(...mediaExamples(`components.responses.${name}`, response.content));
  }
  for (const [name, body] of Object.entries<Json>(components.requestBodies ?? {})) {
    out.push(...mediaExamples(`components.requestBodies.${name}`, body.content));
  }
  for (const [name, param] of Object.entries<Json>(components.parameters ?? {})) {
    out.push(...paramExamples(`components.parameters.${name}`, param));
  }
  out.push(...headerExamples('components.headers', components.headers));
  for (const [name, schema] of Object.entries<Json>(components.schemas ?? {})) {
    for (const [i, value] of (Array.isArray(schema.examples) ? schema.examples : []).entries()) {
      out.push({ where: `components.schemas.${name} examples[${i}]`, schema, value });
    }
  }
  // Named examples kept in components/examples are resolved into the media types that use them.
  return out;
}

const exampleCases: ExampleCase[] = [
  ...operationExamples(ops, (o) => `${o.op.operationId} (${o.method.toUpperCase()} ${o.path})`),
  ...operationExamples(webhookOps, (o) => `webhook ${o.path} (${o.op.operationId})`),
  ...componentExamples(deref.components ?? {}),
];

const validators = new Map<unknown, ReturnType<Ajv2020['compile']>>();
function validatorFor(schema: unknown) {
  let v = validators.get(schema);
  if (!v) {
    v = ajv.compile(schema as object);
    validators.set(schema, v);
  }
  return v;
}

// ---- what the server relies on ---------------------------------------------------------------------

const EXPECTED: Record<string, { method: string; path: string; ability?: string; sandbox?: true }> = {
  listProducts: { method: 'get', path: '/v1/products', ability: 'products:read' },
  createProduct: { method: 'post', path: '/v1/products', ability: 'products:write' },
  getProduct: { method: 'get', path: '/v1/products/{id}', ability: 'products:read' },
  updateProduct: { method: 'patch', path: '/v1/products/{id}', ability: 'products:write' },
  archiveProduct: { method: 'delete', path: '/v1/products/{id}', ability: 'products:write' },
  importProductKeys: { method: 'post', path: '/v1/products/{id}/keys', ability: 'products:write' },
  listOrders: { method: 'get', path: '/v1/orders', ability: 'orders:read' },
  getOrder: { method: 'get', path: '/v1/orders/{uuid}', ability: 'orders:read' },
  refundOrder: { method: 'post', path: '/v1/orders/{uuid}/refund', ability: 'orders:write' },
  resendOrder: { method: 'post', path: '/v1/orders/{uuid}/resend', ability: 'orders:write' },
  listCustomers: { method: 'get', path: '/v1/customers', ability: 'customers:read' },
  getCustomer: { method: 'get', path: '/v1/customers/{id}', ability: 'customers:read' },
  listPayouts: { method: 'get', path: '/v1/payouts', ability: 'payouts:read' },
  createPayout: { method: 'post', path: '/v1/payouts', ability: 'payouts:write' },
  listWebhooks: { method: 'get', path: '/v1/webhooks', ability: 'webhooks:read' },
  createWebhook: { method: 'post', path: '/v1/webhooks', ability: 'webhooks:write' },
  testWebhook: { method: 'post', path: '/v1/webhooks/{id}/test', ability: 'webhooks:write' },
  deleteWebhook: { method: 'delete', path: '/v1/webhooks/{id}', ability: 'webhooks:write' },
  listApiKeys: { method: 'get', path: '/v1/api-keys', ability: '*' },
  createApiKey: { method: 'post', path: '/v1/api-keys', ability: '*' },
  revokeApiKey: { method: 'delete', path: '/v1/api-keys/{id}', ability: '*' },
  // sandbox-only
  listWebhookDeliveries: { method: 'get', path: '/v1/webhooks/{id}/deliveries', ability: 'webhooks:read', sandbox: true },
  simulateOrder: { method: 'post', path: '/v1/test_helpers/orders', ability: 'orders:write', sandbox: true },
  advanceClock: { method: 'post', path: '/v1/test_helpers/clock/advance', ability: '*', sandbox: true },
  resetTenant: { method: 'post', path: '/v1/test_helpers/reset', ability: '*', sandbox: true },
  createEphemeralTenant: { method: 'post', path: '/v1/test_helpers/tenants', sandbox: true },
  takeSnapshot: { method: 'post', path: '/v1/test_helpers/snapshots', ability: '*', sandbox: true },
  restoreSnapshot: { method: 'post', path: '/v1/test_helpers/snapshots/restore', ability: '*', sandbox: true },
  forkShop: { method: 'post', path: '/v1/test_helpers/forks', ability: '*', sandbox: true },
  exportShop: { method: 'get', path: '/v1/test_helpers/export', ability: '*', sandbox: true },
  importShop: { method: 'post', path: '/v1/test_helpers/imports', ability: '*', sandbox: true },
};

/** Operations a public sandbox does not offer (501): they would make shops that never expire. */
const NOT_ON_PUBLIC = new Set(['takeSnapshot', 'restoreSnapshot', 'forkShop', 'exportShop', 'importShop']);

const TAGS = ['Products', 'Orders', 'Customers', 'Payouts', 'Webhooks', 'API keys', 'Sandbox'];
const abilities: string[] = raw.components.schemas.Ability.enum;
const byId = new Map(ops.map((o) => [o.op.operationId as string, o]));

/** The error statuses an operation must list (see the spec's conventions). */
function expectedStatuses(o: Operation): string[] {
  const success = Object.keys(o.op.responses).filter((s) => s.startsWith('2'));
  // 503: every visitor shop is in use
  if (o.op.operationId === 'createEphemeralTenant') return [...success, '400', '413', '415', '422', '429', '500', '503'];
  const statuses = [...success, '400', '401'];
  if (o.op['x-sx-ability']) statuses.push('403');
  if (o.path.includes('{')) statuses.push('404');
  if (o.method !== 'get') statuses.push('409');
  if (o.op.requestBody) statuses.push('413', '415');
  statuses.push('422', '429', '500');
  if (NOT_ON_PUBLIC.has(o.op.operationId)) statuses.push('501');
  return statuses;
}

/** Every `$ref` string in a node. */
function refs(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refs(v, out);
    }
  }
  return out;
}

// ---- tests -----------------------------------------------------------------------------------------

describe('openapi/sx.v1.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(specPath);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(raw.openapi).toBe('3.1.0');
    expect(raw.servers).toEqual([{ url: 'http://127.0.0.1:4010', description: 'local sandbox' }]);
    expect(raw.security).toEqual([{ bearerAuth: [] }]);
  });

  describe('examples validate against their schemas', () => {
    it('finds examples to check', () => {
      expect(exampleCases.length).toBeGreaterThan(50);
      for (const c of exampleCases) expect(c.schema, `${c.where} has no schema`).toBeDefined();
    });

    it.each(exampleCases.map((c) => [c.where, c] as const))('%s', (_where, c) => {
      const validateExample = validatorFor(c.schema);
      const ok = validateExample(c.value);
      expect(ok, `${c.where}: ${ajv.errorsText(validateExample.errors, { separator: '; ' })}`).toBe(true);
    });

    it('every operation has an example for its success response and its request body', () => {
      const missing: string[] = [];
      for (const o of ops) {
        const body = o.op.requestBody?.content?.['application/json'];
        if (body && !body.example && !Object.keys(body.examples ?? {}).length) missing.push(`${o.op.operationId} request`);
        for (const [status, response] of Object.entries<Json>(o.op.responses)) {
          if (!status.startsWith('2')) continue;
          const media = response.content?.['application/json'];
          if (!media || (!media.example && !Object.keys(media.examples ?? {}).length)) missing.push(`${o.op.operationId} ${status}`);
        }
      }
      expect(missing).toEqual([]);
    });
  });

  describe('operations', () => {
    it('are exactly the 21 reference operations and the 10 sandbox ones', () => {
      expect(ops.length).toBe(31);
      const actual = Object.fromEntries(ops.map((o) => [o.op.operationId, `${o.method} ${o.path}`]));
      const expected = Object.fromEntries(Object.entries(EXPECTED).map(([id, e]) => [id, `${e.method} ${e.path}`]));
      expect(actual).toEqual(expected);
      expect(Object.values(EXPECTED).filter((e) => !e.sandbox)).toHaveLength(21);
    });

    it.each(ops.map((o) => [o.op.operationId ?? `${o.method} ${o.path}`, o] as const))('%s follows the conventions', (id, o) => {
      const expected = EXPECTED[id];
      expect(expected, `unexpected operation ${id}`).toBeDefined();
      expect(o.op.operationId).toBeTypeOf('string');
      expect(o.op.summary).toBeTypeOf('string');
      expect(o.op.description).toBeTypeOf('string');
      expect(o.op.tags?.length).toBeGreaterThan(0);
      for (const tag of o.op.tags) expect(TAGS).toContain(tag);

      if (id === 'createEphemeralTenant') {
        expect(o.op).not.toHaveProperty('x-sx-ability');
        expect(o.op.security).toEqual([]);
      } else {
        expect(o.op['x-sx-ability']).toBe(expected.ability);
        expect([...abilities, '*']).toContain(o.op['x-sx-ability']);
        expect(o.op).not.toHaveProperty('security');
      }

      if (expected.sandbox) {
        expect(o.op.tags).toContain('Sandbox');
        expect(o.op['x-sx-sandbox-only']).toBe(true);
      } else {
        expect(o.op.tags).not.toContain('Sandbox');
        expect(o.op).not.toHaveProperty('x-sx-sandbox-only');
      }

      if (id === 'refundOrder' || id === 'createPayout') expect(o.op['x-sx-idempotency']).toBe('recommended');
      else expect(o.op).not.toHaveProperty('x-sx-idempotency');

      const idempotencyRef = { $ref: '#/components/parameters/IdempotencyKey' };
      if (o.method === 'get') expect(o.rawOp.parameters ?? []).not.toContainEqual(idempotencyRef);
      else expect(o.rawOp.parameters).toContainEqual(idempotencyRef);

      expect(Object.keys(o.op.responses).sort()).toEqual(expectedStatuses(o).sort());
      for (const [status, response] of Object.entries<Json>(o.rawOp.responses)) {
        if (!status.startsWith('2')) {
          expect(response.$ref, `${id} ${status} should use a shared response`).toMatch(/^#\/components\/responses\//);
          continue;
        }
        const headers = Object.keys(response.headers ?? {});
        expect(headers).toEqual(expect.arrayContaining(['X-Request-Id', 'RateLimit', 'RateLimit-Policy']));
        if (o.method !== 'get') expect(headers).toContain('Idempotent-Replayed');
      }
    });

    it('has unique operationIds', () => {
      const ids = ops.map((o) => o.op.operationId);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe('components', () => {
    it('error responses are problem+json with the right slug', () => {
      const slugs: Record<string, [number, string]> = {
        BadRequest: [400, 'invalid_request'],
        Unauthenticated: [401, 'unauthenticated'],
        Forbidden: [403, 'forbidden_scope'],
        NotFound: [404, 'not_found'],
        MethodNotAllowed: [405, 'method_not_allowed'],
        Conflict: [409, 'conflict'],
        PayloadTooLarge: [413, 'payload_too_large'],
        UnsupportedMediaType: [415, 'unsupported_media_type'],
        Unprocessable: [422, 'unprocessable'],
        RateLimited: [429, 'rate_limited'],
        ServerError: [500, 'server_error'],
        NotImplemented: [501, 'not_implemented'],
        ServiceUnavailable: [503, 'service_unavailable'],
      };
      expect(Object.keys(raw.components.responses).sort()).toEqual(Object.keys(slugs).sort());
      for (const [name, [status, type]] of Object.entries(slugs)) {
        const media = raw.components.responses[name].content['application/problem+json'];
        // a Problem; 422 and 500 also require what the reference promises them (errors, trace_id)
        const { required, ...schema } = media.schema;
        expect(schema).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(required ?? ['type'], name).toContain('type');
        const values = Object.values<Json>(media.examples).map((e) => e.value);
        expect(values.length, name).toBeGreaterThan(0);
        for (const v of values) expect([v.status, v.type], name).toEqual([status, type]);
      }
      expect(raw.components.responses.Unauthenticated.headers).toHaveProperty('WWW-Authenticate');
      expect(raw.components.responses.MethodNotAllowed.headers).toHaveProperty('Allow');
      expect(raw.components.responses.RateLimited.headers).toHaveProperty('Retry-After');
    });

    it('are all referenced, except the route-level 405 response', () => {
      // The lint rule no-unused-components is off only for those two (see redocly.yaml).
      const used = refs(raw);
      const unused: string[] = [];
      for (const [section, entries] of Object.entries<Json>(raw.components)) {
        if (section === 'securitySchemes') continue;
        for (const name of Object.keys(entries)) {
          const pointer = `#/components/${section}/${name}`;
          if (!used.has(pointer)) unused.push(pointer);
        }
      }
      // NotImplemented is route-level too, and named by the operations a public sandbox does not offer
      expect(unused.sort()).toEqual(['#/components/responses/MethodNotAllowed']);
    });

    it('every $ref resolves', () => {
      for (const ref of refs(raw)) {
        const target = ref
          .slice(2)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
          .reduce<any>((node, key) => node?.[key], raw);
        expect(target, ref).toBeDefined();
      }
    });
  });
});
