import { maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Problem, type ProblemStatus } from '../engine/problem.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../engine/render.js';
import { newRequestId } from '../engine/stages/requestId.js';

/** What Node's HTTP parser refused, as the status it would have sent (its default answer has no body). */
function statusFor(code: string | undefined): ProblemStatus {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

const DETAIL: Partial<Record<ProblemStatus, string>> = {
  400: 'The request is not valid HTTP/1.1 and could not be parsed',
  408: 'The request did not arrive in time',
  413: 'The chunk extensions of the request body are over the limit of 16 KiB',
  431: `The request line and headers exceed the limit of ${maxHeaderSize} bytes`,
};

/** The request path from the raw request line, when the parser got that far; short and printable only. */
function pathOf(raw: Buffer | undefined): string {
  const line = raw?.subarray(0, 512).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  const target = /^[A-Z]+ (\/[\x21-\x7e]{0,200})/.exec(line)?.[1] ?? '/';
  return target.split('?')[0];
}

/**
 * Requests Node refuses before Express sees them (a bare LF in a header, a
 * 20 KB header, Content-Length with Transfer-Encoding) are answered as a
 * problem too, so every answer is application/problem+json. The connection
 * is closed: after a parse error nothing more on it can be trusted.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusFor(err.code);
    const requestId = newRequestId();
    const reason = err.code ? ` (${err.code})` : '';
    const problem = new Problem(status, `${DETAIL[status]}${reason}.`);
    const body = problemBody(pathOf(err.rawPacket), requestId, problem);
    socket.end(
      [
        `HTTP/1.1 ${status} ${problem.title}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Request-Id: ${requestId}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
