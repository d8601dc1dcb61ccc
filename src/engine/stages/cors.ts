import type { Context, EngineReply } from '../types.js';

export interface CorsOptions {
  /** `*` (default, no credentials) or an allow-list of exact origins */
  origins: '*' | string[];
}

const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id';
const EXPOSE_HEADERS = 'RateLimit, RateLimit-Policy, Retry-After, Idempotent-Replayed, X-Request-Id, WWW-Authenticate, Allow';
const ALLOW_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';

/** CORS for browsers calling from the docs site; answers preflights before anything else runs. */
export function cors(options: CorsOptions): (ctx: Context) => EngineReply | undefined {
  const allowList = options.origins === '*' ? null : new Set(options.origins);
  return (ctx) => {
    const { headers, method } = ctx.request;
    const origin = headers.origin;
    if (typeof origin === 'string' && origin !== '') {
      if (!allowList) ctx.headers['Access-Control-Allow-Origin'] = '*';
      else if (allowList.has(origin)) {
        ctx.headers['Access-Control-Allow-Origin'] = origin;
        ctx.headers['Vary'] = 'Origin';
      }
      ctx.headers['Access-Control-Expose-Headers'] = EXPOSE_HEADERS;
    }
    if (method === 'OPTIONS' && headers['access-control-request-method']) {
      ctx.headers['Access-Control-Allow-Methods'] = ALLOW_METHODS;
      ctx.headers['Access-Control-Allow-Headers'] = ALLOW_HEADERS;
      ctx.headers['Access-Control-Max-Age'] = '600';
      return { status: 204, headers: ctx.headers, body: '' };
    }
    return undefined;
  };
}
