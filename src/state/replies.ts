import { stringBytes, type Meter } from './budget.js';

/** A reply as it went out, kept so a replay sends the same bytes. */
export interface RememberedReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A reply remembered under an Idempotency-Key (see http/idempotency.ts). */
export interface IdempotencyEntry {
  fingerprint: string;
  expiresAt: number;
  /** null while the first request is still running */
  reply: RememberedReply | null;
}

/**
 * What a remembered reply costs: its body and headers as text, plus the
 * entry around them. The headers count as their JSON would (`{"k":"v",…}`)
 * without writing it: this runs twice per idempotent write (kept, forgotten).
 */
export function replyBytes(reply: RememberedReply): number {
  let headers = 2;
  for (const name in reply.headers) headers += name.length + reply.headers[name].length + 6;
  return 2 * (reply.body.length + headers) + 128;
}

/** A key as `take` took it, and its place in the queue: `live` until the key is forgotten or taken again, so nothing needs a map lookup to tell. */
export interface Taken {
  readonly key: string;
  readonly entry: IdempotencyEntry;
  live: boolean;
}

/**
 * A shop's Idempotency-Keys and their replies, in insertion (= expiry)
 * order, with every entry's bytes on the shop's budget: a key when it is
 * taken, its reply when the request finishes (`fill`), all of it back when
 * the key is forgotten. Read as a map (get, size, iteration in set order)
 * by http/idempotency.ts and the shop's snapshots and files.
 *
 * Each key's slot says whether it is still live, so walking the oldest keys
 * (every keyed write, at the bound) and filling a reply never look a key up
 * in a map of thousands: those lookups were cache misses on every request
 * served over HTTP, about a tenth of a keyed create's CPU there.
 */
export class RememberedReplies {
  /** told of every entry taken, filled (the entry) or forgotten (null): the shop's journal */
  observer: ((key: string, entry: IdempotencyEntry | null) => void) | null = null;
  /** the bytes of every entry held, on the meter: what a frozen shop's bytes leave out (its restore charges its entries again) */
  held = 0;
  private readonly slots = new Map<string, Taken>();
  /** every slot in the order it was set, for `oldest()`; a slot no longer live is skipped */
  private order: Taken[] = [];
  private head = 0;

  constructor(private readonly meter: Meter | null = null) {}

  get size(): number {
    return this.slots.size;
  }

  get(key: string): IdempotencyEntry | undefined {
    return this.slots.get(key)?.entry;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** The key as it is held, if it is: what the idempotency stage reads, then hands to `take`, so the key is looked up once. */
  find(key: string): Taken | undefined {
    return this.slots.get(key);
  }

  /** Takes `key` for `entry`; a key set again is re-inserted, so the map stays in set (= expiry) order. */
  set(key: string, entry: IdempotencyEntry): void {
    this.take(key, entry);
  }

  /** `set`, answering the handle `fill` and `forget` take, so neither looks the key up again. `held`: what `find(key)` just answered. */
  take(key: string, entry: IdempotencyEntry, held: Taken | undefined = this.find(key)): Taken {
    // a key forgotten since `find` (the sweep) is not dropped twice
    if (held?.live) this.drop(held);
    const taken: Taken = { key, entry, live: true };
    this.slots.set(key, taken);
    this.order.push(taken);
    this.compact();
    this.charge(this.bytes(key, entry));
    this.observer?.(key, entry);
    return taken;
  }

  /** The first request under a key finished: its reply is kept (and counted) for replays. */
  fill(taken: Taken, reply: RememberedReply): void {
    if (taken.entry.reply) return;
    taken.entry.reply = reply;
    this.charge(replyBytes(reply));
    if (taken.live) this.observer?.(taken.key, taken.entry);
  }

  /** Forgets what `take` took (or `first` found), unless the key has been taken again (or forgotten) since. */
  forget(taken: Taken): void {
    if (taken.live) this.drop(taken);
  }

  delete(key: string): boolean {
    const slot = this.slots.get(key);
    if (!slot) return false;
    this.drop(slot);
    return true;
  }

  private drop(slot: Taken): void {
    this.slots.delete(slot.key);
    slot.live = false;
    const bytes = this.bytes(slot.key, slot.entry);
    this.held -= bytes;
    this.meter?.release(bytes);
    this.observer?.(slot.key, null);
  }

  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** Every (key, entry), in set order. */
  *[Symbol.iterator](): Generator<[string, IdempotencyEntry]> {
    for (const slot of this.slots.values()) yield [slot.key, slot.entry];
  }

  private charge(bytes: number): void {
    this.held += bytes;
    this.meter?.charge(bytes);
  }

  /**
   * The entries kept, oldest first: what iterating the map gives, without
   * its cost here. A Map iterated from its front walks every hole its
   * deletions left there until it next rehashes, and keys are forgotten
   * oldest first: past a few thousand keys that was thousands of holes per
   * new key (the sweep was 7 % of a POST, profiled in bench/README.md). This
   * walks a queue of its own instead, skipping dead slots, and drops them as
   * they pile up.
   */
  *oldest(): Generator<[string, IdempotencyEntry]> {
    this.first();
    // the array as it is now: a set() while the walk is on replaces it (compact never changes one in place)
    const order = this.order;
    for (let i = this.head; i < order.length; i++) {
      const slot = order[i];
      if (slot.live) yield [slot.key, slot.entry];
    }
  }

  /** The oldest key kept, or undefined: what `oldest()` yields first, without a generator (the sweep asks on every keyed write). */
  first(): Taken | undefined {
    while (this.head < this.order.length && !this.order[this.head].live) this.head++;
    this.compact();
    return this.order[this.head];
  }

  /** Dead slots behind a live one (a key forgotten out of turn) are skipped; when they outnumber the live ones, the queue starts again. */
  private compact(): void {
    if (this.order.length - this.head > 2 * this.size + 64) {
      this.order = [...this.slots.values()];
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }

  /** The replies already sent, oldest first (a snapshot's or a file's part); a request still running has none to keep. */
  answered(): [string, IdempotencyEntry][] {
    return [...this].filter(([, entry]) => entry.reply).map(([key, entry]) => [key, { ...entry }]);
  }

  private bytes(key: string, entry: IdempotencyEntry): number {
    return stringBytes(key) + stringBytes(entry.fingerprint) + (entry.reply ? replyBytes(entry.reply) : 0);
  }
}
