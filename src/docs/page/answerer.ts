/**
 * Who answers the page's requests: the sandbox running in this page
 * (browserShop.ts) or the local server's visitor shop (serverShop.ts).
 * Try it, the prefill and the inspector's buttons talk to this, never to
 * fetch() directly, so the page has one place that decides where a
 * request goes.
 */
import type { AttemptReport } from '../../events/dispatcher.js';
import type { SxEvent, WebhookDelivery } from '../../state/records.js';

export type ShopEvent = SxEvent;

/** A webhook delivery attempt as the sandbox logs it (GET /v1/webhooks/{id}/deliveries lists these). */
export type DeliveryRecord = WebhookDelivery;

/** One finished attempt: what the receiver was sent (signed headers, payload) and the log's record of it. */
export type SeenAttempt = Omit<AttemptReport, 'tenant'>;

export interface AnswererEvents {
  event(event: ShopEvent): void;
  attempt(attempt: SeenAttempt): void;
  /** keeping the shop failed outside a request (storage full) */
  failed(reason: string): void;
}

export interface Answerer {
  readonly kind: 'browser' | 'server';
  readonly key: string;
  readonly tenant: string;
  /**
   * the server URL requests are addressed to: the local server's origin, or, for the sandbox in this page
   * (which answers /v1 whatever the origin; a Request needs one), the spec's server, where the same call
   * would go without this page. main.ts says which of the two it is wherever the URL is shown.
   */
  readonly base: string;
  /** where this shop is kept (the browser's shop in localStorage, a visitor shop for the tab): what the page keeps about the shop goes there too */
  readonly store: Storage | undefined;
  send(request: Request): Promise<Response>;
  /** the shop's clock as an ISO time, when known */
  clock(): string | null;
  /** throws away this shop and its stored copy */
  discard(): void;
  close(): void;
}
