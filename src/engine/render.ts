import { Problem } from './problem.js';
import type { EngineReply } from './types.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * The only place that writes an error body. Every non-2xx leaves through here
 * as `application/problem+json`. Unknown exceptions become a 500 with a
 * trace id; the stack goes to the log, never to the client.
 */
export function problemBody(instance: string, requestId: string, problem: Problem): string {
  return JSON.stringify({
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
    request_id: requestId,
    ...problem.extras,
  });
}

/** Where a problem was raised: the request's path, its id, and the headers set so far (request id, CORS, RateLimit). */
export interface ProblemScene {
  path: string;
  requestId: string;
  headers: Record<string, string>;
}

/** Any error as the problem reply for it; a 5xx is logged with its trace id. Never throws. */
export function renderProblem(scene: ProblemScene, err: unknown, log: (err: unknown, traceId?: string) => void): EngineReply {
  const problem = toProblem(err);
  if (problem.status >= 500) log(err, problem.extras.trace_id);
  try {
    return {
      status: problem.status,
      headers: { ...scene.headers, ...problem.headers, 'Content-Type': PROBLEM_CONTENT_TYPE },
      body: problemBody(scene.path, scene.requestId, problem),
    };
  } catch (renderError) {
    // never an answer without a problem body: a bare 500 problem
    log(renderError);
    const bare = toProblem(renderError);
    return { status: 500, headers: { ...scene.headers, 'Content-Type': PROBLEM_CONTENT_TYPE }, body: problemBody(scene.path, scene.requestId, bare) };
  }
}

/** Translates what body readers throw (body-parser's error types, which the body stage reuses) into Problems. */
export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  const e = err as { type?: string; status?: number; limit?: number; charset?: string };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new Problem(400, 'The request body is not valid JSON.', {
        errors: { body: ['must be valid JSON'] },
      });
    case 'entity.too.deep':
      return new Problem(400, `The request body nests arrays and objects deeper than the limit of ${e.limit} levels.`, {
        errors: { body: [`must not nest deeper than ${e.limit} levels`] },
      });
    case 'entity.too.large':
      return new Problem(413, `The request body exceeds the limit of ${e.limit} bytes.`);
    case 'charset.unsupported':
      return new Problem(415, `Unsupported charset '${e.charset}'; send UTF-8 JSON.`);
    case 'encoding.unsupported':
      return new Problem(415, 'Unsupported content encoding; send uncompressed UTF-8 JSON.');
    case 'request.aborted':
      return new Problem(400, 'The request was aborted before its body arrived.');
  }
  if (e?.status === 400) return new Problem(400, 'The request could not be read.');
  const traceId = `trc_${crypto.randomUUID().replace(/-/g, '')}`;
  return new Problem(500, 'An unexpected error occurred in the sandbox. Quote the trace_id when you report it.', {
    trace_id: traceId,
  });
}
