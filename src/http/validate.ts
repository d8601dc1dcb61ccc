import type { RequestHandler } from 'express';
import type { Operation } from '../spec/operations.js';
import { Problem } from './problem.js';

const SUMMARY = {
  400: 'The request is missing something or sends something the operation does not know; see errors.',
  422: 'One or more values are invalid; see errors.',
} as const;

/** Checks path, query, headers and body against the operation's compiled validators. */
export function validate(): RequestHandler {
  return (req, res, next) => {
    const operation = res.locals.operation as Operation;
    const result = operation.validate({
      params: res.locals.params,
      query: req.query as Record<string, unknown>,
      headers: req.headers,
      body: req.body,
    });
    if (!result.ok) {
      if (result.status === 404) {
        // a malformed id is simply one this shop does not have: same answer as any unknown id
        // an id is quoted up to 100 characters: the path is already echoed whole in `instance`
        const ids = Object.values(res.locals.params as Record<string, string>)
          .map((id) => `'${id.length > 100 ? `${id.slice(0, 100)}…` : id}'`)
          .join(', ');
        next(new Problem(404, `Nothing exists at this path: ${ids} is not an id this API issues.`));
        return;
      }
      const extras = result.total ? { errors: result.errors, errors_total: result.total } : { errors: result.errors };
      const detail = result.total ? `${SUMMARY[result.status]} The first ${Object.keys(result.errors).length} of ${result.total} fields are listed.` : SUMMARY[result.status];
      next(new Problem(result.status, detail, extras));
      return;
    }
    res.locals.query = result.query;
    res.locals.body = result.body;
    res.locals.idempotencyKey = result.idempotencyKey;
    next();
  };
}
