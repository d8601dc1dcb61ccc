import { Problem } from '../engine/problem.js';
import { newSigningSecret } from '../events/signing.js';
import type { Collection } from '../state/collection.js';
import type { SxEvent, WebhookDelivery, WebhookEndpoint } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';
import type { HandlerSet } from '../services.js';
import { assertRoom } from './caps.js';
import { paginate } from './list.js';

function findEndpoint(tenant: Tenant, id: string): WebhookEndpoint {
  const endpoint = tenant.webhooks.get(id);
  if (!endpoint) throw Problem.notFound('webhook endpoint', id);
  return endpoint;
}

/** The endpoint as reads show it: the signing secret is shown once, at creation. */
function endpointView({ signing_secret: _secret, ...endpoint }: WebhookEndpoint): Omit<WebhookEndpoint, 'signing_secret'> {
  return endpoint;
}

function deliveryView({ endpoint_id: _endpoint, ...delivery }: WebhookDelivery): Omit<WebhookDelivery, 'endpoint_id'> {
  // fixture entries predate the member
  return { ...delivery, failure_reason: delivery.failure_reason ?? null };
}

type Sampled = { id: string; status?: string };
const FAMILIES: Record<string, (tenant: Tenant) => Collection<Sampled>> = {
  product: (t) => t.products,
  order: (t) => t.orders,
  customer: (t) => t.customers,
  payout: (t) => t.payouts,
};
/** How far back a test event looks for a record in the state its type names. */
const SAMPLE_WINDOW = 200;

/**
 * The object of a synthetic event: a real record of this shop, preferably
 * one in the state the type names (order.paid → a paid order), so a test
 * event parses exactly like a real one.
 */
function sampleObject(tenant: Tenant, type: string): Sampled {
  const [family, action] = type.split('.');
  let newest: Sampled | undefined;
  let seen = 0;
  for (const [, record] of FAMILIES[family](tenant).newestFirst()) {
    newest ??= record;
    if (record.status === action) return record;
    if (++seen === SAMPLE_WINDOW) break;
  }
  if (!newest) {
    throw Problem.rule(
      'body.event',
      `needs at least one ${family} in this shop`,
      `A test ${type} event carries one of this shop's ${family}s, and the shop has none yet.`,
    );
  }
  return newest;
}

export const webhookHandlers = {
  listWebhooks: ({ tenant }) => ({ object: 'list', data: tenant.webhooks.all().map(endpointView) }),

  createWebhook: async ({ tenant, body, services }) => {
    await services.webhooks.checkTarget(body.url);
    // counted after the (possibly resolving) check, so two concurrent registrations cannot both pass the cap
    assertRoom(tenant.webhooks.ownSize, services.caps.webhookEndpointsPerTenant, 'webhook endpoints');
    const endpoint = tenant.webhooks.insert({
      id: tenant.ids.next('wh'),
      url: body.url,
      events: body.events,
      description: body.description ?? null,
      status: 'active',
      created_at: tenant.now(),
      signing_secret: newSigningSecret(tenant.secretRandom),
    });
    services.webhooks.register(tenant, endpoint.id);
    return endpoint;
  },

  testWebhook: ({ tenant, params, body, services }) => {
    const endpoint = findEndpoint(tenant, params.id);
    const event: SxEvent = {
      id: tenant.ids.next('evt'),
      type: body.event,
      created_at: tenant.now(),
      data: { object: sampleObject(tenant, body.event) },
    };
    return services.webhooks.sendTest(tenant, endpoint, event);
  },

  deleteWebhook: ({ tenant, params, services }) => {
    const endpoint = findEndpoint(tenant, params.id);
    tenant.webhooks.remove(endpoint.id);
    services.webhooks.forget(tenant, endpoint.id);
    return { id: endpoint.id, deleted: true };
  },

  listWebhookDeliveries: ({ tenant, params, query, services }) => {
    const endpoint = findEndpoint(tenant, params.id);
    return paginate(services.webhooks.log.pager(tenant, endpoint.id), services.cursors, query, {
      filters: { endpoint: endpoint.id },
      view: deliveryView,
    });
  },
} satisfies HandlerSet;
