import type { Sandbox } from '../../src/index.js';
import { productHandlers } from '../../src/resources/products.js';
import type { Schema } from '../../src/spec/operationTypes.js';
import { ABILITIES } from '../../src/state/records.js';
import type { Tenant } from '../../src/state/tenant.js';

const KINDS = ['account', 'file_download', 'physical', 'subscription', 'dynamic'] as const;

/** The body the throughput bench posts, and the shape every filled product has. */
export function productBody(i: number): Schema<'ProductCreate'> {
  return {
    name: `Bench product ${i}`,
    type: KINDS[i % KINDS.length],
    price_cents: 500 + (i % 100) * 25,
    currency: 'USD',
    description: 'A product created by the benchmark.',
  };
}

/** What dispatch hands a product handler after the pipeline, so the records are exactly what the API makes. */
function context(sandbox: Sandbox, tenant: Tenant, operationId: 'createProduct' | 'listProducts') {
  return {
    tenant,
    key: tenant.apiKeys.all()[0],
    params: {},
    requestId: 'req_bench',
    ip: '127.0.0.1',
    services: sandbox.services,
    operation: sandbox.routes.operations.find((op) => op.operationId === operationId)!,
  };
}

/** Adds `count` products through the createProduct handler (ids, slugs, events and all). */
export function addProducts(sandbox: Sandbox, tenant: Tenant, count: number): void {
  const start = tenant.products.size;
  for (let i = 0; i < count; i++) productHandlers.createProduct({ ...context(sandbox, tenant, 'createProduct'), query: {}, body: productBody(start + i) });
}

/** The cursor that starts a page halfway down the list, found by paging like a client would. */
export function cursorAt(sandbox: Sandbox, tenant: Tenant, position: number): string | null {
  let cursor: string | undefined;
  for (let seen = 0; seen < position; ) {
    const limit = Math.min(100, position - seen);
    const page = productHandlers.listProducts({
      ...context(sandbox, tenant, 'listProducts'),
      query: { limit, ...(cursor ? { cursor } : {}) },
      body: undefined,
    });
    seen += page.data.length;
    if (!page.next_cursor) return null;
    cursor = page.next_cursor;
  }
  return cursor ?? null;
}

/** A full-access test key for a tenant, as the ephemeral-tenant endpoint hands out. */
export function mintFullKey(sandbox: Sandbox, tenant: Tenant): string {
  return sandbox.store.mint(tenant, { name: 'bench', abilities: ABILITIES, mode: 'test' }).secret;
}
