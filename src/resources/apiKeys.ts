import { Problem } from '../engine/problem.js';
import { isoSeconds } from '../state/clock.js';
import type { ApiKey } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';
import type { HandlerSet } from '../services.js';
import { assertRoom } from './caps.js';

/** What the API shows of a key: never its secret; `last_used_at` from the live side table. */
function view(tenant: Tenant, key: ApiKey) {
  const used = tenant.lastUsed.get(key.id);
  return {
    id: key.id,
    name: key.name,
    abilities: key.abilities,
    mode: key.mode,
    last_used_at: used === undefined ? key.last_used_at : isoSeconds(used),
    created_at: key.created_at,
  };
}

function findActiveKey(tenant: Tenant, id: string): ApiKey {
  const key = tenant.apiKeys.get(id);
  if (!key) throw Problem.notFound('API key', id);
  return key;
}

export const apiKeyHandlers = {
  listApiKeys: ({ tenant }) => ({
    object: 'list',
    data: tenant.apiKeys
      .all()
      .filter((key) => !key.revoked_at)
      .map((key) => view(tenant, key)),
  }),

  createApiKey: ({ tenant, key: caller, body, services }) => {
    const beyond = body.abilities.filter((a) => !caller.abilities.includes(a));
    if (beyond.length) {
      throw Problem.rule('body.abilities', `cannot grant ${beyond.join(', ')}: the calling key does not hold it`);
    }
    // revoked keys free their place: a long-lived sandbox minting and revoking keys (CI) never fills up;
    // only keys this shop minted count, never the fixtures' keys
    let active = 0;
    for (const k of tenant.apiKeys.ownRecords()) if (!k.revoked_at) active++;
    assertRoom(active, services.caps.apiKeysPerTenant, 'api keys', 'Revoke keys you no longer use (DELETE /v1/api-keys/{id}).');
    const { key, secret } = services.store.mint(tenant, { name: body.name, abilities: body.abilities, mode: body.mode });
    return { ...view(tenant, key), secret };
  },

  revokeApiKey: ({ tenant, params, services }) => {
    const key = findActiveKey(tenant, params.id);
    // revoking twice answers the same; the first revocation time stands
    if (!key.revoked_at) {
      tenant.apiKeys.update(key.id, { revoked_at: tenant.now() });
      services.store.pruneRevoked(tenant);
    }
    return { id: key.id, revoked: true };
  },
} satisfies HandlerSet;
