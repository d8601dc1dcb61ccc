/// <reference types="node" preserve="true" />
// ^ the public types mention node:http; consumers resolve it through @types/node, a dependency
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { DEMO_KEY_ID, DEMO_KEY_SECRET, demoShopSeed } from '../fixtures/index.js';
import { expressDoor } from './doors/express.js';
import { fetchDoor, type FetchHandler } from './doors/fetch.js';
import { createEngine, type Engine } from './engine/engine.js';
import { visitorShopLimit } from './engine/stages/visitorShops.js';
import { docsRoutes } from './docs/routes.js';
import { resolveConfig, type ResolvedConfig, type SandboxOptions } from './config.js';
import { EventBus } from './events/bus.js';
import { WebhookDispatcher } from './events/dispatcher.js';
import { answerClientErrors } from './doors/clientError.js';
import { IpOwners } from './engine/stages/ipOwners.js';
import { RateLimiter } from './engine/stages/rateLimit.js';
import { Logger } from './log/logger.js';
import { bindHandlers } from './resources/index.js';
import { budgetGate } from './resources/budgetGate.js';
import { makeReadOnly } from './resources/tenants.js';
import type { Services } from './services.js';
import { loadSpec, type Spec } from './spec/load.js';
import { readOperations } from './spec/operations.js';
import { RouteTable } from './spec/routeTable.js';
import { systemClock } from './state/clock.js';
import { CursorCodec } from './state/cursor.js';
import { cryptoRandom, EphemeralTenants } from './state/expiry.js';
import { hashSeed, seededRandom } from './state/random.js';
import type { FixtureSeed } from './state/seed.js';
import { TenantStore } from './state/store.js';
import type { Tenant } from './state/tenant.js';
import { keepShops, type ShopApi } from './shops/wire.js';

export type { SandboxOptions } from './config.js';
export { ManualClock } from './state/clock.js';
export { DEMO_KEY_SECRET } from '../fixtures/index.js';
export type { FetchHandler, FetchInfo } from './doors/fetch.js';
export type { Engine } from './engine/engine.js';
export type { EngineReply, EngineRequest } from './engine/types.js';

export const DEMO_TENANT_ID = 'tnt_demo';

export interface Sandbox extends ShopApi {
  /** the Express door (what `listen()` serves) */
  app: Express;
  /** the fetch door: `Request` → `Response`, no port (service workers, edge runtimes, tests) */
  fetch: FetchHandler;
  /** the transport-neutral core every door calls: a plain request in, a plain reply out */
  engine: Engine;
  config: ResolvedConfig;
  spec: Spec;
  routes: RouteTable;
  store: TenantStore;
  bus: EventBus;
  /** webhook deliveries; `await sandbox.webhooks.idle()` waits until no attempt is in flight */
  webhooks: WebhookDispatcher;
  services: Services;
  seed: FixtureSeed;
  /** the demo shop */
  demo: Tenant;
  /** the demo shop's full-access test key */
  demoKey: string;
  /** starts listening; port 0 picks a free one */
  listen(port?: number, host?: string): Promise<{ url: string; server: Server }>;
  close(): Promise<void>;
}

/**
 * The programmatic API: a complete sandbox, in process. Loads the spec,
 * builds the route table and validators once, binds handlers, and seeds the
 * demo shop. Throws at once if the spec and the handlers disagree.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const config = resolveConfig(options, { key: DEMO_KEY_SECRET, clock: systemClock });
  if (!config.key.startsWith('sx_test_')) throw new Error(`the demo key must be an sx_test_ key (the sandbox refuses live keys), got '${config.key.slice(0, 8)}…'`);
  const logger = config.log
    ? new Logger({ style: config.log, system: config.clock, write: options.logTo, color: !options.logTo && !!process.stdout.isTTY && !process.env.NO_COLOR })
    : null;
  const logError = (err: unknown, traceId?: string) => {
    if (logger) logger.error(err, traceId);
    else if (process.env.SX_SANDBOX_QUIET !== '1') console.error(`[sx-sandbox] ${traceId ?? ''}`, err);
  };

  const { spec, raw: specText } = loadSpec();
  const operations = readOperations(spec);
  const routes = new RouteTable(operations);
  const handlers = bindHandlers(operations, options.handlerOverrides);

  const bus = new EventBus((err) => logError(err));
  const webhooks = new WebhookDispatcher({
    timeoutMs: config.webhooks.timeoutMs,
    retryScheduleMs: config.webhooks.retryScheduleMs,
    resolve: config.webhooks.resolve,
    publicMode: config.public,
    system: config.clock,
    onAttempt: logger?.attempt,
  });
  webhooks.attach(bus);
  const store = new TenantStore({
    randomSeed: config.seed,
    system: config.clock,
    clockMode: config.clockMode,
    publish: bus.publish,
    cryptoSecrets: config.public,
    onJobError: (err) => logError(err),
    memory: config.memory,
  });
  const seed = demoShopSeed(config.seed);
  const demo = store.create(DEMO_TENANT_ID, seed);
  store.bindSecret(demo, DEMO_KEY_ID, config.key);
  if (config.public) makeReadOnly(demo, DEMO_KEY_ID);
  // snapshots, forks, exports; with dataDir, every shop loaded from it and journaled to it (README "State that lasts")
  const shops = keepShops({ store, seed, seedNumber: config.seed, demo, dataDir: config.dataDir, public: config.public });
  const ephemeral = new EphemeralTenants({
    store,
    seed,
    system: config.clock,
    limits: config.ephemeral,
    random: config.public ? cryptoRandom : seededRandom(hashSeed(`${config.seed}:visitors`)),
  });

  const services: Services = {
    store,
    cursors: new CursorCodec(`sx-sandbox:${config.seed}`),
    bus,
    caps: config.caps,
    ephemeral,
    webhooks,
    shops: shops.ops,
  };

  const engine = createEngine({
    routes,
    handlers,
    services,
    store,
    system: config.clock,
    limiter: new RateLimiter(config.rateLimits, config.clock),
    perIp: config.ipRateLimits
      ? { limiter: new RateLimiter(config.ipRateLimits, config.clock), owners: new IpOwners(config.ipRateLimits.windowSeconds * 1000, config.clock) }
      : undefined,
    cors: { origins: config.corsOrigins },
    bodyLimitBytes: config.bodyLimitBytes,
    gates: [visitorShopLimit(routes, config.ephemeral, config.clock)],
    budget: budgetGate(ephemeral),
    log: logError,
  });
  const app = expressDoor({
    engine,
    trustProxy: config.trustProxy,
    log: logError,
    requestLog: logger?.requests(),
    extras: docsRoutes({ specText }),
  });

  const servers = new Set<Server>();
  return {
    app,
    fetch: fetchDoor(engine),
    engine,
    config,
    spec,
    routes,
    store,
    bus,
    webhooks,
    services,
    seed,
    demo,
    demoKey: config.key,
    ...shops.api,
    listen(port = 4010, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const server = app.listen(port, host);
        answerClientErrors(server);
        server.once('error', reject);
        server.once('listening', () => {
          servers.add(server);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ url: `http://${shownHost}:${address.port}`, server });
        });
      });
    },
    async close() {
      ephemeral.stop();
      await webhooks.stop();
      for (const tenant of store.values()) tenant.scheduler.clear();
      await Promise.all(
        [...servers].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      servers.clear();
      shops.close();
    },
  };
}
