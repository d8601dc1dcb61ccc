import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIV3_1 } from 'openapi-types';
// The suite reads the contract through the same loader, operation index and validator the sandbox
// uses, and through nothing else of src/ (outside the in-process target): those read the spec file
// alone, so the suite holds a real deployment to the same reading.
import { loadSpec, type Spec } from '../../src/spec/load.js';
import { readOperations, type Operation } from '../../src/spec/operations.js';

export const SPEC_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'openapi', 'sx.v1.yaml');

export const spec: Spec = loadSpec(SPEC_FILE).spec;

type Schema = Record<string, unknown>;

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

/**
 * One operation as the server's index reads it (id, method, path template, ability, whether it needs a
 * key, sandbox-only, success status, idempotency rule), with what the suite builds requests and
 * expectations from on top.
 */
export interface SpecOperation extends Operation {
  /** every documented status */
  statuses: number[];
  /** the path item's parameters and the operation's own */
  params: Param[];
  body?: { required: boolean; schema: Schema; example?: unknown };
  tag: string;
}

function withRequestParts(op: Operation): SpecOperation {
  const item = spec.paths?.[op.path];
  const params = [...((item?.parameters ?? []) as OpenAPIV3_1.ParameterObject[]), ...((op.definition.parameters ?? []) as OpenAPIV3_1.ParameterObject[])].map(
    (p): Param => ({ name: p.name, in: p.in as Param['in'], required: p.required === true, schema: (p.schema ?? {}) as Schema }),
  );
  const requestBody = op.definition.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const media = requestBody?.content?.['application/json'];
  const firstExample = Object.values(media?.examples ?? {})[0] as OpenAPIV3_1.ExampleObject | undefined;
  return {
    ...op,
    statuses: Object.keys(op.definition.responses ?? {})
      .map(Number)
      .filter(Number.isInteger),
    params,
    body: media ? { required: requestBody?.required === true, schema: (media.schema ?? {}) as Schema, example: firstExample?.value } : undefined,
    tag: op.definition.tags?.[0] ?? '',
  };
}

// warm: false — the suite never validates requests, so no request validator is ever compiled
export const operations: readonly SpecOperation[] = readOperations(spec, { warm: false }).map(withRequestParts);

export function operation(operationId: string): SpecOperation {
  const found = operations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`The spec has no operation ${operationId}`);
  return found;
}

/** The abilities a key can hold, from the spec's Ability enum. */
export const ABILITIES: readonly string[] = (spec.components!.schemas!.Ability as { enum: string[] }).enum;

/** The operations every deployment has (the sandbox-only ones are extras). */
export const PUBLIC_OPERATIONS = operations.filter((op) => !op.sandboxOnly);

/** The id prefix of a path parameter's schema, e.g. `prod_` from `^prod_[0-9A-Za-z]+$`. */
export function idPrefix(param: Param): string {
  const m = /^\^([a-z]+_)/.exec(String(param.schema.pattern ?? ''));
  if (!m) throw new Error(`path parameter ${param.name} has no id prefix in its pattern`);
  return m[1];
}

/** Fills a path template: `{id}` from `ids[name]`, or else from the parameter's documented example. */
export function fillPath(op: SpecOperation, ids: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (ids[name] !== undefined) return encodeURIComponent(ids[name]);
    const param = op.params.find((p) => p.in === 'path' && p.name === name);
    const example = (param?.schema.examples as string[] | undefined)?.[0];
    if (!example) throw new Error(`${op.operationId}: no value for path parameter ${name}`);
    return example;
  });
}

/** An id of the right shape that no shop has: it must be 404, never 403 or 400. */
export function unknownId(param: Param, salt: string): string {
  return `${idPrefix(param)}0NOSUCH${salt.replace(/[^0-9A-Za-z]/g, '').slice(0, 16)}`;
}

export function pathParams(op: SpecOperation): Param[] {
  return op.params.filter((p) => p.in === 'path');
}

export function queryParams(op: SpecOperation): Param[] {
  return op.params.filter((p) => p.in === 'query');
}

/** Request body properties of an object schema. */
export function bodyProperties(op: SpecOperation): Record<string, Schema> {
  return (op.body?.schema.properties ?? {}) as Record<string, Schema>;
}

export function requiredBodyFields(op: SpecOperation): string[] {
  return (op.body?.schema.required ?? []) as string[];
}

export function schemaOf(name: string): Schema {
  const schema = spec.components?.schemas?.[name];
  if (!schema) throw new Error(`The spec has no schema ${name}`);
  return schema as Schema;
}
