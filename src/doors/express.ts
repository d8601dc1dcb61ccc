import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import type { RunnableEngine } from '../engine/engine.js';
import { renderProblem } from '../engine/render.js';
import type { EngineReply, EngineRequest } from '../engine/types.js';
import { clientIpOf } from './clientIp.js';

export interface ExpressDoorParts {
  engine: RunnableEngine;
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

function toEngineRequest(req: Request, res: Response, trustProxy: boolean): EngineRequest {
  return {
    method: req.method,
    path: req.path,
    query: req.query as EngineRequest['query'],
    headers: req.headers,
    body: bodyReader(req, res),
    ip: clientIpOf(req, trustProxy),
  };
}

/**
 * Writes a reply as the engine made it: its status, its headers, its body
 * and its Content-Length, in one `writeHead`. Not `res.send`, which
 * re-parses the Content-Type to set a charset the engine already set, looks
 * up a MIME type, and turns a GET with `If-None-Match: *` into an empty 304
 * that the other doors never send (the engine has no ETags). Not one
 * `setHeader` per header either: headers handed to `writeHead` go straight
 * into the head, without the per-name map setHeader keeps for `getHeader`
 * (the request log reads the reply from `res.locals.reply` instead). As
 * `res.send` did, a 204 or 304 goes out with neither body nor Content-Type,
 * and a HEAD with the length of the body it does not send.
 */
function send(res: Response, reply: EngineReply): void {
  res.locals.reply = reply;
  const bodiless = reply.status === 204 || reply.status === 304;
  // flat [name, value, …]: what writeHead takes as it is
  const head: string[] = [];
  for (const name in reply.headers) if (!bodiless || name !== 'Content-Type') head.push(name, reply.headers[name]);
  if (!bodiless) head.push('Content-Length', String(Buffer.byteLength(reply.body)));
  res.writeHead(reply.status, head);
  // Node writes no body for a HEAD, whatever end() is given
  res.end(bodiless ? undefined : reply.body);
}

/**
 * The Express door: every request goes to the engine, and its reply is
 * written as it is. A path no operation has is first offered to `extras`
 * (the docs page), with the engine's headers (request id, CORS) already set;
 * when `extras` does not answer either, the engine's 404 goes out. One
 * middleware does it all for an API call (the client IP too, without a layer
 * of its own), so the door costs what a bare Express route costs.
 */
export function expressDoor(parts: ExpressDoorParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // one hop, for the scheme and host the client saw; the client IP itself comes from clientIp (well-formed addresses only)
  app.set('trust proxy', parts.trustProxy ? 1 : false);
  if (parts.requestLog) app.use(parts.requestLog);
  app.use((req, res, next) => {
    // a throw while writing (a header value Node refuses) reaches `problems` below, never an unhandled rejection
    void parts.engine
      .run(toEngineRequest(req, res, parts.trustProxy))
      .then(({ reply, context, unrouted }) => {
        // what the request log reads
        res.locals.requestId = context.requestId;
        res.locals.operation = context.operation;
        res.locals.tenant = context.tenant;
        if (unrouted && parts.extras) {
          for (const name in reply.headers) if (name !== 'Content-Type') res.setHeader(name, reply.headers[name]);
          res.locals.unrouted = reply;
          next();
          return;
        }
        send(res, reply);
      })
      .catch(next);
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
    // a writeHead that threw (a header value Node refuses) left its reason phrase behind
    res.statusMessage = '';
    send(res, reply);
  };
  app.use(problems);
  return app;
}
