import type { RequestHandler } from 'express';
import type { Clock } from '../state/clock.js';
import { SECRET_PATTERN, type TenantStore } from '../state/store.js';
import type { Operation } from '../spec/operations.js';
import { Problem } from './problem.js';

function unauthenticated(detail: string, error?: 'invalid_request' | 'invalid_token'): Problem {
  const challenge = error
    ? // header values must be plain ASCII: the description drops what the detail dresses up
      `Bearer realm="sx", error="${error}", error_description="${detail.replace(/[^\x20-\x7e]|"/g, '')}"`
    : 'Bearer realm="sx"';
  return new Problem(401, detail, {}, { 'WWW-Authenticate': challenge });
}

/**
 * Bearer auth against the multi-tenant key store. Resolves the key and its
 * tenant, records the use, and settles the tenant's due work so every read
 * sees tenant time as it is now.
 */
export function authenticate(store: TenantStore, system: Clock): RequestHandler {
  return (req, res, next) => {
    const operation = res.locals.operation as Operation;
    if (!operation.authenticated) {
      next();
      return;
    }
    const header = req.headers.authorization;
    if (!header) {
      next(unauthenticated('Missing bearer token. Send Authorization: Bearer sx_test_…'));
      return;
    }
    const m = /^Bearer +(\S+) *$/i.exec(header);
    if (!m) {
      next(unauthenticated('Malformed Authorization header. Expected: Authorization: Bearer sx_test_…', 'invalid_request'));
      return;
    }
    const secret = m[1];
    if (!SECRET_PATTERN.test(secret)) {
      next(unauthenticated('Malformed API key. Keys look like sx_test_ followed by 24 letters and digits.', 'invalid_token'));
      return;
    }
    if (secret.startsWith('sx_live_')) {
      next(unauthenticated('Live keys (sx_live_…) are not accepted by the sandbox. Use an sx_test_ key.', 'invalid_token'));
      return;
    }
    const found = store.lookup(secret);
    if (!found) {
      next(unauthenticated('Unknown API key.', 'invalid_token'));
      return;
    }
    if (found.key.revoked_at) {
      next(unauthenticated(`This API key was revoked at ${found.key.revoked_at}.`, 'invalid_token'));
      return;
    }
    const { tenant, key } = found;
    tenant.lastActivity = system.now();
    tenant.scheduler.runDue();
    tenant.lastUsed.set(key.id, tenant.clock.now());
    res.locals.tenant = tenant;
    res.locals.key = key;
    next();
  };
}
