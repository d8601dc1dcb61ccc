import type { RateClass } from '../../spec/operations.js';
import type { Clock } from '../../state/clock.js';
import { Problem } from '../problem.js';
import type { IpOwners } from './ipOwners.js';
import type { RoutedContext } from '../types.js';

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
/** Whole seconds from `now` until `until`, never negative. */
function secondsUntil(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export class RateLimiter {
  /** per owner, per class, per subject: looked up with strings the request already has, none made for it */
  private readonly logs = new WeakMap<object, Record<RateClass, Map<string, Log>>>();
  /** the RateLimit-Policy value per policy name, as last written (it changes only with the quota) */
  private readonly policies = new Map<string, { quota: number; text: string }>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Whether one more request would be admitted now (counts nothing). */
  admits(owner: object, subject: string, cls: RateClass): boolean {
    const log = this.logs.get(owner)?.[cls].get(subject);
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
    let byClass = this.logs.get(owner);
    if (!byClass) this.logs.set(owner, (byClass = { read: new Map(), write: new Map() }));
    const now = this.clock.now();
    let log = byClass[cls].get(subject);
    if (!log) byClass[cls].set(subject, (log = { times: [], head: 0 }));
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
    const reset = inWindow ? secondsUntil(log.times[log.times.length - 1] + windowMs, now) : 0;
    // refused: the next admission is when the oldest counted request leaves the window
    const retryAfter = allowed ? 0 : Math.max(1, secondsUntil(log.times[log.head] + windowMs, now));
    return { allowed, remaining: quota - inWindow, reset, retryAfter, quota };
  }

  /**
   * Counts the request and sets the IETF RateLimit headers (draft-08 form); throws 429 past the quota.
   * `policy` renames the policy and who the quota belongs to (the per-IP limit on visitor shops).
   */
  apply(headers: Record<string, string>, owner: object, subject: string, cls: RateClass, policy: { name?: string; per?: string } = {}): void {
    const result = this.take(owner, subject, cls);
    const name = policy.name ?? POLICY_NAME[cls];
    headers['RateLimit-Policy'] = this.policyText(name, result.quota);
    headers.RateLimit = `"${name}";r=${result.remaining};t=${result.reset}`;
    if (!result.allowed) {
      throw new Problem(
        429,
        `Rate limit of ${result.quota} ${name} per ${this.limits.windowSeconds} s exceeded for ${policy.per ?? 'this key'}. Retry after ${result.retryAfter} s.`,
        { retry_after: result.retryAfter },
        { 'Retry-After': String(result.retryAfter) },
      );
    }
  }

  private policyText(name: string, quota: number): string {
    const known = this.policies.get(name);
    if (known?.quota === quota) return known.text;
    const text = `"${name}";q=${quota};w=${this.limits.windowSeconds}`;
    this.policies.set(name, { quota, text });
    return text;
  }
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
      perIp.limiter.apply(ctx.headers, ip, 'ip', cls, { name: `ip-${POLICY_NAME[cls]}`, per: 'this client IP (all its keys and shops together)' });
    }
    limiter.apply(ctx.headers, ctx.tenant, ctx.key.id, cls);
    if (perIp && ip) perIp.limiter.take(ip, 'ip', cls);
  };
}
