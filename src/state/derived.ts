/**
 * How one index derived from a shop's state is built: a pass over the
 * state, made on first use. The module that owns the index keeps it up to
 * date from then on (it knows which writes change it).
 */
export interface DerivedIndex<Of, T> {
  /** what the index is, for a reader of a heap dump or a debugger */
  readonly name: string;
  readonly build: (of: Of) => T;
}

export function derivedIndex<Of, T>(name: string, build: (of: Of) => T): DerivedIndex<Of, T> {
  return { name, build };
}

/** What a reader of derived indexes needs: a module that reads a part of the shop asks only for that part. */
export interface Derived<Of> {
  get<T>(index: DerivedIndex<Of, T>): T;
  peek<T>(index: DerivedIndex<Of, T>): T | undefined;
}

/**
 * The indexes derived from one state of a shop (a customer's orders, an
 * endpoint's deliveries, the slug suffixes in use…), held on the shop. A
 * shop makes a new one whenever its state is replaced (a reset, a restore, a
 * fork's start): what was derived from the old state goes with it, by
 * construction rather than because the old collections happen to be garbage.
 */
export class DerivedIndexes<Of> implements Derived<Of> {
  private readonly built = new Map<DerivedIndex<Of, unknown>, unknown>();

  constructor(private readonly of: Of) {}

  /** The index, built from the state now if this is its first use. */
  get<T>(index: DerivedIndex<Of, T>): T {
    let value = this.built.get(index) as T | undefined;
    if (value === undefined) this.built.set(index, (value = index.build(this.of)));
    return value;
  }

  /** The index if something built it already: a write keeps an index up to date only once there is one. */
  peek<T>(index: DerivedIndex<Of, T>): T | undefined {
    return this.built.get(index) as T | undefined;
  }
}
