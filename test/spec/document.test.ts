// The contract document itself: valid OpenAPI 3.1, every example valid against its schema, and every
// operation following the conventions the server and the contract suite rely on. Nothing here lists the
// operations: they are read through the server's operation index (src/spec/operations.ts), the reference
// operations come from the reference's own text (reference/examples.json), and the problem slugs from the
// renderer's table, so adding an operation is the spec and its handler, nothing else.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES } from '../../src/engine/problem.js';
import { dereference, type Spec } from '../../src/spec/load.js';
import { readOperations } from '../../src/spec/operations.js';
import type { ReferenceOperation } from './reference/parse.js';

type Json = Record<string, any>;

const specPath = fileURLToPath(new URL('../../openapi/sx.v1.yaml', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The document as written, with its `$ref`s. */
const raw: Json = parse(readFileSync(specPath, 'utf8'));
/** The document with every `$ref` resolved, as the server resolves it. */
const deref = dereference(raw);
/** The reference's operations, read from its text capture. */
const reference = (JSON.parse(readFileSync(new URL('./reference/examples.json', import.meta.url), 'utf8')) as { operations: ReferenceOperation[] }).operations;

// ajv-formats is CommonJS; under ESM its plugin is either the default export or its `.default`.
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

interface Operation {
  /** lower case, as the document keys it */
  method: string;
  path: string;
  op: Json;
  rawOp: Json;
  /** as the index reads it: needs a key */
  authenticated?: boolean;
}

/** The API's operations, through the server's index; `rawOp` is the same operation as written. */
function indexed(doc: Json): Operation[] {
  return readOperations(dereference(doc) as Spec, { warm: false }).map((o) => {
    const method = o.method.toLowerCase();
    return { method, path: o.path, op: o.definition as Json, rawOp: doc.paths[o.path][method], authenticated: o.authenticated };
  });
}

/** The document's `webhooks` (the events it sends); they are no operations of the API, so not in the index. */
function webhookOperations(doc: Json, rawDoc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(doc.webhooks ?? {})) {
    for (const method of METHODS) {
      if (item[method]) out.push({ method, path, op: item[method], rawOp: rawDoc.webhooks[path][method] });
    }
  }
  return out;
}

const ops = indexed(raw);
const webhookOps = webhookOperations(deref, raw);

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

// ---- the conventions every operation follows ---------------------------------------------------------

/** `products` from `/v1/products/{id}` and from `/v1/test_helpers/orders` (a helper acts on the resource it names). */
const resourceOf = (path: string): string => path.split('/').filter((s) => s && s !== 'v1' && s !== 'test_helpers')[0] ?? '';

/** The statuses an operation must document, and those it may, from what it is (see the spec's conventions). */
function statusRules(o: Operation): { required: string[]; optional: string[] } {
  const success = Object.keys(o.op.responses ?? {}).filter((s) => s.startsWith('2'));
  const authenticated = o.authenticated === true;
  const required = [...success, '400', '422', '429', '500'];
  if (authenticated) required.push('401');
  else required.push('503'); // the one operation without a key makes visitor shops: 503 when all are in use
  if (o.op['x-sx-ability']) required.push('403');
  if (o.path.includes('{')) required.push('404');
  // a conflict is an Idempotency-Key reused within a shop: only writes that have one
  if (o.method !== 'get' && authenticated) required.push('409');
  if (o.op.requestBody) required.push('413', '415');
  // 501: a sandbox-only operation a public sandbox does not offer
  return { required, optional: o.op['x-sx-sandbox-only'] === true ? ['501'] : [] };
}

/**
 * What is wrong with each operation of a document, as `operationId: what`; empty when every one follows
 * the conventions. A function of the document, so a test can hand it a broken one.
 */
function operationFaults(doc: Json): string[] {
  const out: string[] = [];
  const list = indexed(doc);
  const fault = (o: Operation, what: string) => out.push(`${o.op.operationId}: ${what}`);
  const tags = new Set<string>((doc.tags ?? []).map((t: Json) => t.name));
  const abilities = new Set<string>([...doc.components.schemas.Ability.enum, '*']);
  const referenced = new Set(reference.map((r) => `${r.method} ${r.path}`));

  for (const o of list) {
    const sandboxOnly = o.op['x-sx-sandbox-only'] === true;
    const ability: string | undefined = o.op['x-sx-ability'];
    const where = `${o.method.toUpperCase()} ${o.path}`;
    if (typeof o.op.summary !== 'string' || typeof o.op.description !== 'string') fault(o, 'needs a summary and a description');
    if (!o.op.tags?.length) fault(o, 'has no tag');
    for (const tag of o.op.tags ?? []) if (!tags.has(tag)) fault(o, `tag '${tag}' is not one of the document's tags`);

    // the reference's operations, and the sandbox's own (marked and tagged), nothing else
    if (sandboxOnly === referenced.has(where))
      fault(o, sandboxOnly ? 'is in the reference, so it is not sandbox-only' : 'is not in the reference, so it must be x-sx-sandbox-only');
    if (sandboxOnly !== (o.op.tags ?? []).includes('Sandbox')) fault(o, 'is tagged Sandbox exactly when it is x-sx-sandbox-only');
    if ('x-sx-sandbox-only' in o.op && !sandboxOnly) fault(o, 'x-sx-sandbox-only is true or absent');

    // every operation needs a key and names its ability, but the one that makes a visitor shop
    if (ability === undefined) {
      if (!Array.isArray(o.op.security) || o.op.security.length) fault(o, 'without x-sx-ability it must say security: [] (no key)');
    } else {
      if ('security' in o.op) fault(o, 'uses the document-wide security');
      if (!abilities.has(ability)) fault(o, `x-sx-ability '${ability}' is not an Ability (or *)`);
      const expected = `${resourceOf(o.path)}:${o.method === 'get' ? 'read' : 'write'}`;
      if (ability !== '*' && ability !== expected) fault(o, `x-sx-ability '${ability}': an operation on ${resourceOf(o.path)} needs ${expected} (or *)`);
    }

    const idempotency = o.op['x-sx-idempotency'];
    if (idempotency !== undefined && (idempotency !== 'recommended' || o.method === 'get')) fault(o, 'x-sx-idempotency is only ever recommended, on a write');
    const idempotencyRef = { $ref: '#/components/parameters/IdempotencyKey' };
    const takesKey = (o.rawOp.parameters ?? []).some((p: Json) => p.$ref === idempotencyRef.$ref);
    if (takesKey !== (o.method !== 'get')) fault(o, o.method === 'get' ? 'a read takes no Idempotency-Key' : 'a write takes an Idempotency-Key');

    const { required, optional } = statusRules(o);
    const documented = Object.keys(o.op.responses ?? {});
    const missing = required.filter((s) => !documented.includes(s));
    const extra = documented.filter((s) => !required.includes(s) && !optional.includes(s));
    if (missing.length) fault(o, `must document ${missing.join(', ')}`);
    if (extra.length) fault(o, `must not document ${extra.join(', ')}`);
    if (documented.filter((s) => s.startsWith('2')).length !== 1) fault(o, 'documents exactly one success status');
    for (const [status, response] of Object.entries<Json>(o.rawOp.responses ?? {})) {
      if (!status.startsWith('2')) {
        if (!/^#\/components\/responses\//.test(response.$ref ?? '')) fault(o, `${status} should use a shared response`);
        continue;
      }
      const headers = Object.keys(response.headers ?? {});
      for (const h of ['X-Request-Id', 'RateLimit', 'RateLimit-Policy', ...(o.method !== 'get' ? ['Idempotent-Replayed'] : [])]) {
        if (!headers.includes(h)) fault(o, `${status} documents no ${h} header`);
      }
    }
  }
  const ids = list.map((o) => o.op.operationId);
  for (const id of new Set(ids)) if (ids.filter((i) => i === id).length > 1) out.push(`${id}: operationId used twice`);
  const present = new Set(list.map((o) => `${o.method.toUpperCase()} ${o.path}`));
  for (const r of referenced) if (!present.has(r)) out.push(`${r}: in the reference but not in the spec`);
  return out;
}

/** Every `$ref` string in a node. */
function refs(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) refs(n, out);
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
    it("are read by the server's index, one per method and path of the document", () => {
      const written = Object.values<Json>(raw.paths).flatMap((item) => METHODS.filter((m) => item[m]));
      expect(ops.length).toBe(written.length);
      expect(ops.length).toBeGreaterThan(reference.length);
    });

    // the whole document's faults, found once; each operation's test reads its own
    const faults = operationFaults(raw);

    it.each(ops.map((o) => [o.op.operationId, o] as const))('%s follows the conventions', (id) => {
      expect(faults.filter((f) => f.startsWith(`${id}: `))).toEqual([]);
    });

    it("are the reference's operations and the sandbox-only ones, each id once", () => {
      expect(faults).toEqual([]);
    });

    describe('a document that breaks a convention fails', () => {
      /** The document with one change made to a copy of it. */
      const broken = (change: (doc: Json) => void): Json => {
        const doc = structuredClone(raw);
        change(doc);
        return doc;
      };
      const getProduct = (doc: Json) => doc.paths['/v1/products/{id}'].get;

      it.each([
        [
          'an ability of another resource',
          (d: Json) => (getProduct(d)['x-sx-ability'] = 'orders:read'),
          "getProduct: x-sx-ability 'orders:read': an operation on products needs products:read (or *)",
        ],
        [
          'no ability and no security: []',
          (d: Json) => delete getProduct(d)['x-sx-ability'],
          'getProduct: without x-sx-ability it must say security: [] (no key)',
        ],
        ['a documented status missing', (d: Json) => delete getProduct(d).responses['404'], 'getProduct: must document 404'],
        [
          'a 501 on a reference operation',
          (d: Json) => (getProduct(d).responses['501'] = { $ref: '#/components/responses/NotImplemented' }),
          'getProduct: must not document 501',
        ],
        [
          'a reference operation marked sandbox-only',
          (d: Json) => (getProduct(d)['x-sx-sandbox-only'] = true),
          'getProduct: is in the reference, so it is not sandbox-only',
        ],
        ['an unknown tag', (d: Json) => (getProduct(d).tags = ['Goods']), "getProduct: tag 'Goods' is not one of the document's tags"],
        [
          'an idempotency rule on a read',
          (d: Json) => (getProduct(d)['x-sx-idempotency'] = 'recommended'),
          'getProduct: x-sx-idempotency is only ever recommended, on a write',
        ],
        ['a write without Idempotency-Key', (d: Json) => (d.paths['/v1/products'].post.parameters = []), 'createProduct: a write takes an Idempotency-Key'],
        ['an inline error response', (d: Json) => (getProduct(d).responses['404'] = { description: 'gone' }), 'getProduct: 404 should use a shared response'],
        ['an operationId twice', (d: Json) => (d.paths['/v1/orders'].get.operationId = 'getProduct'), 'getProduct: operationId used twice'],
        ['a reference operation gone', (d: Json) => delete d.paths['/v1/customers/{id}'], 'GET /v1/customers/{id}: in the reference but not in the spec'],
        [
          'an operation neither in the reference nor sandbox-only',
          (d: Json) => (d.paths['/v1/coupons'] = { get: { ...structuredClone(d.paths['/v1/customers'].get), operationId: 'listCoupons' } }),
          'listCoupons: is not in the reference, so it must be x-sx-sandbox-only',
        ],
      ])('%s', (_what, change, fault) => {
        expect(operationFaults(broken(change))).toContain(fault);
      });

      it('a new sandbox-only operation that follows the conventions needs no other edit here', () => {
        const doc = broken((d) => {
          const template = structuredClone(d.paths['/v1/test_helpers/reset'].post);
          d.paths['/v1/test_helpers/coupons'] = { post: { ...template, operationId: 'createTestCoupon' } };
        });
        expect(operationFaults(doc)).toEqual([]);
        expect(indexed(doc).map((o) => o.op.operationId)).toContain('createTestCoupon');
      });
    });
  });

  describe('components', () => {
    it('error responses are problem+json with the slug the renderer gives their status', () => {
      const statuses = new Set<number>();
      for (const [name, response] of Object.entries<Json>(raw.components.responses)) {
        const media = response.content['application/problem+json'];
        // a Problem; 422 and 500 also require what the reference promises them (errors, trace_id)
        const { required, ...schema } = media.schema;
        expect(schema, name).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(required ?? ['type'], name).toContain('type');
        const values = Object.values<Json>(media.examples).map((e) => e.value);
        expect(values.length, name).toBeGreaterThan(0);
        const status = values[0].status as keyof typeof PROBLEM_TYPES;
        expect(PROBLEM_TYPES[status], `${name}: ${status} is a status the renderer knows`).toBeDefined();
        for (const v of values) expect([v.status, v.type], name).toEqual([status, PROBLEM_TYPES[status][0]]);
        expect(statuses.has(status), `${name}: one shared response per status`).toBe(false);
        statuses.add(status);
      }
      // every error status an operation documents, and the route-level 405, has its shared response
      const used = new Set(
        ops.flatMap((o) =>
          Object.keys(o.op.responses)
            .filter((s) => !s.startsWith('2'))
            .map(Number),
        ),
      );
      for (const status of [...used, 405]) expect(statuses.has(status), `no shared response for ${status}`).toBe(true);
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
