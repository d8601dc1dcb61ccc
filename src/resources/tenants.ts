import type { RequestHandler } from 'express';
import { RateLimiter } from '../engine/stages/rateLimit.js';
import type { HandlerSet } from '../services.js';
import type { RouteTable } from '../spec/routeTable.js';
import { isoSeconds, type Clock } from '../state/clock.js';
import type { EphemeralLimits } from '../state/expiry.js';
import { ABILITIES } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';

const OPERATION = 'createEphemeralTenant';

export const tenantHandlers: HandlerSet = {
  [OPERATION]: ({ services }) => {
    const { tenant, secret, expiresAt } = services.ephemeral.create();
    return {
      tenant_id: tenant.id,
      secret,
      expires_at: isoSeconds(expiresAt),
      idle_ttl_seconds: services.ephemeral.limits.idleTtlSeconds,
    };
  },
};

/**
 * The per-IP budget for visitor shops. The operation has no key, so the
 * pipeline's per-key limit never sees it: this gate runs before the body is
 * even read, so every attempt counts (429 comes before 400/422, as for keys).
 * One small owner object per IP holds its bucket; IPs quiet for a whole
 * window are forgotten (their bucket would be full again anyway), so a host
 * seen by a million addresses does not remember a million buckets.
 */
export function ephemeralTenantGate(routes: RouteTable, limits: EphemeralLimits, clock: Clock): RequestHandler {
  const quota = limits.perIpPerWindow;
  const limiter = new RateLimiter({ read: quota, write: quota, windowSeconds: limits.windowSeconds }, clock);
  const windowMs = limits.windowSeconds * 1000;
  const owners = new Map<string, { seen: number }>();
  let prunedAt = clock.now();

  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const match = routes.match(req.method, req.path);
    if (match.kind !== 'found' || match.operation.operationId !== OPERATION) return next();
    const now = clock.now();
    if (now - prunedAt >= windowMs) {
      for (const [ip, owner] of owners) if (now - owner.seen >= windowMs) owners.delete(ip);
      prunedAt = now;
    }
    const ip = req.ip ?? '';
    const owner = owners.get(ip) ?? { seen: now };
    owner.seen = now;
    owners.set(ip, owner);
    limiter.apply(res, owner, 'tenants', 'write', { name: 'tenants', per: 'this client IP' });
    next();
  };
}

/**
 * Public mode: the demo shop's fixed key is printed in the docs for everyone,
 * so it may read but not change the one shop strangers share (writes get the
 * usual 403 naming the missing ability). Visitors change their own shops.
 */
export function makeReadOnly(tenant: Tenant, keyId: string): void {
  tenant.apiKeys.update(keyId, { abilities: ABILITIES.filter((a) => a.endsWith(':read')) });
}
