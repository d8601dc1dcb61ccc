import type { EventBus } from './events/bus.js';
import type { WebhookDispatcher } from './events/dispatcher.js';
import type { CursorCodec } from './state/cursor.js';
import type { EphemeralTenants } from './state/expiry.js';
import type { TenantStore } from './state/store.js';
import type { BoundHandler, Handler, HandlerContext } from './engine/stages/dispatch.js';
import type { OperationId } from './spec/operationTypes.js';
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

/** The sandbox's handler of one operation. */
export type SxHandler<Op extends OperationId> = Handler<Op, Services>;
/** Handlers by operationId: each typed for its own operation. */
export type HandlerSet = { [Op in OperationId]?: SxHandler<Op> };
/**
 * Test seams that replace handlers by operationId (to make one slow, failing
 * or misbehaving): each gets its operation's typed context and may answer
 * anything, since what the pipeline does with a faulty answer is the point.
 */
export type HandlerOverrides = { [Op in OperationId]?: (ctx: HandlerContext<Op, Services>) => unknown };
export type SxBoundHandler = BoundHandler<Services>;
