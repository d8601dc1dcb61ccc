import type { Rewrite } from '../proxy/proxy.js';
import { acceptInstead, answers, bearer, everyObject, isList, isProblem, now, opIs, query, requests, setQuery } from './inject.js';

/**
 * The fault catalogue: one entry per invariant, each a deployment that breaks
 * that invariant and nothing else, made by the rewriting proxy in front of a
 * sandbox. `npm run contract:faults` runs the suite (decisions held: the
 * target is a sandbox of ours) against each, with only the files of its area,
 * and reports which faults it caught. It grows with the suite: a new
 * invariant gets a new fault here.
 */
export type Area =
  | 'pagination'
  | 'rate limits'
  | 'idempotency'
  | 'auth'
  | 'abilities'
  | 'tenancy'
  | 'errors'
  | 'business rules'
  | 'money'
  | 'webhooks'
  | 'api keys';

export interface FaultContext {
  /** the main shop's full-access key, for faults that act with it behind the client's back */
  mainKey: string;
}

export interface Fault {
  id: string;
  area: Area;
  /** the promise the fault breaks */
  invariant: string;
  /** how it is injected, in words */
  injection: string;
  /** the suite's files that should catch it */
  files: string[];
  /** needs the slow tests (bursts past a quota) */
  slow?: boolean;
  rewrites(ctx: FaultContext): Rewrite[];
}

type Json = Record<string, any>;
const LISTS = ['listProducts', 'listOrders', 'listCustomers', 'listPayouts'];
const refundBody = (req: { url: string; json?: unknown }) => ({
  id: 'rf_01FAKE0000000000000000000',
  order_id: req.url.split('/')[3],
  status: 'processing',
  amount_cents: (req.json as Json)?.amount_cents ?? 1,
  reason: null,
  note: null,
  destination_tx: null,
  created_at: now(),
  succeeded_at: null,
});

