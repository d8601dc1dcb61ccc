/**
 * How one index is derived from a shop's state: a pass over the state,
 * made on first use. The function is the index's identity; the module that
 * owns it keeps the index up to date from then on (it knows which writes
 * change it).
 */
export type Derive<Of, T> = (of: Of) => T;

/**
 * The indexes derived from one state of a shop (a customer's orders, an
 * endpoint's deliveries, the slug suffixes in use…), held on the shop. A
 * shop makes a new one whenever its state is replaced (a reset, a restore, a
 * fork's start): what was derived from the old state goes with it, by
 * construction rather than because the old collections happen to be garbage.
 */
export class DerivedIndexes<Of> {
  private readonly built = new Map<Derive<Of, unknown>, unknown>();

  constructor(private readonly of: Of) {}

  /** The index, derived from the state now if this is its first use. */
  get<T>(derive: Derive<Of, T>): T {
    let value = this.built.get(derive) as T | undefined;
    if (value === undefined) this.built.set(derive, (value = derive(this.of)));
    return value;
  }

  /** The index if something derived it already: a write keeps an index up to date only once there is one. */
  peek<T>(derive: Derive<Of, T>): T | undefined {
    return this.built.get(derive) as T | undefined;
  }
}
