/**
 * What the sandbox needs from the place it runs in, and nothing more: the
 * core (src/core.ts) is built from plain data plus one Platform, so the same
 * engine, store and webhooks run in Node (platform/node.ts) and in a browser
 * page or service worker (platform/web.ts). Everything here is either pure
 * computation the host may do faster (hashing) or I/O only the host can do
 * (a webhook's POST, a name's addresses).
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name → addresses (dns.lookup with all: true); injectable so tests never query real DNS. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** One webhook delivery attempt, as the dispatcher asks for it. */
export interface AttemptRequest {
  url: URL;
  body: string;
  /** signature and event-type headers; Content-Type, Content-Length and User-Agent are added by the deliverer */
  headers: Record<string, string>;
  timeoutMs: number;
  /** connect only to these (public mode checked them); null lets the client resolve the host */
  addresses: ResolvedAddress[] | null;
  /** aborts the attempt (the sandbox is closing, the endpoint was deleted) */
  signal?: AbortSignal;
}

export interface AttemptResult {
  /** the receiver's HTTP status; 0 when no answer came (refused, reset, timed out, TLS failure, blocked by the browser) */
  response_code: number;
  duration_ms: number;
  error?: string;
}

/** Makes one attempt; never rejects (every way of failing is a result with response_code 0). */
export type Deliver = (attempt: AttemptRequest) => Promise<AttemptResult>;

/** HMAC-SHA256 of `text` (UTF-8) under `key` (UTF-8), synchronously: cursors are signed inside a request. */
export type HmacSha256 = (key: string, text: string) => Uint8Array;

/** SHA-256 of `text` (UTF-8) as base64url without padding, synchronously: the idempotency fingerprint of every keyed write. */
export type Sha256Base64Url = (text: string) => string;

/** SHA-256 of `text` (UTF-8) as lowercase hex, synchronously (shop-file checksums). */
export type Sha256Hex = (text: string) => string;

export interface Platform {
  hmacSha256: HmacSha256;
  sha256Base64Url: Sha256Base64Url;
  sha256Hex: Sha256Hex;
  deliver: Deliver;
  /** host names → addresses, for public mode's checks; absent where the host cannot resolve names (a browser) */
  resolve?: Resolve;
}