export const FAULTS: Fault[] = [
  // ---- pagination ------------------------------------------------------------------------------
  {
    id: 'pagination-last-page-has-more',
    area: 'pagination',
    invariant: 'every has_more: true leads to more items',
    injection: 'the last page of every list says has_more: true, and its cursor leads to an empty page',
    files: ['pagination'],
    rewrites: () => [
      requests(LISTS, (req) => {
        if (query(req).get('cursor') === 'fault-empty') {
          return { status: 200, headers: { 'content-type': 'application/json' }, json: { object: 'list', has_more: false, next_cursor: null, data: [] } };
        }
      }),
      answers(LISTS, (res) => {
        const body = res.json as Json;
        if (isList(res) && res.status === 200 && !body.has_more && body.data.length > 0) Object.assign(body, { has_more: true, next_cursor: 'fault-empty' });
      }),
    ],
  },
  {
    id: 'pagination-limit-capped',
    area: 'pagination',
    invariant: 'limit is honoured up to 100: every page before the last holds exactly limit items',
    injection: 'limit is silently capped at 50',
    files: ['pagination'],
    rewrites: () => [
      requests(LISTS, (req) => {
        const q = query(req);
        if (Number(q.get('limit')) > 50) q.set('limit', '50');
        setQuery(req, q);
      }),
    ],
  },
  {
    id: 'pagination-gap',
    area: 'pagination',
    invariant: 'walking a list with cursors sees every item once, no gaps',
    injection: 'every page reached with a cursor loses its first item',
    files: ['pagination'],
    rewrites: () => [
      answers(LISTS, (res, req) => {
        if (isList(res) && query(req).get('cursor')) (res.json as Json).data.shift();
      }),
    ],
  },
  {
    id: 'pagination-oldest-first',
    area: 'pagination',
    invariant: 'lists are newest first',
    injection: 'every page is in reverse order',
    files: ['pagination', 'products'],
    rewrites: () => [
      answers(LISTS, (res) => {
        if (isList(res)) (res.json as Json).data.reverse();
      }),
    ],
  },
  {
    id: 'pagination-archived-missing-unfiltered',
    area: 'pagination',
    invariant: 'the unfiltered product list holds archived products too',
    injection: 'listProducts without a status filter leaves archived products out',
    files: ['products'],
    rewrites: () => [
      answers(['listProducts'], (res, req) => {
        if (isList(res) && !query(req).get('status')) {
          const body = res.json as Json;
          body.data = body.data.filter((p: Json) => p.status !== 'archived');
        }
      }),
    ],
  },
  {
    id: 'pagination-status-filter-ignored',
    area: 'pagination',
    invariant: 'orders filtered by status hold only that status',
    injection: 'listOrders ignores status',
    files: ['pagination'],
    rewrites: () => [
      requests(['listOrders'], (req) => {
        const q = query(req);
        q.delete('status');
        setQuery(req, q);
      }),
    ],
  },
  {
    id: 'pagination-default-limit-10',
    area: 'pagination',
    invariant: 'limit defaults to 25',
    injection: 'a list asked without limit gets 10 items a page',
    files: ['pagination'],
    rewrites: () => [
      requests(LISTS, (req) => {
        const q = query(req);
        if (!q.has('limit')) q.set('limit', '10');
        setQuery(req, q);
      }),
    ],
  },
  {
    id: 'pagination-tampered-cursor-accepted',
    area: 'pagination',
    invariant: 'an altered cursor is 400 invalid_request',
    injection: 'a cursor the sandbox refuses is dropped and the first page answered instead',
    files: ['pagination'],
    rewrites: () => [
      answers(LISTS, async (res, req, upstream) => {
        if (res.status !== 400 || !query(req).get('cursor')) return;
        const q = query(req);
        q.delete('cursor');
        const again = await upstream.call('GET', `${req.url.split('?')[0]}?${q}`, { authorization: req.headers.authorization ?? '' });
        Object.assign(res, again);
      }),
    ],
  },
  {
    id: 'pagination-list-item-differs',
    area: 'pagination',
    invariant: 'a list item agrees with the same object fetched by id',
    injection: 'orders in listOrders show total_cents one cent higher than getOrder',
    files: ['orders'],
    rewrites: () => [
      answers(['listOrders'], (res) => {
        if (isList(res)) for (const o of (res.json as Json).data) o.total_cents += 1;
      }),
    ],
  },

  // ---- rate limits -----------------------------------------------------------------------------
  {
    id: 'rate-limit-no-retry-after',
    area: 'rate limits',
    invariant: 'a 429 carries Retry-After',
    injection: 'Retry-After is left out of every 429',
    files: ['rateLimits'],
    slow: true,
    rewrites: () => [
      answers([], (res) => {
        if (res.status === 429) delete res.headers['retry-after'];
      }),
    ],
  },
  {
    id: 'rate-limit-wrong-quota',
    area: 'rate limits',
    invariant: 'writes are limited to 120 a minute, and RateLimit-Policy says so',
    injection: 'RateLimit-Policy on writes says q=100',
    files: ['rateLimits'],
    rewrites: () => [
      answers([], (res) => {
        if (res.headers['ratelimit-policy']?.startsWith('"writes"')) res.headers['ratelimit-policy'] = '"writes";q=100;w=60';
      }),
    ],
  },
  {
    id: 'rate-limit-remaining-static',
    area: 'rate limits',
    invariant: 'RateLimit remaining goes down as requests are made',
    injection: 'RateLimit always reports the full quota minus one',
    files: ['rateLimits'],
    rewrites: () => [
      answers([], (res) => {
        const m = /^"(reads|writes)";r=\d+;t=(\d+)$/.exec(res.headers.ratelimit ?? '');
        if (m) res.headers.ratelimit = `"${m[1]}";r=${m[1] === 'reads' ? 599 : 119};t=${m[2]}`;
      }),
    ],
  },
  {
    id: 'rate-limit-wrong-slug',
    area: 'rate limits',
    invariant: "a 429's type is rate_limited",
    injection: '429 problems say too_many_requests',
    files: ['rateLimits'],
    slow: true,
    rewrites: () => [
      answers([], (res) => {
        if (res.status === 429 && res.json) (res.json as Json).type = 'too_many_requests';
      }),
    ],
  },
  {
    id: 'rate-limit-never-refuses-reads',
    area: 'rate limits',
    invariant: 'reads past 600 a minute are refused',
    injection: 'a 429 on a read is replaced by the answer of the main key',
    files: ['rateLimits'],
    slow: true,
    rewrites: ({ mainKey }) => [
      answers([], async (res, req, upstream) => {
        if (res.status === 429 && req.method === 'GET') Object.assign(res, await upstream.call('GET', req.url, { authorization: `Bearer ${mainKey}` }));
      }),
    ],
  },

  // ---- idempotency -----------------------------------------------------------------------------
  {
    id: 'idempotency-no-replayed-header',
    area: 'idempotency',
    invariant: 'a replay says Idempotent-Replayed: true',
    injection: 'Idempotent-Replayed is left out',
    files: ['idempotency'],
    rewrites: () => [
      answers([], (res) => {
        delete res.headers['idempotent-replayed'];
      }),
    ],
  },
  {
    id: 'idempotency-key-ignored',
    area: 'idempotency',
    invariant: 'the same key and body returns the same response with no duplicate side effects',
    injection: 'Idempotency-Key is dropped from every request',
    files: ['idempotency', 'orders', 'payouts'],
    rewrites: () => [
      requests([], (req) => {
        delete req.headers['idempotency-key'];
      }),
    ],
  },
  {
    id: 'idempotency-conflict-runs-anyway',
    area: 'idempotency',
    invariant: 'a key reused with another payload is 409 conflict and does nothing',
    injection: 'a 409 for a reused key is replaced by running the request without the key',
    files: ['idempotency', 'errors'],
    rewrites: () => [
      answers([], async (res, req, upstream) => {
        if (res.status !== 409 || !req.headers['idempotency-key']) return;
        const { 'idempotency-key': _key, ...headers } = req.headers;
        Object.assign(res, await upstream.call(req.method, req.url, headers, req.json));
      }),
    ],
  },
  {
    id: 'idempotency-replay-not-identical',
    area: 'idempotency',
    invariant: 'a replay is the stored response byte for byte',
    injection: 'replayed bodies are pretty-printed',
    files: ['idempotency'],
    rewrites: () => [
      answers([], (res) => {
        if (res.headers['idempotent-replayed'] && res.json !== undefined) {
          res.raw = Buffer.from(JSON.stringify(res.json, null, 2));
          res.json = undefined;
        }
      }),
    ],
  },

  // ---- auth ------------------------------------------------------------------------------------
  {
    id: 'auth-no-www-authenticate',
    area: 'auth',
    invariant: 'a 401 carries WWW-Authenticate: Bearer',
    injection: 'WWW-Authenticate is left out of every 401',
    files: ['auth'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status === 401) delete res.headers['www-authenticate'];
      }),
    ],
  },
  {
    id: 'auth-revoked-key-works',
    area: 'auth',
    invariant: 'a revoked key is refused from the next request on',
    injection: "a revoked key's requests are sent on with the main key",
    files: ['auth', 'apiKeys'],
    rewrites: ({ mainKey }) => {
      const secrets = new Map<string, string>();
      const revoked = new Set<string>();
      return [
        answers(['createApiKey'], (res) => {
          const body = res.json as Json;
          if (res.status === 201) secrets.set(body.id, body.secret);
        }),
        answers(['revokeApiKey'], (res, req) => {
          const secret = secrets.get(req.url.split('/')[3]);
          if (res.status === 200 && secret) revoked.add(secret);
        }),
        requests([], (req) => {
          const key = bearer(req);
          if (key && revoked.has(key)) req.headers.authorization = `Bearer ${mainKey}`;
        }),
      ];
    },
  },
  {
    id: 'auth-401-as-403',
    area: 'auth',
    invariant: 'a missing or invalid token is 401 unauthenticated',
    injection: 'every 401 is answered 403 forbidden_scope',
    files: ['auth'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status !== 401) return;
        res.status = 403;
        Object.assign(res.json as Json, { status: 403, type: 'forbidden_scope' });
      }),
    ],
  },
  {
    id: 'auth-unknown-test-key-accepted',
    area: 'auth',
    invariant: 'an unknown key is refused',
    injection: 'an unknown sx_test_ key is taken as the main key',
    files: ['auth'],
    rewrites: ({ mainKey }) => [
      answers([], async (res, req, upstream) => {
        if (res.status === 401 && bearer(req)?.startsWith('sx_test_') && !/revoked/i.test(JSON.stringify(res.json))) {
          Object.assign(res, await upstream.call(req.method, req.url, { ...req.headers, authorization: `Bearer ${mainKey}` }, req.json));
        }
      }),
    ],
  },

  // ---- abilities -------------------------------------------------------------------------------
  {
    id: 'abilities-403-as-404',
    area: 'abilities',
    invariant: 'a key lacking the ability gets 403 forbidden_scope',
    injection: 'every 403 is answered 404 not_found',
    files: ['abilities'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status !== 403) return;
        res.status = 404;
        res.json = {
          type: 'not_found',
          title: 'Not found',
          status: 404,
          detail: 'Not found.',
          instance: res.json && (res.json as Json).instance,
          request_id: (res.json as Json)?.request_id,
        };
      }),
    ],
  },
  {
    id: 'abilities-payouts-read-unchecked',
    area: 'abilities',
    invariant: 'listPayouts needs payouts:read',
    injection: "a 403 on listPayouts is replaced by the main key's answer",
    files: ['abilities'],
    rewrites: ({ mainKey }) => [
      answers(['listPayouts'], async (res, req, upstream) => {
        if (res.status === 403) Object.assign(res, await upstream.call('GET', req.url, { authorization: `Bearer ${mainKey}` }));
      }),
    ],
  },
  {
    id: 'abilities-wrong-required-ability',
    area: 'abilities',
    invariant: 'a 403 names the ability the operation needs (decision)',
    injection: 'required_ability is always products:read',
    files: ['abilities'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status === 403 && res.json) (res.json as Json).required_ability = 'products:read';
      }),
    ],
  },

  // ---- tenancy ---------------------------------------------------------------------------------
  {
    id: 'tenancy-403-not-404',
    area: 'tenancy',
    invariant: "another shop's resource is 404, never 403",
    injection: 'a 404 on getProduct is answered 403 forbidden_scope',
    files: ['tenancy'],
    rewrites: () => [
      answers(['getProduct'], (res) => {
        if (res.status !== 404) return;
        res.status = 403;
        Object.assign(res.json as Json, { status: 403, type: 'forbidden_scope' });
      }),
    ],
  },
  {
    id: 'tenancy-lists-leak',
    area: 'tenancy',
    invariant: "another shop's products are absent from a shop's list",
    injection: "a key other than the main key sees the main shop's newest products in its list",
    files: ['tenancy'],
    rewrites: ({ mainKey }) => [
      answers(['listProducts'], async (res, req, upstream) => {
        if (!isList(res) || bearer(req) === mainKey) return;
        const theirs = await upstream.call('GET', '/v1/products?limit=5', { authorization: `Bearer ${mainKey}` });
        (res.json as Json).data.unshift(...(theirs.json as Json).data);
      }),
    ],
  },
  {
    id: 'tenancy-idempotency-global',
    area: 'tenancy',
    invariant: 'idempotency keys are per shop',
    injection: "a key first used by one shop replays that shop's answer to another",
    files: ['tenancy'],
    rewrites: () => {
      const seen = new Map<string, { auth: string; status: number; headers: Record<string, string>; json: unknown }>();
      return [
        requests([], (req) => {
          const key = req.headers['idempotency-key'];
          const first = key ? seen.get(key) : undefined;
          if (first && first.auth !== req.headers.authorization)
            return { status: first.status, headers: { ...first.headers, 'idempotent-replayed': 'true' }, json: first.json };
        }),
        answers([], (res, req) => {
          const key = req.headers['idempotency-key'];
          if (key && !seen.has(key)) seen.set(key, { auth: req.headers.authorization ?? '', status: res.status, headers: { ...res.headers }, json: res.json });
        }),
      ];
    },
  },

  // ---- errors ----------------------------------------------------------------------------------
  {
    id: 'errors-status-differs',
    area: 'errors',
    invariant: "a problem's status is the HTTP status",
    injection: 'every 404 problem says status 400',
    files: ['errors'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status === 404 && res.json) (res.json as Json).status = 400;
      }),
    ],
  },
  {
    id: 'errors-html-not-found',
    area: 'errors',
    invariant: 'every non-2xx is a JSON problem, never HTML',
    injection: 'an unknown path is answered with an HTML page',
    files: ['errors'],
    rewrites: () => [
      answers([], (res, req) => {
        if (res.status === 404 && !req.operation) {
          res.headers['content-type'] = 'text/html';
          res.json = undefined;
          res.raw = Buffer.from('<html><body>Not Found</body></html>');
        }
      }),
    ],
  },
  {
    id: 'errors-422-without-errors',
    area: 'errors',
    invariant: 'a 422 body has an errors map per field',
    injection: 'errors is left out of every 422',
    files: ['errors'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status === 422 && res.json) delete (res.json as Json).errors;
      }),
    ],
  },
  {
    id: 'errors-422-as-400',
    area: 'errors',
    invariant: 'a present value of the wrong type or bound is 422 unprocessable',
    injection: 'every 422 is answered 400 invalid_request',
    files: ['errors'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status !== 422) return;
        res.status = 400;
        Object.assign(res.json as Json, { status: 400, type: 'invalid_request' });
      }),
    ],
  },
  {
    id: 'errors-405-without-allow',
    area: 'errors',
    invariant: 'a 405 names the allowed methods in Allow (decision)',
    injection: 'Allow is left out',
    files: ['errors'],
    rewrites: () => [
      answers([], (res) => {
        if (res.status === 405) delete res.headers.allow;
      }),
    ],
  },
  {
    id: 'errors-request-id-not-echoed',
    area: 'errors',
    invariant: 'a client X-Request-Id is echoed in the header and in request_id (decision)',
    injection: 'X-Request-Id is replaced by a new one on the way in',
    files: ['errors'],
    rewrites: () => [
      requests([], (req) => {
        if (req.headers['x-request-id']) req.headers['x-request-id'] = 'req_fault_replaced';
      }),
    ],
  },
  {
    id: 'errors-wrong-field-path',
    area: 'errors',
    invariant: "a 422's errors map names the field (body.price_cents)",
    injection: 'errors keys are replaced by "field"',
    files: ['errors', 'products'],
    rewrites: () => [
      answers([], (res) => {
        const body = res.json as Json;
        if (res.status === 422 && body?.errors) body.errors = { field: Object.values(body.errors).flat() };
      }),
    ],
  },
  {
    id: 'errors-problem-media-type',
    area: 'errors',
    invariant: 'problems are application/problem+json',
    injection: 'problems are sent as application/json',
    files: ['errors'],
    rewrites: () => [
      answers([], (res) => {
        if (isProblem(res)) res.headers['content-type'] = 'application/json; charset=utf-8';
      }),
    ],
  },

  // ---- business rules ---------------------------------------------------------------------------
  {
    id: 'rules-refund-default-total',
    area: 'business rules',
    invariant: 'a refund without amount_cents refunds what is left, not the total',
    injection: 'a refund without amount_cents is sent with the order total',
    files: ['orders'],
    rewrites: () => [
      requests(['refundOrder'], async (req, upstream) => {
        const body = (req.json ?? {}) as Json;
        if (body.amount_cents !== undefined) return;
        const order = await upstream.call('GET', req.url.replace(/\/refund$/, ''), { authorization: req.headers.authorization ?? '' });
        req.json = { ...body, amount_cents: (order.json as Json).total_cents };
      }),
    ],
  },
  {
    id: 'rules-refund-over-remainder-accepted',
    area: 'business rules',
    invariant: 'a refund may not exceed what is left to refund',
    injection: 'a refund the sandbox refuses with 422 is answered as a processing refund',
    files: ['orders'],
    rewrites: () => [acceptInstead(['refundOrder'], 200, refundBody, (res) => res.status === 422 && !!(res.json as Json)?.errors?.['body.amount_cents'])],
  },
  {
    id: 'rules-patch-resets-fields',
    area: 'business rules',
    invariant: 'PATCH keeps what it was not given',
    injection: 'a PATCH without description resets it to empty',
    files: ['products'],
    rewrites: () => [
      requests(['updateProduct'], (req) => {
        const body = req.json as Json | undefined;
        if (body && typeof body === 'object' && !('description' in body) && !('stock' in body)) req.json = { ...body, description: '' };
      }),
    ],
  },
  {
    id: 'rules-license-stock-settable',
    area: 'business rules',
    invariant: "a license-key product's stock cannot be set by hand",
    injection: 'stock is dropped from license-key product creation, which then succeeds',
    files: ['products'],
    rewrites: () => [
      requests(['createProduct'], (req) => {
        const body = req.json as Json | undefined;
        if (body?.type === 'license_key' && 'stock' in body) delete body.stock;
      }),
    ],
  },
  {
    id: 'rules-archive-twice-404',
    area: 'business rules',
    invariant: 'archiving repeats harmlessly',
    injection: 'archiving an archived product is 404',
    files: ['products'],
    rewrites: () => {
      const archived = new Set<string>();
      return [
        requests(['archiveProduct'], (req) => {
          if (archived.has(req.url))
            return { status: 404, headers: { 'content-type': 'application/problem+json' }, json: { type: 'not_found', title: 'Not found', status: 404 } };
        }),
        answers(['archiveProduct'], (res, req) => {
          if (res.status === 200) archived.add(req.url);
        }),
      ];
    },
  },
  {
    id: 'rules-duplicates-imported',
    area: 'business rules',
    invariant: 'duplicate keys are counted and skipped',
    injection: 'duplicates are reported as imported',
    files: ['products'],
    rewrites: () => [
      answers(['importProductKeys'], (res) => {
        const body = res.json as Json;
        if (res.status === 201) Object.assign(body, { imported: body.imported + body.duplicates, duplicates: 0 });
      }),
    ],
  },
  {
    id: 'rules-resend-unpaid',
    area: 'business rules',
    invariant: 'only a paid order can be re-sent',
    injection: 'a resend the sandbox refuses is answered as sent',
    files: ['orders'],
    rewrites: () => [acceptInstead(['resendOrder'], 200, () => ({ sent_at: now(), recipient: 'buyer@example.com', delivery_kind: 'account' }))],
  },
  {
    id: 'rules-unpaid-refund-accepted',
    area: 'business rules',
    invariant: 'an order never paid cannot be refunded',
    injection: 'a refund refused for the order state (not the amount) is answered as processing',
    files: ['orders'],
    rewrites: () => [acceptInstead(['refundOrder'], 200, refundBody, (res) => res.status === 422 && !(res.json as Json)?.errors?.['body.amount_cents'])],
  },
  {
    id: 'rules-payout-over-balance',
    area: 'business rules',
    invariant: 'a payout may not exceed the available balance',
    injection: 'a payout refused for its amount is answered as queued',
    files: ['payouts'],
    rewrites: () => [
      acceptInstead(
        ['createPayout'],
        201,
        (req) => ({
          id: 'po_01FAKE0000000000000000000',
          status: 'queued',
          ...(req.json as Json),
          memo: null,
          tx_hash: null,
          failure_reason: null,
          created_at: now(),
          broadcast_at: null,
          confirmed_at: null,
          failed_at: null,
        }),
        (res) => res.status === 422 && !!(res.json as Json)?.errors?.['body.amount_cents'],
      ),
    ],
  },
  {
    id: 'rules-customer-lifetime-ignores-refunds',
    area: 'business rules',
    invariant: "a customer's lifetime value is what their paid orders brought in, after refunds",
    injection: "lifetime_cents is the sum of the paid orders' totals",
    files: ['customers'],
    rewrites: () => [
      answers(['getCustomer'], (res) => {
        const body = res.json as Json;
        if (res.status === 200 && Array.isArray(body.orders))
          body.lifetime_cents = body.orders.filter((o: Json) => o.paid_at).reduce((sum: number, o: Json) => sum + o.total_cents, 0);
      }),
    ],
  },
  {
    id: 'rules-partial-refund-full-status',
    area: 'business rules',
    invariant: 'a partial refund leaves the order status; a full one sets refunded',
    injection: 'an order with any refund reads refunded',
    files: ['orders'],
    rewrites: () => [
      everyObject(['getOrder', 'listOrders'], (o) =>
        typeof o.refunded_cents === 'number' && o.refunded_cents > 0 && typeof o.status === 'string' ? { ...o, status: 'refunded' } : o,
      ),
    ],
  },

  // ---- money -----------------------------------------------------------------------------------
  {
    id: 'money-price-rounded',
    area: 'money',
    invariant: 'money values round-trip exactly',
    injection: 'price_cents is rounded to whole units (multiples of 100)',
    files: ['products'],
    rewrites: () => [
      everyObject(['createProduct', 'getProduct', 'updateProduct', 'listProducts'], (o) =>
        typeof o.price_cents === 'number' ? { ...o, price_cents: Math.round(o.price_cents / 100) * 100 } : o,
      ),
    ],
  },
  {
    id: 'money-not-integer',
    area: 'money',
    invariant: 'amounts are integer cents',
    injection: 'total_cents is sent in units with decimals',
    files: ['orders'],
    rewrites: () => [everyObject(['getOrder', 'listOrders'], (o) => (typeof o.total_cents === 'number' ? { ...o, total_cents: o.total_cents / 100 } : o))],
  },
  {
    id: 'money-refund-off-by-one',
    area: 'money',
    invariant: 'a refund is for the amount asked',
    injection: "a refund's amount_cents is one cent less than asked",
    files: ['orders'],
    rewrites: () => [
      answers(['refundOrder'], (res) => {
        if (res.status === 200) (res.json as Json).amount_cents -= 1;
      }),
    ],
  },

  // ---- webhooks --------------------------------------------------------------------------------
  {
    id: 'webhooks-order-events-never-sent',
    area: 'webhooks',
    invariant: 'real order.* events reach a subscribed endpoint, not only test events',
    injection: 'order.* deliveries are dropped unless a test event is being fired',
    files: ['webhooks'],
    rewrites: () => {
      let testing = 0;
      return [
        {
          request(req) {
            if (opIs(req, 'testWebhook')) testing++;
          },
          response(_res, req) {
            if (opIs(req, 'testWebhook')) testing--;
          },
          delivery(d) {
            if (String(d.event.type).startsWith('order.') && testing === 0) return false;
          },
        },
      ];
    },
  },
  {
    id: 'webhooks-bad-signature',
    area: 'webhooks',
    invariant: 'deliveries are signed per Standard Webhooks with the endpoint secret',
    injection: 'the signature is of another body',
    files: ['webhooks'],
    rewrites: () => [
      {
        delivery(d) {
          d.headers['webhook-signature'] = `v1,${Buffer.from('not the signature of this body, not at all').toString('base64')}`;
        },
      },
    ],
  },
  {
    id: 'webhooks-id-changes-on-retry',
    area: 'webhooks',
    invariant: 'a retry keeps its webhook-id',
    injection: 'every delivery gets a fresh webhook-id',
    files: ['webhooks'],
    rewrites: () => {
      let n = 0;
      return [
        {
          delivery(d) {
            d.headers['webhook-id'] = `msg_fault_${++n}`;
          },
        },
      ];
    },
  },
  {
    id: 'webhooks-secret-listed',
    area: 'webhooks',
    invariant: 'a signing secret is shown once, never in the list',
    injection: "listWebhooks shows each endpoint's signing_secret",
    files: ['webhooks'],
    rewrites: () => [
      everyObject(['listWebhooks'], (o) =>
        typeof o.url === 'string' && o.id ? { ...o, signing_secret: `whsec_${Buffer.from(String(o.id)).toString('base64')}` } : o,
      ),
    ],
  },
  {
    id: 'webhooks-test-always-delivered',
    area: 'webhooks',
    invariant: "a test event reports the endpoint's refusal",
    injection: 'testWebhook always reports delivered: true, 200',
    files: ['webhooks'],
    rewrites: () => [
      answers(['testWebhook'], (res) => {
        if (res.status === 200) Object.assign(res.json as Json, { delivered: true, response_code: 200 });
      }),
    ],
  },
  {
    id: 'webhooks-event-before-change',
    area: 'webhooks',
    invariant: 'an event carries the object after the change that caused it',
    injection: 'order.refunded carries the order as it was before (status paid)',
    files: ['webhooks'],
    rewrites: () => [
      {
        delivery(d) {
          if (d.event.type !== 'order.refunded') return;
          // re-signing is not possible here: the fault also shows in the signature, which the suite checks first
          const text = d.body.toString('utf8').replace('"status":"refunded"', '"status":"completed"');
          d.body = Buffer.from(text);
        },
      },
    ],
  },

  // ---- api keys --------------------------------------------------------------------------------
  {
    id: 'api-keys-secret-listed',
    area: 'api keys',
    invariant: 'secret values are never returned twice',
    injection: 'listApiKeys shows a secret for each key',
    files: ['apiKeys'],
    rewrites: () => [
      everyObject(['listApiKeys'], (o) => (typeof o.id === 'string' && o.id.startsWith('apik_') ? { ...o, secret: `sx_test_${'x'.repeat(24)}` } : o)),
    ],
  },
  {
    id: 'api-keys-last-used-frozen',
    area: 'api keys',
    invariant: 'last_used_at is kept current',
    injection: 'last_used_at is always null in the list',
    files: ['apiKeys'],
    rewrites: () => [everyObject(['listApiKeys'], (o) => ('last_used_at' in o ? { ...o, last_used_at: null } : o))],
  },
  {
    id: 'api-keys-revoke-all',
    area: 'api keys',
    invariant: 'revoking a key leaves the others alone',
    injection: 'revoking a key revokes the newest other key of the shop too',
    files: ['apiKeys'],
    rewrites: ({ mainKey }) => [
      answers(['revokeApiKey'], async (res, req, upstream) => {
        if (res.status !== 200) return;
        const list = await upstream.call('GET', '/v1/api-keys', { authorization: `Bearer ${mainKey}` });
        const gone = req.url.split('/')[3];
        const other = ((list.json as Json).data as Json[]).find((k) => k.id !== gone && /revoke/.test(k.name));
        if (other) await upstream.call('DELETE', `/v1/api-keys/${other.id}`, { authorization: `Bearer ${mainKey}` });
      }),
    ],
  },
];
