import type { Context, EngineRequest } from '../types.js';

const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

// One random call per request was ~4% of a GET under load (a CSPRNG call and
// a buffer each time): ids come from a pool refilled every 512. Web Crypto,
// so the engine runs in a browser and a service worker as well as in Node.
const ID_BYTES = 12;
const POOL_BYTES = ID_BYTES * 512;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
let pool = new Uint8Array(0);
let offset = 0;

export function newRequestId(): string {
  if (offset + ID_BYTES > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  let id = 'req_';
  for (let i = offset; i < offset + ID_BYTES; i++) id += HEX[pool[i]];
  offset += ID_BYTES;
  return id;
}

/** The first stage: keeps a caller's X-Request-Id when it is sane, otherwise makes one; echoed on every reply. */
export function startContext(request: EngineRequest): Context {
  const incoming = request.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && SAFE.test(incoming) ? incoming : newRequestId();
  return { request, requestId, headers: { 'X-Request-Id': requestId } };
}
