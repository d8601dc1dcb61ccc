/**
 * The local server's visitor shop (`npm start`, then /docs): the page asks
 * for a shop of its own (POST /v1/test_helpers/tenants, the one operation
 * without a key) and keeps it for the tab in sessionStorage. The server
 * holds the shop; it expires after its idle TTL, and the page then says so.
 */
import type { Answerer } from './answerer.js';
import * as storage from './storage.js';

interface Visitor {
  tenant_id: string;
  secret: string;
  expires_at: string;
  idle_ttl_seconds: number;
}

export async function startServerShop(origin: string): Promise<{ answerer: Answerer; visitor: Visitor }> {
  const store = storage.session();
  let visitor: Visitor | null = null;
  try {
    visitor = JSON.parse(storage.read(store, storage.keys.visitor) ?? 'null');
  } catch {
    visitor = null;
  }
  if (!visitor || !(await stillThere(origin, visitor))) visitor = await createShop(origin);
  storage.write(store, storage.keys.visitor, JSON.stringify(visitor));
  const shop = visitor;
  return {
    visitor,
    answerer: {
      kind: 'server',
      key: shop.secret,
      tenant: shop.tenant_id,
      base: origin,
      store,
      send: (request) => fetch(request),
      // the server keeps the shop's clock; the page learns it from the test helpers' answers
      clock: () => null,
      discard() {
        storage.remove(store, storage.keys.visitor);
      },
      close() {},
    },
  };
}

async function stillThere(origin: string, visitor: Visitor): Promise<boolean> {
  try {
    const res = await fetch(new URL('/v1/products?limit=1', origin), { headers: { Authorization: `Bearer ${visitor.secret}` } });
    return res.ok;
  } catch {
    return false;
  }
}

async function createShop(origin: string): Promise<Visitor> {
  const res = await fetch(new URL('/v1/test_helpers/tenants', origin), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const body = await res.json();
  if (res.status !== 201) {
    const retry = res.headers.get('retry-after');
    throw new Error(`the local server gave no shop: ${body?.detail ?? `HTTP ${res.status}`}${retry ? ` (retry in ${retry} s)` : ''}`);
  }
  return body as Visitor;
}
