import { Problem } from '../engine/problem.js';
import type { Product } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';
import type { HandlerSet } from '../services.js';
import { paginate } from './list.js';
import { assertBudget, assertRoom } from './caps.js';
import { slugify, uniqueSlug } from './slug.js';

export function findProduct(tenant: Tenant, id: string): Product {
  const product = tenant.products.get(id);
  if (!product) throw Problem.notFound('product', id);
  return product;
}

/** License-key products count their pool; nobody sets that stock by hand. */
function assertStockSettable(type: Product['type'], stock: unknown): void {
  if (type === 'license_key' && stock !== undefined && stock !== null) {
    throw Problem.rule(
      'body.stock',
      'cannot be set for license_key products: their stock is the size of the key pool',
      'The stock of a license_key product is its key pool. Import keys with POST /v1/products/{id}/keys instead.',
    );
  }
}

/**
 * Where the shop's last search for a free `base-N` slug ended, per base.
 * Slugs are never released, so everything below it is taken: a shop that
 * creates thousands of products with one name (a test suite, a load test)
 * does not probe base-2 … base-N again for each one, which was quadratic
 * (profiled in bench/README.md).
 */
function slugSuffixes(): Map<string, number> {
  return new Map();
}

/** The first of `base`, `base-2`, `base-3`… that the shop has not used (uniqueSlug's rule, resumable). */
function freeSlug(tenant: Tenant, name: string): string {
  const base = slugify(name);
  const taken = (slug: string) => tenant.productIdsBySlug.has(slug);
  const suffixes = tenant.derived.get(slugSuffixes);
  const from = suffixes.get(base);
  if (from === undefined) {
    const slug = uniqueSlug(base, taken);
    if (slug !== base) suffixes.set(base, Number(slug.slice(base.length + 1)) + 1);
    return slug;
  }
  // one string per candidate: the one found free is the one stored, its hash already computed
  let n = from;
  let slug = `${base}-${n}`;
  while (taken(slug)) slug = `${base}-${++n}`;
  suffixes.set(base, n + 1);
  return slug;
}

export const productHandlers = {
  listProducts: ({ tenant, query, services }) =>
    paginate(tenant.products, services.cursors, query, {
      filters: { status: query.status, type: query.type },
      where: (p) => (!query.status || p.status === query.status) && (!query.type || p.type === query.type),
    }),

  createProduct: ({ tenant, body, services }) => {
    assertStockSettable(body.type, body.stock);
    assertRoom(tenant.products.ownSize, services.caps.resourcesPerTenant, 'products');
    const now = tenant.now();
    const slug = freeSlug(tenant, body.name);
    const product = tenant.products.insert({
      id: tenant.ids.next('prod'),
      name: body.name,
      slug,
      type: body.type,
      price_cents: body.price_cents,
      currency: body.currency,
      stock: body.type === 'license_key' ? 0 : (body.stock ?? null),
      status: 'active',
      description: body.description ?? null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    });
    tenant.productIdsBySlug.set(slug, product.id);
    tenant.emit('product.created', product);
    return product;
  },

  getProduct: ({ tenant, params }) => findProduct(tenant, params.id),

  updateProduct: ({ tenant, params, body }) => {
    const current = findProduct(tenant, params.id);
    assertStockSettable(current.type, body.stock);
    const now = tenant.now();
    const patch: Partial<Product> = { ...body, updated_at: now };
    if (body.status === 'archived' && current.status !== 'archived') patch.archived_at = now;
    if (body.status && body.status !== 'archived') patch.archived_at = null;
    const product = tenant.products.update(current.id, patch);
    tenant.emit('product.updated', product);
    if (patch.archived_at) tenant.emit('product.archived', product);
    return product;
  },

  archiveProduct: ({ tenant, params }) => {
    const product = findProduct(tenant, params.id);
    // archiving twice is harmless: same answer, no second event
    if (product.status === 'archived' && product.archived_at !== null) return { id: product.id, deleted: true, archived_at: product.archived_at };
    const now = tenant.now();
    tenant.emit('product.archived', tenant.products.update(product.id, { status: 'archived', archived_at: now, updated_at: now }));
    return { id: product.id, deleted: true, archived_at: now };
  },

  importProductKeys: ({ tenant, params, body, services }) => {
    const product = findProduct(tenant, params.id);
    if (product.type !== 'license_key') {
      throw Problem.rule(
        'product.type',
        `must be license_key to hold a key pool; this product is ${product.type}`,
        `Only license_key products have a key pool; ${product.id} is a ${product.type} product.`,
      );
    }
    // the spec allows 5000 per call; a public host may take fewer (caps.keysPerImport)
    const perCall = services.caps.keysPerImport;
    if (body.keys.length > perCall) {
      throw Problem.rule(
        'body.keys',
        `must not have more than ${perCall} items on this sandbox`,
        `This sandbox imports at most ${perCall} keys per call; split the import.`,
      );
    }
    // the cap holds with this batch in: a pool never passes it, however the batch is cut
    const incoming = tenant.pools.incoming(product.id, body.keys);
    const cap = services.caps.resourcesPerTenant;
    const pooled = tenant.pools.size(product.id);
    if (incoming.count > 0 && pooled + incoming.count > cap) {
      throw Problem.rule(
        'license keys in one pool',
        `this sandbox allows at most ${cap} license keys in one pool per shop`,
        `This pool holds ${pooled} keys and the call adds ${incoming.count} new ones; the sandbox caps a pool at ${cap}. Import at most ${Math.max(0, cap - pooled)} more, or reset the shop (POST /v1/test_helpers/reset).`,
      );
    }
    assertBudget(tenant, incoming.bytes);
    const { imported, duplicates, size } = tenant.pools.add(product.id, body.keys);
    if (imported > 0) {
      const updated = tenant.products.update(product.id, { stock: size, updated_at: tenant.now() });
      tenant.emit('product.updated', updated);
    }
    return { imported, duplicates, stock_after: size };
  },
} satisfies HandlerSet;
