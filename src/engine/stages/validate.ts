import { Problem } from '../problem.js';
import type { RoutedContext } from '../types.js';

const SUMMARY = {
  400: 'The request is missing something or sends something the operation does not know; see errors.',
  422: 'One or more values are invalid; see errors.',
} as const;

/** Checks path, query, headers and body against the operation's compiled validators. */
export function validate(ctx: RoutedContext): void {
  const result = ctx.operation.validate({
    params: ctx.params,
    query: ctx.request.query,
    headers: ctx.request.headers,
    body: ctx.sentBody,
  });
  if (!result.ok) {
    if (result.status === 404) {
      // a malformed id is simply one this shop does not have: same answer as any unknown id
      // an id is quoted up to 100 characters: the path is already echoed whole in `instance`
      const ids = Object.values(ctx.params)
        .map((id) => `'${id.length > 100 ? `${id.slice(0, 100)}…` : id}'`)
        .join(', ');
      throw new Problem(404, `Nothing exists at this path: ${ids} is not an id this API issues.`);
    }
    const extras = result.total ? { errors: result.errors, errors_total: result.total } : { errors: result.errors };
    const detail = result.total
      ? `${SUMMARY[result.status]} The first ${Object.keys(result.errors).length} of ${result.total} fields are listed.`
      : SUMMARY[result.status];
    throw new Problem(result.status, detail, extras);
  }
  ctx.query = result.query;
  ctx.body = result.body;
  ctx.idempotencyKey = result.idempotencyKey;
}
