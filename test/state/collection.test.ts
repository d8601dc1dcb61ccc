import { describe, expect, it } from 'vitest';
import { Collection, FrozenBase } from '../../src/state/collection.js';

type Item = { id: string; n: number };
const base = new FrozenBase<Item>(Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, n: i })));

describe('Collection (copy-on-write over a frozen base)', () => {
  it('reads through to the base and lists newest first', () => {
    const c = new Collection(base);
    c.insert({ id: 'a0', n: 10 });
    expect(c.get('b2')).toEqual({ id: 'b2', n: 2 });
    expect(c.all().map((i) => i.id)).toEqual(['a0', 'b4', 'b3', 'b2', 'b1', 'b0']);
  });

  it('never changes the shared base: another tenant over it still sees the original', () => {
    const one = new Collection(base);
    const two = new Collection(base);
    one.update('b1', { n: 99 });
    one.remove('b2');
    expect(one.get('b1')?.n).toBe(99);
    expect(one.get('b2')).toBeUndefined();
    expect(two.get('b1')?.n).toBe(1);
    expect(two.get('b2')).toBeDefined();
    expect(base.items[1].n).toBe(1);
  });

  it('records are frozen: a handler cannot mutate state behind the store', () => {
    const c = new Collection(base);
    const added = c.insert({ id: 'x', n: 1 });
    expect(() => ((added as { n: number }).n = 2)).toThrow();
  });

  it('pages by position: no duplicates, no gaps, filters applied, removed records skipped', () => {
    const c = new Collection(base);
    for (let i = 0; i < 7; i++) c.insert({ id: `a${i}`, n: 10 + i });
    c.remove('a3');
    const seen: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = c.page(3, before);
      seen.push(...page.data.map((i) => i.id));
      if (page.nextSeq === null) break;
      before = page.nextSeq;
    }
    expect(seen).toEqual(['a6', 'a5', 'a4', 'a2', 'a1', 'a0', 'b4', 'b3', 'b2', 'b1', 'b0']);
    const even = c.page(100, undefined, (i) => i.n % 2 === 0);
    expect(even.data.map((i) => i.n)).toEqual([16, 14, 12, 10, 4, 2, 0]);
    expect(even.nextSeq).toBeNull();
  });

  it('reports has-more exactly: a page that ends the list has no next position', () => {
    const c = new Collection(base);
    expect(c.page(5).nextSeq).toBeNull();
    expect(c.page(4).nextSeq).toBe(1);
  });
});

describe('Collection.evict', () => {
  it('frees an added record but keeps positions valid; base records are only hidden', () => {
    const c = new Collection(base);
    for (let i = 0; i < 3; i++) c.insert({ id: `a${i}`, n: 10 + i });
    c.evict('a1');
    c.evict('b0');
    expect(c.get('a1')).toBeUndefined();
    expect(c.get('b0')).toBeUndefined();
    expect(c.size).toBe(8);
    expect(c.all().map((i) => i.id)).toEqual(['a2', 'a0', 'b4', 'b3', 'b2', 'b1']);
    expect(new Collection(base).get('b0')).toBeDefined();
  });
});
