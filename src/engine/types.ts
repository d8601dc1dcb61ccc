import type { Operation } from '../spec/operations.js';
import type { ApiKey } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';

/**
 * A request as plain values, whatever door it came through (Express, fetch,
 * MSW). `body` is read only when the body stage asks for it (after auth, rate
 * limit and ability), so a door hands over a reader rather than the bytes.
 */
export interface EngineRequest {
  method: string;
  /** the path as sent, without the query (percent-encoding kept) */
  path: string;
  /** each name once; a repeated name is an array, as Node's querystring parses it */
  query: Record<string, string | string[] | undefined>;
  /** lower-case names */
  headers: Record<string, string | string[] | undefined>;
  /** null: the request has no body; otherwise its bytes, or a reader refusing more than `limit` bytes */
  body: BodySource | null;
  /** the client address per-IP limits count by ('' when the door cannot tell) */
  ip: string;
}

export type BodySource = string | Uint8Array | ((limit: number) => Promise<Uint8Array>);

/** A reply as plain values. `body` is '' for none (204, OPTIONS). */
export interface EngineReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The one context every stage reads and fills, in pipeline order. What a
 * stage sets is typed here, so no stage reads back an untyped field.
 */
export interface Context {
  readonly request: EngineRequest;
  /** X-Request-Id in and out (the first stage sets it) */
  requestId: string;
  /** reply headers the stages have set so far (request id, CORS, RateLimit); every reply carries them */
  readonly headers: Record<string, string>;
  /** set by the route stage */
  operation?: Operation;
  params?: Record<string, string>;
  /** set by auth for authenticated operations */
  tenant?: Tenant;
  key?: ApiKey;
  /** the JSON body as parsed (body stage; undefined when none was sent); validate fills defaults into it in place */
  sentBody?: unknown;
  /** the body the handler gets (validate): the sent one, or the defaults when none was sent */
  body?: unknown;
  /** the query as validated and coerced */
  query?: Record<string, unknown>;
  idempotencyKey?: string;
  /** set by idempotency: keeps the handler's reply for replays (null: forget the key) */
  remember?: (reply: EngineReply | null) => void;
}

/** The context once the route stage found the operation. */
export type RoutedContext = Context & { operation: Operation; params: Record<string, string> };
