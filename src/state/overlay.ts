/** What an overlay reads through to: a plain map (fixtures) or a frozen overlay. */
export interface MapView<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
}

/**
 * A map that reads through to a shared, frozen base and writes to its own
 * layer: the copy-on-write companion of Collection for keyed side tables.
 */
export class OverlayMap<K, V> implements MapView<K, V> {
  private own: Map<K, V> | null = null;
  /** told of every set (the shop's journal) */
  observer: ((key: K, value: V) => void) | null = null;
  constructor(private base: MapView<K, V> = new Map()) {}

  get(key: K): V | undefined {
    return this.own?.has(key) ? this.own.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.own?.has(key) ? this.own.get(key) !== undefined : this.base.has(key);
  }

  set(key: K, value: V): void {
    (this.own ??= new Map()).set(key, value);
    this.observer?.(key, value);
  }

  /** Every entry this shop set over the fixtures, its frozen layers' included (a shop file's part). */
  entries(): [K, V][] {
    const layers: Map<K, V>[] = [];
    for (let layer: MapView<K, V> = this; layer instanceof OverlayMap; layer = layer.base) if (layer.own) layers.unshift(layer.own);
    const merged = new Map<K, V>();
    for (const own of layers) for (const [k, v] of own) merged.set(k, v);
    return [...merged];
  }

  /** Freezes this layer into a shared base (O(1): the map moves) and starts an empty one over it. */
  freeze(): MapView<K, V> {
    if (!this.own) return this.base;
    const frozen = new OverlayMap<K, V>(this.base);
    frozen.own = this.own;
    this.base = frozen;
    this.own = null;
    return frozen;
  }
}
