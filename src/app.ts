import express, { type Express } from 'express';
import { abilityCheck } from './http/abilities.js';
import { authenticate } from './http/auth.js';
import { jsonBody } from './http/body.js';
import { clientIp } from './http/clientIp.js';
import { cors, type CorsOptions } from './http/cors.js';
import { dispatch, type Handler } from './http/dispatch.js';
import { idempotency } from './http/idempotency.js';
import { RateLimiter, rateLimit } from './http/rateLimit.js';
import { problemHandler } from './http/render.js';
import { requestId } from './http/requestId.js';
import { route } from './http/route.js';
import { validate } from './http/validate.js';
import type { RouteTable } from './spec/routeTable.js';
import type { Clock } from './state/clock.js';
import type { TenantStore } from './state/store.js';
import { Problem } from './http/problem.js';

export interface AppParts<S> {
  routes: RouteTable;
  handlers: ReadonlyMap<string, Handler<S>>;
  services: S;
  store: TenantStore;
  system: Clock;
  limiter: RateLimiter;
  cors: CorsOptions;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** extra routes mounted before the API (docs page, spec downloads) */
  extras?: (app: Express) => void;
  log: (err: unknown, traceId?: string) => void;
  requestLog?: express.RequestHandler;
  /** the shop byte budget and process ceiling, checked before the handler (resources/budgetGate.ts) */
  budget: express.RequestHandler;
}

/** Assembles the pipeline of DESIGN.md, in its order, and nothing else. */
export function buildApp<S>(parts: AppParts<S>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // one hop, for the scheme and host the client saw; the client IP itself comes from clientIp (well-formed addresses only)
  app.set('trust proxy', parts.trustProxy ? 1 : false);
  if (parts.requestLog) app.use(parts.requestLog);
  app.use(clientIp(parts.trustProxy));
  app.use(requestId());
  app.use(cors(parts.cors));
  parts.extras?.(app);
  app.use(
    route(parts.routes),
    authenticate(parts.store, parts.system),
    rateLimit(parts.limiter),
    abilityCheck(),
    // the body is read only now: 401 → 429 → 403 come first, and a 400/413/415 for the body is counted
    ...jsonBody(parts.bodyLimitBytes),
    validate(),
    idempotency(),
    parts.budget,
    dispatch(parts.handlers, parts.services),
  );
  // Only reached when nothing answered (never for a route the table knows).
  app.use((req, _res, next) => next(new Problem(404, `No route ${req.method} ${req.path}.`)));
  app.use(problemHandler(parts.log));
  return app;
}
