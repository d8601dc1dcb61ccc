/**
 * GENERATED from openapi/sx.v1.yaml by openapi-typescript: do not edit.
 * Regenerate with `npm run gen:types`; `npm run check:types` (part of
 * `npm test`) fails while this file is stale.
 */
export interface paths {
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products
         * @description Returns a paginated list of your products, newest first.
         *
         *     The `type` filter also accepts `dynamic`, which the reference's filter list omits but which is a
         *     valid product type.
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product
         * @description Publishes a new product on the active shop. The `slug` is derived from the name and is unique
         *     within the shop. A license-key product starts with `stock` 0: its stock is the size of its key
         *     pool, filled with `POST /v1/products/{id}/keys`.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product identifier (`prod_…`). */
                id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        /**
         * Fetch a product
         * @description Returns a single product by id, including its stock count. Archived products still resolve.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /**
         * Archive a product
         * @description Soft-deletes the product: its status becomes `archived` and `archived_at` is set. Existing orders
         *     keep working and the product still resolves by id. Archiving an archived product succeeds again
         *     with the original `archived_at`.
         */
        delete: operations["archiveProduct"];
        options?: never;
        head?: never;
        /**
         * Update a product
         * @description Patch any subset of editable fields. Sends back the full updated object, with `updated_at` set.
         *     `stock` cannot be set on a license-key product (422): its stock is the size of its key pool.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/v1/products/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product identifier (`prod_…`). */
                id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bulk-import license keys
         * @description Adds keys to a license-key product's pool. Up to 5,000 per call. Keys already in the pool, or
         *     repeated within the call, are counted in `duplicates` and skipped; `stock_after` is the size of
         *     the pool afterwards. Only license-key products have a pool (422 otherwise). Pooled keys are
         *     secrets: no read ever returns them. The sandbox caps a pool (100,000 keys, 2,000 with `--public`)
         *     with the call's new keys counted in: a call that would pass the cap is 422 and imports nothing.
         *     The keys count against the shop's byte budget (422 `shop.budget` beyond).
         */
        post: operations["importProductKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description Returns a paginated list of orders for the active shop, newest first. `from` and `to` are
         *     inclusive bounds on `created_at`; each takes a date or a date-time, and a bare date in `to` means
         *     the end of that day.
         */
        get: operations["listOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order identifier (`ord_…`). */
                uuid: components["parameters"]["OrderUuid"];
            };
            cookie?: never;
        };
        /**
         * Fetch an order
         * @description Returns one order with items, payment details, delivery state and refunds.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{uuid}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order identifier (`ord_…`). */
                uuid: components["parameters"]["OrderUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an order
         * @description Refunds the full amount, or a partial amount if you set `amount_cents`. Without `amount_cents`
         *     the whole refundable remainder (`total_cents − refunded_cents`) is refunded; otherwise
         *     `0 < amount_cents ≤ total_cents − refunded_cents`. Only orders that were paid (`paid_at` is set:
         *     `paid`, `delivering`, `completed`, a partly refunded order, or a paid order whose delivery
         *     `failed`) can be refunded; a broken rule is 422 with an `errors` entry that names it
         *     (`order.status` for an order that was never paid, `order.refunded_cents` when nothing is left,
         *     `body.amount_cents` above the remainder). Partial refunds accumulate in `refunded_cents`; the
         *     refund that reaches the order total sets the order to `refunded`.
         *
         *     The refund starts `processing` and moves to `succeeded` (with `destination_tx`) 60 seconds later
         *     on the shop's clock. `order.refunded` is emitted when the refund is created and again when it
         *     settles, each time with the whole order (read `refunds[]` for which refund and its status).
         *     Send an `Idempotency-Key`: a retried refund with the same key is answered from the first one and
         *     never refunds twice.
         */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{uuid}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order identifier (`ord_…`). */
                uuid: components["parameters"]["OrderUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-send delivery email
         * @description Re-fires the delivery email for a paid order (license key, file links, etc.) to the order's
         *     customer. Only orders that are `paid` or later (`delivering`, `completed`, `refunded`) qualify;
         *     others are 422.
         */
        post: operations["resendOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description Returns a paginated list of unique customer emails for the active shop, newest first (by when
         *     the customer was first seen). Customers are derived from orders by email; see `Customer` for how
         *     the metrics are counted.
         */
        get: operations["listCustomers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Customer identifier (`cus_…`). */
                id: components["parameters"]["CustomerId"];
            };
            cookie?: never;
        };
        /**
         * Fetch a customer
         * @description Returns one customer with their order history (newest first) and lifetime metrics.
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payouts
         * @description Returns a paginated list of payouts triggered from this tenant, newest first.
         */
        get: operations["listPayouts"];
        put?: never;
        /**
         * Trigger a payout
         * @description Queues a payout from your BlockPN wallet to the destination address. The asset must be one the
         *     chain carries and the address must have the chain's format (422 otherwise). The amount may not
         *     exceed the available balance: paid orders (their `total_cents − refunded_cents`) − payouts that
         *     have not failed; the 422 names the balance. The payout moves `queued → broadcast` (with
         *     `tx_hash`) 20 seconds after it is queued and `→ confirmed` 2 minutes after the broadcast, on the
         *     shop's clock, emitting `payout.queued`, `payout.broadcast` and `payout.confirmed`; nothing moves
         *     on chain in test mode. A payout to the sandbox's magic failing address (see
         *     `destination_address`) fails instead of being broadcast (`payout.failed`, `failure_reason`
         *     `destination_rejected`) and its funds count as available again. Send an `Idempotency-Key`: a
         *     retried payout with the same key is created once.
         */
        post: operations["createPayout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List endpoints
         * @description Returns every webhook endpoint registered for the active shop. Not paginated: the number of
         *     endpoints per shop is capped. Signing secrets are never returned here.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register an endpoint
         * @description Subscribes a URL to one or more event types. Returns the signing secret — only in this response,
         *     store it. The URL must be `https`, or `http` to a loopback host (`localhost`, `127.0.0.1`, `[::1]`)
         *     for local development. Use `*` for all events, or `product.*` / `payout.*` for a family; an unknown
         *     event name is 422. The sandbox caps endpoints per shop (16 by default, 5 with `--public`; 422
         *     beyond; the fixtures' endpoints do not count, a deleted endpoint frees its place and its log). In public mode an endpoint that is, or resolves to, a loopback, private, link-local or other
         *     internal address is 422 too.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Endpoint identifier (`wh_…`). */
                id: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an endpoint
         * @description Stops further deliveries. In-flight retries are cancelled.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Endpoint identifier (`wh_…`). */
                id: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fire a test event
         * @description Sends a synthetic event to the endpoint so you can verify your handler. The delivery is made
         *     synchronously, signed like any other, and not retried. `response_code` is 0 when no connection
         *     could be made (refused, timed out, TLS failure).
         *
         *     In sx-sandbox the event's `data.object` is one of the shop's own records of that kind (a paid order
         *     for `order.paid` when there is one), and a shop with no record of that kind is 422. Fixture endpoints
         *     get no connection: `delivered: false`, `response_code: 0`. In public mode a target that now resolves
         *     to an internal address is 422.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Endpoint identifier (`wh_…`). */
                id: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        /**
         * List an endpoint's deliveries
         * @description Sandbox only. Returns the endpoint's delivery log, newest first: one entry per delivery attempt.
         *     An entry is `pending` until its attempt is made; a failed attempt that will be retried has
         *     `next_retry_at`, and the retry appears as a new entry with the same `event_id` and the next
         *     `attempt` number. Test deliveries (`POST /v1/webhooks/{id}/test`) are not logged. The log keeps
         *     exactly the newest 1,000 attempts per endpoint; older ones are forgotten (an attempt still pending
         *     when it is pushed out is not made). An endpoint owes at most 100 attempts at once (waiting, queued
         *     or in flight): one more is logged as `failed` with a `failure_reason` saying the queue was full, and
         *     never made. Removing, evicting or resetting the shop stops every pending attempt at once.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Returns metadata for every key minted under this tenant. Secret values are never returned twice.
         *     Not paginated. `last_used_at` is kept current. Needs a key that holds all nine abilities.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Mint a key
         * @description Mints a scoped key. The secret value is only returned in this response — store it. A key can
         *     never grant abilities that the calling key does not hold. `mode` defaults to `live`; the sandbox
         *     mints such keys with the right shape but refuses them (401), so mint `test` keys to use them here.
         *     The sandbox caps unrevoked keys per shop (100 by default, 20 with `--public`; the fixtures' keys do not count): minting one more is
         *     422 `unprocessable` with `errors: {"body": ["this sandbox allows at most 100 api keys per shop"]}`
         *     (`body`: the request as a whole, since no single field is wrong); revoke a key to make room.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Key identifier (`apik_…`). */
                id: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a key
         * @description Revokes a key instantly. Any in-flight request using it returns 401 from this point on. The
         *     sandbox remembers a shop's newest 100 revoked keys; an older revoked key is forgotten (its id is
         *     then 404, its secret the 401 of an unknown key), so minting and revoking never fills a shop.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulate an order
         * @description Sandbox only. Simulates a checkout of `quantity` units of an active product by `email`, at the
         *     shop's current moment, walking the order through
         *     `pending → awaiting_payment → paid → delivering → completed` (or stopping at `awaiting_payment`,
         *     or ending `failed` when the payment fails, as `outcome` says). The total is `price_cents ×
         *     quantity`. The customer for the email (matched case-insensitively) is created
         *     (`customer.created`) or updated. Events, in order: `order.created`; then `order.paid`,
         *     `product.updated` (stock), `order.delivered`, `order.completed` for a completed checkout, or
         *     `order.failed` for a failed payment.
         *
         *     Delivery takes license keys from the product's pool (first in, first out) or counts down its
         *     `stock` (`null` = unlimited). When the pool or the stock is short, the delivery fails after
         *     payment, as it would for real: the order ends `failed` with `paid_at` set, delivery `failed`,
         *     nothing is taken, and the order can be refunded. An unknown or inactive product, or an asset
         *     the chain does not carry, is 422.
         */
        post: operations["simulateOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advance the clock
         * @description Sandbox only. Moves the shop's clock forward and runs every job that falls due on the way, in
         *     time order: refunds that succeed, payouts that broadcast, confirm or fail, webhook retries,
         *     idempotency records that expire. `jobs_run` counts them. The clock never goes back (except by a
         *     reset), and never past 100 years after the fixtures' reference date (2126-05-02T08:30:00Z): an advance beyond
         *     is 422 with `errors["body.seconds"]` saying how far it may still move.
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the shop
         * @description Sandbox only. Products, orders, customers, refunds, payouts, webhooks, deliveries, idempotency
         *     records and the clock return to the fixtures. API keys are kept, so the caller's key stays valid.
         *     Pending webhook retries are cancelled.
         */
        post: operations["resetTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a named snapshot of the shop
         * @description Sandbox only. Freezes the shop as it is now under `name` (taking a snapshot of a name the shop already
         *     has replaces it): records, license key pools, the clock, the id and random streams, planned refunds and
         *     payouts, remembered idempotent replies. Taking one copies no record: the shop's layer becomes a shared,
         *     frozen base and the shop goes on over it, so it costs the same for 10 products or 100,000. A shop keeps
         *     at most 20 snapshots (422 naming the cap beyond), in memory: they last as long as the process (export the
         *     shop for a file). Webhook attempts waiting for a retry are not part of a snapshot. A public sandbox
         *     (`--public`) answers 501.
         */
        post: operations["takeSnapshot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/snapshots/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a snapshot
         * @description Sandbox only. Puts the shop back as it was when the snapshot `name` was taken: every answer it gives is
         *     then byte for byte what it gave then (the same records, the same next ids, the same replays). API keys
         *     are kept, as with a reset, so the caller's key stays valid; pending webhook retries are cancelled. The
         *     snapshot stays, so a suite can restore it before every test. 422 on `body.name`, naming the snapshots the
         *     shop has, when it has none of that name. A public sandbox (`--public`) answers 501.
         */
        post: operations["restoreSnapshot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/forks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fork the shop into a new one
         * @description Sandbox only. Makes a new shop that starts as this one is now (or as its snapshot `snapshot` was) and
         *     returns a full-access test key for it, shown once. The new shop is copy-on-write over a frozen base
         *     shared with this one: forking copies no record, so it costs the same for 10 products or 100,000, and
         *     what either shop changes afterwards never shows in the other (nor in any other fork). It starts without
         *     this shop's API keys and remembered replies, and keeps running until the process ends (with `--data`, it
         *     is kept on disk like every shop, written whole when made). A sandbox makes at most 1000 shops by fork or
         *     import (422 naming the cap beyond); a public sandbox (`--public`) answers 501.
         */
        post: operations["forkShop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the shop as one file
         * @description Sandbox only. The shop as one shop file (format `sx-sandbox-shop`, version 1, with a SHA-256 checksum;
         *     see the README, *State that lasts*): everything it holds beyond its fixtures, without its API keys and
         *     their secrets, so a file handed over (a bug report) opens nothing. Import it with
         *     `POST /v1/test_helpers/imports` or `sx-sandbox --import <file>`, on a sandbox with the same `--seed`.
         *     A public sandbox (`--public`) answers 501.
         */
        get: operations["exportShop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a shop file as a new shop
         * @description Sandbox only. Makes a new shop from an exported shop file (the body) and returns a full-access test key
         *     for it, shown once. Importing one file twice makes two shops that answer alike, with different ids and
         *     keys. A file that fails its checksum, is of another format version, or was made over other fixtures (another
         *     `--seed`) is 422 saying which and what to do. The body limit applies (`--body-limit`, 1 MiB by default):
         *     a bigger file goes in with `sx-sandbox --import <file>`. A sandbox makes at most 1000 shops by fork or
         *     import (422 naming the cap beyond); a public sandbox (`--public`) answers 501.
         */
        post: operations["importShop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_helpers/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an ephemeral shop
         * @description Sandbox only, and the one operation without authentication. Creates an isolated shop seeded with
         *     the fixtures and returns a test key that holds all nine abilities, for the docs page's *Try it*.
         *     The shop is removed at `expires_at`, or earlier after `idle_ttl_seconds` without a request.
         *     Rate-limited per client IP (429 with `Retry-After`; the `RateLimit` headers name the policy
         *     `"tenants"`, by default 100 shops per 10 minutes, 10 with `--public`). When the sandbox already
         *     holds its maximum of visitor shops (10,000, 1,000 with `--public`), a shop active within its idle TTL
         *     is never removed to make room: the call is 503 `service_unavailable` with `Retry-After` (when the
         *     first shop's idle TTL or lifetime ends). Under the memory ceiling (see *Memory limits*), the least
         *     recently active shops without a running request are evicted; their key then gets 401. An `Idempotency-Key` is accepted but never replayed: there is no shop to scope
         *     it to yet, so every call creates a new shop.
         */
        post: operations["createEphemeralTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    event: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An event delivery
         * @description What sx POSTs to your endpoint for every event its `events` filter matches. Verify the
         *     Standard Webhooks signature before trusting the body, de-duplicate on `webhook-id`, and answer
         *     any 2xx quickly. Anything else is retried (see *Webhooks* above).
         */
        post: operations["receiveEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description Product id, `prod_` + a ULID.
         * @example prod_01J2PVQR41
         */
        ProductId: string;
        /**
         * @description Order id, `ord_` + a ULID.
         * @example ord_01J2PVP4XJ
         */
        OrderId: string;
        /**
         * @description Customer id, `cus_` + a ULID.
         * @example cus_01J2PR9M5C
         */
        CustomerId: string;
        /**
         * @description Refund id, `rf_` + a ULID.
         * @example rf_01J2PVS78B
         */
        RefundId: string;
        /**
         * @description Payout id, `po_` + a ULID.
         * @example po_01J2PVZ8KK
         */
        PayoutId: string;
        /**
         * @description Webhook endpoint id, `wh_` + a ULID.
         * @example wh_01J2PTR7QW
         */
        WebhookEndpointId: string;
        /**
         * @description Webhook delivery id, `whd_` + a ULID.
         * @example whd_01J2PVP5QD
         */
        WebhookDeliveryId: string;
        /**
         * @description API key id, `apik_` + a ULID.
         * @example apik_01J2PRK7TD
         */
        ApiKeyId: string;
        /**
         * @description Event id, `evt_` + a ULID.
         * @example evt_01J2PVP5A1
         */
        EventId: string;
        /**
         * Format: date-time
         * @description ISO-8601 UTC, to the second.
         * @example 2026-05-26T07:18:03Z
         */
        Timestamp: string;
        /**
         * Format: date-time
         * @description ISO-8601 UTC, to the second, or `null`.
         */
        NullableTimestamp: string | null;
        /** @description An ISO-8601 date (`2026-05-26`) or date-time (`2026-05-26T07:14:22Z`), at most 40 characters. */
        DateOrDateTime: string;
        /**
         * @description Three-letter ISO-4217 fiat currency code, e.g. USD, EUR, GBP.
         * @example USD
         */
        Currency: string;
        /** @description An amount in the smallest unit of the currency. */
        Cents: number;
        /**
         * Format: email
         * @example maya.chen@example.com
         */
        Email: string;
        /** @description On-chain transaction hash. */
        TxHash: string;
        /** @description An empty JSON object. */
        EmptyObject: Record<string, never>;
        /**
         * @description A permission a key can hold.
         * @enum {string}
         */
        Ability: "orders:read" | "orders:write" | "products:read" | "products:write" | "customers:read" | "payouts:read" | "payouts:write" | "webhooks:read" | "webhooks:write";
        /**
         * @description Product kind; decides which delivery strategy fires on payment.
         * @enum {string}
         */
        ProductType: "license_key" | "account" | "file_download" | "dynamic" | "physical" | "subscription";
        /**
         * @description Lifecycle status.
         * @enum {string}
         */
        ProductStatus: "active" | "archived" | "draft";
        /**
         * @description Order lifecycle status.
         * @enum {string}
         */
        OrderStatus: "pending" | "awaiting_payment" | "paid" | "delivering" | "completed" | "failed" | "refunded";
        /** @enum {string} */
        DeliveryState: "pending" | "delivering" | "delivered" | "failed";
        /** @enum {string} */
        RefundStatus: "processing" | "succeeded" | "failed";
        /**
         * @description For your accounting and the buyer's receipt.
         * @enum {string}
         */
        RefundReason: "requested_by_buyer" | "duplicate" | "fraud" | "other";
        /**
         * @description Network to broadcast on.
         * @enum {string}
         */
        Chain: "tron" | "base" | "ethereum" | "bitcoin" | "solana" | "polygon" | "bsc";
        /**
         * @description Asset symbol on the chain. Supported per chain (any other pairing is 422):
         *
         *     | chain | assets |
         *     | --- | --- |
         *     | tron | USDT, USDC, TRX |
         *     | ethereum | USDT, USDC, ETH |
         *     | base | USDC, ETH |
         *     | polygon | USDT, USDC, POL |
         *     | bsc | USDT, USDC, BNB |
         *     | bitcoin | BTC |
         *     | solana | USDT, USDC, SOL |
         * @example USDT
         */
        Asset: string;
        /**
         * @description Payout lifecycle status.
         * @enum {string}
         */
        PayoutStatus: "queued" | "broadcast" | "confirmed" | "failed";
        /**
         * @description The type of an event. The reference lists `order.paid`, `order.refunded`, `order.delivered`,
         *     `order.failed`, `customer.created` and the `product.*` and `payout.*` families: that is the contract.
         *     The names inside the two families are this sandbox's (`product.created|updated|archived`,
         *     `payout.queued|broadcast|confirmed|failed`). `order.created` and `order.completed` are sandbox
         *     extensions, listed in `x-sx-sandbox-only-values`: the contract suite never requires them of a
         *     deployment.
         * @enum {string}
         */
        EventType: "product.created" | "product.updated" | "product.archived" | "order.created" | "order.paid" | "order.delivered" | "order.completed" | "order.failed" | "order.refunded" | "customer.created" | "payout.queued" | "payout.broadcast" | "payout.confirmed" | "payout.failed";
        /** @description An event type, `product.*` or `payout.*` for a family, or `*` for every event. */
        WebhookEventFilter: string | ("*" | "product.*" | "payout.*") | components["schemas"]["EventType"];
        /**
         * @description `live` keys move real money; `test` keys are sandbox keys. The sandbox accepts only `test` keys.
         * @enum {string}
         */
        ApiKeyMode: "live" | "test";
        /** @description Display name shown on the storefront. */
        ProductName: string;
        /** @description Price in the smallest unit of `currency`. */
        PriceCents: number;
        /** @description Markdown-flavoured description body. */
        ProductDescription: string;
        /**
         * @description Units in stock; `null` = unlimited. Not accepted for license-key products (422): their stock
         *     is the size of their key pool.
         */
        ProductStock: number | null;
        /** @description Distinct abilities, at most the nine there are. */
        AbilityList: components["schemas"]["Ability"][];
        /** @description Distinct event filters, at most 32. */
        WebhookEventFilterList: components["schemas"]["WebhookEventFilter"][];
        /** @constant */
        ListObject: "list";
        /**
         * @description The bearer secret, `sx_live_` or `sx_test_` + letters and digits. Shown once, in the response that
         *     creates it. The reference's own example (`sx_live_9kzQ7xV9c4fT2mN8rY`) has 18 characters after the
         *     prefix, so the contract fixes no length; this sandbox mints 24 (`x-sx-strict`).
         */
        ApiKeySecret: string;
        Product: {
            id: components["schemas"]["ProductId"];
            name: components["schemas"]["ProductName"];
            /** @description URL slug derived from the name, unique within the shop. */
            slug?: string;
            type: components["schemas"]["ProductType"];
            price_cents: components["schemas"]["PriceCents"];
            currency: components["schemas"]["Currency"];
            /** @description Units in stock; `null` = unlimited. For license-key products, the number of keys in the pool. */
            stock: number | null;
            status: components["schemas"]["ProductStatus"];
            /** @description Markdown-flavoured description body, or `null`. */
            description?: string | null;
            created_at?: components["schemas"]["Timestamp"];
            /** @description Time of the last change; equals `created_at` until the first change. */
            updated_at?: components["schemas"]["Timestamp"];
            /** @description When the product was archived, or `null`. */
            archived_at?: components["schemas"]["NullableTimestamp"];
        };
        ProductCreate: {
            name: components["schemas"]["ProductName"];
            type: components["schemas"]["ProductType"];
            price_cents: components["schemas"]["PriceCents"];
            currency: components["schemas"]["Currency"];
            description?: components["schemas"]["ProductDescription"];
            stock?: components["schemas"]["ProductStock"];
        };
        /** @description Any non-empty subset of the editable fields. */
        ProductUpdate: {
            name?: components["schemas"]["ProductName"];
            price_cents?: components["schemas"]["PriceCents"];
            status?: components["schemas"]["ProductStatus"];
            description?: components["schemas"]["ProductDescription"];
            stock?: components["schemas"]["ProductStock"];
        };
        ProductArchived: {
            id: components["schemas"]["ProductId"];
            /** @constant */
            deleted: true;
            archived_at: components["schemas"]["Timestamp"];
        };
        KeyImport: {
            /** @description Opaque key strings to add to the pool. */
            keys: string[];
        };
        KeyImportResult: {
            /** @description Keys added to the pool. */
            imported: number;
            /** @description Keys skipped because they were already pooled or repeated within the call. */
            duplicates: number;
            /** @description Keys in the pool afterwards (the product's new `stock`). */
            stock_after: number;
        };
        ProductList: {
            object: components["schemas"]["ListObject"];
            has_more: boolean;
            next_cursor: string | null;
            data: components["schemas"]["Product"][];
        };
        Order: {
            id: components["schemas"]["OrderId"];
            status: components["schemas"]["OrderStatus"];
            total_cents: components["schemas"]["Cents"];
            /** @description Sum of the order's refunds that have not failed. */
            refunded_cents?: components["schemas"]["Cents"];
            currency: components["schemas"]["Currency"];
            customer_email: components["schemas"]["Email"];
            customer_id?: components["schemas"]["CustomerId"];
            created_at?: components["schemas"]["Timestamp"];
            paid_at: components["schemas"]["NullableTimestamp"];
            /** @description How the order was paid, or `null` before payment. */
            payment?: components["schemas"]["OrderPayment"] | null;
            items?: components["schemas"]["OrderItem"][];
            delivery?: components["schemas"]["OrderDelivery"];
            /** @description The order's refunds, oldest first. */
            refunds?: components["schemas"]["Refund"][];
        };
        OrderPayment: {
            /** @constant */
            provider: "blockpn";
            chain: components["schemas"]["Chain"];
            asset: components["schemas"]["Asset"];
            tx_hash: components["schemas"]["TxHash"];
        };
        OrderItem: {
            /** @description The product's name at the time of the order. */
            product: string;
            product_id?: components["schemas"]["ProductId"];
            qty: number;
            subtotal_cents: components["schemas"]["Cents"];
        };
        OrderDelivery: {
            kind: components["schemas"]["ProductType"];
            state: components["schemas"]["DeliveryState"];
            delivered_at: components["schemas"]["NullableTimestamp"];
        };
        OrderList: {
            object: components["schemas"]["ListObject"];
            has_more: boolean;
            next_cursor: string | null;
            data: components["schemas"]["Order"][];
        };
        RefundCreate: {
            /** @description Defaults to the whole refundable remainder; at most `total_cents − refunded_cents`. */
            amount_cents?: number;
            reason?: components["schemas"]["RefundReason"];
            /** @description Internal note attached to the refund record. */
            note?: string;
        };
        Refund: {
            id: components["schemas"]["RefundId"];
            order_id: components["schemas"]["OrderId"];
            status: components["schemas"]["RefundStatus"];
            amount_cents: number;
            reason: components["schemas"]["RefundReason"] | null;
            note?: string | null;
            /** @description The on-chain transaction that returned the funds, once known. */
            destination_tx: string | null;
            created_at: components["schemas"]["Timestamp"];
            succeeded_at?: components["schemas"]["NullableTimestamp"];
        };
        DeliveryResent: {
            sent_at: components["schemas"]["Timestamp"];
            recipient: components["schemas"]["Email"];
            delivery_kind: components["schemas"]["ProductType"];
        };
        /**
         * @description A unique buyer email (matched case-insensitively), derived from the shop's orders:
         *
         *     - `orders_count`: the customer's orders that were paid (`paid_at` set — `paid`, `delivering`,
         *       `completed`, `refunded`, or `failed` in delivery after payment);
         *     - `lifetime_cents`: the sum of those orders' `total_cents − refunded_cents`;
         *     - `first_seen_at`: when their first order was placed;
         *     - `last_seen_at`: the latest moment one of their orders was placed or paid.
         *
         *     Orders that were never paid create the customer but add nothing to the metrics.
         */
        Customer: {
            id: components["schemas"]["CustomerId"];
            email: components["schemas"]["Email"];
            orders_count: number;
            lifetime_cents: components["schemas"]["Cents"];
            first_seen_at?: components["schemas"]["Timestamp"];
            last_seen_at?: components["schemas"]["Timestamp"];
        };
        /** @description A customer with their order history, newest first. */
        CustomerDetail: {
            id: components["schemas"]["CustomerId"];
            email: components["schemas"]["Email"];
            orders_count: number;
            lifetime_cents: components["schemas"]["Cents"];
            first_seen_at: components["schemas"]["Timestamp"];
            last_seen_at: components["schemas"]["Timestamp"];
            orders: components["schemas"]["CustomerOrder"][];
        };
        CustomerOrder: {
            id: components["schemas"]["OrderId"];
            status?: components["schemas"]["OrderStatus"];
            total_cents: components["schemas"]["Cents"];
            paid_at: components["schemas"]["NullableTimestamp"];
            created_at?: components["schemas"]["Timestamp"];
        };
        /** @description The reference's example of this list has no `next_cursor`; a page with more to come names it. */
        CustomerList: {
            object: components["schemas"]["ListObject"];
            has_more: boolean;
            next_cursor?: string | null;
            data: components["schemas"]["Customer"][];
        };
        PayoutCreate: {
            chain: components["schemas"]["Chain"];
            asset: components["schemas"]["Asset"];
            /** @description Amount in fiat cents (converted on the way out). At most the available balance. */
            amount_cents: number;
            destination_address: components["schemas"]["DestinationAddress"];
            /** @description Optional memo/tag for chains that need one. */
            memo?: string;
        };
        /**
         * @description On-chain address to send to, in the chain's format (checked for shape — alphabet and length —
         *     not checksum; 422 otherwise):
         *
         *     | chain | format |
         *     | --- | --- |
         *     | ethereum, base, polygon, bsc | `0x` + 40 hex characters |
         *     | tron | `T` + 33 base58 characters |
         *     | bitcoin | bech32 `bc1…` (lower case), or legacy base58 `1…` / `3…` |
         *     | solana | 32–44 base58 characters |
         *
         *     Sandbox payouts to an address containing the string `dead` or `Dead` fail with failure_reason
         *     `destination_rejected` and return the funds.
         * @example TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm
         */
        DestinationAddress: string;
        Payout: {
            id: components["schemas"]["PayoutId"];
            status: components["schemas"]["PayoutStatus"];
            chain: components["schemas"]["Chain"];
            asset: components["schemas"]["Asset"];
            amount_cents: number;
            destination_address?: components["schemas"]["DestinationAddress"];
            memo?: string | null;
            /** @description Set once the payout is broadcast. */
            tx_hash?: string | null;
            /** @description Why the payout failed (e.g. `destination_rejected`), or `null`. */
            failure_reason?: string | null;
            created_at?: components["schemas"]["Timestamp"];
            broadcast_at?: components["schemas"]["NullableTimestamp"];
            confirmed_at?: components["schemas"]["NullableTimestamp"];
            failed_at?: components["schemas"]["NullableTimestamp"];
        };
        /** @description The reference's example of this list has no `next_cursor`; a page with more to come names it. */
        PayoutList: {
            object: components["schemas"]["ListObject"];
            has_more: boolean;
            next_cursor?: string | null;
            data: components["schemas"]["Payout"][];
        };
        /**
         * Format: uri
         * @description Where deliveries are POSTed. `https`, or `http` to a loopback host for local development.
         * @example https://your.app/sellix/webhook
         */
        WebhookUrl: string;
        WebhookEndpointCreate: {
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEventFilterList"];
            /** @description Human-readable note. Shown in the dashboard. */
            description?: string;
        };
        WebhookEndpoint: {
            id: components["schemas"]["WebhookEndpointId"];
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEventFilterList"];
            description?: string | null;
            /** @enum {string} */
            status: "active";
            created_at?: components["schemas"]["Timestamp"];
        };
        /** @description A new endpoint, with its signing secret (shown only here). */
        WebhookEndpointCreated: {
            id: components["schemas"]["WebhookEndpointId"];
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEventFilterList"];
            description?: string | null;
            /** @enum {string} */
            status: "active";
            created_at: components["schemas"]["Timestamp"];
            /** @description Standard Webhooks secret, `whsec_` + base64. Shown once. */
            signing_secret: string;
        };
        WebhookEndpointList: {
            object: components["schemas"]["ListObject"];
            data: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookTest: {
            /**
             * @description Which event type to send.
             * @default order.paid
             */
            event: components["schemas"]["EventType"];
        };
        WebhookTestResult: {
            /** @description Whether the endpoint answered 2xx. */
            delivered: boolean;
            /** @description The endpoint's HTTP status; 0 when no connection could be made. */
            response_code: number;
            delivery_ms: number;
        };
        WebhookDeleted: {
            id: components["schemas"]["WebhookEndpointId"];
            /** @constant */
            deleted: true;
        };
        WebhookDelivery: {
            id: components["schemas"]["WebhookDeliveryId"];
            event_id: components["schemas"]["EventId"];
            event_type: components["schemas"]["EventType"];
            attempt: number;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /** @description The endpoint's HTTP status; 0 while pending or when no connection could be made. */
            response_code: number;
            duration_ms: number | null;
            created_at: components["schemas"]["Timestamp"];
            attempted_at: components["schemas"]["NullableTimestamp"];
            /** @description When this attempt failed and another is scheduled, the time of the next attempt; otherwise `null`. */
            next_retry_at: components["schemas"]["NullableTimestamp"];
            /**
             * @description Why a failed attempt failed (no answer in time, connection refused, the status it got) or was
             *     never made (the endpoint's queue was full); `null` otherwise.
             */
            failure_reason?: string | null;
        };
        WebhookDeliveryList: {
            object: components["schemas"]["ListObject"];
            has_more: boolean;
            next_cursor: string | null;
            data: components["schemas"]["WebhookDelivery"][];
        };
        /** @description The body of a webhook delivery. */
        Event: {
            id: components["schemas"]["EventId"];
            type: components["schemas"]["EventType"];
            created_at: components["schemas"]["Timestamp"];
            data: {
                /** @description The resource as it was when the event happened (a product, order, customer or payout). */
                object: components["schemas"]["Product"] | components["schemas"]["Order"] | components["schemas"]["Customer"] | components["schemas"]["Payout"];
            };
        };
        ApiKeyCreate: {
            /** @description Human-readable label. */
            name: string;
            /** @description Permission set this key grants; never more than the calling key holds. */
            abilities: components["schemas"]["AbilityList"];
            /** @default live */
            mode: components["schemas"]["ApiKeyMode"];
        };
        ApiKey: {
            id: components["schemas"]["ApiKeyId"];
            name: string;
            abilities: components["schemas"]["AbilityList"];
            mode?: components["schemas"]["ApiKeyMode"];
            last_used_at: components["schemas"]["NullableTimestamp"];
            created_at?: components["schemas"]["Timestamp"];
        };
        /** @description A new key, with its secret (shown only here). */
        ApiKeyCreated: {
            id: components["schemas"]["ApiKeyId"];
            name: string;
            abilities: components["schemas"]["AbilityList"];
            mode?: components["schemas"]["ApiKeyMode"];
            last_used_at?: components["schemas"]["NullableTimestamp"];
            created_at: components["schemas"]["Timestamp"];
            secret: components["schemas"]["ApiKeySecret"];
        };
        ApiKeyList: {
            object: components["schemas"]["ListObject"];
            data: components["schemas"]["ApiKey"][];
        };
        ApiKeyRevoked: {
            id: components["schemas"]["ApiKeyId"];
            /** @constant */
            revoked: true;
        };
        SimulatedOrderCreate: {
            product: components["schemas"]["ProductId"];
            /** @default 1 */
            quantity: number;
            /** @description The buyer; the customer is created or updated from it. */
            email: components["schemas"]["Email"];
            /**
             * @description Where the simulated checkout ends.
             * @default completed
             * @enum {string}
             */
            outcome: "completed" | "failed" | "awaiting_payment";
            /** @default tron */
            chain: components["schemas"]["Chain"];
            /** @default USDT */
            asset: components["schemas"]["Asset"];
        };
        ClockAdvance: {
            /** @description How far to move the clock (up to one year). */
            seconds: number;
        };
        Clock: {
            /** @constant */
            object: "clock";
            now: components["schemas"]["Timestamp"];
            advanced_seconds: number;
            /** @description Scheduled jobs that ran because they fell due. */
            jobs_run: number;
        };
        TenantReset: {
            /** @constant */
            object: "reset";
            reset_at: components["schemas"]["Timestamp"];
        };
        /** @description A snapshot's name, 1–64 letters, digits, `_`, `.` or `-`. */
        SnapshotName: string;
        SnapshotCreate: {
            name: components["schemas"]["SnapshotName"];
        };
        Snapshot: {
            /** @constant */
            object: "snapshot";
            name: components["schemas"]["SnapshotName"];
            /** @description The shop's clock when the snapshot was taken. */
            taken_at: components["schemas"]["Timestamp"];
        };
        ForkCreate: {
            /** @description Fork the shop as this snapshot of it was; without it, as the shop is now. */
            snapshot?: components["schemas"]["SnapshotName"];
        };
        MadeShop: {
            /** @constant */
            object: "shop";
            tenant_id: string;
            /** @description A full-access test key of the new shop, shown once. */
            secret: string;
        };
        /** @description A shop file as `exportShop` gives it, sent whole. */
        ShopFileUpload: {
            format: components["schemas"]["ShopFile"]["format"];
            version: components["schemas"]["ShopFile"]["version"];
            checksum: components["schemas"]["ShopFile"]["checksum"];
            shop: components["schemas"]["ShopFile"]["shop"];
        };
        ShopFile: {
            /** @constant */
            format: "sx-sandbox-shop";
            /**
             * @description The shop format version; a sandbox reads only its own.
             * @constant
             */
            version: 1;
            /** @description SHA-256 of `shop` as written (JSON, no spaces). */
            checksum: string;
            /** @description Everything the shop holds beyond its fixtures (see the README, *State that lasts*). */
            shop: {
                [key: string]: unknown;
            };
        };
        EphemeralTenant: {
            /** @description Opaque id of the new shop. */
            tenant_id: string;
            /** @description A test key holding all nine abilities. Shown once. */
            secret: string;
            /**
             * @description When the shop is removed at the latest, in real (wall-clock) time. It is not on the shop's own
             *     clock, which starts at the fixtures' reference date and moves with `test_helpers/clock/advance`.
             */
            expires_at: components["schemas"]["Timestamp"];
            /** @description The shop is removed earlier after this many seconds without a request. */
            idle_ttl_seconds: number;
        };
        /** @description RFC 9457 problem details. Branch on `type`. */
        Problem: {
            /**
             * @description The error slug.
             * @enum {string}
             */
            type: "invalid_request" | "unauthenticated" | "forbidden_scope" | "not_found" | "method_not_allowed" | "request_timeout" | "conflict" | "payload_too_large" | "unsupported_media_type" | "header_fields_too_large" | "unprocessable" | "rate_limited" | "server_error" | "not_implemented" | "service_unavailable";
            /** @description Short, human-readable summary of the type. */
            title?: string;
            /** @description The HTTP status code. */
            status?: number;
            /** @description Human-readable explanation of this occurrence. */
            detail?: string;
            /** @description The request path. */
            instance?: string;
            /**
             * @description The `X-Request-Id` of the request that produced this problem. On an idempotent replay the body is
             *     the stored one, so this is the original request's id, not the replaying one's header.
             */
            request_id?: string;
            /**
             * @description 400 and 422 only. Messages per field path (`body.price_cents`, `query.limit`, `path.id`,
             *     `header.idempotency-key`). At most 20 fields are listed (`errors_total` counts them all), and
             *     a path longer than 200 characters is cut there and ends in `…`.
             */
            errors?: {
                [key: string]: string[];
            };
            /** @description 400 and 422 only, and only when `errors` lists the first 20 fields of more. How many fields had errors. */
            errors_total?: number;
            /** @description 500 only. Quote it to support. */
            trace_id?: string;
            /** @description 403 only. The ability the operation needs (`*` = all nine). */
            required_ability?: string;
            /** @description 403 only. The abilities the key holds. */
            granted_abilities?: components["schemas"]["Ability"][];
            /** @description 429 only. Same as the `Retry-After` header. */
            retry_after?: number;
        };
    };
    responses: {
        /** @description `invalid_request`: bad JSON, a missing required parameter, an unknown query parameter or body field, or a tampered cursor. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `unauthenticated`: missing, malformed, unknown or revoked bearer token, or a live key on the sandbox. */
        Unauthenticated: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `forbidden_scope`: the key is valid but lacks the ability for this endpoint. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `not_found`: the resource does not exist or belongs to another shop, or the path is unknown. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `method_not_allowed`: the path exists but not with this method. Any path can answer it; `Allow` lists the methods. */
        MethodNotAllowed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `conflict`: the `Idempotency-Key` was already used with a different request, or that request is still running. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `payload_too_large`: the request body is over the size limit. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `unsupported_media_type`: a request body that is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `unprocessable`: a value of the wrong type, enum, format or bound, or a broken business rule. `errors` maps each field path to its messages. */
        Unprocessable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `rate_limited`: too many requests for this key's class (or, for ephemeral shops, this client IP). Wait `Retry-After` seconds. */
        RateLimited: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `service_unavailable`: the sandbox is full (every visitor shop in use). Wait `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `server_error`: our side broke. Quote `trace_id` to support. */
        ServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `not_implemented`: the operation is described in this document but not available on this deployment. */
        NotImplemented: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description How many items to return per page. */
        Limit: number;
        /**
         * @description Opaque pagination cursor from a previous response's `next_cursor` (base64url). Pass it back
         *     unchanged; a cursor that was altered is 400 `invalid_request`. At most 512 characters (422 beyond).
         */
        Cursor: string;
        /** @description The product identifier (`prod_…`). */
        ProductId: components["schemas"]["ProductId"];
        /** @description The order identifier (`ord_…`). */
        OrderUuid: components["schemas"]["OrderId"];
        /** @description Customer identifier (`cus_…`). */
        CustomerId: components["schemas"]["CustomerId"];
        /** @description Endpoint identifier (`wh_…`). */
        WebhookId: components["schemas"]["WebhookEndpointId"];
        /** @description Key identifier (`apik_…`). */
        ApiKeyId: components["schemas"]["ApiKeyId"];
        /**
         * @description Makes the request safe to retry: the same key with the same request returns the stored response
         *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
         *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
         *     1–255 printable ASCII characters.
         * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
         */
        IdempotencyKey: string;
    };
    requestBodies: {
        /** @description Optional. When sent, it must be an empty JSON object. */
        EmptyBody: {
            content: {
                "application/json": components["schemas"]["EmptyObject"];
            };
        };
    };
    headers: {
        /**
         * @description Identifies this request; also `request_id` in the problem bodies it produces. A client-supplied
         *     `X-Request-Id` is echoed back when it is 1–128 characters of `A–Z a–z 0–9 . _ : -`; any other value
         *     (longer, other characters, repeated) is replaced by one the server makes (`req_` + 24 hex digits).
         *     On an idempotent replay (`Idempotent-Replayed: true`) the header names the replaying request, while
         *     the body is the stored one byte for byte, so a replayed problem's `request_id` names the original
         *     request. The reference does not mention this header: a deployment need not send it (the contract
         *     reading), this sandbox always does (`x-sx-strict`).
         * @example req_01J2PVQR5MZ8K3T2WQ6N9XH4DA
         */
        "X-Request-Id": string;
        /**
         * @description Remaining quota of the request's rate-limit class, IETF draft-08 form: policy name, `r`
         *     (requests remaining) and `t` (seconds until the window resets). In sx-sandbox the window rolls:
         *     `t` is the seconds until every request it counts has left it.
         * @example "writes";r=117;t=42
         */
        RateLimit: string;
        /**
         * @description The rate-limit policy of the request's class, IETF draft-08 form: policy name, `q` (quota) and
         *     `w` (window in seconds). `"reads";q=600;w=60` or `"writes";q=120;w=60`.
         * @example "writes";q=120;w=60
         */
        "RateLimit-Policy": string;
        /**
         * @description Whole seconds to wait before the next request is accepted; in sx-sandbox, until the oldest request its rolling window counts leaves it.
         * @example 12
         */
        "Retry-After": number;
        /**
         * @description Present, with the value `true`, when this response is a replay of a stored response for the same `Idempotency-Key`.
         * @example true
         */
        "Idempotent-Replayed": "true";
        /**
         * @description The authentication scheme to use.
         * @example Bearer realm="sx", error="invalid_token"
         */
        "WWW-Authenticate": string;
        /**
         * @description The methods the path supports.
         * @example GET, POST
         */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listProducts: {
        parameters: {
            query?: {
                /** @description How many items to return per page. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque pagination cursor from a previous response's `next_cursor` (base64url). Pass it back
                 *     unchanged; a cursor that was altered is 400 `invalid_request`. At most 512 characters (422 beyond).
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description Filter by lifecycle status. */
                status?: components["schemas"]["ProductStatus"];
                /** @description Filter by product kind. `dynamic` is accepted too, although the reference's filter list omits it. */
                type?: components["schemas"]["ProductType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCreate"];
            };
        };
        responses: {
            /** @description The product was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product identifier (`prod_…`). */
                id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    archiveProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The product identifier (`prod_…`). */
                id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product is archived. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductArchived"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The product identifier (`prod_…`). */
                id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductUpdate"];
            };
        };
        responses: {
            /** @description The full updated product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    importProductKeys: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The product identifier (`prod_…`). */
                id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeyImport"];
            };
        };
        responses: {
            /** @description The keys were added to the pool. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description How many items to return per page. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque pagination cursor from a previous response's `next_cursor` (base64url). Pass it back
                 *     unchanged; a cursor that was altered is 400 `invalid_request`. At most 512 characters (422 beyond).
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description Filter by order status. */
                status?: components["schemas"]["OrderStatus"];
                /**
                 * @description Created at or after this date (ISO-8601 date or date-time, inclusive).
                 * @example 2026-05-01
                 */
                from?: components["schemas"]["DateOrDateTime"];
                /**
                 * @description Created at or before this date (ISO-8601 date or date-time, inclusive; a bare date means the end of that day).
                 * @example 2026-05-26
                 */
                to?: components["schemas"]["DateOrDateTime"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order identifier (`ord_…`). */
                uuid: components["parameters"]["OrderUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The order identifier (`ord_…`). */
                uuid: components["parameters"]["OrderUuid"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefundCreate"];
            };
        };
        responses: {
            /** @description The refund was created. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    resendOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The order identifier (`ord_…`). */
                uuid: components["parameters"]["OrderUuid"];
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["EmptyBody"];
        responses: {
            /** @description The delivery email was sent again. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description How many items to return per page. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque pagination cursor from a previous response's `next_cursor` (base64url). Pass it back
                 *     unchanged; a cursor that was altered is 400 `invalid_request`. At most 512 characters (422 beyond).
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Customer identifier (`cus_…`). */
                id: components["parameters"]["CustomerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    listPayouts: {
        parameters: {
            query?: {
                /** @description How many items to return per page. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque pagination cursor from a previous response's `next_cursor` (base64url). Pass it back
                 *     unchanged; a cursor that was altered is 400 `invalid_request`. At most 512 characters (422 beyond).
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description Filter by payout status. */
                status?: components["schemas"]["PayoutStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payouts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    createPayout: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayoutCreate"];
            };
        };
        responses: {
            /** @description The payout is queued. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All endpoints. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            /** @description The endpoint was registered. `signing_secret` is shown only here. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description Endpoint identifier (`wh_…`). */
                id: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint was removed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeleted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description Endpoint identifier (`wh_…`). */
                id: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookTest"];
            };
        };
        responses: {
            /** @description The outcome of the test delivery (delivered or not). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description How many items to return per page. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque pagination cursor from a previous response's `next_cursor` (base64url). Pass it back
                 *     unchanged; a cursor that was altered is 400 `invalid_request`. At most 512 characters (422 beyond).
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description Endpoint identifier (`wh_…`). */
                id: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of delivery attempts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All keys, without secrets. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description The key was minted. `secret` is shown only here. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description Key identifier (`apik_…`). */
                id: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key is revoked. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyRevoked"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    simulateOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulatedOrderCreate"];
            };
        };
        responses: {
            /** @description The simulated order, in its final state. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAdvance"];
            };
        };
        responses: {
            /** @description The clock after the move. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    resetTenant: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["EmptyBody"];
        responses: {
            /** @description The shop is back at its fixtures. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantReset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
        };
    };
    takeSnapshot: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SnapshotCreate"];
            };
        };
        responses: {
            /** @description The snapshot was taken. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            501: components["responses"]["NotImplemented"];
        };
    };
    restoreSnapshot: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SnapshotCreate"];
            };
        };
        responses: {
            /** @description The shop is back at its snapshot. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            501: components["responses"]["NotImplemented"];
        };
    };
    forkShop: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ForkCreate"];
            };
        };
        responses: {
            /** @description The new shop and its key. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MadeShop"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            501: components["responses"]["NotImplemented"];
        };
    };
    exportShop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shop file. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopFile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            501: components["responses"]["NotImplemented"];
        };
    };
    importShop: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShopFileUpload"];
            };
        };
        responses: {
            /** @description The new shop and its key. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MadeShop"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            501: components["responses"]["NotImplemented"];
        };
    };
    createEphemeralTenant: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the request safe to retry: the same key with the same request returns the stored response
                 *     (with `Idempotent-Replayed: true`) instead of doing the work twice; the same key with a different
                 *     request, or while the first is still running, is 409. Kept 24 hours, scoped to the shop.
                 *     1–255 printable ASCII characters.
                 * @example 6f1c2f4e-2b8e-4d1a-9a53-0c1f5d3e7b21
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["EmptyBody"];
        responses: {
            /** @description The shop was created. `secret` is shown only here. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EphemeralTenant"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id; the same on every retry of this event. */
                "webhook-id": components["schemas"]["EventId"];
                /**
                 * @description Unix time in seconds of this attempt.
                 * @example 1779779662
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated signatures, each `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`
                 *     keyed with the base64-decoded part of the `signing_secret` after `whsec_`.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /** @description The event type, for routing without parsing the body. */
                "webhook-event-type": components["schemas"]["EventType"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"];
            };
        };
        responses: {
            /** @description Acknowledged. The body is ignored. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged; the delivery is retried on the schedule. So is a 5xx, a redirect or no answer. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
