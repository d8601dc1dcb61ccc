import type { RequestHandler } from 'express';

export interface CorsOptions {
  /** `*` (default, no credentials) or an allow-list of exact origins */
  origins: '*' | string[];
}

const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id';
const EXPOSE_HEADERS = 'RateLimit, RateLimit-Policy, Retry-After, Idempotent-Replayed, X-Request-Id, WWW-Authenticate, Allow';
const ALLOW_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';

/** CORS for browsers calling from the docs site; answers preflights before anything else runs. */
export function cors(options: CorsOptions): RequestHandler {
  const allowList = options.origins === '*' ? null : new Set(options.origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin) {
      if (!allowList) res.setHeader('Access-Control-Allow-Origin', '*');
      else if (allowList.has(origin)) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
      }
      res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
