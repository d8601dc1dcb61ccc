import type { Operation } from '../../spec/operations.js';
import type { OperationId, PathParams, Query, RequestBody, SuccessBody, SuccessStatus } from '../../spec/operationTypes.js';
import type { ApiKey } from '../../state/records.js';
import type { Tenant } from '../../state/tenant.js';
import { Problem } from '../problem.js';
import { toJson } from '../json.js';
import { problemBody, PROBLEM_CONTENT_TYPE } from '../render.js';
import type { EngineReply, RoutedContext } from '../types.js';

/**
 * What a handler of one operation sees: the request as validated against
 * that operation (path params, coerced query, body with defaults), typed from
 * the spec's generated types; its tenant and key; the sandbox's services.
 */
export interface HandlerContext<Op extends OperationId, Services = unknown> {
  operation: Operation;
  tenant: Tenant;
  key: ApiKey;
  params: PathParams<Op>;
  query: Query<Op>;
  body: RequestBody<Op>;
  requestId: string;
  ip: string;
  services: Services;
}

const RESULT = Symbol.for('sx.result');

/** A reply with a status (one the spec documents for the operation) and headers of its own. */
export interface Result<Op extends OperationId> {
  readonly [RESULT]: true;
  status: SuccessStatus<Op>;
  body: SuccessBody<Op>;
  headers: Record<string, string>;
}

/** A handler answers the success body (its status is the spec's) or a full result. */
export type HandlerReply<Op extends OperationId> = SuccessBody<Op> | Result<Op>;
export type Handler<Op extends OperationId, Services = unknown> = (ctx: HandlerContext<Op, Services>) => HandlerReply<Op> | Promise<HandlerReply<Op>>;

/**
 * A handler as dispatch holds it, whatever its operation. The pipeline calls
 * it with the context of the operation it is bound to, which the validate
 * stage has checked against that operation's schemas; what it answers is
 * not trusted (test overrides answer anything).
 */
export type BoundHandler<Services = unknown> = (ctx: HandlerContext<never, Services>) => unknown;

/** Marks a handler's return value as a full result rather than a body. */
export function result<Op extends OperationId>(status: SuccessStatus<Op>, body: SuccessBody<Op>, headers: Record<string, string> = {}): Result<Op> {
  return { [RESULT]: true, status, body, headers };
}

function isResult(value: unknown): value is { status: number; body: unknown; headers: Record<string, string> } {
  return !!value && typeof value === 'object' && RESULT in value;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** A handler's reply with no headers of its own: one object for all of them, since every idempotent write remembers its reply's headers. */
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': JSON_CONTENT_TYPE });

/**
 * Runs the operation's handler and makes its reply. A Problem the handler
 * raises (404, a 422 rule) is its answer too and is remembered for
 * idempotent replays; anything else is a 500 (rethrown for the renderer) and
 * is not. What is remembered is the handler's own reply, without the
 * pipeline's headers (request id, RateLimit): a replay gets fresh ones.
 */
export function dispatch<S>(handlers: ReadonlyMap<string, BoundHandler<S>>, services: S): (ctx: RoutedContext) => Promise<EngineReply> {
  return async (ctx) => {
    const { operation } = ctx;
    let reply: EngineReply;
    try {
      const value = await handlers.get(operation.operationId)!({
        operation,
        tenant: ctx.tenant!,
        key: ctx.key!,
        // validated against this operation's schemas by the validate stage: they have its types
        params: ctx.params as PathParams<never>,
        query: ctx.query as Query<never>,
        body: ctx.body as RequestBody<never>,
        requestId: ctx.requestId,
        ip: ctx.request.ip,
        services,
      });
      // a read's reply counts toward keeping its records' texts; a write's (most records' only send) does not
      const read = operation.rateClass === 'read';
      reply = isResult(value)
        ? { status: value.status, headers: { ...JSON_HEADERS, ...value.headers }, body: toJson(value.body, read) }
        : { status: operation.successStatus, headers: JSON_HEADERS, body: toJson(value, read) };
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
    // the context's headers are this request's own: the reply's go on top of them, no third object
    return { status: reply.status, headers: Object.assign(ctx.headers, reply.headers), body: reply.body };
  };
}
