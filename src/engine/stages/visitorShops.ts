import type { RouteTable } from '../../spec/routeTable.js';
import type { Clock } from '../../state/clock.js';
import type { EphemeralLimits } from '../../state/expiry.js';
import type { Context } from '../types.js';
import { IpOwners } from './ipOwners.js';
import { RateLimiter } from './rateLimit.js';

const OPERATION = 'createEphemeralTenant';

/**
 * The per-IP budget for visitor shops. The operation has no key, so the
 * pipeline's per-key limit never sees it: this stage runs before the route
 * stage and the body, so every attempt counts (429 comes before 400/422, as
 * for keys). Its windows hang on one owner per IP (IpOwners).
 */
export function visitorShopLimit(routes: RouteTable, limits: EphemeralLimits, clock: Clock): (ctx: Context) => void {
  const quota = limits.perIpPerWindow;
  const limiter = new RateLimiter({ read: quota, write: quota, windowSeconds: limits.windowSeconds }, clock);
  const owners = new IpOwners(limits.windowSeconds * 1000, clock);

  return (ctx) => {
    const { method, path, ip } = ctx.request;
    if (method !== 'POST') return;
    const match = routes.match(method, path);
    if (match.kind !== 'found' || match.operation.operationId !== OPERATION) return;
    const owner = owners.of(ip);
    limiter.apply(ctx.headers, owner, 'tenants', 'write', { name: 'tenants', per: 'this client IP' });
  };
}
