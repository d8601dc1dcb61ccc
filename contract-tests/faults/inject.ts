import { mapObjects, type Answer, type Exchange, type Rewrite, type Upstream } from '../proxy/proxy.js';

/**
 * The small pieces the fault catalogue is written with: each makes one
 * rewrite from a condition and a change, so an entry of the catalogue reads
 * as what it breaks.
 */
type Json = Record<string, any>;

export const opIs = (req: Exchange, ...ids: string[]) => !!req.operation && ids.includes(req.operation.operationId);
export const isList = (res: Answer) => !!res.json && (res.json as Json).object === 'list' && Array.isArray((res.json as Json).data);
export const isProblem = (res: Answer) => /problem\+json/.test(res.headers['content-type'] ?? '');

/** Changes the answers of these operations (any operation when none is named). */
export function answers(ops: string[], change: (res: Answer, req: Exchange, upstream: Upstream) => void | Promise<void>): Rewrite {
  return {
    async response(res, req, upstream) {
      if (ops.length === 0 || opIs(req, ...ops)) await change(res, req, upstream);
    },
  };
}

/** Changes the requests of these operations before the sandbox sees them. */
export function requests(ops: string[], change: (req: Exchange, upstream: Upstream) => undefined | Answer | Promise<undefined | Answer>): Rewrite {
  return {
    request(req, upstream) {
      if (ops.length === 0 || opIs(req, ...ops)) return change(req, upstream);
    },
  };
}

/** Changes every object in a JSON answer of these operations. */
export function everyObject(ops: string[], change: (obj: Json) => Json): Rewrite {
  return answers(ops, (res) => {
    if (res.json !== undefined) res.json = mapObjects(res.json, (o) => change(o));
  });
}

/** Turns a refusal the sandbox answered into a success the suite must not believe. */
export function acceptInstead(
  ops: string[],
  status: number,
  body: (req: Exchange) => Json,
  when: (res: Answer) => boolean = (res) => res.status === 422,
): Rewrite {
  return answers(ops, (res, req) => {
    if (!when(res)) return;
    res.status = status;
    res.headers['content-type'] = 'application/json';
    res.json = body(req);
  });
}

export function query(req: Exchange): URLSearchParams {
  return new URLSearchParams(req.url.split('?')[1] ?? '');
}

export function setQuery(req: Exchange, params: URLSearchParams): void {
  const text = params.toString();
  req.url = req.url.split('?')[0] + (text ? `?${text}` : '');
}

export function bearer(req: Exchange): string | undefined {
  return /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
}

export const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
