/**
 * A map that reads through to a shared, frozen base and writes to its own
 * layer: the copy-on-write companion of Collection for keyed side tables.
 */
export class OverlayMap<K, V> {
  private own: Map<K, V> | null = null;
  constructor(private readonly base: ReadonlyMap<K, V> = new Map()) {}

  get(key: K): V | undefined {
    return this.own?.has(key) ? this.own.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.own?.has(key) ? this.own.get(key) !== undefined : this.base.has(key);
  }

  set(key: K, value: V): void {
    (this.own ??= new Map()).set(key, value);
  }
}
