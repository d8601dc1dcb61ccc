import type { Client } from './client.js';
import type { Session } from './session.js';
import { NotPossible } from './skip.js';
import { hasRoute, target } from './target.js';

/**
 * A key of another shop on the same target: SX_SECOND_API_KEY, or a fresh
 * ephemeral shop where the target offers POST /v1/test_helpers/tenants.
 * The tenancy tests skip, with this reason, where there is neither.
 */
export async function secondShop(s: Session, operationIds: string[]): Promise<Client> {
  if (target.env.secondApiKey) return s.admin.as(target.env.secondApiKey);
  if (!hasRoute('createEphemeralTenant')) {
    throw new NotPossible('no second shop on this target: set SX_SECOND_API_KEY to a test key of another shop', { operationIds });
  }
  const reply = await s.admin.post('/v1/test_helpers/tenants', undefined, { key: null });
  if (reply.status !== 201) throw new Error(`creating a second shop answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  return s.admin.as(reply.body.secret);
}

/** A webhook URL that is never delivered to outside this machine. */
export function inertWebhookUrl(): string {
  return target.loopback ? 'http://127.0.0.1:9/contract-suite-inert' : 'https://contract-suite.invalid/hook';
}
