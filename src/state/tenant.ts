import { ShopBudget, type ProcessMemory } from './budget.js';
import { Collection } from './collection.js';
import { isoSeconds, TenantClock, type Clock, type ClockMode } from './clock.js';
import { IdFactory } from './ids.js';
import { KeyPools } from './keyPools.js';
import { OverlayMap } from './overlay.js';
import { cryptoRandom, hashSeed, seededRandom, type Random } from './random.js';
import type { ApiKey } from './records.js';
import { RememberedReplies } from './replies.js';
import { Scheduler } from './scheduler.js';
import { collectionsOver, type Collections, type TenantSeed } from './seed.js';

export type { IdempotencyEntry } from './replies.js';

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
  /** bytes this shop may hold beyond its fixtures */
  shopBytes: number;
  /** the process ceiling every shop's bytes add up to */
  memory: ProcessMemory;
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
  idempotency!: RememberedReplies;
  /** system ms of the last request, for idle expiry */
  lastActivity: number;
  /** what this shop holds, in bytes, against its budget and the process ceiling */
  readonly budget: ShopBudget;
  /** requests of this shop still running: a busy shop is never evicted */
  busy = 0;
  private life = new AbortController();

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
    this.budget = new ShopBudget(options.shopBytes, options.memory);
    this.clock = new TenantClock(options.system, options.seed.epoch, options.clockMode);
    this.random = seededRandom(hashSeed(`${options.randomSeed}:${options.id}`));
    this.secretRandom = options.cryptoSecrets ? cryptoRandom : this.random;
    this.ids = new IdFactory(this.clock, this.random);
    this.scheduler = new Scheduler(this.clock, options.clockMode === 'running', options.onJobError);
    this.apiKeys = new Collection(options.seed.apiKeys, this.budget.keys);
    this.publish = options.publish;
    this.lastActivity = options.system.now();
    this.fillFromSeed();
  }

  /** Now on this tenant's clock, as the API writes timestamps. */
  now(): string {
    return isoSeconds(this.clock.now());
  }

  emit(type: string, object: unknown): void {
    if (this.life.signal.aborted) return;
    this.publish(this, type, object);
  }

  /**
   * Aborted when this shop's state ends (a reset, or the shop removed):
   * whatever was started for that state (deliveries queued, in flight or
   * retrying) watches it and stops at once.
   */
  get lifetime(): AbortSignal {
    return this.life.signal;
  }

  /** Back to the fixtures. API keys stay, so the caller's key keeps working. */
  reset(): void {
    this.endState();
    this.life = new AbortController();
    this.clock.reset();
    this.budget.renewState();
    this.fillFromSeed();
  }

  /** The shop is gone: its work stops and its bytes go back to the process. */
  retire(): void {
    this.endState();
    this.budget.close();
  }

  private endState(): void {
    this.scheduler.clear();
    this.life.abort();
  }

  private fillFromSeed(): void {
    const meter = this.budget.state;
    Object.assign(this, collectionsOver(this.options.seed, meter));
    this.idempotency = new RememberedReplies(meter);
    this.pools = new KeyPools(this.options.seed.keyPools, meter);
    this.customerIdsByEmail = new OverlayMap(this.options.seed.customerIdsByEmail);
    this.productIdsBySlug = new OverlayMap(this.options.seed.productIdsBySlug);
  }
}
