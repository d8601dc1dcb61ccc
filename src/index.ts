/// <reference types="node" preserve="true" />
// ^ the public types mention node:http; consumers resolve it through @types/node, a dependency
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { DEMO_KEY_SECRET, demoShopSeed } from '../fixtures/index.js';
import { consoleError, createCore, partsOf, type CoreParts } from './core.js';
import { expressDoor } from './doors/express.js';
import { docsRoutes } from './docs/routes.js';
import { resolveConfig, type ResolvedConfig, type SandboxOptions } from './config.js';
import { answerClientErrors } from './doors/clientError.js';
import { Logger } from './log/logger.js';
import { nodePlatform } from './platform/node.js';
import { DataDir } from './shops/dataDir.js';
import { loadSpec, type Spec } from './spec/load.js';
import { systemClock } from './state/clock.js';
import type { ShopApi } from './shops/wire.js';

export type { SandboxOptions } from './config.js';
export { ManualClock } from './state/clock.js';
export { DEMO_KEY_SECRET } from '../fixtures/index.js';
export type { FetchHandler, FetchInfo } from './doors/fetch.js';
export type { Engine } from './engine/engine.js';
export type { EngineReply, EngineRequest } from './engine/types.js';

export { DEMO_TENANT_ID } from './core.js';

export interface Sandbox extends ShopApi, CoreParts {
  /** the Express door (what `listen()` serves) */
  app: Express;
  config: ResolvedConfig;
  spec: Spec;
  /** starts listening; port 0 picks a free one */
  listen(port?: number, host?: string): Promise<{ url: string; server: Server }>;
  close(): Promise<void>;
}

/**
 * The programmatic API: a complete sandbox, in process. Loads the spec and
 * the seed's fixtures, and builds the core (src/core.ts: route table and
 * validators once, handlers bound, the demo shop seeded) on the Node
 * platform, with the Express door, the log and --data around it. Throws at
 * once if the spec and the handlers disagree. (createBrowserSandbox,
 * src/browser.ts, is the same core in a browser.)
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const config = resolveConfig(options, { key: DEMO_KEY_SECRET, clock: systemClock });
  const logger = config.log
    ? new Logger({ style: config.log, system: config.clock, write: options.logTo, color: !options.logTo && !!process.stdout.isTTY && !process.env.NO_COLOR })
    : null;
  const logError = (err: unknown, traceId?: string) => {
    if (logger) logger.error(err, traceId);
    else if (process.env.SX_SANDBOX_QUIET !== '1') consoleError(err, traceId);
  };

  const { spec, raw: specText } = loadSpec();
  const core = createCore({
    config,
    spec,
    seed: demoShopSeed(config.seed),
    platform: nodePlatform,
    handlerOverrides: options.handlerOverrides,
    logError,
    onAttempt: logger?.attempt,
    storage: ({ store, seed }) => (config.dataDir ? new DataDir(config.dataDir, store, seed, config.seed) : null),
  });
  const app = expressDoor({
    engine: core.engine,
    trustProxy: config.trustProxy,
    log: logError,
    requestLog: logger?.requests(),
    extras: docsRoutes({ specText }),
  });

  const servers = new Set<Server>();
  return {
    ...partsOf(core),
    app,
    config,
    spec,
    ...core.shops.api,
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
    close() {
      return core.close(async () => {
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
      });
    },
  };
}
