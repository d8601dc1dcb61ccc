import type { Sha256Base64Url } from '../platform/types.js';
import type { RouteTable } from '../spec/routeTable.js';
import type { Clock } from '../state/clock.js';
import type { TenantStore } from '../state/store.js';
import { renderProblem } from './render.js';
import { abilityCheck } from './stages/abilities.js';
import { authenticate } from './stages/auth.js';
import { jsonBody } from './stages/body.js';
import { cors, type CorsOptions } from './stages/cors.js';
import { dispatch, type BoundHandler } from './stages/dispatch.js';
import { idempotency } from './stages/idempotency.js';
import type { IpOwners } from './stages/ipOwners.js';
import { type RateLimiter, rateLimit } from './stages/rateLimit.js';
import { startContext } from './stages/requestId.js';
import { route, Unrouted } from './stages/route.js';
import { validate } from './stages/validate.js';
import type { Context, EngineReply, EngineRequest, RoutedContext } from './types.js';

export interface EngineParts<S> {
  routes: RouteTable;
  handlers: ReadonlyMap<string, BoundHandler<S>>;
  services: S;
  store: TenantStore;
  system: Clock;
  limiter: RateLimiter;
  /** a quota per client IP over all its keys (hosted mode) */
  perIp?: { limiter: RateLimiter; owners: IpOwners };
  cors: CorsOptions;
  bodyLimitBytes: number;
  /** the host's synchronous SHA-256 (the platform's), for idempotency fingerprints */
  sha256: Sha256Base64Url;
  /** checks that run before routing and may refuse (the visitor-shop limit): they throw a Problem */
  gates?: ReadonlyArray<(ctx: Context) => void>;
  /** the shop byte budget and process ceiling, checked after idempotency and before the handler: throws a Problem to refuse */
  budget?: (ctx: RoutedContext) => void;
  log: (err: unknown, traceId?: string) => void;
}

/** The sandbox without a transport: a plain request in, a plain reply out. Every door calls this. */
export interface Engine {
  handle(request: EngineRequest): Promise<EngineReply>;
}

/** The engine as createEngine makes it: `handle` for every door; `run` also says how the request was routed (the Express door's fall-through to its extras). */
export type RunnableEngine = Engine & { run(request: EngineRequest): Promise<Handled> };

/** What a door learns about a request besides its reply (for its request log). */
export interface Handled {
  reply: EngineReply;
  context: Context;
  /** no operation has this path: a door may offer it to routes of its own (the docs page) before sending the reply */
  unrouted: boolean;
}

/**
 * The pipeline of DESIGN.md, in its order, and nothing else. Each stage is a
 * plain function of the one context: it returns a reply to answer early
 * (preflight, replay), throws a Problem to refuse, or fills the context and
 * lets the next one run.
 */
export function createEngine<S>(parts: EngineParts<S>): RunnableEngine {
  const answerCors = cors(parts.cors);
  const findRoute = route(parts.routes);
  const auth = authenticate(parts.store, parts.system);
  const limit = rateLimit(parts.limiter, parts.perIp);
  const readBody = jsonBody(parts.bodyLimitBytes);
  const runHandler = dispatch(parts.handlers, parts.services);
  const claimKey = idempotency(parts.sha256);
  const gates = parts.gates ?? [];

  async function pipeline(ctx: Context): Promise<EngineReply> {
    const preflight = answerCors(ctx);
    if (preflight) return preflight;
    for (const gate of gates) gate(ctx);
    const routed = findRoute(ctx);
    if ('status' in routed) return routed;
    auth(routed);
    limit(routed);
    abilityCheck(routed);
    // the body is read only now: 401 → 429 → 403 come first, and a 400/413/415 for the body is counted
    const reading = readBody(routed);
    if (reading) await reading;
    validate(routed);
    const replay = claimKey(routed);
    if (replay) return replay;
    const tenant = routed.tenant;
    if (!tenant) return runHandler(routed);
    // a shop with a request running is never evicted for memory
    tenant.busy++;
    try {
      try {
        parts.budget?.(routed);
      } catch (err) {
        // refused before the handler: the Idempotency-Key is not spent
        routed.remember?.(null);
        throw err;
      }
      return await runHandler(routed);
    } finally {
      tenant.busy--;
    }
  }

  async function run(request: EngineRequest): Promise<Handled> {
    const context = startContext(request);
    try {
      return { reply: await pipeline(context), context, unrouted: false };
    } catch (err) {
      const reply = renderProblem({ path: request.path, requestId: context.requestId, headers: context.headers }, err, parts.log);
      return { reply, context, unrouted: err instanceof Unrouted };
    }
  }

  return {
    run,
    async handle(request) {
      return (await run(request)).reply;
    },
  };
}
