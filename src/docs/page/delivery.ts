/**
 * Webhook attempts from the reader's browser. The sandbox signs each attempt
 * exactly as the server does (its dispatcher builds the headers); this only
 * carries the POST, with fetch(), to the URL the reader registered. A
 * browser can do that only where the receiver lets it: the signature
 * headers make the POST a CORS request with a preflight, so the receiver
 * must answer OPTIONS with Access-Control-Allow-Origin and -Allow-Headers.
 * No-cors mode would drop those headers, so it is never used: an attempt
 * the browser cannot make is reported with the reason instead.
 */

/** What the sandbox's dispatcher hands its deliver hook (AttemptRequest, minus what only Node uses). */
export interface AttemptIn {
  url: URL | string;
  body: string;
  headers: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface AttemptOut {
  response_code: number;
  duration_ms: number;
  error?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export function browserDelivery() {
  return async (attempt: AttemptIn): Promise<AttemptOut> => {
    const url = String(attempt.url);
    const headers = { ...attempt.headers, 'Content-Type': 'application/json' };
    const started = performance.now();
    const timeoutMs = attempt.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = attempt.signal ? AbortSignal.any([timeout, attempt.signal]) : timeout;
    let response_code = 0;
    let reason: string | null = null;
    try {
      const res = await fetch(url, { method: 'POST', headers, body: attempt.body, mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', signal });
      response_code = res.status;
      await res.body?.cancel().catch(() => {});
    } catch (err) {
      reason = timeout.aborted
        ? `no answer within ${timeoutMs} ms`
        : attempt.signal?.aborted
          ? 'aborted (the shop was reset or closed)'
          : unreachable(url, err);
    }
    const duration_ms = Math.max(0, Math.round(performance.now() - started));
    return reason === null ? { response_code, duration_ms } : { response_code: 0, duration_ms, error: reason };
  };
}

/** fetch() says only "Failed to fetch"; say what a browser needs from the receiver. */
function unreachable(url: string, err: unknown): string {
  const target = new URL(url);
  const page = globalThis.location?.protocol;
  if (page === 'https:' && target.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(target.hostname)) {
    return `the browser blocks an http:// request from an https:// page (mixed content): give an https:// URL`;
  }
  return (
    `the browser could not reach ${target.origin} (${(err as Error)?.message ?? 'network error'}): ` +
    'it is down, refused the connection, or does not allow this page by CORS — the receiver must answer the preflight ' +
    'OPTIONS with Access-Control-Allow-Origin and Access-Control-Allow-Headers: content-type, webhook-id, webhook-timestamp, webhook-signature, webhook-event-type'
  );
}
