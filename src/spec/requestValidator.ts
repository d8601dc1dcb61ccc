import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createAjv } from './ajv.js';
import { boundsOnly } from './requestBounds.js';
import type { FieldErrors } from '../engine/problem.js';

export interface RequestParts {
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * The outcome of checking a request against its operation. `missing` and
 * `unknown` problems are 400 (structurally wrong request); values of the
 * wrong type, enum, format or bound are 422; a path id that cannot exist is 404.
 */
export type ValidationResult =
  | { ok: true; query: Record<string, unknown>; body: unknown; idempotencyKey?: string }
  /** `errors` holds at most MAX_REPORTED_FIELDS fields; `total` is how many had errors, when that is more */
  | { ok: false; status: 400 | 404 | 422; errors: FieldErrors; total?: number };

/** At most this many fields are listed in `errors`, so no answer is much larger than the request needs. */
export const MAX_REPORTED_FIELDS = 20;
/** A field path (which echoes the client's member names) is cut to this many characters. */
export const MAX_FIELD_PATH = 200;

export type RequestValidator = (parts: RequestParts) => ValidationResult;

// Query values arrive as strings: coerce them to the declared types. Bodies are
// JSON and are never coerced ("12" is not a price). Both report every error
// (allErrors), which is only safe on bounded input: query and headers are
// bounded by Node's 16 KiB header limit, a body by its bounds check first.
const paramAjv = createAjv({ coerceTypes: true, useDefaults: true });
const bodyAjv = createAjv({ useDefaults: true });
// The bounds check reports every bound broken too, but it checks nothing else:
// an array past maxItems is one error however long it is, and only items that
// break their own bound add one, so its errors are few and linear in the body.
const boundsAjv = createAjv();

type Param = OpenAPIV3_1.ParameterObject;

function objectSchema(params: Param[], additional: boolean) {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name.toLowerCase(), p.schema ?? {}])),
    required: params.filter((p) => p.required).map((p) => p.name.toLowerCase()),
    additionalProperties: additional,
  };
}

