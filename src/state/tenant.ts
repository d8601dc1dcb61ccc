import { Collection } from './collection.js';
import { isoSeconds, TenantClock, type Clock, type ClockMode } from './clock.js';
import { IdFactory } from './ids.js';
import { KeyPools } from './keyPools.js';
import { OverlayMap } from './overlay.js';
import { cryptoRandom, hashSeed, seededRandom, type Random } from './random.js';
import type { ApiKey } from './records.js';
import { Scheduler } from './scheduler.js';
import { collectionsOver, type Collections, type TenantSeed } from './seed.js';

/** A reply remembered under an Idempotency-Key (see http/idempotency.ts). */
export interface IdempotencyEntry {
  fingerprint: string;
  expiresAt: number;
  /** null while the first request is still running */
  reply: { status: number; headers: Record<string, string>; body: string } | null;
}

export type Publish = (tenant: Tenant, type: string, object: unknown) => void;

export interface TenantOptions {
  id: string;
  seed: TenantSeed;
  /** the sandbox seed; with the tenant id it derives this tenant's random stream */
  randomSeed: number;
  system: Clock;
  clockMode: ClockMode;
  publish: Publish;
  ephemeral?: boolean;
  /** where secrets (API keys, signing secrets) come from: the seeded stream unless the host is public */
  cryptoSecrets?: boolean;
  onJobError?: (err: unknown) => void;
}

/**
 * One shop. Plain collections over the shared seed, its own clock, ids and
 * scheduled work. Resources change it only through these collections and
 * announce every observable change with `emit`.
 */
export class Tenant implements Collections {
  readonly id: string;
  readonly ephemeral: boolean;
  readonly clock: TenantClock;
  readonly random: Random;
  /** the stream secrets are drawn from: seeded (reproducible) locally, crypto-strong in public mode */
  readonly secretRandom: Random;
  readonly ids: IdFactory;
  readonly scheduler: Scheduler;
  readonly apiKeys: Collection<ApiKey>;
  /** keyId → last use (tenant ms); kept aside so a request does not rewrite the key record */
  readonly lastUsed = new Map<string, number>();
  idempotency = new Map<string, IdempotencyEntry>();
  /** system ms of the last request, for idle expiry */
  lastActivity: number;

  products!: Collections['products'];
  orders!: Collections['orders'];
  customers!: Collections['customers'];
  payouts!: Collections['payouts'];
  webhooks!: Collections['webhooks'];
  deliveries!: Collections['deliveries'];
  pools!: KeyPools;
  customerIdsByEmail!: OverlayMap<string, string>;
  productIdsBySlug!: OverlayMap<string, string>;

  private readonly publish: Publish;

  constructor(
    private readonly options: TenantOptions,
  ) {
    this.id = options.id;
    this.ephemeral = options.ephemeral ?? false;
    this.clock = new TenantClock(options.system, options.seed.epoch, options.clockMode);
    this.random = seededRandom(hashSeed(`${options.randomSeed}:${options.id}`));
    this.secretRandom = options.cryptoSecrets ? cryptoRandom : this.random;
    this.ids = new IdFactory(this.clock, this.random);
    this.scheduler = new Scheduler(this.clock, options.clockMode === 'running', options.onJobError);
    this.apiKeys = new Collection(options.seed.apiKeys);
    this.publish = options.publish;
    this.lastActivity = options.system.now();
    this.fillFromSeed();
  }

  /** Now on this tenant's clock, as the API writes timestamps. */
  now(): string {
    return isoSeconds(this.clock.now());
  }

  emit(type: string, object: unknown): void {
    this.publish(this, type, object);
  }

  /** Back to the fixtures. API keys stay, so the caller's key keeps working. */
  reset(): void {
    this.scheduler.clear();
    this.clock.reset();
    this.idempotency = new Map();
    this.fillFromSeed();
  }

  private fillFromSeed(): void {
    Object.assign(this, collectionsOver(this.options.seed));
    this.pools = new KeyPools(this.options.seed.keyPools);
    this.customerIdsByEmail = new OverlayMap(this.options.seed.customerIdsByEmail);
    this.productIdsBySlug = new OverlayMap(this.options.seed.productIdsBySlug);
  }
}
