import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { packageVersion } from '../paths.js';
import type { AttemptRequest, AttemptResult, ResolvedAddress } from '../platform/types.js';

export type { AttemptRequest, AttemptResult } from '../platform/types.js';

/** Names the sender, so a receiver's logs say who called. */
export const USER_AGENT = `sx-sandbox/${packageVersion()} (webhook delivery)`;

/** A lookup that hands the HTTP client the addresses already checked, and nothing else. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  }) as unknown as LookupFunction;
}

/**
 * One delivery attempt, the Node way (platform/node.ts): a POST with its own deadline, on its own connection
 * (no shared agent, so a receiver that hangs holds only its own socket).
 * Never rejects: every way of failing is a result with response_code 0.
 * The answer's status is the outcome; its body is read and dropped.
 */
export function deliver(request: AttemptRequest): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.max(0, Math.round(performance.now() - started));
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response_code: number, error?: string) => {
      if (settled) return;
      settled = true;
      resolve(error === undefined ? { response_code, duration_ms: elapsed() } : { response_code, duration_ms: elapsed(), error });
    };
    const client = request.url.protocol === 'https:' ? https : http;
    const req = client.request(request.url, {
      method: 'POST',
      agent: false,
      headers: {
        ...request.headers,
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(request.body)),
        'User-Agent': USER_AGENT,
      },
      ...(request.addresses ? { lookup: pinnedLookup(request.addresses) } : {}),
    });
    const timer = setTimeout(() => {
      finish(0, `no answer within ${request.timeoutMs} ms`);
      req.destroy();
    }, request.timeoutMs);
    const abort = () => {
      finish(0, 'aborted');
      req.destroy();
    };
    request.signal?.addEventListener('abort', abort, { once: true });
    const cleanUp = () => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', abort);
    };
    req.on('response', (res) => {
      finish(res.statusCode ?? 0);
      res.resume();
      res.on('end', cleanUp);
      res.on('error', cleanUp);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      cleanUp();
      finish(0, err.code ?? err.message);
    });
    req.on('close', cleanUp);
    if (request.signal?.aborted) abort();
    else req.end(request.body);
  });
}
