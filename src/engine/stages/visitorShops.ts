import type { RouteTable } from '../../spec/routeTable.js';
import type { Clock } from '../../state/clock.js';
import type { EphemeralLimits } from '../../state/expiry.js';
import type { Context } from '../types.js';
import { headerSink, RateLimiter } from './rateLimit.js';

const OPERATION = 'createEphemeralTenant';

/**
 * The per-IP budget for visitor shops. The operation has no key, so the
 * pipeline's per-key limit never sees it: this stage runs before the route
 * stage and the body, so every attempt counts (429 comes before 400/422, as
 * for keys). One small owner object per IP holds its window; IPs quiet for
 * a whole window are forgotten (their quota would be whole again anyway), so
 * a host seen by a million addresses does not remember a million of them.
 */
export function visitorShopLimit(routes: RouteTable, limits: EphemeralLimits, clock: Clock): (ctx: Context) => void {
  const quota = limits.perIpPerWindow;
  const limiter = new RateLimiter({ read: quota, write: quota, windowSeconds: limits.windowSeconds }, clock);
  const windowMs = limits.windowSeconds * 1000;
  const owners = new Map<string, { seen: number }>();
  let prunedAt = clock.now();

  return (ctx) => {
    const { method, path, ip } = ctx.request;
    if (method !== 'POST') return;
    const match = routes.match(method, path);
    if (match.kind !== 'found' || match.operation.operationId !== OPERATION) return;
    const now = clock.now();
    if (now - prunedAt >= windowMs) {
      for (const [seenIp, owner] of owners) if (now - owner.seen >= windowMs) owners.delete(seenIp);
      prunedAt = now;
    }
    const owner = owners.get(ip) ?? { seen: now };
    owner.seen = now;
    owners.set(ip, owner);
    limiter.apply(headerSink(ctx), owner, 'tenants', 'write', { name: 'tenants', per: 'this client IP' });
  };
}
