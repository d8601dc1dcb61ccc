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

/**
 * A shop's Idempotency-Keys and their replies, in insertion (= expiry)
 * order, with every entry's bytes on the shop's budget: a key when it is
 * taken, its reply when the request finishes (`fill`), all of it back when
 * the key is forgotten. Plain Map semantics otherwise, so http/idempotency.ts
 * reads it as a map.
 */
export class RememberedReplies extends Map<string, IdempotencyEntry> {
  /** told of every entry taken, filled (the entry) or forgotten (null): the shop's journal */
  observer: ((key: string, entry: IdempotencyEntry | null) => void) | null = null;
  /** the bytes of every entry held, on the meter: what a frozen shop's bytes leave out (its restore charges its entries again) */
  held = 0;
  /** every (key, entry) in the order it was set, for `oldest()`; a pair whose key was forgotten or set again since is stale */
  private order: [string, IdempotencyEntry][] = [];
  private head = 0;

  constructor(private readonly meter: Meter | null = null) {
    super();
  }

  /** Takes `key` for `entry`; a key set again is re-inserted, so the map stays in set (= expiry) order. */
  override set(key: string, entry: IdempotencyEntry): this {
    this.delete(key);
    super.set(key, entry);
    this.order.push([key, entry]);
    this.compact();
    this.charge(this.bytes(key, entry));
    this.observer?.(key, entry);
    return this;
  }

  /** The first request under `key` finished: its reply is kept (and counted) for replays. */
  fill(key: string, entry: IdempotencyEntry, reply: RememberedReply): void {
    if (entry.reply) return;
    entry.reply = reply;
    this.charge(replyBytes(reply));
    if (super.get(key) === entry) this.observer?.(key, entry);
  }

  override delete(key: string): boolean {
    const entry = super.get(key);
    if (!entry) return false;
    super.delete(key);
    const bytes = this.bytes(key, entry);
    this.held -= bytes;
    this.meter?.release(bytes);
    this.observer?.(key, null);
    return true;
  }

  private charge(bytes: number): void {
    this.held += bytes;
    this.meter?.charge(bytes);
  }

  /**
   * The entries kept, oldest first: what `for (… of map)` gives, without its
   * cost here. A Map iterated from its front walks every hole its deletions
   * left there until it next rehashes, and keys are forgotten oldest first:
   * past a few thousand keys that was thousands of holes per new key (the
   * sweep was 7 % of a POST, profiled in bench/README.md). This walks a queue
   * of its own instead, skipping stale pairs, and drops them as they pile up.
   */
  *oldest(): Generator<[string, IdempotencyEntry]> {
    while (this.head < this.order.length && !this.holds(this.order[this.head])) this.head++;
    this.compact();
    // the array as it is now: a set() while the walk is on replaces it (compact never changes one in place)
    const order = this.order;
    for (let i = this.head; i < order.length; i++) {
      const pair = order[i];
      if (this.holds(pair)) yield pair;
    }
  }

  /** Stale pairs behind a live one (a key forgotten out of turn) are skipped; when they outnumber the live ones, the queue starts again. */
  private compact(): void {
    if (this.order.length - this.head > 2 * this.size + 64) {
      this.order = [...super.entries()];
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }

  private holds([key, entry]: [string, IdempotencyEntry]): boolean {
    return super.get(key) === entry;
  }

  /** The replies already sent, oldest first (a snapshot's or a file's part); a request still running has none to keep. */
  answered(): [string, IdempotencyEntry][] {
    return [...this].filter(([, entry]) => entry.reply).map(([key, entry]) => [key, { ...entry }]);
  }

  private bytes(key: string, entry: IdempotencyEntry): number {
    return stringBytes(key) + stringBytes(entry.fingerprint) + (entry.reply ? replyBytes(entry.reply) : 0);
  }
}
