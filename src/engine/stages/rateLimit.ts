import type { RateClass } from '../../spec/operations.js';
import type { Clock } from '../../state/clock.js';
import { Problem } from '../problem.js';
import type { IpOwners } from './ipOwners.js';
import type { RoutedContext } from '../types.js';

/** Where the RateLimit headers go: the engine's reply headers, or anything with setHeader (an Express response). */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

export interface RateLimits {
  /** requests per window for GET/HEAD */
  read: number;
  /** requests per window for everything else */
  write: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { read: 600, write: 120, windowSeconds: 60 };

/** --public: what one client IP may send over all its keys and shops (none locally). */
export const PUBLIC_IP_RATE_LIMITS: RateLimits = { read: 1200, write: 300, windowSeconds: 60 };

const POLICY_NAME: Record<RateClass, string> = { read: 'reads', write: 'writes' };

/** The admission times still inside the window, oldest first; `head` skips the ones that left it. */
interface Log {
  times: number[];
  head: number;
}

export interface Decision {
  allowed: boolean;
  /** requests the quota still admits right now */
  remaining: number;
  /** whole seconds until every counted request has left the window (the quota is whole again) */
  reset: number;
  /** whole seconds (≥ 1) until the next request would be admitted; 0 when this one was */
  retryAfter: number;
  quota: number;
}

/**
 * An exact rolling window per (key, class): a request is admitted when fewer
 * than q requests were admitted in the last w seconds, so no w-second span
 * ever holds more than q, whenever it starts. (The token bucket this replaced
 * let a full burst through on top of its refill: 239 writes in one minute
 * under a quota of 120.) Refused requests are not logged, so hammering a
 * limit does not push it further away. Memory is at most q timestamps per
 * (key, class) in use, freed with the shop that owns them.
 */
export class RateLimiter {
  private readonly logs = new WeakMap<object, Map<string, Log>>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Whether one more request would be admitted now (counts nothing). */
  admits(owner: object, subject: string, cls: RateClass): boolean {
    const log = this.logs.get(owner)?.get(`${subject}:${cls}`);
    if (!log) return this.limits[cls] > 0;
    const since = this.clock.now() - this.limits.windowSeconds * 1000;
    let counted = log.times.length - log.head;
    for (let i = log.head; i < log.times.length && log.times[i] <= since; i++) counted--;
    return counted < this.limits[cls];
  }

  /** Counts one request if the window has room. `remaining`, `reset` and `retryAfter` are for the headers. */
  take(owner: object, subject: string, cls: RateClass): Decision {
    const quota = this.limits[cls];
    const windowMs = this.limits.windowSeconds * 1000;
    let byKey = this.logs.get(owner);
    if (!byKey) this.logs.set(owner, (byKey = new Map()));
    const id = `${subject}:${cls}`;
    const now = this.clock.now();
    let log = byKey.get(id);
    if (!log) byKey.set(id, (log = { times: [], head: 0 }));
    // a request admitted at t counts while now < t + window
    while (log.head < log.times.length && log.times[log.head] + windowMs <= now) log.head++;
    if (log.head > 64 && log.head * 2 > log.times.length) {
      log.times.splice(0, log.head);
      log.head = 0;
    }
    const counted = log.times.length - log.head;
    const allowed = counted < quota;
    if (allowed) log.times.push(now);
    const inWindow = counted + (allowed ? 1 : 0);
    const seconds = (until: number) => Math.max(0, Math.ceil((until - now) / 1000));
    const reset = inWindow ? seconds(log.times[log.times.length - 1] + windowMs) : 0;
    // refused: the next admission is when the oldest counted request leaves the window
    const retryAfter = allowed ? 0 : Math.max(1, seconds(log.times[log.head] + windowMs));
    return { allowed, remaining: quota - inWindow, reset, retryAfter, quota };
  }

  /**
   * Counts the request and sets the IETF RateLimit headers (draft-08 form); throws 429 past the quota.
   * `policy` renames the policy and who the quota belongs to (the per-IP limit on visitor shops).
   */
  apply(res: HeaderSink, owner: object, subject: string, cls: RateClass, policy: { name?: string; per?: string } = {}): void {
    const result = this.take(owner, subject, cls);
    const name = policy.name ?? POLICY_NAME[cls];
    res.setHeader('RateLimit-Policy', `"${name}";q=${result.quota};w=${this.limits.windowSeconds}`);
    res.setHeader('RateLimit', `"${name}";r=${result.remaining};t=${result.reset}`);
    if (!result.allowed) {
      throw new Problem(
        429,
        `Rate limit of ${result.quota} ${name} per ${this.limits.windowSeconds} s exceeded for ${policy.per ?? 'this key'}. Retry after ${result.retryAfter} s.`,
        { retry_after: result.retryAfter },
        { 'Retry-After': String(result.retryAfter) },
      );
    }
  }
}

/** The reply headers of a context, as a HeaderSink. */
export function headerSink(ctx: { headers: Record<string, string> }): HeaderSink {
  return { setHeader: (name, value) => (ctx.headers[name] = value) };
}

/**
 * Every authenticated request counts against its key, in its operation's
 * class. A hosted sandbox adds a quota per client IP over all its keys and
 * shops (`perIp`): one visitor may mint keys in ten shops, and the per-key
 * limits alone would then let one address keep the process busy with
 * 24,000 heavy writes a minute while other visitors wait. A request is
 * counted only where it is admitted by both, so a refusal costs no quota.
 */
export function rateLimit(limiter: RateLimiter, perIp?: { limiter: RateLimiter; owners: IpOwners }): (ctx: RoutedContext) => void {
  return (ctx) => {
    if (!ctx.tenant || !ctx.key) return;
    const cls = ctx.operation.rateClass;
    const ip = perIp?.owners.of(ctx.request.ip);
    if (perIp && ip && !perIp.limiter.admits(ip, 'ip', cls)) {
      // throws the 429, naming the client IP's policy
      perIp.limiter.apply(headerSink(ctx), ip, 'ip', cls, { name: `ip-${POLICY_NAME[cls]}`, per: 'this client IP (all its keys and shops together)' });
    }
    limiter.apply(headerSink(ctx), ctx.tenant, ctx.key.id, cls);
    if (perIp && ip) perIp.limiter.take(ip, 'ip', cls);
  };
}
