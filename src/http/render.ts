import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { Problem } from './problem.js';

/**
 * The only place that writes an error body. Every non-2xx leaves through here
 * as `application/problem+json`. Unknown exceptions become a 500 with a
 * trace id; the stack goes to the log, never to the client.
 */
export function problemBody(req: Request, res: Response, problem: Problem): string {
  return JSON.stringify({
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: req.originalUrl.split('?')[0],
    request_id: res.locals.requestId ?? '',
    ...problem.extras,
  });
}

export function sendProblem(req: Request, res: Response, problem: Problem): void {
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(problem.status).type('application/problem+json').send(problemBody(req, res, problem));
}

/** Translates what Express and body-parser throw into Problems. */
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
  const traceId = `trc_${randomUUID().replace(/-/g, '')}`;
  return new Problem(500, 'An unexpected error occurred in the sandbox. Quote the trace_id when you report it.', {
    trace_id: traceId,
  });
}

export function problemHandler(log: (err: unknown, traceId?: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    if (problem.status >= 500) log(err, problem.extras.trace_id);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    try {
      sendProblem(req, res, problem);
    } catch (renderError) {
      // Never fall through to Express's HTML error page: answer a bare 500 problem.
      log(renderError);
      res.removeHeader('Content-Type');
      res.status(500).type('application/problem+json').send(problemBody(req, res, toProblem(renderError)));
    }
  };
}
