import type { Clock } from './clock.js';
import { TENANT_BYTES } from './budget.js';
import { IdFactory } from './ids.js';
import { randomString, type Random } from './random.js';
import { ABILITIES } from './records.js';
import type { TenantSeed } from './seed.js';
import type { TenantStore } from './store.js';
import type { Tenant } from './tenant.js';
import { unref } from '../platform/timers.js';

/** How many visitor shops (ephemeral tenants) exist, for how long, and how fast one IP may ask for them. */
export interface EphemeralLimits {
  /** seconds without an authenticated request after which a visitor shop is removed */
  idleTtlSeconds: number;
  /** seconds after creation when a visitor shop is removed at the latest (its `expires_at`) */
  maxLifetimeSeconds: number;
  /** visitor shops held at once; when all are in use (active within the idle TTL), creation is refused with 503 */
  maxTenants: number;
  /** visitor shops one client IP may create per window */
  perIpPerWindow: number;
  windowSeconds: number;
}

export const DEFAULT_EPHEMERAL: EphemeralLimits = {
  idleTtlSeconds: 3600,
  maxLifetimeSeconds: 86_400,
  maxTenants: 10_000,
  perIpPerWindow: 100,
  windowSeconds: 600,
};

/** Strangers share a public host: fewer shops, and a tenth of the local budget per IP. */
export const PUBLIC_EPHEMERAL: EphemeralLimits = {
  ...DEFAULT_EPHEMERAL,
  maxTenants: 1000,
  perIpPerWindow: 10,
};

// a public host must not hand out ids or secrets a seed can reproduce
export { cryptoRandom } from './random.js';

/** No visitor shop can be created now: all are in use. `retryAfterSeconds`: when the first one's idle TTL or lifetime ends. */
export class NoRoomForShop extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`all visitor shops are in use; one is free in ${retryAfterSeconds} s at the latest`);
  }
}

/** The process is at its memory ceiling and no visitor shop can be evicted (all are busy, or none is a visitor's). */
export class AtMemoryCeiling extends Error {
  constructor(
    readonly usedBytes: number,
    readonly limitBytes: number,
  ) {
    super('the sandbox is at its memory ceiling');
  }
}

export interface VisitorShop {
  tenant: Tenant;
  /** a test key holding all nine abilities; shown once */
  secret: string;
  /** system ms when the shop goes at the latest */
  expiresAt: number;
}

export interface EphemeralOptions {
  store: TenantStore;
  /** the frozen fixtures every visitor shop starts from (shared, never copied) */
  seed: TenantSeed;
  /** system time: expiry is real time, never a shop's own (advanceable) clock */
  system: Clock;
  limits: EphemeralLimits;
  /** for tenant ids and secrets: seeded locally (reproducible), cryptoRandom when public */
  random: Random;
}

/**
 * The visitor shops of the docs page: created on demand, removed after
 * `idleTtlSeconds` without a request or `maxLifetimeSeconds` after creation,
 * and never more than `maxTenants` at once. A shop active within its idle
 * TTL is in use and is never evicted to make room for a new one (a burst of
 * creations would otherwise wipe shops that people are working in): at the
 * cap, creation fails with NoRoomForShop until one expires. The process
 * memory ceiling is the one reason an active shop goes early: then the least
 * recently active, idle-at-this-moment ones go first (`makeRoom`).
 * Removal goes through store.remove, so a shop's memory and its pending work
 * go with it. Sweeps run on every creation and on an unref'd timer; tests
 * call `sweep()` after moving the injected clock.
 */
export class EphemeralTenants {
  /** creation order; only visitor shops, never the demo shop */
  private readonly live = new Map<string, { tenant: Tenant; expiresAt: number }>();
  private readonly ids: IdFactory;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** visitor shops evicted for memory since start (the benchmark reports it) */
  evicted = 0;

  constructor(private readonly options: EphemeralOptions) {
    this.ids = new IdFactory(options.system, options.random);
  }

  get size(): number {
    return this.live.size;
  }

  get limits(): EphemeralLimits {
    return this.options.limits;
  }

  create(): VisitorShop {
    const { store, seed, system, limits, random } = this.options;
    const now = system.now();
    this.sweep(now);
    if (this.live.size >= limits.maxTenants) throw new NoRoomForShop(this.secondsUntilOneEnds(now));
    this.makeRoom(TENANT_BYTES);
    const tenant = store.create(this.ids.next('tnt'), seed, true);
    const { secret } = store.mint(tenant, {
      name: 'Docs visitor',
      abilities: ABILITIES,
      mode: 'test',
      secret: `sx_test_${randomString(random, 24)}`,
    });
    const expiresAt = now + limits.maxLifetimeSeconds * 1000;
    this.live.set(tenant.id, { tenant, expiresAt });
    this.startTimer();
    return { tenant, secret, expiresAt };
  }

  /** Removes every visitor shop past its idle or absolute deadline; returns how many went. */
  sweep(now = this.options.system.now()): number {
    const idleMs = this.options.limits.idleTtlSeconds * 1000;
    let removed = 0;
    for (const [id, { tenant, expiresAt }] of this.live) {
      if (now >= expiresAt || now - tenant.lastActivity >= idleMs) {
        this.remove(id);
        removed++;
      }
    }
    return removed;
  }

  /** Stops the sweep timer (the sandbox's close()). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Makes room under the process ceiling for `bytes` more: evicts the least
   * recently active visitor shops that have no request running (and are not
   * `keep`, the shop asking) until it fits. Throws AtMemoryCeiling when even
   * that is not enough.
   */
  makeRoom(bytes: number, keep?: Tenant): void {
    const memory = this.options.store.memory;
    if (memory.fits(bytes)) return;
    const candidates = [...this.live.values()]
      .map(({ tenant }) => tenant)
      .filter((tenant) => tenant !== keep && tenant.busy === 0)
      .sort((a, b) => a.lastActivity - b.lastActivity);
    for (const tenant of candidates) {
      if (memory.fits(bytes)) return;
      this.remove(tenant.id);
      this.evicted++;
    }
    if (!memory.fits(bytes)) throw new AtMemoryCeiling(memory.used, memory.limit);
  }

  /** Whole seconds (≥ 1) until the first visitor shop passes its idle TTL or its lifetime. */
  private secondsUntilOneEnds(now: number): number {
    const idleMs = this.options.limits.idleTtlSeconds * 1000;
    let first = Infinity;
    for (const { tenant, expiresAt } of this.live.values()) first = Math.min(first, expiresAt, tenant.lastActivity + idleMs);
    return Math.max(1, Math.ceil((first - now) / 1000));
  }

  private remove(id: string): void {
    this.options.store.remove(id);
    this.live.delete(id);
  }

  /** Armed by the first visitor shop, so a sandbox nobody visits runs no timer at all. */
  private startTimer(): void {
    if (this.timer) return;
    // often enough that a shop outlives its deadline by a minute at most
    const everyMs = Math.min(60_000, this.options.limits.idleTtlSeconds * 1000);
    this.timer = unref(setInterval(() => this.sweep(), everyMs));
  }
}
