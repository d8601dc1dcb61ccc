import { bodyProperties, fillPath, pathParams, queryParams, requiredBodyFields, unknownId, type SpecOperation } from './spec.js';
import { target } from './target.js';

type Schema = Record<string, unknown>;

/** The JSON types a schema admits, looking through anyOf/oneOf. */
function typesOf(schema: Schema): string[] {
  const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const nested = ((schema.anyOf ?? schema.oneOf ?? []) as Schema[]).flatMap(typesOf);
  return [...new Set([...own, ...nested])];
}

/** A value of a JSON type the schema does not admit, or undefined when it admits anything. */
export function wrongType(schema: Schema): unknown {
  const types = typesOf(schema);
  if (types.length === 0) return undefined;
  if (!types.includes('string')) return 'contract-suite-wrong-type';
  if (!types.includes('integer') && !types.includes('number')) return 12345;
  return undefined;
}

/** A query string value that breaks the parameter's schema (a query value is always a string: break its content). */
export function badQueryValue(schema: Schema): string | undefined {
  const types = typesOf(schema);
  if (types.includes('integer') || types.includes('number')) return 'contract-suite-not-a-number';
  if (schema.enum) return 'contract-suite-not-in-enum';
  const formats = [schema, ...((schema.anyOf ?? []) as Schema[])].map((s) => s.format).filter(Boolean);
  if (formats.length) return 'contract-suite-not-a-date';
  return undefined;
}

/** Path ids no shop has: requests built on them change nothing even where they get through. */
export function harmlessPath(op: SpecOperation): string {
  return fillPath(op, Object.fromEntries(pathParams(op).map((p) => [p.name, unknownId(p, target.runId)])));
}

/** The operation's documented example body, copied. */
export function exampleBody(op: SpecOperation): Record<string, unknown> | undefined {
  const example = op.body?.example;
  return example && typeof example === 'object' ? structuredClone(example as Record<string, unknown>) : undefined;
}

export interface Variant {
  name: string;
  path: string;
  body?: unknown;
  raw?: { type: string; data: string };
  headers?: Record<string, string>;
  /** the key the errors map must name (case-insensitive) */
  field?: string;
  /** a decision of this sandbox, not the reference (refusing unknown members: many APIs ignore them) */
  decision?: string;
}

const UNKNOWN = 'an unknown query parameter or body member is refused with 400; the reference allows ignoring it';

/** Requests the spec says are 400: something missing, unknown or unparsable. */
export function badRequests(op: SpecOperation): Variant[] {
  const path = harmlessPath(op);
  const example = exampleBody(op);
  const variants: Variant[] = [
    { name: 'an unknown query parameter', path: `${path}?contract_suite_unknown=1`, body: example, field: 'query.contract_suite_unknown', decision: UNKNOWN },
  ];
  if (!op.body) return variants;
  // Prism's proxy answers a body it cannot parse itself, so through it the target never sees one
  if (!target.env.viaPrism) variants.push({ name: 'unparsable JSON', path, raw: { type: 'application/json', data: '{"contract_suite": ' } });
  variants.push({
    name: 'an unknown body field',
    path,
    body: { ...example, contract_suite_unknown: 1 },
    field: 'body.contract_suite_unknown',
    decision: UNKNOWN,
  });
  const required = requiredBodyFields(op);
  if (required.length && example) {
    const { [required[0]]: _dropped, ...rest } = example;
    variants.push({ name: `no ${required[0]}`, path, body: rest, field: `body.${required[0]}` });
  }
  if (op.body.required) variants.push({ name: 'no body', path });
  return variants;
}

/** Requests the spec says are 422: a present value of the wrong type, enum, format or bound. */
export function unprocessableRequests(op: SpecOperation): Variant[] {
  const path = harmlessPath(op);
  const example = exampleBody(op);
  const variants: Variant[] = [];
  for (const param of queryParams(op)) {
    const value = badQueryValue(param.schema);
    if (value === undefined) continue;
    variants.push({ name: `query ${param.name}=${value}`, path: `${path}?${param.name}=${value}`, field: `query.${param.name}` });
    break;
  }
  if (op.body) {
    const properties = bodyProperties(op);
    const field =
      Object.keys(example ?? {}).find((name) => properties[name] && wrongType(properties[name]) !== undefined) ??
      Object.keys(properties).find((name) => wrongType(properties[name]) !== undefined);
    if (field) {
      const value = wrongType(properties[field]);
      variants.push({ name: `body ${field} of the wrong type`, path, body: { ...example, [field]: value }, field: `body.${field}` });
    } else {
      variants.push({ name: 'a body that is not an object', path, body: [], field: 'body' });
    }
  }
  if (op.params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')) {
    variants.push({
      name: 'an Idempotency-Key over 255 characters',
      path,
      body: example,
      headers: { 'idempotency-key': 'k'.repeat(256) },
      field: 'header.idempotency-key',
    });
  }
  return variants;
}
