import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoShopSeed } from '../../fixtures/index.js';
import { ManualClock } from '../../src/state/clock.js';
import { AtMemoryCeiling, cryptoRandom, DEFAULT_EPHEMERAL, EphemeralTenants, NoRoomForShop, type EphemeralLimits } from '../../src/state/expiry.js';
import { hashSeed, seededRandom, type Random } from '../../src/state/random.js';
import { ABILITIES } from '../../src/state/records.js';
import { TenantStore } from '../../src/state/store.js';
import type { MemoryLimits } from '../../src/state/budget.js';

const MINUTE = 60_000;
const seed = demoShopSeed(1);

function setup(limits: Partial<EphemeralLimits> = {}, random: Random = seededRandom(hashSeed('test')), memory?: MemoryLimits) {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12, 0, 0));
  const store = new TenantStore({ randomSeed: 1, system: clock, clockMode: 'frozen', publish: () => {}, memory });
  const demo = store.create('tnt_demo', seed);
  const visitors = new EphemeralTenants({
    store,
    seed,
    system: clock,
    limits: { ...DEFAULT_EPHEMERAL, idleTtlSeconds: 3600, maxLifetimeSeconds: 86_400, ...limits },
    random,
  });
  /** an authenticated request, as auth records it */
  const touch = (tenantId: string) => {
    store.get(tenantId)!.lastActivity = clock.now();
  };
  return { clock, store, demo, visitors, touch };
}

let stopAfter: EphemeralTenants[] = [];
afterEach(() => {
  for (const v of stopAfter) v.stop();
  stopAfter = [];
  vi.useRealTimers();
});

