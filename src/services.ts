import type { EventBus } from './events/bus.js';
import type { WebhookDispatcher } from './events/dispatcher.js';
import type { CursorCodec } from './state/cursor.js';
import type { EphemeralTenants } from './state/expiry.js';
import type { TenantStore } from './state/store.js';
import type { Handler } from './engine/stages/dispatch.js';
import type { ShopOps } from './shops/shopOps.js';

/** Limits that keep one tenant (or a public host) from eating the machine. */
export interface Caps {
  /** products, orders, payouts… per collection per tenant */
  resourcesPerTenant: number;
  webhookEndpointsPerTenant: number;
  apiKeysPerTenant: number;
  /** license keys in one import call (the spec allows 5000; public hosts take fewer) */
  keysPerImport: number;
}

/** What handlers may use besides their tenant. */
export interface Services {
  store: TenantStore;
  cursors: CursorCodec;
  bus: EventBus;
  caps: Caps;
  /** the docs page's visitor shops */
  ephemeral: EphemeralTenants;
  /** webhook deliveries (the test endpoint sends through it) */
  webhooks: WebhookDispatcher;
  /** snapshots, forks, exports and imports of shops */
  shops: ShopOps;
}

export type SxHandler = Handler<Services>;
export type HandlerSet = Record<string, SxHandler>;
