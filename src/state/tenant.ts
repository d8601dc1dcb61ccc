import { ShopBudget, type ProcessMemory } from './budget.js';
import { COLLECTION_NAMES, OVERLAY_NAMES, type CollectionName, type ShopChange } from './changes.js';
import { Collection } from './collection.js';
import { DerivedIndexes } from './derived.js';
import { isoSeconds, TenantClock, type Clock, type ClockMode } from './clock.js';
import { IdFactory, type IdPosition } from './ids.js';
import { runJob } from './jobs.js';
import { KeyPools } from './keyPools.js';
import { OverlayMap } from './overlay.js';
import { cryptoRandom, hashSeed, seededRandom, type Random, type SeededRandom } from './random.js';
import type { ApiKey, EventType } from './records.js';
import { RememberedReplies, type IdempotencyEntry } from './replies.js';
import { Scheduler, type PlannedJob } from './scheduler.js';
import { collectionsOver, type Collections, type TenantSeed } from './seed.js';

export type { IdempotencyEntry } from './replies.js';

export type Publish = (tenant: Tenant, type: EventType, object: unknown) => void;

export interface TenantOptions {
  id: string;
  /** the fixtures: where a reset goes back to */
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
  /** a fork: the shop starts as this frozen shop, not as the fixtures */
  from?: FrozenShop;
}

/** Where a shop's streams stand: its clock, its random stream, its id factory. */
export interface ShopStreams {
  now: number;
  /** the seeded stream's position (ids, tx hashes; secrets too unless the host is public) */
  random: number;
  ids: IdPosition;
  payoutsResumed: boolean;
}

/** The streams and the planned jobs. */
export interface ShopPosition extends ShopStreams {
  jobs: { counter: number; jobs: PlannedJob[] };
}

/**
 * A shop frozen at a moment (a named snapshot, a fork's start): its layers
 * over the fixtures, shared by every shop restored or forked from it (O(1)
 * to take: the layers move, nothing is copied), and where its streams stood.
 * API keys are not in it: a restore keeps the shop's keys, a fork has its own.
 */
export interface FrozenShop {
  seed: TenantSeed;
  own: Record<Exclude<CollectionName, 'apiKeys'>, number>;
  position: ShopPosition;
  idempotency: [string, IdempotencyEntry][];
  /** the state's bytes when frozen, its remembered replies aside (a restore counts those as it sets them again) */
  bytes: number;
}

type StateCollection = Exclude<CollectionName, 'apiKeys'>;
const STATE_COLLECTIONS = COLLECTION_NAMES.filter((name): name is StateCollection => name !== 'apiKeys');

/** A Map of key → last use that tells its observer of every use (the shop's journal). */
class LastUsed extends Map<string, number> {
  observer: ((keyId: string, at: number) => void) | null = null;
  override set(keyId: string, at: number): this {
    if (super.get(keyId) === at) return this;
    super.set(keyId, at);
    this.observer?.(keyId, at);
    return this;
  }
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
  readonly lastUsed: Map<string, number> = new LastUsed();
  idempotency!: RememberedReplies;
  /** system ms of the last request, for idle expiry */
  lastActivity: number;
  /** what this shop holds, in bytes, against its budget and the process ceiling */
  readonly budget: ShopBudget;
  /** requests of this shop still running: a busy shop is never evicted */
  busy = 0;
  /** fixture payouts in flight have their next step planned (see resumePayouts) */
  payoutsResumed = false;
  /** named snapshots of this shop, in memory (see shops/snapshots.ts) */
  readonly snapshots = new Map<string, { frozen: FrozenShop; takenAt: string }>();
  private life = new AbortController();
  private readonly stream: SeededRandom;
  private sink: ((change: ShopChange) => void) | null = null;

  products!: Collections['products'];
  orders!: Collections['orders'];
  customers!: Collections['customers'];
  payouts!: Collections['payouts'];
  webhooks!: Collections['webhooks'];
  deliveries!: Collections['deliveries'];
  pools!: KeyPools;
  customerIdsByEmail!: OverlayMap<string, string>;
  productIdsBySlug!: OverlayMap<string, string>;
  /** indexes derived from this state by the modules that read them; a new state (reset, restore) starts without any */
  derived!: DerivedIndexes<Tenant>;

  private readonly publish: Publish;

  constructor(private readonly options: TenantOptions) {
    this.id = options.id;
    this.ephemeral = options.ephemeral ?? false;
    this.budget = new ShopBudget(options.shopBytes, options.memory);
    this.clock = new TenantClock(options.system, options.seed.epoch, options.clockMode);
    this.stream = seededRandom(hashSeed(`${options.randomSeed}:${options.id}`));
    this.random = this.stream;
    this.secretRandom = options.cryptoSecrets ? cryptoRandom : this.random;
    this.ids = new IdFactory(this.clock, this.random);
    this.scheduler = new Scheduler(this.clock, options.clockMode === 'running', options.onJobError, (job) => runJob(this, job));
    this.apiKeys = new Collection(options.seed.apiKeys, this.budget.keys);
    this.publish = options.publish;
    this.lastActivity = options.system.now();
    if (options.from) this.fillFrom(options.from);
    else this.fillFromSeed();
  }

