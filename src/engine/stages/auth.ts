import type { Clock } from '../../state/clock.js';
import { SECRET_PATTERN, type TenantStore } from '../../state/store.js';
import { Problem } from '../problem.js';
import type { RoutedContext } from '../types.js';

function unauthenticated(detail: string, error?: 'invalid_request' | 'invalid_token'): Problem {
  const challenge = error
    ? // header values must be plain ASCII: the description drops what the detail dresses up
      `Bearer realm="sx", error="${error}", error_description="${detail.replace(/[^\x20-\x7e]|"/g, '')}"`
    : 'Bearer realm="sx"';
  return new Problem(401, detail, {}, { 'WWW-Authenticate': challenge });
}

/** The token of `Bearer <token>` (any case, extra spaces allowed), or null; the usual exact form without a regex match. */
function bearerToken(header: string): string | null {
  if (header.startsWith('Bearer ')) {
    const token = header.slice(7);
    if (token && !/\s/.test(token)) return token;
  }
  return /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? null;
}

/**
 * Bearer auth against the multi-tenant key store. Resolves the key and its
 * tenant, records the use, and settles the tenant's due work so every read
 * sees tenant time as it is now.
 */
export function authenticate(store: TenantStore, system: Clock): (ctx: RoutedContext) => void {
  return (ctx) => {
    if (!ctx.operation.authenticated) return;
    const header = ctx.request.headers.authorization;
    if (!header) throw unauthenticated('Missing bearer token. Send Authorization: Bearer sx_test_…');
    const secret = typeof header === 'string' ? bearerToken(header) : null;
    if (!secret) throw unauthenticated('Malformed Authorization header. Expected: Authorization: Bearer sx_test_…', 'invalid_request');
    if (!SECRET_PATTERN.test(secret)) {
      throw unauthenticated('Malformed API key. Keys look like sx_test_ followed by 24 letters and digits.', 'invalid_token');
    }
    if (secret.startsWith('sx_live_')) {
      throw unauthenticated('Live keys (sx_live_…) are not accepted by the sandbox. Use an sx_test_ key.', 'invalid_token');
    }
    const found = store.lookup(secret);
    if (!found) throw unauthenticated('Unknown API key.', 'invalid_token');
    if (found.key.revoked_at) throw unauthenticated(`This API key was revoked at ${found.key.revoked_at}.`, 'invalid_token');
    const { tenant, key } = found;
    tenant.lastActivity = system.now();
    tenant.scheduler.runDue();
    tenant.lastUsed.set(key.id, tenant.clock.now());
    ctx.tenant = tenant;
    ctx.key = key;
  };
}
