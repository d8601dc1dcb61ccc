import { beforeAll, describe, expect } from 'vitest';
import type { Client, Reply } from './harness/client.js';
import { badRequests, exampleBody, harmlessPath, unprocessableRequests, type Variant } from './harness/invalid.js';
import { expectErrorsName } from './harness/members.js';
import { session } from './harness/session.js';
import { check, decided } from './harness/skip.js';
import { fillPath, operation, operations, pathParams, unknownId, type SpecOperation } from './harness/spec.js';
import { hasRoute, target } from './harness/target.js';

/**
 * Every error the spec documents for an operation, provoked on that
 * operation from the spec alone: 400, 404, 409, 413, 415 and 422 here (401
 * in auth, 403 in abilities, 429 in rate limits). Every request is built so
 * that it changes nothing, even on a target that wrongly lets it through.
 */
const s = session('errors');

const onTarget = operations.filter((op) => !op.sandboxOnly || hasRoute(op.operationId));
const documenting = (status: number) => onTarget.filter((op) => op.statuses.includes(status));

function send(api: Client, op: SpecOperation, v: Variant, extra: Record<string, string> = {}): Promise<Reply> {
  return api.call(op.method, v.path, v.body, { raw: v.raw, headers: { ...v.headers, ...extra } });
}

/**
 * Refusals count against the key's writes like every authenticated request, and one block of them
 * per operation adds up to more than one key's quota per minute (the exact window would make the
 * file wait a minute): each block gets a key of its own, or the main key where none can be minted.
 */
function ownKey(name: string): () => Client {
  let api: Client | undefined;
  beforeAll(async () => {
    api = await s.mint(name).then(
      (key) => s.admin.as(key.secret),
      () => s.api,
    );
  });
  return () => api ?? s.api;
}

/**
 * The status and the type slug are the reference's. For 422 it promises "an errors map per field":
 * some key names the field (`price_cents` in `body.price_cents`). The exact key format
 * (`body.<field>`, `query.<name>`) and the errors map on a 400 are this sandbox's decisions.
 */
function expectProblem(reply: Reply, status: number, type: string, label: string, field?: string) {
  expect(reply.status, `${label}: ${reply.text.slice(0, 300)}`).toBe(status);
  expect(reply.body.type).toBe(type);
  if (reply.body.status !== undefined) expect(reply.body.status, `${label}: the problem's status is the HTTP status`).toBe(status);
  if (!field) return;
  if (status === 422) return expectErrorsName(reply.body, field, label);
  decided(undefined, 'a 400 carries an errors map keyed by field path', () => {
    expect(
      Object.keys(reply.body.errors ?? {}).map((f) => f.toLowerCase()),
      `${label}: the errors map names ${field}`,
    ).toContain(field.toLowerCase());
  });
}

describe('400 invalid_request', () => {
  const api = ownKey('bad-requests');
  if (target.env.viaPrism) {
    process.stdout.write("[contract] not sending unparsable JSON: Prism's proxy answers it itself and never forwards it to the target\n");
  }
  for (const op of documenting(400)) {
    const reference = badRequests(op).filter((v) => !v.decision);
    const decisions = badRequests(op).filter((v) => v.decision);
    if (reference.length) {
      check(`${op.operationId}: ${reference.map((v) => v.name).join(', ')}`, async () => {
        for (const v of reference) expectProblem(await send(api(), op, v), 400, 'invalid_request', `${op.operationId} with ${v.name}`, v.field);
      });
    }
    check(
      `${op.operationId}: ${decisions.map((v) => v.name).join(', ')} (refused, not ignored)`,
      async () => {
        for (const v of decisions) expectProblem(await send(api(), op, v), 400, 'invalid_request', `${op.operationId} with ${v.name}`, v.field);
      },
      { kind: 'decision', why: decisions[0].decision, scope: { operationIds: [op.operationId], statuses: [400] } },
    );
  }
});

describe('422 unprocessable', () => {
  const api = ownKey('unprocessable');
  for (const op of documenting(422)) {
    const variants = unprocessableRequests(op);
    if (variants.length === 0) continue; // no input whose value can be wrong: the coverage test says so
    check(`${op.operationId}: ${variants.map((v) => v.name).join(', ')}`, async () => {
      for (const v of variants) expectProblem(await send(api(), op, v), 422, 'unprocessable', `${op.operationId} with ${v.name}`, v.field);
    });
  }
});

