/**
 * An ordered, copy-on-write collection of plain, frozen records.
 *
 * A tenant's collection starts as a thin layer over a shared, frozen base (the
 * fixtures): reads fall through to the base, writes go to the layer. An idle
 * visitor sandbox therefore costs a few empty maps, not a clone of the shop.
 *
 * Records keep creation order; position `seq` (0-based over base + added) is
 * what cursors carry, so a page is found by index, never by scanning.
 */
import { recordBytes, SLOT_BYTES, type Meter } from './budget.js';

export interface Record {
  readonly id: string;
}

/** The shared, immutable part built once from fixtures. */
export class FrozenBase<T extends Record> {
  readonly items: readonly T[];
  readonly index: ReadonlyMap<string, number>;
  constructor(items: readonly T[]) {
    this.items = Object.freeze(items.map((item) => Object.freeze(item)));
    this.index = new Map(this.items.map((item, i) => [item.id, i]));
  }
  static empty<T extends Record>(): FrozenBase<T> {
    return new FrozenBase<T>([]);
  }
}

export interface Page<T> {
  data: T[];
  /** seq of the last item returned, when more remain */
  nextSeq: number | null;
}

export class Collection<T extends Record> {
  /** overrides of base records; `null` is a tombstone */
  private changed: Map<string, T | null> | null = null;
  private added: T[] | null = null;
  private addedIndex: Map<string, number> | null = null;
  /** bytes charged per record this tenant holds (added or changed), so a replacement or a free releases exactly them */
  private readonly charged = new Map<string, number>();
  private own = 0;

  /** `meter`: where the bytes of what this tenant writes are accounted (its shop budget) */
  constructor(
    private readonly base: FrozenBase<T>,
    private readonly meter: Meter | null = null,
  ) {}

  get size(): number {
    return this.base.items.length + (this.added?.length ?? 0);
  }

  /** Records this tenant added and still holds: what per-shop caps count (fixtures never do). */
  get ownSize(): number {
    return this.own;
  }

  /** This tenant's own records, oldest first. */
  *ownRecords(): Generator<T> {
    // the index holds only records still here (freed ones leave it), in creation order
    for (const idx of this.addedIndex?.values() ?? []) yield this.added![idx];
  }

  private account(id: string, record: T | null): void {
    if (!this.meter) return;
    const before = this.charged.get(id) ?? 0;
    const after = record ? recordBytes(record) : 0;
    if (after) this.charged.set(id, after);
    else this.charged.delete(id);
    if (after > before) this.meter.charge(after - before);
    else if (before > after) this.meter.release(before - after);
  }

  get(id: string): T | undefined {
    const changed = this.changed?.get(id);
    if (changed !== undefined) return changed ?? undefined;
    const baseIdx = this.base.index.get(id);
    if (baseIdx !== undefined) return this.base.items[baseIdx];
    const addedIdx = this.addedIndex?.get(id);
    return addedIdx === undefined ? undefined : this.added![addedIdx];
  }

  /** Appends a new record (newest). */
  insert(record: T): T {
    Object.freeze(record);
    this.meter?.charge(SLOT_BYTES);
    this.account(record.id, record);
    this.own++;
    (this.added ??= []).push(record);
    (this.addedIndex ??= new Map()).set(record.id, this.added.length - 1);
    return record;
  }

  /** Replaces an existing record; records are immutable, so updates are new objects. */
  replace(record: T): T {
    Object.freeze(record);
    const addedIdx = this.addedIndex?.get(record.id);
    if (addedIdx !== undefined) this.added![addedIdx] = record;
    else if (this.base.index.has(record.id)) (this.changed ??= new Map()).set(record.id, record);
    else throw new Error(`replace of unknown record ${record.id}`);
    this.account(record.id, record);
    return record;
  }

  update(id: string, patch: Partial<T>): T {
    const current = this.get(id);
    if (!current) throw new Error(`update of unknown record ${id}`);
    return this.replace({ ...current, ...patch });
  }

  /**
   * Removes a record; its position stays taken so cursors remain valid. A
   * record this tenant added is freed (an empty slot keeps its place); a
   * shared base record cannot be, and is hidden behind a tombstone.
   */
  remove(id: string): void {
    const addedIdx = this.addedIndex?.get(id);
    if (addedIdx !== undefined) {
      delete this.added![addedIdx];
      this.addedIndex!.delete(id);
      this.changed?.delete(id);
      this.account(id, null);
      this.own--;
      return;
    }
    if (this.base.index.has(id) && this.changed?.get(id) !== null) {
      (this.changed ??= new Map()).set(id, null);
      this.account(id, null);
      this.meter?.charge(SLOT_BYTES);
    }
  }

  /** Forgets a record (the delivery log's trimming): the same as `remove`, named for why. */
  evict(id: string): void {
    this.remove(id);
  }

  /** The record at a creation position, or undefined when removed. */
  at(seq: number): T | undefined {
    const baseLen = this.base.items.length;
    const raw = seq < baseLen ? this.base.items[seq] : this.added?.[seq - baseLen];
    if (!raw) return undefined;
    const changed = this.changed?.get(raw.id);
    if (changed === null) return undefined;
    return changed ?? raw;
  }

  seqOf(id: string): number | undefined {
    const baseIdx = this.base.index.get(id);
    if (baseIdx !== undefined) return baseIdx;
    const addedIdx = this.addedIndex?.get(id);
    return addedIdx === undefined ? undefined : this.base.items.length + addedIdx;
  }

  /** Newest first, starting strictly below `beforeSeq`. */
  *newestFirst(beforeSeq = this.size): Generator<[number, T]> {
    for (let seq = Math.min(beforeSeq, this.size) - 1; seq >= 0; seq--) {
      const record = this.at(seq);
      if (record) yield [seq, record];
    }
  }

  /** A page, newest first: `limit` records that pass `filter`, below `beforeSeq`. */
  page(limit: number, beforeSeq?: number, filter?: (record: T) => boolean): Page<T> {
    const data: T[] = [];
    let lastSeq = -1;
    for (const [seq, record] of this.newestFirst(beforeSeq)) {
      if (filter && !filter(record)) continue;
      if (data.length === limit) return { data, nextSeq: lastSeq };
      data.push(record);
      lastSeq = seq;
    }
    return { data, nextSeq: null };
  }

  all(): T[] {
    return [...this.newestFirst()].map(([, record]) => record);
  }
}
