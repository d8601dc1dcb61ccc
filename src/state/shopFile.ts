/**
 * A shop as one file: everything it holds beyond its frozen fixtures, with a
 * format version and a checksum. The same text is a shop kept on disk
 * (`--data`), an export a bug report carries, and an import's input.
 *
 *   { "format": "sx-sandbox-shop", "version": 1, "checksum": "sha256:…",
 *     "shop": { tenant_id, seed, fixtures, journal_seq, written_at, … } }
 *
 * The checksum is the SHA-256 of `shop` as written (JSON.stringify), so a
 * damaged or hand-edited file is refused, never half-loaded. A file is made
 * over fixtures of one seed: loading it over others (another --seed, another
 * version of the fixtures) is refused too, since its changes name fixture
 * records by id and position.
 */
import type { Sha256Hex } from '../platform/types.js';
import { webSha256Hex } from '../platform/web.js';
import { COLLECTION_NAMES, OVERLAY_NAMES, type CollectionName, type OverlayName } from './changes.js';
import type { LayerData } from './collection.js';
import { isJobKind } from './jobs.js';
import type { IdempotencyEntry } from './replies.js';
import type { Tenant, ShopPosition } from './tenant.js';

export const SHOP_FORMAT = 'sx-sandbox-shop';
export const SHOP_FORMAT_VERSION = 1;

export interface ShopData {
  tenant_id: string;
  /** the sandbox seed the fixtures were built from */
  seed: number;
  /** each collection's fixture count: a file over other fixtures is refused */
  fixtures: Record<CollectionName, number>;
  /** the last journal entry this file includes (see shops/journal.ts) */
  journal_seq: number;
  written_at: string;
  collections: Record<CollectionName, LayerData<{ id: string }>>;
  overlays: Record<OverlayName, [string, string][]>;
  pools: [string, string[]][];
  /** secret → key id: the secrets that open this shop */
  secrets: [string, string][];
  last_used: [string, number][];
  idempotency: [string, IdempotencyEntry][];
  position: ShopPosition;
}

/** A shop file that cannot be used: the message names the file and says what to do. */
export class ShopFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
    advice = `Move ${file} aside (or restore it from a backup) and start again; the sandbox will not replace it with fixtures.`,
  ) {
    super(`${file}: ${problem}. ${advice}`);
  }
}

/** The shop as data; `secrets` are the store's bindings for it. */
export function shopData(tenant: Tenant, options: { seed: number; secrets: [string, string][]; journalSeq: number }): ShopData {
  const collections = {} as ShopData['collections'];
  const fixtures = {} as ShopData['fixtures'];
  for (const name of COLLECTION_NAMES) {
    collections[name] = tenant[name].layer();
    fixtures[name] = tenant[name].size - collections[name].added.length;
  }
  const overlays = {} as ShopData['overlays'];
  for (const name of OVERLAY_NAMES) overlays[name] = tenant[name].entries();
  return {
    tenant_id: tenant.id,
    seed: options.seed,
    fixtures,
    journal_seq: options.journalSeq,
    written_at: new Date(tenant.clock.now()).toISOString(),
    collections,
    overlays,
    pools: tenant.pools.entries(),
    secrets: options.secrets,
    last_used: [...tenant.lastUsed],
    idempotency: tenant.idempotency.answered(),
    position: tenant.position(),
  };
}

/** `sha256` is the platform's (node:crypto is ~3× faster on a large shop than the pure-JS default); the bytes are the same. */
export function writeShopFile(data: ShopData, sha256: Sha256Hex = webSha256Hex): string {
  const shop = JSON.stringify(data);
  return `{"format":"${SHOP_FORMAT}","version":${SHOP_FORMAT_VERSION},"checksum":"sha256:${sha256(shop)}","shop":${shop}}\n`;
}

/** Reads a shop file's text; refuses (ShopFileError naming `file`) anything damaged, truncated, foreign or of another version. */
export function readShopFile(text: string, file: string, sha256: Sha256Hex = webSha256Hex): ShopData {
  let parsed: { format?: unknown; version?: unknown; checksum?: unknown; shop?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ShopFileError(file, `is not a complete JSON document (damaged or truncated: ${(err as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || parsed.format !== SHOP_FORMAT)
    throw new ShopFileError(file, `is not an sx-sandbox shop file (no "format": "${SHOP_FORMAT}")`);
  if (parsed.version !== SHOP_FORMAT_VERSION) {
    throw new ShopFileError(
      file,
      `is shop format version ${String(parsed.version)}; this sx-sandbox reads version ${SHOP_FORMAT_VERSION}`,
      'Use the sx-sandbox version that wrote it, or start with another --data directory.',
    );
  }
  const shop = parsed.shop as ShopData | undefined;
  if (!shop || typeof shop !== 'object') throw new ShopFileError(file, 'holds no shop');
  if (parsed.checksum !== `sha256:${sha256(JSON.stringify(shop))}`) throw new ShopFileError(file, 'fails its checksum (the file was damaged or edited)');
  for (const job of shop.position?.jobs?.jobs ?? [])
    if (!isJobKind(job.kind)) throw new ShopFileError(file, `plans a job of kind '${job.kind}', which this sx-sandbox does not know`);
  return shop;
}

/** Checks that a file was made over these fixtures: same seed, same fixture counts. */
export function checkFixtures(shop: ShopData, tenant: Tenant, seed: number, file: string): void {
  if (shop.seed !== seed)
    throw new ShopFileError(
      file,
      `was written over the fixtures of seed ${shop.seed}, not ${seed}`,
      `Start with --seed ${shop.seed} (createSandbox({ seed: ${shop.seed} })), or use another --data directory.`,
    );
  for (const name of COLLECTION_NAMES) {
    if (tenant[name].size !== shop.fixtures[name])
      throw new ShopFileError(
        file,
        `was written over ${shop.fixtures[name]} fixture ${name}, these fixtures have ${tenant[name].size}`,
        'Use the sx-sandbox version that wrote it, or another --data directory.',
      );
  }
}

/**
 * Loads a shop's state into a tenant fresh from its fixtures (records,
 * indexes, pools, remembered replies, streams). With `keys`, its API key
 * records and their last use too; secrets are bound by the caller, which
 * holds the index from secret to shop.
 */
export function loadShopState(tenant: Tenant, shop: ShopData, keys: boolean): void {
  for (const name of COLLECTION_NAMES) {
    if (name === 'apiKeys' && !keys) continue;
    (tenant[name] as unknown as { load(data: LayerData<{ id: string }>): void }).load(shop.collections[name]);
  }
  for (const name of OVERLAY_NAMES) for (const [k, v] of shop.overlays[name]) tenant[name].set(k, v);
  tenant.pools.load(shop.pools);
  for (const [key, entry] of shop.idempotency) tenant.idempotency.set(key, entry);
  if (keys) for (const [keyId, at] of shop.last_used) tenant.lastUsed.set(keyId, at);
  tenant.seek(shop.position);
}
