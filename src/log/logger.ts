import type { RequestHandler } from 'express';
import type { AttemptReport } from '../events/dispatcher.js';
import type { EngineReply } from '../engine/types.js';
import type { Clock } from '../state/clock.js';
import type { Tenant } from '../state/tenant.js';
import { formatLine, type LogStyle } from './format.js';
import type { LogLine } from './lines.js';

export interface LoggerOptions {
  style: LogStyle;
  /** wall time for each line (the sandbox's system clock, so tests with a ManualClock read fixed times) */
  system: Clock;
  /** where each finished line goes (default: stdout) */
  write?: (line: string) => void;
  /** ANSI colours in the pretty style (a terminal without NO_COLOR) */
  color?: boolean;
}

/** Problem bodies are small JSON objects; this is the most a log line reads of one. */
const PROBLEM_PEEK_BYTES = 64 * 1024;

/** The type and detail of a problem reply (what the Express door sent, from `res.locals.reply`); null for any other answer. */
function problemOf(reply: EngineReply | undefined): { type?: unknown; detail?: unknown } | null {
  if (!reply?.headers['Content-Type']?.startsWith('application/problem+json') || reply.body.length > PROBLEM_PEEK_BYTES) return null;
  try {
    return JSON.parse(reply.body) as { type?: unknown; detail?: unknown };
  } catch {
    return null;
  }
}

/** The request and webhook log: builds one line per event and writes it in the chosen style. */
export class Logger {
  private readonly write: (line: string) => void;

  constructor(private readonly options: LoggerOptions) {
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
  }

  private emit(line: LogLine): void {
    this.write(formatLine(line, this.options.style, this.options.color));
  }

  private wallTime(): string {
    return new Date(this.options.system.now()).toISOString();
  }

  /** Express middleware, mounted first: one line when each answer has been sent. */
  requests(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const problem = problemOf(res.locals.reply as EngineReply | undefined);
        const tenant = res.locals.tenant as Tenant | undefined;
        this.emit({
          kind: 'request',
          time: this.wallTime(),
          shop_time: tenant ? tenant.now() : null,
          request_id: String(res.locals.requestId ?? ''),
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          problem_type: typeof problem?.type === 'string' ? problem.type : null,
          detail: typeof problem?.detail === 'string' ? problem.detail : null,
          operation: res.locals.operation?.operationId ?? null,
          tenant: tenant?.id ?? null,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        });
      });
      next();
    };
  }

  /** The dispatcher's observer: one line per finished delivery attempt. */
  readonly attempt = ({ tenant, delivery, url, attempts, error }: AttemptReport): void => {
    this.emit({
      kind: 'webhook_attempt',
      time: this.wallTime(),
      shop_time: tenant.now(),
      tenant: tenant.id,
      delivery_id: delivery.id,
      event_id: delivery.event_id,
      event_type: delivery.event_type,
      endpoint_id: delivery.endpoint_id,
      url,
      status: delivery.status === 'succeeded' ? 'succeeded' : 'failed',
      response_code: delivery.response_code,
      attempt: delivery.attempt,
      attempts,
      duration_ms: delivery.duration_ms,
      next_retry_at: delivery.next_retry_at,
      error: error ?? null,
    });
  };

  error(err: unknown, traceId?: string): void {
    this.emit({
      kind: 'error',
      time: this.wallTime(),
      message: err instanceof Error ? err.message : String(err),
      trace_id: traceId ?? null,
      stack: err instanceof Error ? (err.stack ?? null) : null,
    });
  }
}
