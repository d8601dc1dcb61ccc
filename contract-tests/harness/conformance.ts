import { Ajv2020 } from 'ajv/dist/2020.js';
import { ResponseValidator, type Exchange } from '../../src/spec/responseValidator.js';
import { schemaOf, spec } from './spec.js';
import { decisionsHold } from './target.js';

const validator = new ResponseValidator(spec);
const problem = new Ajv2020({ strict: false, allErrors: true }).compile(schemaOf('Problem'));

/** The target answered 501: it documents the operation but does not offer it. Tests skip on this, with the reason. */
export class Unavailable extends Error {
  constructor(
    readonly operationId: string,
    detail: string,
  ) {
    super(`${operationId} is not available on this target (501 not_implemented: ${detail})`);
  }
}

export class ConformanceError extends Error {
  constructor(
    message: string,
    readonly violations: string[],
  ) {
    super(message);
  }
}

export function operationIdOf(method: string, path: string): string | undefined {
  return validator.operation(method, path)?.operationId;
}

/**
 * Every violation of the spec in one exchange: the validator's own findings
 * (status documented for the operation, Content-Type, headers, body schema),
 * plus what a validating proxy in front of the target reported (Prism puts
 * its findings in `sl-violations`). Throws a ConformanceError naming the
 * operation, status and schema path, or Unavailable for a documented 501.
 */
export function assertConforms(exchange: Exchange): void {
  const operationId = operationIdOf(exchange.method, exchange.path) ?? `${exchange.method} ${exchange.path}`;
  if (exchange.status === 501) {
    // 501 is the spec's "described but not available here" for any operation; it must still be a Problem.
    const body = exchange.body as { type?: string; detail?: string } | undefined;
    if (problem(body) && body?.type === 'not_implemented') throw new Unavailable(operationId, body.detail ?? '');
    const message = `${operationId} 501: the body is not a not_implemented Problem: ${JSON.stringify(body)?.slice(0, 300)}`;
    throw new ConformanceError(message, [message]);
  }
  const violations = validator.check(exchange);
  violations.push(...problemViolations(exchange));
  violations.push(...proxyViolations(exchange));
  if (violations.length) {
    throw new ConformanceError(
      `Response does not conform to openapi/sx.v1.yaml (${exchange.method} ${exchange.path} → ${exchange.status}):\n  - ${violations.join('\n  - ')}`,
      violations,
    );
  }
}

/**
 * What holds for every problem, whatever operation answered it: its `status`, when it has one,
 * is the HTTP status (RFC 9457: the reference's). Where decisions hold, its `request_id` is the
 * answer's `X-Request-Id` — except on a replay, whose stored body names the original request.
 */
function problemViolations(exchange: Exchange): string[] {
  if (!/problem\+json/.test(String(exchange.headers['content-type'] ?? ''))) return [];
  const body = exchange.body as { status?: unknown; request_id?: unknown } | undefined;
  if (!body || typeof body !== 'object') return [];
  const out: string[] = [];
  if (body.status !== undefined && body.status !== exchange.status)
    out.push(`problem: body status ${String(body.status)} is not the HTTP status ${exchange.status}`);
  const header = exchange.headers['x-request-id'];
  if (decisionsHold() && body.request_id !== undefined && header !== undefined && !exchange.headers['idempotent-replayed'] && body.request_id !== header) {
    out.push(`problem: request_id '${String(body.request_id)}' is not the X-Request-Id '${String(header)}' (decision)`);
  }
  return out;
}

interface ProxyViolation {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

/**
 * Prism's findings, when the suite runs through its validating proxy. Any
 * error in the response fails; so does a request Prism finds invalid that
 * the target nonetheless accepted with a 2xx (the target is laxer than the spec).
 */
function proxyViolations(exchange: Exchange): string[] {
  const raw = exchange.headers['sl-violations'];
  if (!raw) return [];
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  let list: ProxyViolation[];
  try {
    list = JSON.parse(text) as ProxyViolation[];
  } catch {
    return [`the validating proxy reported violations it could not fit in a header: ${text.slice(0, 300)}`];
  }
  const label = (v: ProxyViolation) => `prism: ${(v.location ?? []).join('.')} ${v.message ?? v.code ?? ''}`.trim();
  const errors = list.filter((v) => v.severity === 'Error');
  const response = errors.filter((v) => v.location?.[0] === 'response');
  const request = exchange.status < 300 ? errors.filter((v) => v.location?.[0] === 'request') : [];
  return [...response.map(label), ...request.map((v) => `${label(v)} — yet the target answered ${exchange.status}`)];
}
