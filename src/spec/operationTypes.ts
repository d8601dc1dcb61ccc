/**
 * What flows in and out of each operation, read from the types generated from
 * the spec (api.generated.ts). A handler is typed with these, so a field the
 * spec does not have, or a reply the spec does not describe, is a type error.
 */
import type { components, operations, paths } from './api.generated.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The operations the spec serves under `paths` (not the `webhooks` it sends). */
type PathOperation = { [P in keyof paths]: { [M in Method]: paths[P][M] }[Method] }[keyof paths];

/** Every operationId the sandbox answers. */
export type OperationId = { [K in keyof operations]: operations[K] extends PathOperation ? K : never }[keyof operations];

type Parameters<Op extends OperationId> = operations[Op]['parameters'];

/** An operation without path, query or body takes none: an empty object (or no body at all). */
type Nothing = Record<string, never>;

/** The path parameters, as the route matched them. */
export type PathParams<Op extends OperationId> = Parameters<Op> extends { path: infer P } ? P : Nothing;

/** The query, as validated and coerced to the declared types. */
export type Query<Op extends OperationId> =
  Parameters<Op> extends { query?: infer Q } ? ([NonNullable<Q>] extends [never] ? Nothing : NonNullable<Q>) : Nothing;

type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/**
 * The request body as validated, with the schema's defaults filled in. An
 * optional body that was not sent is its defaults (an object), so it is
 * never undefined; an operation without a body gets none, or `{}`.
 */
export type RequestBody<Op extends OperationId> = operations[Op] extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? Nothing | undefined
    : undefined extends R
      ? Partial<JsonContent<NonNullable<R>>>
      : JsonContent<R>
  : Nothing | undefined;

type Responses<Op extends OperationId> = operations[Op]['responses'];

/** The 2xx statuses the spec documents for the operation. */
export type SuccessStatus<Op extends OperationId> = Extract<keyof Responses<Op>, 200 | 201 | 202 | 203 | 204 | 206>;

/** The body of a success response (the JSON the spec documents for that status). */
export type SuccessBody<Op extends OperationId, Status extends SuccessStatus<Op> = SuccessStatus<Op>> = JsonContent<Responses<Op>[Status]>;

/** A schema of the spec by name. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
