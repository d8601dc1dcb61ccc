/**
 * The sandbox without a host: engine, store, event bus, webhooks, shops,
 * services and the fetch door, built from plain inputs (a resolved config,
 * the dereferenced spec, the frozen fixture seed) and one Platform. Nothing
 * here reads a file, opens a socket or imports a Node built-in, so the same
 * core is what createSandbox (src/index.ts: Node, Express, --data) and
 * createBrowserSandbox (src/browser.ts: a page, a service worker) wrap.
 * scripts/check-bundle.ts holds it to that.
 */
import { DEMO_KEY_ID } from '../fixtures/demoShop.js';
import type { ResolvedConfig } from './config.js';
import { fetchDoor, type FetchHandler } from './doors/fetch.js';
import { createEngine, type Engine, type RunnableEngine } from './engine/engine.js';
import { IpOwners } from './engine/stages/ipOwners.js';
import { RateLimiter } from './engine/stages/rateLimit.js';
import { visitorShopLimit } from './engine/stages/visitorShops.js';
import { EventBus } from './events/bus.js';
import { WebhookDispatcher, type AttemptReport } from './events/dispatcher.js';
import type { Platform } from './platform/types.js';
import { budgetGate } from './resources/budgetGate.js';
import { bindHandlers } from './resources/index.js';
import { makeReadOnly } from './resources/tenants.js';
import type { HandlerOverrides, Services } from './services.js';
import { keepShops, type KeptShops, type ShopStorage } from './shops/wire.js';
import type { Spec } from './spec/dereference.js';
import { readOperations } from './spec/operations.js';
import { RouteTable } from './spec/routeTable.js';
import { CursorCodec } from './state/cursor.js';
import { cryptoRandom, EphemeralTenants } from './state/expiry.js';
import { hashSeed, seededRandom } from './state/random.js';
import type { FixtureSeed } from './state/seed.js';
import { TenantStore } from './state/store.js';
import type { Tenant } from './state/tenant.js';

export const DEMO_TENANT_ID = 'tnt_demo';

/** Where an error goes when the host gives no logError: the console, with its trace id. */
export function consoleError(err: unknown, traceId?: string): void {
  console.error(`[sx-sandbox] ${traceId ?? ''}`, err);
}

export interface CoreInputs {
  config: ResolvedConfig;
  /** the spec, parsed and dereferenced (spec/dereference.ts) */
  spec: Spec;
  /** the demo shop's frozen fixtures (fixtures/demoSeed.ts) */
  seed: FixtureSeed;
  platform: Platform;
  handlerOverrides?: HandlerOverrides;
  /** where errors the sandbox cannot answer with go (a log); default: the console (consoleError) */
  logError?: (err: unknown, traceId?: string) => void;
  /** told of every finished webhook attempt; must not throw */
  onAttempt?: (attempt: AttemptReport) => void;
  /** keeps shops beyond the run (Node's --data directory); opened before the first request */
  storage?: (parts: { store: TenantStore; seed: FixtureSeed }) => ShopStorage | null;
}

/** What every host's sandbox offers of its core (createSandbox's Sandbox, createBrowserSandbox's BrowserSandbox). */
export interface CoreParts {
  /** the fetch door: `Request` → `Response`, no port (service workers, edge runtimes, tests); paths under /v1 */
  fetch: FetchHandler;
  routes: RouteTable;
  store: TenantStore;
  /** every event of every shop: `bus.subscribe((tenant, event) => …)` returns an unsubscribe */
  bus: EventBus;
  /** webhook deliveries; `await sandbox.webhooks.idle()` waits until no attempt is in flight */
  webhooks: WebhookDispatcher;
  services: Services;
  seed: FixtureSeed;
  /** the demo shop */
  demo: Tenant;
  /** the demo shop's full-access test key */
  demoKey: string;
  /** the transport-neutral core every door calls: a plain request in, a plain reply out */
  engine: Engine;
}

export interface Core extends CoreParts {
  /** `handle` for every door; `run` also says how the request was routed (the Express door's fall-through to its extras) */
  engine: RunnableEngine;
  shops: KeptShops;
  /** webhooks stopped, every shop's scheduled work cleared, then `beforeStorage` (the host's own closing), then the storage closed */
  close(beforeStorage?: () => Promise<void>): Promise<void>;
}

/** The parts a host's sandbox hands on as they are (the engine with its `run`: BrowserSandbox shows it). */
export function partsOf(core: Core): CoreParts & Pick<Core, 'engine'> {
  const { fetch, routes, store, bus, webhooks, services, seed, demo, demoKey, engine } = core;
  return { fetch, routes, store, bus, webhooks, services, seed, demo, demoKey, engine };
}

export function createCore(inputs: CoreInputs): Core {
  const { config, spec, seed, platform, logError = consoleError } = inputs;
  if (!config.key.startsWith('sx_test_'))
    throw new Error(`the demo key must be an sx_test_ key (the sandbox refuses live keys), got '${config.key.slice(0, 8)}…'`);
  const operations = readOperations(spec);
  const routes = new RouteTable(operations);
  const handlers = bindHandlers(operations, inputs.handlerOverrides);

  const bus = new EventBus((err) => logError(err));
  const webhooks = new WebhookDispatcher({
    timeoutMs: config.webhooks.timeoutMs,
    retryScheduleMs: config.webhooks.retryScheduleMs,
    deliver: platform.deliver,
    resolve: config.webhooks.resolve ?? platform.resolve,
    publicMode: config.public,
    system: config.clock,
    onAttempt: inputs.onAttempt,
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
  webhooks.serve(store);
  const demo = store.create(DEMO_TENANT_ID, seed);
  store.bindSecret(demo, DEMO_KEY_ID, config.key);
  if (config.public) makeReadOnly(demo, DEMO_KEY_ID);
  // snapshots, forks, exports; with a storage, every shop loaded from it and kept in it (README "State that lasts")
  const shops = keepShops({
    store,
    seed,
    seedNumber: config.seed,
    demo,
    storage: inputs.storage?.({ store, seed }) ?? null,
    public: config.public,
    sha256Hex: platform.sha256Hex,
  });
  const ephemeral = new EphemeralTenants({
    store,
    seed,
    system: config.clock,
    limits: config.ephemeral,
    random: config.public ? cryptoRandom : seededRandom(hashSeed(`${config.seed}:visitors`)),
  });

  const services: Services = {
    store,
    cursors: new CursorCodec(`sx-sandbox:${config.seed}`, platform.hmacSha256),
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
    sha256: platform.sha256Base64Url,
    gates: [visitorShopLimit(routes, config.ephemeral, config.clock)],
    budget: budgetGate(ephemeral),
    log: logError,
  });

  return {
    engine,
    fetch: fetchDoor(engine),
    routes,
    store,
    bus,
    webhooks,
    services,
    seed,
    demo,
    demoKey: config.key,
    shops,
    async close(beforeStorage) {
      ephemeral.stop();
      await webhooks.stop();
      for (const tenant of store.values()) tenant.scheduler.clear();
      await beforeStorage?.();
      shops.close();
    },
  };
}
