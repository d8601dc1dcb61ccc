import type { RequestHandler } from 'express';
import type { RouteTable } from '../spec/routeTable.js';
import { Problem } from './problem.js';

/** Finds the operation for the request: unknown path → 404, known path with another method → 405 + Allow, OPTIONS → 204 + Allow. */
export function route(table: RouteTable): RequestHandler {
  return (req, res, next) => {
    const match = table.match(req.method, req.path);
    if (match.kind === 'not_found') {
      next(new Problem(404, `No route ${req.method} ${req.path}. See /openapi.json for every operation.`));
      return;
    }
    if (match.kind === 'wrong_method') {
      const allow = match.allow.join(', ');
      if (req.method === 'OPTIONS') {
        // not a preflight (cors.ts answered those): the methods this path has, as Allow promises
        res.setHeader('Allow', allow);
        res.status(204).end();
        return;
      }
      next(new Problem(405, `${req.method} is not allowed on ${req.path}; allowed: ${allow}.`, {}, { Allow: allow }));
      return;
    }
    res.locals.operation = match.operation;
    res.locals.params = match.params;
    next();
  };
}
