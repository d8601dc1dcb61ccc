import { describe, expect, it } from 'vitest';
import { KeyPools } from '../../src/state/keyPools.js';

describe('KeyPools', () => {
  const base = new Map([['prod_a', new Set(['k1', 'k2'])]]);
  it('counts duplicates within a call and against the pool, and shares the base until written', () => {
    const one = new KeyPools(base);
    const two = new KeyPools(base);
    expect(one.add('prod_a', ['k2', 'k3', 'k3', 'k4'])).toEqual({ imported: 2, duplicates: 2, size: 4 });
    expect(two.size('prod_a')).toBe(2);
    expect(base.get('prod_a')!.size).toBe(2);
  });
  it('sells keys first-in first-out and never partially', () => {
    const pools = new KeyPools(base);
    expect(pools.take('prod_a', 3)).toBeNull();
    expect(pools.size('prod_a')).toBe(2);
    expect(pools.take('prod_a', 1)).toEqual(['k1']);
    expect(pools.size('prod_a')).toBe(1);
    expect(pools.take('prod_unknown', 1)).toBeNull();
  });
});