export function compileRequestValidator(pathItem: OpenAPIV3_1.PathItemObject, op: OpenAPIV3_1.OperationObject): RequestValidator {
  const params = [...((pathItem.parameters ?? []) as Param[]), ...((op.parameters ?? []) as Param[])];
  const byIn = (where: string) => params.filter((p) => p.in === where);
  const pathCheck = paramAjv.compile(objectSchema(byIn('path'), true));
  const queryCheck = paramAjv.compile(objectSchema(byIn('query'), false));
  const headerParams = byIn('header');
  const headerNames = headerParams.map((p) => p.name.toLowerCase());
  const headerCheck = headerParams.length ? paramAjv.compile(objectSchema(headerParams, true)) : null;
  const requestBody = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const bodySchema = requestBody?.content?.['application/json']?.schema;
  const bodyCheck = bodySchema ? bodyAjv.compile(bodySchema) : null;
  const bodyBounds = bodySchema ? boundsAjv.compile(boundsOnly(bodySchema) as object) : null;
  const bodyRequired = requestBody?.required === true;

  return (parts) => {
    if (!pathCheck(parts.params)) {
      return { ok: false, status: 404, errors: collect(pathCheck.errors, 'path') };
    }
    const errors400: FieldErrors = {};
    const errors422: FieldErrors = {};
    const sort = ([found, structural]: [FieldErrors, Set<string>]) => {
      for (const [field, messages] of Object.entries(found)) {
        (structural.has(field) ? errors400 : errors422)[field] = messages;
      }
    };

    // Copy: ajv coerces and fills defaults in place, and the caller's object stays untouched.
    const query = { ...parts.query };
    if (!queryCheck(query)) sort(split(queryCheck.errors, 'query'));

    let idempotencyKey: string | undefined;
    if (headerCheck) {
      const headers: Record<string, unknown> = {};
      for (const name of headerNames) {
        const value = parts.headers[name];
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const raw = headers['idempotency-key'];
      if (typeof raw === 'string') headers['idempotency-key'] = idempotencyKey = unquote(raw);
      if (!headerCheck(headers)) sort(split(headerCheck.errors, 'header'));
    }

    let body = parts.body;
    if (body === undefined) {
      if (bodyRequired) errors400.body = ['is required: send a JSON object'];
      else if (bodyCheck) body = applyDefaults(bodyCheck);
    } else if (!bodyCheck) {
      if (!isEmptyObject(body)) errors400.body = ['this operation takes no request body'];
    } else if (!bodyBounds!(body)) {
      sort(split(bodyBounds!.errors, 'body'));
    } else {
      // the parsed body is this request's own object: defaults may be filled in place
      if (!bodyCheck(body)) sort(split(bodyCheck.errors, 'body'));
    }

    if (!isEmptyObject(errors400)) return { ok: false, status: 400, ...capped({ ...errors400, ...errors422 }) };
    if (!isEmptyObject(errors422)) return { ok: false, status: 422, ...capped(errors422) };
    return { ok: true, query, body, idempotencyKey };
  };
}

/** The first MAX_REPORTED_FIELDS fields, and how many there were when that is not all of them. */
function capped(errors: FieldErrors): { errors: FieldErrors; total?: number } {
  const fields = Object.keys(errors);
  if (fields.length <= MAX_REPORTED_FIELDS) return { errors };
  return { errors: Object.fromEntries(fields.slice(0, MAX_REPORTED_FIELDS).map((f) => [f, errors[f]])), total: fields.length };
}

function shortPath(path: string): string {
  return path.length > MAX_FIELD_PATH ? `${path.slice(0, MAX_FIELD_PATH)}…` : path;
}

/** An optional body that is absent still gets its declared defaults. */
function applyDefaults(check: ValidateFunction): unknown {
  const empty = {};
  check(empty);
  return empty;
}

function isEmptyObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** `Idempotency-Key` may be sent as a structured-field string: `"abc"`. */
function unquote(value: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  return m ? m[1].replace(/\\(.)/g, '$1') : value;
}

function split(errors: ErrorObject[] | null | undefined, root: string): [FieldErrors, Set<string>] {
  const structural = new Set<string>();
  const found = collect(errors, root, structural);
  return [found, structural];
}

/** ajv errors → `{"body.price_cents": ["must be >= 0"]}`; records which fields are missing/unknown. */
function collect(errors: ErrorObject[] | null | undefined, root: string, structural = new Set<string>()): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, message: string) => {
    field = shortPath(field);
    const list = (out[field] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const e of errors ?? []) {
    const base = [
      root,
      ...e.instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')),
    ].join('.');
    switch (e.keyword) {
      case 'required': {
        const field = `${base}.${(e.params as { missingProperty: string }).missingProperty}`;
        structural.add(shortPath(field));
        add(field, 'is required');
        break;
      }
      case 'additionalProperties': {
        const field = `${base}.${(e.params as { additionalProperty: string }).additionalProperty}`;
        structural.add(shortPath(field));
        add(field, root === 'query' ? 'is not a recognised query parameter' : 'is not a recognised field');
        break;
      }
      case 'enum':
        add(base, `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`);
        break;
      case 'anyOf':
      case 'oneOf':
        // the branch errors already explain; keep one summary only when nothing else was said
        if (!out[base]) add(base, e.message ?? 'is not valid');
        break;
      case 'format':
        add(base, `must be a valid ${(e.params as { format: string }).format}`);
        break;
      case 'maxProperties':
        // from the bounds check: a closed object flooded with members it does not declare
        structural.add(shortPath(base));
        add(base, `must NOT have more than ${(e.params as { limit: number }).limit} members: remove the unknown ones`);
        break;
      default:
        add(base, e.message ?? 'is not valid');
    }
  }
  return out;
}
