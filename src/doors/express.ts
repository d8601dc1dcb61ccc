import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import type { Engine, Handled } from '../engine/engine.js';
import { renderProblem } from '../engine/render.js';
import type { EngineReply, EngineRequest } from '../engine/types.js';
import { clientIp } from './clientIp.js';

export interface ExpressDoorParts {
  engine: Engine & { run(request: EngineRequest): Promise<Handled> };
  trustProxy: boolean;
  /** routes of this door only (docs page, spec downloads), offered the paths no operation has */
  extras?: RequestHandler;
  log: (err: unknown, traceId?: string) => void;
  requestLog?: RequestHandler;
}

/** One body reader per limit: body-parser's raw reader inflates gzip/deflate and enforces the limit. */
const readers = new Map<number, RequestHandler>();

/** The request's body, read only when the engine's body stage asks for it. */
function bodyReader(req: Request, res: Response): ((limit: number) => Promise<Uint8Array>) | null {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return null;
  return (limit) => {
    let reader = readers.get(limit);
    if (!reader) readers.set(limit, (reader = express.raw({ type: () => true, limit })));
    return new Promise((resolve, reject) => {
      void reader(req, res, (err?: unknown) => (err ? reject(err) : resolve(req.body instanceof Uint8Array ? req.body : new Uint8Array(0))));
    });
  };
}

export function toEngineRequest(req: Request, res: Response): EngineRequest {
  return {
    method: req.method,
    path: req.path,
    query: req.query as EngineRequest['query'],
    headers: req.headers,
    body: bodyReader(req, res),
    ip: req.ip ?? '',
  };
}

function send(res: Response, reply: EngineReply): void {
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.status(reply.status).send(reply.body);
}

/**
 * The Express door: every request goes to the engine, and its reply is
 * written as it is. A path no operation has is first offered to `extras`
 * (the docs page), with the engine's headers (request id, CORS) already set;
 * when `extras` does not answer either, the engine's 404 goes out.
 */
export function expressDoor(parts: ExpressDoorParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // one hop, for the scheme and host the client saw; the client IP itself comes from clientIp (well-formed addresses only)
  app.set('trust proxy', parts.trustProxy ? 1 : false);
  if (parts.requestLog) app.use(parts.requestLog);
  app.use(clientIp(parts.trustProxy));
  app.use((req, res, next) => {
    // a throw while writing (a header value Node refuses) reaches `problems` below, never an unhandled rejection
    void parts.engine.run(toEngineRequest(req, res)).then(({ reply, context, unrouted }) => {
      // what the request log reads
      res.locals.requestId = context.requestId;
      res.locals.operation = context.operation;
      res.locals.tenant = context.tenant;
      if (unrouted && parts.extras) {
        for (const [name, value] of Object.entries(reply.headers)) if (name !== 'Content-Type') res.setHeader(name, value);
        res.locals.unrouted = reply;
        next();
        return;
      }
      send(res, reply);
    }).catch(next);
  });
  if (parts.extras) {
    app.use(parts.extras);
    app.use((_req, res, next) => (res.locals.unrouted ? send(res, res.locals.unrouted as EngineReply) : next()));
  }
  // what gets here is an error in this door itself (a docs file that vanished): a problem, never Express's HTML page
  const problems: ErrorRequestHandler = (err, req, res, _next) => {
    const reply = renderProblem({ path: req.path, requestId: String(res.locals.requestId ?? ''), headers: {} }, err, parts.log);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    send(res, reply);
  };
  app.use(problems);
  return app;
}
