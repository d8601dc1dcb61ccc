import type { RequestHandler, Response } from 'express';
import type { Clock } from '../state/clock.js';
import type { Tenant } from '../state/tenant.js';
import type { Operation, RateClass } from '../spec/operations.js';
import { Problem } from './problem.js';

export interface RateLimits {
  /** requests per window for GET/HEAD */
  read: number;
  /** requests per window for everything else */
  write: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { read: 600, write: 120, windowSeconds: 60 };

const POLICY_NAME: Record<RateClass, string> = { read: 'reads', write: 'writes' };

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * A token bucket per (key, class): capacity q, refilled evenly over the
 * window, so a burst of q is allowed and the steady rate is q per window.
 */
export class RateLimiter {
  private readonly buckets = new WeakMap<object, Map<string, Bucket>>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Takes one token. `remaining` and `reset` (seconds until full) are for the headers. */
  take(owner: object, subject: string, cls: RateClass): { allowed: boolean; remaining: number; reset: number; retryAfter: number; quota: number } {
    const quota = this.limits[cls];
    const perMs = quota / (this.limits.windowSeconds * 1000);
    let byKey = this.buckets.get(owner);
    if (!byKey) this.buckets.set(owner, (byKey = new Map()));
    const id = `${subject}:${cls}`;
    const now = this.clock.now();
    const bucket = byKey.get(id) ?? { tokens: quota, updated: now };
    bucket.tokens = Math.min(quota, bucket.tokens + (now - bucket.updated) * perMs);
    bucket.updated = now;
    byKey.set(id, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const reset = Math.ceil((quota - bucket.tokens) / perMs / 1000);
    const retryAfter = allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    return { allowed, remaining: Math.floor(bucket.tokens), reset, retryAfter, quota };
  }

  /**
   * Counts the request and sets the IETF RateLimit headers (draft-08 form); throws 429 past the quota.
   * `policy` renames the policy and who the quota belongs to (the per-IP limit on visitor shops).
   */
  apply(res: Response, owner: object, subject: string, cls: RateClass, policy: { name?: string; per?: string } = {}): void {
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

/** Every authenticated request counts against its key, in its operation's class. */
export function rateLimit(limiter: RateLimiter): RequestHandler {
  return (_req, res, next) => {
    const tenant = res.locals.tenant as Tenant | undefined;
    if (!tenant) {
      next();
      return;
    }
    limiter.apply(res, tenant, res.locals.key.id, (res.locals.operation as Operation).rateClass);
    next();
  };
}