describe('404 not_found', () => {
  for (const op of documenting(404).filter((o) => pathParams(o).length > 0)) {
    check(`${op.operationId}: an id no shop has`, async () => {
      const param = pathParams(op)[0];
      const id = unknownId(param, target.runId);
      const reply = await s.api.call(op.method, fillPath(op, { [param.name]: id }), exampleBody(op));
      expectProblem(reply, 404, 'not_found', `${op.operationId} on ${id}`);
    });
    check(
      `${op.operationId}: an id that cannot exist is 404 too`,
      async () => {
        const param = pathParams(op)[0];
        const reply = await s.api.call(op.method, fillPath(op, { [param.name]: 'contract-suite-foo' }), exampleBody(op));
        expectProblem(reply, 404, 'not_found', `${op.operationId} on contract-suite-foo`);
      },
      { kind: 'decision', why: 'a malformed id is 404 like an unknown one, not 400/422' },
    );
  }

  check('an unknown path is a 404 problem, never HTML', async () => {
    const reply = await s.api.get('/v1/contract-suite-nowhere');
    expectProblem(reply, 404, 'not_found', 'unknown path');
  });
});

describe('405 method_not_allowed', () => {
  check(
    'a known path with a method it lacks names the allowed ones in Allow',
    async () => {
      const reply = await s.api.call('PUT', '/v1/products', {});
      expectProblem(reply, 405, 'method_not_allowed', 'PUT /v1/products');
      const allowed = reply.headers.allow?.split(',').map((m) => m.trim());
      expect(allowed).toEqual(expect.arrayContaining(['GET', 'POST']));
    },
    { kind: 'decision', why: '405 with Allow, not 404, for a known path with another method' },
  );
});

describe('409 conflict: an Idempotency-Key reused for another request', () => {
  const idempotencyKey = s.idempotencyKey('anchor');
  beforeAll(async () => {
    // the key is first spent on a real request that the operation itself answered
    const anchor = await s.api.post('/v1/products', { name: s.unique('anchor'), type: 'account', price_cents: 100, currency: 'USD' }, { idempotencyKey });
    expect(anchor.status).toBe(201);
    s.defer('archive anchor product', () => s.api.delete(`/v1/products/${anchor.body.id}`));
  });

  for (const op of documenting(409)) {
    check(`${op.operationId}: the spent key on a valid request is refused before anything happens`, async () => {
      const reply = await s.api.call(op.method, harmlessPath(op), exampleBody(op), { idempotencyKey });
      expectProblem(reply, 409, 'conflict', op.operationId);
    });
  }
});

describe('413 payload_too_large and 415 unsupported_media_type', () => {
  const oversized = JSON.stringify({ contract_suite: 'x'.repeat(target.env.bodyLimitBytes + 1024) });
  const bodies = ownKey('bodies');
  for (const op of documenting(413)) {
    check(
      `${op.operationId}: a body over ${target.env.bodyLimitBytes} bytes`,
      async () => {
        const reply = await bodies().call(op.method, harmlessPath(op), undefined, { raw: { type: 'application/json', data: oversized } });
        expectProblem(reply, 413, 'payload_too_large', op.operationId);
      },
      { kind: 'decision', why: "413 payload_too_large is not in the reference's table", scope: { operationIds: [op.operationId], statuses: [413] } },
    );
  }
  for (const op of documenting(415)) {
    check(
      `${op.operationId}: a form-encoded body`,
      async () => {
        const reply = await bodies().call(op.method, harmlessPath(op), undefined, {
          raw: { type: 'application/x-www-form-urlencoded', data: 'name=contract' },
        });
        expectProblem(reply, 415, 'unsupported_media_type', op.operationId);
      },
      { kind: 'decision', why: "415 unsupported_media_type is not in the reference's table", scope: { operationIds: [op.operationId], statuses: [415] } },
    );
  }
});

describe('every problem', () => {
  check('is application/problem+json whose status is the HTTP status', async () => {
    const op = operation('getProduct');
    const reply = await s.api.get(fillPath(op, { id: unknownId(pathParams(op)[0], target.runId) }));
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectProblem(reply, 404, 'not_found', 'getProduct on an unknown id');
  });

  check(
    'carries the request id, echoed from X-Request-Id, and the request path as instance',
    async () => {
      const requestId = `contract-${target.runId}-rid`;
      const op = operation('getProduct');
      const path = fillPath(op, { id: unknownId(pathParams(op)[0], target.runId) });
      const reply = await s.api.get(path, { headers: { 'x-request-id': requestId } });
      expect(reply.status).toBe(404);
      expect(reply.headers['x-request-id']).toBe(requestId);
      expect(reply.body.request_id).toBe(requestId);
      expect(reply.body.instance).toBe(path);
      expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    },
    { kind: 'decision', why: 'X-Request-Id, request_id and instance are not in the reference' },
  );
});
