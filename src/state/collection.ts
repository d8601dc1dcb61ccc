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

/**
 * What a collection reads through to: the fixtures, or a frozen layer of a
 * shop (a snapshot or a fork's parent) over them. Never written.
 */
export interface Base<T extends Record> {
  /** positions taken, removed ones included */
  readonly size: number;
  /** how many of those positions are fixtures (the bottom of the chain) */
  readonly fixtures: number;
  get(id: string): T | undefined;
  at(seq: number): T | undefined;
  seqOf(id: string): number | undefined;
}

/** The shared, immutable part built once from fixtures. */
export class FrozenBase<T extends Record> implements Base<T> {
  readonly items: readonly T[];
  readonly index: ReadonlyMap<string, number>;
  constructor(items: readonly T[]) {
    this.items = Object.freeze(items.map((item) => Object.freeze(item)));
    this.index = new Map(this.items.map((item, i) => [item.id, i]));
  }
  static empty<T extends Record>(): FrozenBase<T> {
    return new FrozenBase<T>([]);
  }
  get size(): number {
    return this.items.length;
  }
  get fixtures(): number {
    return this.items.length;
  }
  get(id: string): T | undefined {
    const idx = this.index.get(id);
    return idx === undefined ? undefined : this.items[idx];
  }
  at(seq: number): T | undefined {
    return this.items[seq];
  }
  seqOf(id: string): number | undefined {
    return this.index.get(id);
  }
}

/** A layer's maps: overrides of what lies below (null: a tombstone), and the positions it added. */
interface LayerMaps<T> {
  changed: ReadonlyMap<string, T | null> | null;
  added: readonly T[] | null;
  addedIndex: ReadonlyMap<string, number> | null;
}

/** A record by id through a layer: its override, else below, else what it added. */
function getThrough<T extends Record>(layer: LayerMaps<T>, base: Base<T>, id: string): T | undefined {
  const changed = layer.changed?.get(id);
  if (changed !== undefined) return changed ?? undefined;
  const below = base.get(id);
  if (below) return below;
  const addedIdx = layer.addedIndex?.get(id);
  return addedIdx === undefined ? undefined : layer.added![addedIdx];
}

/** The record at a position through a layer, or undefined when removed. */
function atThrough<T extends Record>(layer: LayerMaps<T>, base: Base<T>, seq: number): T | undefined {
  const raw = seq < base.size ? base.at(seq) : layer.added?.[seq - base.size];
  if (!raw) return undefined;
  const changed = layer.changed?.get(raw.id);
  if (changed === null) return undefined;
  return changed ?? raw;
}

function seqThrough<T extends Record>(layer: LayerMaps<T>, base: Base<T>, id: string): number | undefined {
  const below = base.seqOf(id);
  if (below !== undefined) return below;
  const addedIdx = layer.addedIndex?.get(id);
  return addedIdx === undefined ? undefined : base.size + addedIdx;
}

/** A shop's layer, frozen (by a snapshot or a fork): the maps it held, moved here, never copied. */
class FrozenLayer<T extends Record> implements Base<T> {
  readonly size: number;
  readonly fixtures: number;
  constructor(
    readonly below: Base<T>,
    private readonly maps: LayerMaps<T>,
  ) {
    this.size = below.size + (maps.added?.length ?? 0);
    this.fixtures = below.fixtures;
  }
  get(id: string): T | undefined {
    return getThrough(this.maps, this.below, id);
  }
  at(seq: number): T | undefined {
    return atThrough(this.maps, this.below, seq);
  }
  seqOf(id: string): number | undefined {
    return seqThrough(this.maps, this.below, id);
  }
}

/** A collection's own layer as data: fixtures it changed or removed, and the positions it added (null: freed). */
export interface LayerData<T> {
  changed: [string, T | null][];
  added: (T | null)[];
}

