import { Problem } from '../engine/problem.js';
import type { HandlerSet } from '../services.js';
import { isoSeconds } from '../state/clock.js';
import { AtMemoryCeiling, NoRoomForShop, type VisitorShop } from '../state/expiry.js';
import { ABILITIES } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';

export const tenantHandlers = {
  createEphemeralTenant: ({ services }) => {
    const { tenant, secret, expiresAt } = createOrRefuse(() => services.ephemeral.create());
    return {
      tenant_id: tenant.id,
      secret,
      expires_at: isoSeconds(expiresAt),
      idle_ttl_seconds: services.ephemeral.limits.idleTtlSeconds,
    };
  },
} satisfies HandlerSet;

/** Seconds a visitor is told to wait when the sandbox is full of shops in use by others' memory. */
const CEILING_RETRY_SECONDS = 60;

/** A visitor shop, or 503 with Retry-After when every shop is in use (or the memory ceiling leaves no room). */
function createOrRefuse(create: () => VisitorShop): VisitorShop {
  try {
    return create();
  } catch (err) {
    if (err instanceof NoRoomForShop) {
      throw new Problem(
        503,
        `Every visitor shop this sandbox holds is in use (active within its idle TTL); one is free in ${err.retryAfterSeconds} s at the latest. Retry then.`,
        { retry_after: err.retryAfterSeconds },
        { 'Retry-After': String(err.retryAfterSeconds) },
      );
    }
    if (err instanceof AtMemoryCeiling) {
      throw new Problem(
        503,
        `The sandbox is at its memory ceiling (${err.usedBytes} of ${err.limitBytes} bytes) and every visitor shop has a request running. Retry in ${CEILING_RETRY_SECONDS} s.`,
        { retry_after: CEILING_RETRY_SECONDS },
        { 'Retry-After': String(CEILING_RETRY_SECONDS) },
      );
    }
    throw err;
  }
}

/**
 * Public mode: the demo shop's fixed key is printed in the docs for everyone,
 * so it may read but not change the one shop strangers share (writes get the
 * usual 403 naming the missing ability). Visitors change their own shops.
 */
export function makeReadOnly(tenant: Tenant, keyId: string): void {
  tenant.apiKeys.update(keyId, { abilities: ABILITIES.filter((a) => a.endsWith(':read')) });
}
