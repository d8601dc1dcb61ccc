import type { Engine } from '../engine/engine.js';
import { problemBody, PROBLEM_CONTENT_TYPE, toProblem } from '../engine/render.js';
import type { EngineRequest } from '../engine/types.js';

/** What a host knows about a request besides the Request itself (Deno's and Bun's `info.remoteAddr`, say). */
export interface FetchInfo {
  /** the address per-IP limits count by; '' (one client) when not given */
  clientAddress?: string;
}

/** The fetch door's signature: a service worker's, an edge runtime's, a test's without a port. */
export type FetchHandler = (request: Request, info?: FetchInfo) => Promise<Response>;

/** Repeated names become arrays, as Node's querystring (and so the Express door) parses them. */
function queryOf(params: URLSearchParams): EngineRequest['query'] {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

function headersOf(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}

const ENCODINGS: Record<string, CompressionFormat> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate' };

/**
 * The body's bytes, decoded from gzip/deflate as the Express door's reader
 * does, refusing more than `limit` bytes as soon as they arrive (a declared
 * Content-Length over it is refused before anything is read).
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => toProblem({ type: 'entity.too.large', limit });
  const encoding = (request.headers.get('content-encoding') ?? 'identity').toLowerCase();
  let stream = request.body!;
  if (encoding === 'identity') {
    if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
  } else if (ENCODINGS[encoding]) stream = stream.pipeThrough(new DecompressionStream(ENCODINGS[encoding]));
  else throw toProblem({ type: 'encoding.unsupported' });
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // a broken gzip stream, a body cut short: what body-parser answers as 400 too
      throw toProblem({ status: 400 });
    }
    if (next.done) break;
    size += next.value.length;
    if (size > limit) {
      // not awaited: the cancel of a tee'd stream (MSW clones each request) settles only when every branch is cancelled
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Statuses whose Response must have a null body. */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The fetch door: a `Request` in, a `Response` out, no port and no Node
 * server. `pathOf` maps the URL onto the API's paths (the MSW door serves
 * the API under a base URL of its choosing).
 */
export function fetchDoor(engine: Engine, pathOf: (url: URL) => string = (url) => url.pathname): FetchHandler {
  return async (request, info = {}) => {
    const url = new URL(request.url);
    const reply = await engine.handle({
      method: request.method,
      path: pathOf(url),
      query: queryOf(url.searchParams),
      headers: headersOf(request.headers),
      body: request.body === null ? null : (limit) => readBody(request, limit),
      ip: info.clientAddress ?? '',
    });
    const empty = request.method === 'HEAD' || NO_BODY.has(reply.status);
    try {
      return new Response(empty ? null : reply.body, { status: reply.status, headers: reply.headers });
    } catch (err) {
      // a header value the Fetch API refuses: still a problem answer, never a rejected promise
      const requestId = reply.headers['X-Request-Id'] ?? '';
      return new Response(problemBody(url.pathname, requestId, toProblem(err)), {
        status: 500,
        headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'X-Request-Id': requestId },
      });
    }
  };
}
