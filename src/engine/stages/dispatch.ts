import type { Operation } from '../../spec/operations.js';
import type { ApiKey } from '../../state/records.js';
import type { Tenant } from '../../state/tenant.js';
import { Problem } from '../problem.js';
import { toJson } from '../json.js';
import { problemBody, PROBLEM_CONTENT_TYPE } from '../render.js';
import type { EngineReply, RoutedContext } from '../types.js';

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

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Runs the operation's handler and makes its reply. A Problem the handler
 * raises (404, a 422 rule) is its answer too and is remembered for
 * idempotent replays; anything else is a 500 (rethrown for the renderer) and
 * is not. What is remembered is the handler's own reply, without the
 * pipeline's headers (request id, RateLimit): a replay gets fresh ones.
 */
export function dispatch<S>(handlers: ReadonlyMap<string, Handler<S>>, services: S): (ctx: RoutedContext) => Promise<EngineReply> {
  return async (ctx) => {
    const { operation } = ctx;
    let reply: EngineReply;
    try {
      const value = await handlers.get(operation.operationId)!({
        operation,
        tenant: ctx.tenant!,
        key: ctx.key!,
        params: ctx.params,
        query: ctx.query as Record<string, any>,
        body: ctx.body,
        requestId: ctx.requestId,
        ip: ctx.request.ip,
        services,
      });
      const { status, body, headers } = isResult(value)
        ? value
        : { status: operation.successStatus, body: value, headers: {} as Record<string, string> };
      reply = { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: toJson(body) };
    } catch (err) {
      if (!(err instanceof Problem) || err.status >= 500) {
        ctx.remember?.(null);
        throw err;
      }
      reply = {
        status: err.status,
        headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...err.headers },
        body: problemBody(ctx.request.path, ctx.requestId, err),
      };
    }
    ctx.remember?.(reply);
    return { status: reply.status, headers: { ...ctx.headers, ...reply.headers }, body: reply.body };
  };
}