/** What a collection tells its observer (persistence) after each change. */
export type CollectionChange<T> = { op: 'insert' | 'replace'; record: T } | { op: 'remove'; id: string };

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
  /**
   * Bytes charged per position this collection holds (added or changed), so
   * a replacement or a free releases exactly them. By position, not id: the
   * positions it adds are dense from `start`, an array append per insert
   * where a map keyed by a new id string cost a hash and a cache miss
   * (profiled in bench/README.md); the few below `start` (fixtures it
   * changed, or a fork's inherited records) are in a map.
   */
  private readonly chargedOwn: number[] = [];
  private readonly chargedBelow = new Map<number, number>();
  private readonly start: number;
  private own = 0;

  /** told of every change once it is made (the shop's journal) */
  // typed over Record, not T, so a Collection<Product> still reads as a Collection of its supertypes
  private observer: ((change: CollectionChange<Record>) => void) | null = null;

  /** `meter`: where the bytes of what this tenant writes are accounted (its shop budget) */
  constructor(
    private base: Base<T>,
    private readonly meter: Meter | null = null,
  ) {
    this.start = base.size;
  }

  get size(): number {
    return this.base.size + (this.added?.length ?? 0);
  }

  /** This collection's own layer, read as a frozen one is (its fields are those maps; no object is made per read). */
  private get maps(): LayerMaps<T> {
    return this as unknown as LayerMaps<T>;
  }

  /** Records this tenant added and still holds: what per-shop caps count (fixtures never do). */
  get ownSize(): number {
    return this.own;
  }

  /** This tenant's own records, oldest first. */
  *ownRecords(): Generator<T> {
    for (let seq = this.base.fixtures; seq < this.size; seq++) {
      const record = this.at(seq);
      if (record) yield record;
    }
  }

  /** Charges the record now at `seq` (null: none), releasing what the one before it was charged. */
  private account(seq: number, record: T | null): void {
    if (!this.meter) return;
    const own = seq - this.start;
    const before = own >= 0 ? (this.chargedOwn[own] ?? 0) : (this.chargedBelow.get(seq) ?? 0);
    const after = record ? recordBytes(record) : 0;
    if (own >= 0) this.chargedOwn[own] = after;
    else if (after) this.chargedBelow.set(seq, after);
    else this.chargedBelow.delete(seq);
    if (after > before) this.meter.charge(after - before);
    else if (before > after) this.meter.release(before - after);
  }

  get(id: string): T | undefined {
    return getThrough(this.maps, this.base, id);
  }

  /** Appends a new record (newest). */
  insert(record: T): T {
    Object.freeze(record);
    this.meter?.charge(SLOT_BYTES);
    this.account(this.size, record);
    this.own++;
    (this.added ??= []).push(record);
    (this.addedIndex ??= new Map()).set(record.id, this.added.length - 1);
    this.observer?.({ op: 'insert', record });
    return record;
  }

  /** Replaces an existing record; records are immutable, so updates are new objects. */
  replace(record: T): T {
    Object.freeze(record);
    const addedIdx = this.addedIndex?.get(record.id);
    if (addedIdx !== undefined) this.added![addedIdx] = record;
    else if (this.base.get(record.id)) (this.changed ??= new Map()).set(record.id, record);
    else throw new Error(`replace of unknown record ${record.id}`);
    this.account(addedIdx === undefined ? this.base.seqOf(record.id)! : this.base.size + addedIdx, record);
    this.observer?.({ op: 'replace', record });
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
      this.account(this.base.size + addedIdx, null);
      this.own--;
      this.observer?.({ op: 'remove', id });
      return;
    }
    if (this.base.get(id) && this.changed?.get(id) !== null) {
      (this.changed ??= new Map()).set(id, null);
      this.account(this.base.seqOf(id)!, null);
      this.meter?.charge(SLOT_BYTES);
      // a record a frozen layer of this shop added is still this shop's own
      if (this.base.seqOf(id)! >= this.base.fixtures) this.own--;
      this.observer?.({ op: 'remove', id });
    }
  }

  /** Forgets a record (the delivery log's trimming): the same as `remove`, named for why. */
  evict(id: string): void {
    this.remove(id);
  }

  /** The record at a creation position, or undefined when removed. */
  at(seq: number): T | undefined {
    return atThrough(this.maps, this.base, seq);
  }

  seqOf(id: string): number | undefined {
    return seqThrough(this.maps, this.base, id);
  }

  /** Tells `observer` of every change from now on (null: nobody). */
  observe(observer: ((change: CollectionChange<T>) => void) | null): void {
    this.observer = observer as ((change: CollectionChange<Record>) => void) | null;
  }

  /**
   * Freezes this collection's layer into a shared base and starts an empty
   * layer over it: O(1), the maps move, nothing is copied. A snapshot or a
   * fork reads the returned base; this collection keeps reading it too.
   */
  freeze(): Base<T> {
    if (!this.changed && !this.added) return this.base;
    this.base = new FrozenLayer(this.base, { changed: this.changed, added: this.added, addedIndex: this.addedIndex });
    this.changed = this.added = this.addedIndex = null;
    return this.base;
  }

  /** How many records of this collection are this shop's own, for a collection made over a frozen layer of it. */
  inherit(own: number): void {
    this.own = own;
  }

  /** Everything this collection holds beyond the fixtures, as data (a shop file's part). */
  layer(): LayerData<T> {
    const fixtures = this.base.fixtures;
    const changed: [string, T | null][] = [];
    for (let seq = 0; seq < fixtures; seq++) {
      const raw = this.fixtureAt(seq);
      const now = this.at(seq);
      if (now !== raw) changed.push([raw.id, now ?? null]);
    }
    const added: (T | null)[] = [];
    for (let seq = fixtures; seq < this.size; seq++) added.push(this.at(seq) ?? null);
    return { changed, added };
  }

  /** The fixture at a position, under every layer. */
  private fixtureAt(seq: number): T {
    let base: Base<T> = this.base;
    while (base instanceof FrozenLayer) base = base.below;
    return base.at(seq)!;
  }

  /** Loads a layer (from a shop file) into a collection that holds nothing of its own yet. */
  load(data: LayerData<T>): void {
    if (this.changed || this.added || this.base.size !== this.base.fixtures) throw new Error('load into a collection that already holds changes');
    if (data.changed.length) {
      for (const [id, record] of data.changed) {
        const seq = this.base.seqOf(id);
        if (seq === undefined) throw new Error(`the file changes ${id}, which the fixtures do not hold`);
        (this.changed ??= new Map()).set(id, record === null ? null : Object.freeze(record));
        if (record) this.account(seq, record);
        else this.meter?.charge(SLOT_BYTES);
      }
    }
    for (const record of data.added) {
      this.meter?.charge(SLOT_BYTES);
      const seq = this.size;
      (this.added ??= []).push(record === null ? (undefined as unknown as T) : Object.freeze(record));
      // a freed position charges nothing, and keeps its place in chargedOwn
      this.account(seq, record);
      if (!record) {
        delete this.added[this.added.length - 1];
        continue;
      }
      (this.addedIndex ??= new Map()).set(record.id, this.added.length - 1);
      this.own++;
    }
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
