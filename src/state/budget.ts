/**
 * Memory accounting. Every byte a shop holds beyond the shared fixtures is
 * counted as it is written: records, license keys, API key secrets,
 * remembered idempotent replies, delivery log entries. A shop has a budget
 * (what one visitor may hold) and the process a ceiling (the sum of all
 * shops), so nothing a visitor sends can take the process down.
 *
 * The figures are estimates of V8's cost, deliberately on the high side: a
 * JSON character counts twice (property names, headers and hidden classes
 * cost about as much as the text), a string in a Set pays its header and its
 * hash-table entry. What the sandbox itself needs (code, spec, fixtures) is
 * not counted: it is the same for one shop or ten thousand.
 */

export interface MemoryLimits {
  /** bytes one shop may hold beyond its fixtures; a write past it is refused (422 naming the budget) */
  shopBytes: number;
  /** bytes all shops together may hold; past it, the least recently active visitor shops are evicted */
  processBytes: number;
}

const MiB = 1024 * 1024;

/** A developer's machine: one shop does what a test suite needs. */
export const DEFAULT_MEMORY: MemoryLimits = { shopBytes: 256 * MiB, processBytes: 1024 * MiB };

/**
 * A public host: a visitor's shop is small, and the process stays under
 * 512 MB of RSS. RSS runs at about 80 MB plus 2–3× the accounted bytes while
 * evicted shops wait for the garbage collector (bench:hostile from many
 * addresses: 192 MiB accounted → 616 MB RSS), hence 128 MiB.
 */
export const PUBLIC_MEMORY: MemoryLimits = { shopBytes: 4 * MiB, processBytes: 128 * MiB };

/** What a tenant object costs before it holds anything (its maps, clock, scheduler, id factory). */
export const TENANT_BYTES = 8 * 1024;
/** A position in a collection: kept after its record is freed, so cursors stay valid. */
export const SLOT_BYTES = 16;

/** A plain record: its JSON, twice, plus the object's header. */
export function recordBytes(record: unknown): number {
  return 2 * jsonLength(record) + 64;
}

/**
 * About the length of `JSON.stringify(value)`, without writing it: every
 * character of every string and name, its quotes and separators, a number
 * at 8 (no escapes counted: memory holds a string's characters, not its
 * JSON). Walked, not written: a write charges each record it makes, and
 * JSON.stringify was a twentieth of a create's engine time. Records are
 * plain data from validated bodies, so the walk is shallow.
 */
function jsonLength(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return 8;
    case 'boolean':
      return 5;
    case 'object': {
      if (value === null) return 4;
      let length = 2;
      if (Array.isArray(value)) {
        for (const item of value) length += jsonLength(item) + 1;
        return length;
      }
      for (const name in value) length += name.length + 4 + jsonLength((value as Record<string, unknown>)[name]);
      return length;
    }
    default:
      return 0;
  }
}

/** A string kept in a Set or Map: its characters, its header and its hash-table entry. */
export function stringBytes(text: string): number {
  return text.length + 64;
}

export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** Something that holds accounted bytes: charges and releases flow up to its parents. */
export interface Meter {
  charge(bytes: number): void;
  release(bytes: number): void;
}

/** Counts what it holds and passes every change on to its parent. */
export class Account implements Meter {
  used = 0;
  constructor(private readonly parent: Meter | null = null) {}
  charge(bytes: number): void {
    this.used += bytes;
    this.parent?.charge(bytes);
  }
  release(bytes: number): void {
    const freed = Math.min(bytes, this.used);
    this.used -= freed;
    this.parent?.release(freed);
  }
  /** Gives everything back at once (a shop removed, a reset's old state). */
  close(): void {
    this.release(this.used);
  }
}

/** The process ceiling: the sum of every shop's bytes. */
export class ProcessMemory extends Account {
  constructor(readonly limit: number) {
    super(null);
  }
  fits(bytes: number): boolean {
    return this.used + bytes <= this.limit;
  }
}

/**
 * One shop's budget. `keys` holds what a reset keeps (API keys and their
 * secrets); `state` the rest, replaced wholesale by a reset.
 */
export class ShopBudget extends Account {
  readonly keys: Account;
  state: Account;
  constructor(
    readonly limit: number,
    process: ProcessMemory,
  ) {
    super(process);
    this.keys = new Account(this);
    this.state = new Account(this);
    this.charge(TENANT_BYTES);
  }
  private closed = false;
  fits(bytes: number): boolean {
    return this.used + bytes <= this.limit;
  }
  /** After the shop is gone, a request that was still running writes into nothing the process counts. */
  override charge(bytes: number): void {
    if (!this.closed) super.charge(bytes);
  }
  override close(): void {
    super.close();
    this.closed = true;
  }
  /** A reset: the old state's bytes go back, a fresh account starts. */
  renewState(): Account {
    this.state.close();
    this.state = new Account(this);
    return this.state;
  }
}
