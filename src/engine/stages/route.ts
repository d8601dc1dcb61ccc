import type { RouteTable } from '../../spec/routeTable.js';
import { Problem } from '../problem.js';
import type { Context, EngineReply, RoutedContext } from '../types.js';

/** Thrown for a path the spec does not have, so a door can offer it to its own routes (the docs page) first. */
export class Unrouted extends Problem {}

/** Finds the operation for the request: unknown path → 404, known path with another method → 405 + Allow, OPTIONS → 204 + Allow. */
export function route(table: RouteTable): (ctx: Context) => EngineReply | RoutedContext {
  return (ctx) => {
    const { method, path } = ctx.request;
    const match = table.match(method, path);
    if (match.kind === 'not_found') {
      throw new Unrouted(404, `No route ${method} ${path}. See /openapi.json for every operation.`);
    }
    if (match.kind === 'wrong_method') {
      const allow = match.allow.join(', ');
      if (method === 'OPTIONS') {
        // not a preflight (cors answered those): the methods this path has, as Allow promises
        ctx.headers['Allow'] = allow;
        return { status: 204, headers: ctx.headers, body: '' };
      }
      throw new Problem(405, `${method} is not allowed on ${path}; allowed: ${allow}.`, {}, { Allow: allow });
    }
    ctx.operation = match.operation;
    ctx.params = match.params;
    return ctx as RoutedContext;
  };
}
