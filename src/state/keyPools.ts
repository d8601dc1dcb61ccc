import { stringBytes, type Meter } from './budget.js';
import { OverlayMap, type MapView } from './overlay.js';

/**
 * License-key pools per product. Pools from fixtures are shared until a
 * tenant first changes one; then that tenant gets its own Set (insertion
 * ordered, so keys are sold first-in first-out). Pooled keys are secrets:
 * nothing here is ever rendered by a read.
 */
export class KeyPools {
  private readonly pools: OverlayMap<string, ReadonlySet<string>>;
  private readonly owned = new Set<string>();
  /** told of every change (the shop's journal): keys added, or how many were taken */
  observer: ((productId: string, change: { add: readonly string[] } | { take: number }) => void) | null = null;

  /** `meter`: pooled keys are accounted there (a copied fixture pool too: the copy is this tenant's) */
  constructor(
    base: MapView<string, ReadonlySet<string>>,
    private readonly meter: Meter | null = null,
  ) {
    this.pools = new OverlayMap(base);
  }

  /** How many of `keys` an add would really pool (new to the pool, first of their repeats), and their bytes. */
  incoming(productId: string, keys: readonly string[]): { count: number; bytes: number } {
    const pool = this.pools.get(productId);
    const seen = new Set<string>();
    let bytes = 0;
    for (const key of keys) {
      if (pool?.has(key) || seen.has(key)) continue;
      seen.add(key);
      bytes += stringBytes(key);
    }
    return { count: seen.size, bytes };
  }

  size(productId: string): number {
    return this.pools.get(productId)?.size ?? 0;
  }

  /** Adds keys, skipping ones already pooled or repeated in the call. */
  add(productId: string, keys: readonly string[]): { imported: number; duplicates: number; size: number } {
    const pool = this.writable(productId);
    let imported = 0;
    for (const key of keys) {
      if (pool.has(key)) continue;
      pool.add(key);
      this.meter?.charge(stringBytes(key));
      imported++;
    }
    this.observer?.(productId, { add: keys });
    return { imported, duplicates: keys.length - imported, size: pool.size };
  }

  /** Takes `count` keys, oldest first, or none at all when the pool is short. */
  take(productId: string, count: number): string[] | null {
    if (this.size(productId) < count) return null;
    const pool = this.writable(productId);
    const taken: string[] = [];
    for (const key of pool) {
      if (taken.length === count) break;
      taken.push(key);
    }
    for (const key of taken) {
      pool.delete(key);
      this.meter?.release(stringBytes(key));
    }
    this.observer?.(productId, { take: count });
    return taken;
  }

  /** The pools this shop changed (in any of its frozen layers too), whole: a shop file's part. */
  entries(): [string, string[]][] {
    return this.pools.entries().map(([id, pool]) => [id, [...pool]]);
  }

  /** Loads pools (from a shop file) into a shop that changed none yet. */
  load(entries: readonly [string, readonly string[]][]): void {
    for (const [id, keys] of entries) {
      const pool = new Set(keys);
      for (const key of pool) this.meter?.charge(stringBytes(key));
      this.pools.set(id, pool);
      this.owned.add(id);
    }
  }

  /** Freezes the pools into a shared base: from now on this shop copies a pool before it changes it, as it does a fixture's. */
  freeze(): MapView<string, ReadonlySet<string>> {
    this.owned.clear();
    return this.pools.freeze();
  }

  private writable(productId: string): Set<string> {
    if (!this.owned.has(productId)) {
      const copy = new Set(this.pools.get(productId) ?? []);
      for (const key of copy) this.meter?.charge(stringBytes(key));
      this.pools.set(productId, copy);
      this.owned.add(productId);
    }
    return this.pools.get(productId) as Set<string>;
  }
}
