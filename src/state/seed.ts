import type { Meter } from './budget.js';
import { Collection, FrozenBase, type Base } from './collection.js';
import type { MapView } from './overlay.js';
import type { ApiKey, Customer, Order, Payout, Product, WebhookDelivery, WebhookEndpoint } from './records.js';

/**
 * Everything a tenant starts from, built once and frozen, then shared by
 * every tenant created from it (the demo shop and each visitor sandbox).
 * A frozen shop (a snapshot, a fork's start) is one too: its layers over
 * the fixtures, shared by every shop made from it.
 */
export interface TenantSeed {
  /** the tenant clock's starting point (ms) */
  readonly epoch: number;
  readonly products: Base<Product>;
  readonly orders: Base<Order>;
  readonly customers: Base<Customer>;
  readonly payouts: Base<Payout>;
  readonly webhooks: Base<WebhookEndpoint>;
  readonly deliveries: Base<WebhookDelivery>;
  readonly apiKeys: Base<ApiKey>;
  readonly keyPools: MapView<string, ReadonlySet<string>>;
  readonly customerIdsByEmail: MapView<string, string>;
  readonly productIdsBySlug: MapView<string, string>;
}

/** A seed built from fixtures: plain frozen arrays and maps at the bottom of every chain. */
export interface FixtureSeed extends TenantSeed {
  readonly products: FrozenBase<Product>;
  readonly orders: FrozenBase<Order>;
  readonly customers: FrozenBase<Customer>;
  readonly payouts: FrozenBase<Payout>;
  readonly webhooks: FrozenBase<WebhookEndpoint>;
  readonly deliveries: FrozenBase<WebhookDelivery>;
  readonly apiKeys: FrozenBase<ApiKey>;
  readonly keyPools: ReadonlyMap<string, ReadonlySet<string>>;
  readonly customerIdsByEmail: ReadonlyMap<string, string>;
  readonly productIdsBySlug: ReadonlyMap<string, string>;
}

export interface SeedData {
  epoch: number;
  products?: Product[];
  orders?: Order[];
  customers?: Customer[];
  payouts?: Payout[];
  webhooks?: WebhookEndpoint[];
  deliveries?: WebhookDelivery[];
  apiKeys?: ApiKey[];
  /** productId → pooled license keys */
  keyPools?: Record<string, string[]>;
}

/** Freezes seed data; records must be given oldest first (creation order). */
export function buildSeed(data: SeedData): FixtureSeed {
  const customers = data.customers ?? [];
  return {
    epoch: data.epoch,
    products: new FrozenBase(data.products ?? []),
    orders: new FrozenBase(data.orders ?? []),
    customers: new FrozenBase(customers),
    payouts: new FrozenBase(data.payouts ?? []),
    webhooks: new FrozenBase(data.webhooks ?? []),
    deliveries: new FrozenBase(data.deliveries ?? []),
    apiKeys: new FrozenBase(data.apiKeys ?? []),
    keyPools: new Map(Object.entries(data.keyPools ?? {}).map(([id, keys]) => [id, new Set(keys)])),
    customerIdsByEmail: new Map(customers.map((c) => [c.email, c.id])),
    productIdsBySlug: new Map((data.products ?? []).map((p) => [p.slug, p.id])),
  };
}

export type Collections = {
  products: Collection<Product>;
  orders: Collection<Order>;
  customers: Collection<Customer>;
  payouts: Collection<Payout>;
  webhooks: Collection<WebhookEndpoint>;
  deliveries: Collection<WebhookDelivery>;
};

/** A tenant's collections over the seed; what it writes is accounted on `meter`. */
export function collectionsOver(seed: TenantSeed, meter: Meter | null = null): Collections {
  return {
    products: new Collection(seed.products, meter),
    orders: new Collection(seed.orders, meter),
    customers: new Collection(seed.customers, meter),
    payouts: new Collection(seed.payouts, meter),
    webhooks: new Collection(seed.webhooks, meter),
    deliveries: new Collection(seed.deliveries, meter),
  };
}
