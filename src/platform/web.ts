/**
 * The platform of a browser page, a service worker or any runtime with the
 * web's globals (Deno, Bun, edge workers; Node too): pure-JS hashing (the
 * same fast-sha256 that standardwebhooks signs with; Web Crypto's digest is
 * asynchronous, and cursors are signed inside a synchronous handler),
 * webhook delivery through the host's `fetch` or a callback the host gives,
 * and no name resolution.
 */
import { hash, hmac } from 'fast-sha256';
import { toBase64Url, toHex, utf8 } from './bytes.js';
import type { AttemptRequest, AttemptResult, Deliver, Platform } from './types.js';

export const webHmacSha256 = (key: string, text: string): Uint8Array => hmac(utf8(key), utf8(text));

export const webSha256Base64Url = (text: string): string => toBase64Url(hash(utf8(text)));

export const webSha256Hex = (text: string): string => toHex(hash(utf8(text)));

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * One attempt as a `fetch` POST with its own deadline. A browser adds its own
 * rules: a cross-origin receiver must answer the CORS preflight (the
 * signature headers are not "simple" headers) and a page on https cannot
 * reach plain http; either way the attempt fails with response_code 0 and
 * the reason, which the delivery log shows. Never rejects.
 */
export function fetchDeliver(fetcher: typeof fetch = (input, init) => globalThis.fetch(input, init)): Deliver {
  return async (attempt: AttemptRequest): Promise<AttemptResult> => {
    const started = now();
    const elapsed = () => Math.max(0, Math.round(now() - started));
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), attempt.timeoutMs);
    const onAbort = () => deadline.abort();
    attempt.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (attempt.signal?.aborted) return { response_code: 0, duration_ms: 0, error: 'aborted' };
      const response = await fetcher(attempt.url.href, {
        method: 'POST',
        headers: { ...attempt.headers, 'Content-Type': 'application/json' },
        body: attempt.body,
        signal: deadline.signal,
        redirect: 'manual',
        credentials: 'omit',
      });
      // the answer's status is the outcome; its body is dropped
      response.body?.cancel().catch(() => {});
      return { response_code: response.status, duration_ms: elapsed() };
    } catch (err) {
      const error = attempt.signal?.aborted
        ? 'aborted'
        : deadline.signal.aborted
          ? `no answer within ${attempt.timeoutMs} ms`
          : `not reachable from here (${err instanceof Error ? err.message : String(err)}; a browser also refuses receivers that do not answer CORS, and plain http from an https page)`;
      return { response_code: 0, duration_ms: elapsed(), error };
    } finally {
      clearTimeout(timer);
      attempt.signal?.removeEventListener('abort', onAbort);
    }
  };
}

/** The web platform; `deliver` replaces the fetch POST (a page that shows deliveries instead of sending them, a test). */
export function webPlatform(options: { deliver?: Deliver } = {}): Platform {
  return { hmacSha256: webHmacSha256, sha256Base64Url: webSha256Base64Url, sha256Hex: webSha256Hex, deliver: options.deliver ?? fetchDeliver() };
}
