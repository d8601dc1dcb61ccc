import type { RequestHandler } from 'express';
import type { Operation } from '../spec/operations.js';
import type { ApiKey } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';
import type { Reply } from './idempotency.js';
import { Problem } from './problem.js';
import { problemBody } from './render.js';

/** What a handler sees: the validated request, its tenant and key, and the sandbox's services. */
export interface HandlerContext<Services = unknown> {
  operation: Operation;
  tenant: Tenant;
  key: ApiKey;
  params: Record<string, string>;
  query: Record<string, any>;
  body: any;
  requestId: string;
  ip: string;
  services: Services;
}

/** A handler returns the body (status from the spec) or a full result. */
export type HandlerResult = unknown | { status: number; body: unknown; headers?: Record<string, string> };
export type Handler<Services = unknown> = (ctx: HandlerContext<Services>) => HandlerResult | Promise<HandlerResult>;

const RESULT = Symbol.for('sx.result');

/** Marks a handler's return value as a full result rather than a body. */
export function result(status: number, body: unknown, headers: Record<string, string> = {}): HandlerResult {
  return { [RESULT]: true, status, body, headers };
}

function isResult(value: unknown): value is { status: number; body: unknown; headers: Record<string, string> } {
  return !!value && typeof value === 'object' && RESULT in value;
}

/**
 * Runs the operation's handler and sends its reply. A Problem the handler
 * raises (404, a 422 rule) is its answer too and is remembered for
 * idempotent replays; anything else is a 500 and is not.
 */
export function dispatch<S>(handlers: ReadonlyMap<string, Handler<S>>, services: S): RequestHandler {
  return async (req, res, next) => {
    const operation = res.locals.operation as Operation;
    const remember = res.locals.remember as ((reply: Reply | null) => void) | undefined;
    let reply: Reply;
    try {
      const value = await handlers.get(operation.operationId)!({
        operation,
        tenant: res.locals.tenant,
        key: res.locals.key,
        params: res.locals.params,
        query: res.locals.query,
        body: res.locals.body,
        requestId: res.locals.requestId,
        ip: req.ip ?? '',
        services,
      });
      const { status, body, headers } = isResult(value)
        ? value
        : { status: operation.successStatus, body: value, headers: {} as Record<string, string> };
      reply = { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
    } catch (err) {
      if (!(err instanceof Problem) || err.status >= 500) {
        remember?.(null);
        next(err);
        return;
      }
      reply = {
        status: err.status,
        headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...err.headers },
        body: problemBody(req, res, err),
      };
    }
    remember?.(reply);
    for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
    res.status(reply.status).send(reply.body);
  };
}
