/**
 * `sx-sandbox/browser`: the whole sandbox in a browser page or a service
 * worker, one shop for one reader, with no server and no Node built-in.
 * Built into dist/browser/sx-sandbox.js (ESM, self-contained: the spec and
 * the fixtures are inside as JSON made at build time).
 *
 *   const sandbox = createBrowserSandbox({ shopFile: localStorage.getItem('shop') ?? undefined });
 *   const reply = await sandbox.fetch(new Request('https://any.host/v1/products', {
 *     headers: { Authorization: `Bearer ${sandbox.demoKey}` } }));
 *   localStorage.setItem('shop', sandbox.exportShop());
 *
 * Also exported: specDocument() (the spec as parsed, $refs kept, for a
 * reference renderer), BUILT_SEEDS, ManualClock, DEMO_KEY_SECRET.
 *
 * Options: seed (a seed the bundle carries, BUILT_SEEDS), clock, clockMode,
 * key, rateLimits, webhooks (timeout, retry schedule), deliver (makes each
 * webhook attempt; default a `fetch` POST), onAttempt (every finished
 * attempt with its signed headers, payload, outcome and next retry),
 * shopFile (resume a shop saved by exportShop), onChange (the shop changed:
 * time to save it).
 * The sandbox: fetch (the fetch door; any origin, paths under /v1), engine,
 * demoKey, demo, store, bus (subscribe to every event), webhooks (the
 * dispatcher: idle(), its delivery log), spec, exportShop(), close().
 * The shop clock moves through the API's test helpers
 * (POST /v1/test_helpers/clock/advance), as everywhere else.
 */
import type { History } from '../fixtures/generate.js';
import { DEMO_KEY_SECRET } from '../fixtures/demoShop.js';
import { demoSeedOf } from '../fixtures/demoSeed.js';
import { BUILT_SEEDS, historyOf, specDocument } from './browser/data.js';
import { resolveConfig, type SandboxOptions } from './config.js';
import { createCore, partsOf, type Core, type CoreParts } from './core.js';
import type { AttemptReport } from './events/dispatcher.js';
import type { Deliver } from './platform/types.js';
import { webPlatform } from './platform/web.js';
import { resumeShop, savedShop } from './shops/savedShop.js';
import { dereference, type Spec } from './spec/dereference.js';
import { systemClock } from './state/clock.js';

export { ManualClock, systemClock, type Clock } from './state/clock.js';
export { DEMO_KEY_SECRET } from '../fixtures/demoShop.js';
/** BUILT_SEEDS: the seeds whose fixtures this build carries; specDocument(): the spec as parsed, $refs kept (for a reference renderer) */
export { BUILT_SEEDS, specDocument } from './browser/data.js';
export type { AttemptRequest, AttemptResult, Deliver } from './platform/types.js';
export type { AttemptReport, SentRequest } from './events/dispatcher.js';
export type { FetchHandler } from './doors/fetch.js';
export type { Engine } from './engine/engine.js';
export type { SxEvent, WebhookDelivery } from './state/records.js';

export interface BrowserSandboxOptions
  extends Pick<SandboxOptions, 'seed' | 'key' | 'clock' | 'clockMode' | 'rateLimits' | 'webhooks' | 'caps' | 'memory' | 'bodyLimitBytes'> {
  /** makes each webhook attempt (default: a `fetch` POST, which a browser lets through only to receivers that answer CORS) */
  deliver?: Deliver;
  /** told of every finished webhook attempt: signed headers and payload (`request`), outcome, next retry (`delivery.next_retry_at`) */
  onAttempt?: (report: AttemptReport) => void;
  /** a shop file from exportShop() (or from createSandbox's exportShop): the reader's shop goes on from it */
  shopFile?: string;
  /**
   * told of every change to the reader's shop (synchronously, often several
   * times per request; a key's use counts): the moment to save exportShop(),
   * from a debounced callback
   */
  onChange?: () => void;
}

/** The reader's shop is the demo shop (`demo`, `demoKey`); `fetch` answers paths under /v1 whatever the origin. */
export interface BrowserSandbox extends CoreParts {
  engine: Core['engine'];
  spec: Spec;
  /** the shop as one file's text, with its keys: keep it (localStorage) and give it back as `shopFile` */
  exportShop(): string;
  close(): Promise<void>;
}

function historyFrom(seed: number): History {
  const history = historyOf(seed);
  if (!history)
    throw new Error(
      `createBrowserSandbox: this build carries the fixtures of seed ${BUILT_SEEDS.join(', ')}, not ${seed}; use one of those (or createSandbox in Node, which generates any seed)`,
    );
  return history;
}

let spec: Spec | undefined;

export function createBrowserSandbox(options: BrowserSandboxOptions = {}): BrowserSandbox {
  const config = resolveConfig(options, { key: DEMO_KEY_SECRET, clock: systemClock });
  const seedNumber = config.seed;
  // one dereferenced document per page, shared by every sandbox in it (it is only read)
  spec ??= dereference(specDocument());
  const platform = webPlatform({ deliver: options.deliver });
  const core = createCore({
    config,
    spec,
    seed: demoSeedOf(seedNumber, () => historyFrom(seedNumber)),
    platform,
    onAttempt: options.onAttempt,
  });
  if (options.shopFile !== undefined) resumeShop(core.store, core.demo, seedNumber, options.shopFile, 'the saved shop', platform.sha256Hex);
  const { onChange } = options;
  // the same sink a --data directory's journal uses in Node; a browser has no journal, only the whole file
  if (onChange) core.demo.observe(() => onChange());
  return {
    ...partsOf(core),
    spec,
    exportShop: () => savedShop(core.store, core.demo, seedNumber, platform.sha256Hex),
    close: () => core.close(),
  };
}
