import { describe, expect, it } from 'vitest';
import { bindHandlers } from '../../src/resources/index.js';
import { loadSpec } from '../../src/spec/load.js';
import { readOperations } from '../../src/spec/operations.js';
import { RouteTable } from '../../src/spec/routeTable.js';

const operations = readOperations(loadSpec().spec);

describe('the spec drives the server', () => {
  it('every operation has exactly one handler and every handler names an operation', () => {
    const bound = bindHandlers(operations);
    expect([...bound.keys()].sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  it('start-up fails loudly when an operation has no handler, or a handler names no operation', () => {
    expect(() => bindHandlers(operations, {}, [{}])).toThrow(/no handler for listProducts/);
    expect(() => bindHandlers(operations, {}, [Object.fromEntries(operations.map((o) => [o.operationId, () => 1])), { bogusOp: () => 1 }])).toThrow(
      /handler bogusOp names no operation/,
    );
    expect(() => bindHandlers(operations, { notAnOp: () => 1 })).toThrow(/override notAnOp/);
  });

  it('each route-table row carries ability, rate class and idempotency rule from the spec', () => {
    const table = new RouteTable(operations);
    const refund = table.match('POST', '/v1/orders/ord_01J2PVP4XJ/refund');
    expect(refund.kind).toBe('found');
    if (refund.kind !== 'found') return;
    expect(refund.params).toEqual({ uuid: 'ord_01J2PVP4XJ' });
    expect(refund.operation).toMatchObject({ ability: 'orders:write', rateClass: 'write', idempotency: 'recommended' });
    const list = table.match('GET', '/v1/products');
    expect(list.kind === 'found' && list.operation).toMatchObject({ ability: 'products:read', rateClass: 'read', idempotency: 'none' });
    expect(table.match('GET', '/v1/test_helpers/orders')).toMatchObject({ kind: 'wrong_method' });
    expect(table.match('GET', '/v2/products')).toEqual({ kind: 'not_found' });
  });

  it("every operation's request validators compile (they compile lazily at run time, so a broken schema must fail here)", () => {
    for (const op of operations) {
      expect(() => op.validate({ params: {}, query: {}, headers: {}, body: undefined }), op.operationId).not.toThrow();
    }
  });
});