  /** Now on this tenant's clock, as the API writes timestamps. */
  now(): string {
    return isoSeconds(this.clock.now());
  }

  emit(type: EventType, object: unknown): void {
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
    this.sink?.({ t: 'reset' });
  }

  /** The shop is gone: its work stops and its bytes go back to the process. */
  retire(): void {
    this.endState();
    this.budget.close();
  }

  /**
   * Freezes the shop's state into a shared base (O(1): every layer moves, no
   * record is copied) and goes on over it. Planned jobs and remembered
   * replies are copied: both are bounded, never the size of the shop.
   */
  freeze(): FrozenShop {
    const own = {} as FrozenShop['own'];
    for (const name of STATE_COLLECTIONS) own[name] = this[name].ownSize;
    const seed: TenantSeed = {
      epoch: this.options.seed.epoch,
      products: this.products.freeze(),
      orders: this.orders.freeze(),
      customers: this.customers.freeze(),
      payouts: this.payouts.freeze(),
      webhooks: this.webhooks.freeze(),
      deliveries: this.deliveries.freeze(),
      apiKeys: this.options.seed.apiKeys,
      keyPools: this.pools.freeze(),
      customerIdsByEmail: this.customerIdsByEmail.freeze(),
      productIdsBySlug: this.productIdsBySlug.freeze(),
    };
    return { seed, own, position: this.position(), idempotency: this.idempotency.answered(), bytes: this.budget.state.used - this.idempotency.held };
  }

  /** Back to a frozen shop (a snapshot): its state and streams; API keys stay, as with a reset. */
  restore(frozen: FrozenShop): void {
    this.endState();
    this.life = new AbortController();
    this.budget.renewState();
    this.fillFrom(frozen);
    this.sink?.({ t: 'replaced' });
  }

  /** Where this shop's streams stand (a snapshot's or a shop file's part). */
  position(): ShopPosition {
    return { ...this.streams(), jobs: this.scheduler.planned() };
  }

  streams(): ShopStreams {
    return { now: this.clock.now(), random: this.stream.position(), ids: this.ids.position, payoutsResumed: this.payoutsResumed };
  }

  /** Puts the streams and planned jobs where a snapshot or a file had them. */
  seek(position: ShopPosition): void {
    this.seekStreams(position);
    this.scheduler.clear();
    this.scheduler.load(position.jobs);
  }

  seekStreams(streams: ShopStreams): void {
    this.clock.setNow(streams.now);
    this.stream.seek(streams.random);
    this.ids.position = streams.ids;
    this.payoutsResumed = streams.payoutsResumed;
  }

  /**
   * Tells `sink` of every change to this shop from now on (null: nobody):
   * what the journal of a shop kept on disk writes. A change made while
   * the sink runs (none should) would be told too.
   */
  observe(sink: ((change: ShopChange) => void) | null): void {
    this.sink = sink;
    this.apiKeys.observe(sink && ((change) => sink({ t: 'rec', c: 'apiKeys', change })));
    (this.lastUsed as LastUsed).observer = sink && ((keyId, at) => sink({ t: 'used', keyId, at }));
    this.scheduler.observer = sink && ((change) => sink({ t: 'job', change }));
    this.observeState();
  }

  /** A change the store makes for this shop (a secret bound or forgotten) goes to the same sink. */
  record(change: ShopChange): void {
    this.sink?.(change);
  }

  private observeState(): void {
    const sink = this.sink;
    for (const name of STATE_COLLECTIONS) this[name].observe(sink && ((change) => sink({ t: 'rec', c: name, change })));
    for (const name of OVERLAY_NAMES) this[name].observer = sink && ((k, v) => sink({ t: 'map', m: name, k, v }));
    this.pools.observer = sink && ((p, change) => sink({ t: 'pool', p, ...change }));
    this.idempotency.observer = sink && ((k, entry) => sink({ t: 'idem', k, entry: entry && { ...entry } }));
  }

  private endState(): void {
    this.scheduler.clear();
    this.life.abort();
  }

  private fillFromSeed(): void {
    this.fillOver(this.options.seed);
    this.payoutsResumed = false;
  }

  private fillFrom(frozen: FrozenShop): void {
    this.fillOver(frozen.seed);
    for (const name of STATE_COLLECTIONS) this[name].inherit(frozen.own[name]);
    for (const [key, entry] of frozen.idempotency) this.idempotency.set(key, { ...entry });
    this.budget.state.charge(frozen.bytes);
    this.seek(frozen.position);
  }

  private fillOver(seed: TenantSeed): void {
    const meter = this.budget.state;
    Object.assign(this, collectionsOver(seed, meter));
    this.idempotency = new RememberedReplies(meter);
    this.pools = new KeyPools(seed.keyPools, meter);
    this.customerIdsByEmail = new OverlayMap(seed.customerIdsByEmail);
    this.productIdsBySlug = new OverlayMap(seed.productIdsBySlug);
    this.derived = new DerivedIndexes<Tenant>(this);
    this.observeState();
  }
}
