import type { Sha256Hex } from '../platform/types.js';
import { checkFixtures, loadShopState, readShopFile, shopData, writeShopFile } from '../state/shopFile.js';
import type { TenantStore } from '../state/store.js';
import type { Tenant } from '../state/tenant.js';

/**
 * A shop kept by its own reader (a browser's storage): the shop file with
 * its API keys and the secrets that open them, as a --data directory keeps
 * it. Unlike exportShop's file (made to be handed over, so it opens
 * nothing), resuming it gives back the same shop with the same keys.
 */
export function savedShop(store: TenantStore, tenant: Tenant, seed: number, sha256: Sha256Hex): string {
  return writeShopFile(shopData(tenant, { seed, secrets: store.secretsOf(tenant), journalSeq: 0 }), sha256);
}

/**
 * Loads a shop file (savedShop's, or exportShop's without keys) into a shop
 * fresh from its fixtures, before its first request. Refuses, with a
 * ShopFileError naming `source`, a damaged file or one made over other
 * fixtures; a request that had not answered when the file was written frees
 * its idempotency key.
 */
export function resumeShop(store: TenantStore, tenant: Tenant, seed: number, text: string, source: string, sha256: Sha256Hex): void {
  const shop = readShopFile(text, source, sha256);
  checkFixtures(shop, tenant, seed, source);
  loadShopState(tenant, shop, true);
  for (const [secret, keyId] of shop.secrets) if (!store.ownerOf(secret)) store.bindSecret(tenant, keyId, secret);
  for (const [key, entry] of [...tenant.idempotency]) if (!entry.reply) tenant.idempotency.delete(key);
}
