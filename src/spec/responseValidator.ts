import type { ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createAjv } from './ajv.js';
import type { Spec } from './load.js';
import { readOperations, type Operation } from './operations.js';
import { RouteTable } from './routeTable.js';

export interface Exchange {
  method: string;
  /** the concrete request path, e.g. /v1/products/prod_01J2PVQR41 */
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** parsed JSON body, or undefined when there was none */
  body: unknown;
}

type ResponseObject = OpenAPIV3_1.ResponseObject;
type HeaderObject = OpenAPIV3_1.HeaderObject;

/**
 * Checks a response against the spec: the status is documented for the
 * operation, the Content-Type is the documented one, documented headers are
 * present and well-formed, and the body matches the schema. Used by the
 * sandbox's own tests and by the contract suite; a violation names the
 * operation, the status and the schema path.
 */
export class ResponseValidator {
  private readonly ajv = createAjv();
  private readonly routes: RouteTable;
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(private readonly spec: Spec) {
    // routing only: the request validators are never called here
    this.routes = new RouteTable(readOperations(spec, { warm: false }));
  }

  /** Violations, empty when the exchange conforms. */
  check(exchange: Exchange): string[] {
    const match = this.routes.match(exchange.method.toUpperCase(), exchange.path.split('?')[0]);
    if (match.kind !== 'found') {
      // Unknown paths and wrong methods belong to no operation: they must still be problems.
      return this.checkResponse(`${exchange.method} ${exchange.path}`, exchange, this.problemFor(exchange.status));
    }
    const op = match.operation;
    const response = (op.definition.responses as Record<string, ResponseObject>)[String(exchange.status)];
    if (!response) {
      const documented = Object.keys(op.definition.responses ?? {}).join(', ');
      return [`${op.operationId}: status ${exchange.status} is not documented (documented: ${documented})`];
    }
    return this.checkResponse(`${op.operationId} ${exchange.status}`, exchange, response);
  }

  /** Throws with every violation; for tests. */
  assert(exchange: Exchange): void {
    const violations = this.check(exchange);
    if (violations.length) {
      throw new Error(`Response does not conform to openapi/sx.v1.yaml (${exchange.method} ${exchange.path}):\n  - ${violations.join('\n  - ')}`);
    }
  }

  operation(method: string, path: string): Operation | undefined {
    const match = this.routes.match(method.toUpperCase(), path.split('?')[0]);
    return match.kind === 'found' ? match.operation : undefined;
  }

  /** Outside any operation (unknown path, wrong method, unreadable body) the answer must still be a Problem. */
  private problemFor(status: number): ResponseObject | undefined {
    if (![400, 404, 405, 413, 415].includes(status)) return undefined;
    return { description: 'problem', content: { 'application/problem+json': { schema: this.spec.components?.schemas?.Problem } } };
  }

  private checkResponse(label: string, exchange: Exchange, response: ResponseObject | undefined): string[] {
    if (!response) return [`${label}: no documented response for status ${exchange.status}`];
    const violations: string[] = [];
    const contentType = String(exchange.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const content = response.content ?? {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      if (exchange.body !== undefined && exchange.body !== '') violations.push(`${label}: a body was sent where none is documented`);
    } else if (!mediaTypes.includes(contentType)) {
      violations.push(`${label}: Content-Type '${contentType}' is not one of ${mediaTypes.join(', ')}`);
    } else {
      const schema = content[contentType].schema;
      if (schema) {
        const validate = this.compile(schema as object);
        if (!validate(exchange.body)) {
          for (const e of validate.errors ?? []) {
            violations.push(`${label}: body${e.instancePath || ''} ${e.message} (schema ${e.schemaPath})`);
          }
        }
      }
    }
    for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, HeaderObject>)) {
      const value = exchange.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) violations.push(`${label}: required header ${name} is missing`);
        continue;
      }
      if (header.schema) {
        const validate = this.compile(header.schema as object);
        const text = Array.isArray(value) ? value.join(', ') : value;
        const typed = (header.schema as { type?: string }).type === 'integer' && /^-?\d+$/.test(text) ? Number(text) : text;
        if (!validate(typed)) violations.push(`${label}: header ${name} '${text}' ${validate.errors?.[0]?.message}`);
      }
    }
    return violations;
  }

  private compile(schema: object): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
