import type { RequestHandler } from 'express';
import type { Operation } from '../spec/operations.js';
import { Problem } from './problem.js';

const SUMMARY = {
  400: 'The request is missing something or sends something the operation does not know; see errors.',
  404: 'The path names an id that cannot exist.',
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
      const extras = result.status === 404 ? {} : { errors: result.errors };
      next(new Problem(result.status, SUMMARY[result.status], extras));
      return;
    }
    res.locals.query = result.query;
    res.locals.body = result.body;
    res.locals.idempotencyKey = result.idempotencyKey;
    next();
  };
}
