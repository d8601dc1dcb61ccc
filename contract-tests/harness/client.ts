import { setTimeout as sleep } from 'node:timers/promises';
import { assertConforms, ConformanceError, operationIdOf } from './conformance.js';
import { driftKind, exchangeRecord, rememberExchange } from './drift.js';
import { record } from './ledger.js';

export interface CallOptions {
  /** bearer secret to send; `null` sends no Authorization header (default: the client's key) */
  key?: string | null;
  /** a raw Authorization header value, sent as is */
  authorization?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** a body with its own Content-Type instead of JSON */
  raw?: { type: string; data: string };
  /** wait out a 429 and try again (default: the client's setting) */
  courtesy?: boolean;
}

export interface Reply<T = any> {
  method: string;
  path: string;
  status: number;
  /** lower-case names */
  headers: Record<string, string>;
  body: T;
  text: string;
  operationId?: string;
}

/** How long the courtesy wait may last in total before the test gives up. */
const COURTESY_BUDGET_MS = 65_000;

/**
 * The suite's only way to talk to the target. Every response is checked
 * against the spec before the test sees it (a violation fails the test that
 * made the call) and recorded for the coverage report. By default it is a
 * good citizen: a 429 is waited out for Retry-After seconds and retried —
 * safe, because a 429 is answered before the operation runs.
 */
export class Client {
  constructor(
    readonly baseUrl: string,
    readonly key: string,
    private readonly courtesy = true,
  ) {}

  /** The same target with another key. */
  as(key: string, courtesy = this.courtesy): Client {
    return new Client(this.baseUrl, key, courtesy);
  }

  get<T = any>(path: string, options?: CallOptions) {
    return this.call<T>('GET', path, undefined, options);
  }
  post<T = any>(path: string, body?: unknown, options?: CallOptions) {
    return this.call<T>('POST', path, body, options);
  }
  patch<T = any>(path: string, body?: unknown, options?: CallOptions) {
    return this.call<T>('PATCH', path, body, options);
  }
  delete<T = any>(path: string, options?: CallOptions) {
    return this.call<T>('DELETE', path, undefined, options);
  }

  async call<T = any>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Reply<T>> {
    const courtesy = options.courtesy ?? this.courtesy;
    const started = Date.now();
    for (;;) {
      const reply = await this.once<T>(method, path, body, options);
      const retryAfter = Number(reply.headers['retry-after']);
      if (reply.status !== 429 || !courtesy || !(retryAfter >= 0)) return reply;
      const wait = retryAfter * 1000 + 50;
      if (Date.now() - started + wait > COURTESY_BUDGET_MS) return reply;
      await sleep(wait);
    }
  }

  private async once<T>(method: string, path: string, body: unknown, options: CallOptions): Promise<Reply<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const key = options.key === undefined ? this.key : options.key;
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    else if (key !== null) headers.authorization = `Bearer ${key}`;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    let payload: string | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.type;
      payload = options.raw.data;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    const text = await response.text();
    const replyHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      replyHeaders[name] = value;
    });
    let parsed: unknown;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const operationId = operationIdOf(method, path);
    if (operationId) record({ kind: 'seen', operationId, status: response.status });
    const exchange = { method, path, requestBody: payload, status: response.status, headers: replyHeaders, text, operationId };
    rememberExchange(exchange);
    try {
      assertConforms({ method, path, status: response.status, headers: replyHeaders, body: parsed });
    } catch (err) {
      if (err instanceof ConformanceError) {
        for (const line of err.violations)
          record({
            kind: 'drift',
            operation: operationId ?? `${method} ${path.split('?')[0]}`,
            drift: driftKind(line),
            message: line,
            exchange: exchangeRecord(exchange),
          });
      }
      throw err;
    }
    if (response.status >= 500) {
      // documented, so it conforms — but a contract test never expects the target to break
      throw new Error(`${operationId ?? `${method} ${path}`} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return { method, path, status: response.status, headers: replyHeaders, body: parsed as T, text, operationId };
  }
}

/** Unique enough for names and idempotency keys across runs and parallel CI jobs. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
