import { describe, expect, it } from 'vitest';
import { DerivedIndexes } from '../../src/state/derived.js';
import { ManualClock } from '../../src/state/clock.js';
import { buildSeed } from '../../src/state/seed.js';
import { TenantStore } from '../../src/state/store.js';

describe('DerivedIndexes', () => {
  it('builds an index once, on first use, from what it is derived from', () => {
    const state = { items: ['a', 'b'] };
    let builds = 0;
    const letters = (of: typeof state) => {
      builds++;
      return new Set(of.items);
    };
    const derived = new DerivedIndexes(state);
    expect(derived.peek(letters)).toBeUndefined();
    const index = derived.get(letters);
    expect([...index]).toEqual(['a', 'b']);
    index.add('c');
    expect(derived.get(letters)).toBe(index);
    expect(derived.peek(letters)).toBe(index);
    expect(builds).toBe(1);
  });

  it('a shop whose state is replaced (reset, restore) starts with no index of the old state', () => {
    const store = new TenantStore({ randomSeed: 1, system: new ManualClock(0), clockMode: 'frozen', publish: () => {} });
    const tenant = store.create('tnt_derived', buildSeed({ epoch: Date.UTC(2026, 4, 26) }));
    const mark = () => ({ marked: true });
    const before = tenant.derived.get(mark);
    const frozen = tenant.freeze();
    // freezing keeps the state (it goes on over the frozen layer): what was derived from it still holds
    expect(tenant.derived.peek(mark)).toBe(before);
    tenant.restore(frozen);
    expect(tenant.derived.peek(mark)).toBeUndefined();
    tenant.derived.get(mark);
    tenant.reset();
    expect(tenant.derived.peek(mark)).toBeUndefined();
  });
});
