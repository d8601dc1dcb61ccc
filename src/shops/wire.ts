import type { Sha256Hex } from '../platform/types.js';
import type { TenantSeed } from '../state/seed.js';
import { hashSeed, seededRandom } from '../state/random.js';
import type { TenantStore } from '../state/store.js';
import type { Tenant } from '../state/tenant.js';
import { ShopOps, type MadeShop } from './shopOps.js';

/** What createSandbox offers of a shop's state (the demo shop unless a shop is given). */
export interface ShopApi {
  /** takes (or replaces) a named snapshot of a shop */
  snapshot(name: string, tenant?: Tenant): { name: string; taken_at: string };
  /** puts a shop back as its snapshot `name` was; its API keys stay */
  restore(name: string, tenant?: Tenant): { name: string; taken_at: string };
  /** a new shop, copy-on-write over a shop as it is now (or its snapshot), with its own full-access key */
  fork(from?: { tenant?: Tenant; snapshot?: string }): MadeShop;
  /** a shop as one file's text */
  exportShop(tenant?: Tenant): string;
  /** a new shop from an exported file's text, with its own full-access key; `source` names it in a refusal */
  importShop(text: string, source?: string): MadeShop;
}

/** Where shops are kept beyond the process (Node's `--data` directory, shops/dataDir.ts): opened once, closed at the end. */
export interface ShopStorage {
  open(): void;
  close(): void;
}

export interface KeptShops {
  ops: ShopOps;
  api: ShopApi;
  /** journals synced and closed */
  close(): void;
}

/**
 * The state that lasts, wired into a sandbox: snapshots and forks always,
 * a storage when one is given (opened here, before any request).
 */
export function keepShops(options: {
  store: TenantStore;
  seed: TenantSeed;
  seedNumber: number;
  demo: Tenant;
  storage: ShopStorage | null;
  public: boolean;
  sha256Hex?: Sha256Hex;
}): KeptShops {
  const { store, seed, seedNumber, demo } = options;
  const ops = new ShopOps(store, seed, seedNumber, seededRandom(hashSeed(`${seedNumber}:made-shops`)), !options.public, options.sha256Hex);
  const data = options.storage;
  data?.open();
  return {
    ops,
    api: {
      snapshot: (name, tenant = demo) => ops.snapshot(tenant, name),
      restore: (name, tenant = demo) => ops.restore(tenant, name),
      fork: ({ tenant = demo, snapshot } = {}) => ops.fork(tenant, snapshot),
      exportShop: (tenant = demo) => ops.exportShop(tenant),
      importShop: (text, source = 'the imported shop file') => ops.importShop(text, source),
    },
    close: () => data?.close(),
  };
}