describe('EphemeralTenants', () => {
  it('creates a visitor shop over the shared fixtures with a full-access test key', () => {
    const { store, visitors } = setup();
    stopAfter.push(visitors);
    const { tenant, secret, expiresAt } = visitors.create();
    expect(tenant.id).toMatch(/^tnt_[0-9A-Z]{26}$/);
    expect(tenant.ephemeral).toBe(true);
    expect(secret).toMatch(/^sx_test_[0-9A-Za-z]{24}$/);
    const found = store.lookup(secret)!;
    expect(found.tenant).toBe(tenant);
    expect(found.key.abilities).toEqual([...ABILITIES]);
    expect(found.key.mode).toBe('test');
    expect(tenant.products.get('prod_01J2PVQR41')?.name).toBe('Adobe Creative Cloud Key');
    expect(expiresAt).toBe(Date.UTC(2026, 10, 24, 12, 0, 0));
  });

  it('removes a shop after the idle TTL without a request, and frees it from the store', () => {
    const { clock, store, visitors, touch } = setup();
    stopAfter.push(visitors);
    const { tenant, secret } = visitors.create();
    clock.advance(59 * MINUTE);
    expect(visitors.sweep()).toBe(0);
    touch(tenant.id); // a request restarts the idle countdown
    clock.advance(59 * MINUTE);
    expect(visitors.sweep()).toBe(0);
    clock.advance(MINUTE);
    expect(visitors.sweep()).toBe(1);
    expect(store.get(tenant.id)).toBeUndefined();
    expect(store.lookup(secret)).toBeUndefined();
    expect(visitors.size).toBe(0);
  });

  it('removes a busy shop at its absolute expiry, and never touches the demo shop', () => {
    const { clock, store, demo, visitors, touch } = setup({ maxLifetimeSeconds: 7200 });
    stopAfter.push(visitors);
    const { tenant } = visitors.create();
    demo.lastActivity = 0; // idle for ages, but not a visitor shop
    for (let i = 0; i < 3; i++) {
      clock.advance(40 * MINUTE);
      touch(tenant.id);
      visitors.sweep();
    }
    expect(store.get(tenant.id)).toBeUndefined();
    expect(store.get(demo.id)).toBe(demo);
  });

  it('sweeps on creation: expired shops go before the new one is counted', () => {
    const { clock, store, visitors } = setup({ idleTtlSeconds: 60 });
    stopAfter.push(visitors);
    const old = visitors.create().tenant;
    clock.advance(MINUTE);
    const fresh = visitors.create().tenant;
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(fresh.id)).toBe(fresh);
    expect(visitors.size).toBe(1);
  });

  it('at the cap, never evicts a shop active within its idle TTL: NoRoomForShop says when one ends', () => {
    const { clock, store, visitors, touch } = setup({ maxTenants: 3 });
    stopAfter.push(visitors);
    const shops = [0, 1, 2].map(() => {
      clock.advance(1000);
      return visitors.create().tenant;
    });
    clock.advance(10 * MINUTE);
    touch(shops[0].id);
    // a burst: every shop is in use, so nobody's goes
    let refused: unknown;
    try {
      visitors.create();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(NoRoomForShop);
    // shops[1] was last active 10 min 1 s before now: its idle TTL of 1 h ends in 49 min 59 s
    expect((refused as NoRoomForShop).retryAfterSeconds).toBe(50 * 60 - 1);
    for (const kept of shops) expect(store.get(kept.id)).toBe(kept);
    // exactly when it said, that one passes its idle TTL, is swept, and there is room
    clock.advance((50 * 60 - 1) * 1000);
    const fourth = visitors.create().tenant;
    expect(store.get(shops[1].id)).toBeUndefined();
    expect(store.get(fourth.id)).toBe(fourth);
    expect(store.size).toBe(4); // three visitors and the demo shop
  });

  it('under the memory ceiling, evicts the least recently active idle visitor shops, never a busy one or the demo shop', () => {
    const { clock, store, visitors, touch, demo } = setup({}, undefined, { shopBytes: 1 << 20, processBytes: 200_000 });
    stopAfter.push(visitors);
    const shops = [0, 1, 2].map(() => {
      clock.advance(1000);
      return visitors.create().tenant;
    });
    clock.advance(1000);
    touch(shops[0].id);
    shops[1].busy = 1; // a request of shops[1] is running
    const held = store.memory.used;
    const freed = shops[2].budget.used;
    expect(freed).toBeGreaterThan(0);
    expect(held).toBeLessThan(200_000);
    visitors.makeRoom(200_000 - held + 1);
    // shops[1] is busy and spared; shops[2] is the least recently active idle one
    expect(store.get(shops[2].id)).toBeUndefined();
    expect(store.get(shops[1].id)).toBe(shops[1]);
    expect(store.get(shops[0].id)).toBe(shops[0]);
    // its bytes went back to the process, and only its
    expect(store.memory.used).toBe(held - freed);
    expect(shops[2].budget.used).toBe(0);
    // nothing more can go: the rest is busy, the asking shop, or the demo shop
    expect(() => visitors.makeRoom(200_000, shops[0])).toThrow(AtMemoryCeiling);
    expect(store.get(demo.id)).toBe(demo);
    expect(store.get(shops[1].id)).toBe(shops[1]);
  });

  it('the same seed gives the same ids and secrets; cryptoRandom does not repeat', () => {
    const a = setup().visitors;
    const b = setup().visitors;
    stopAfter.push(a, b);
    const [x, y] = [a.create(), b.create()];
    expect([x.tenant.id, x.secret]).toEqual([y.tenant.id, y.secret]);
    const c = setup({}, cryptoRandom).visitors;
    const d = setup({}, cryptoRandom).visitors;
    stopAfter.push(c, d);
    expect(c.create().secret).not.toBe(d.create().secret);
  });

  it('sweeps on an unref’d timer armed by the first shop, and stops with the sandbox', () => {
    vi.useFakeTimers();
    const { clock, store, visitors } = setup({ idleTtlSeconds: 600 });
    expect(vi.getTimerCount()).toBe(0); // nobody visited: no timer
    const { tenant } = visitors.create();
    expect(vi.getTimerCount()).toBe(1);
    clock.advance(10 * MINUTE);
    vi.advanceTimersByTime(MINUTE);
    expect(store.get(tenant.id)).toBeUndefined();
    visitors.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
