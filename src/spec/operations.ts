import type { OpenAPIV3_1 } from 'openapi-types';
import type { Spec } from './load.js';
import { compileRequestValidator, type RequestValidator } from './requestValidator.js';

export type RateClass = 'read' | 'write';

/** One row of the route table: everything the pipeline needs about an operation, read from the spec once. */
export interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** required ability; `*` means every ability (full access); null means none */
  readonly ability: string | null;
  readonly rateClass: RateClass;
  /** `recommended` for money-moving writes; every other write accepts a key too */
  readonly idempotency: 'recommended' | 'accepted' | 'none';
  readonly authenticated: boolean;
  readonly sandboxOnly: boolean;
  readonly successStatus: number;
  readonly validate: RequestValidator;
  readonly definition: OpenAPIV3_1.OperationObject;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type Extended = OpenAPIV3_1.OperationObject & {
  'x-sx-ability'?: string;
  'x-sx-idempotency'?: string;
  'x-sx-sandbox-only'?: boolean;
};

export function readOperations(spec: Spec): Operation[] {
  const globalSecurity = spec.security ?? [];
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const definition = item?.[method] as Extended | undefined;
      if (!definition) continue;
      if (!definition.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const upper = method.toUpperCase();
      const isRead = upper === 'GET' || upper === 'HEAD';
      const security = definition.security ?? globalSecurity;
      const successStatus = Number(Object.keys(definition.responses ?? {}).find((code) => /^2\d\d$/.test(code)));
      if (!successStatus) throw new Error(`${definition.operationId} documents no 2xx response`);
      operations.push({
        operationId: definition.operationId,
        method: upper,
        path,
        ability: definition['x-sx-ability'] ?? null,
        rateClass: isRead ? 'read' : 'write',
        idempotency: isRead ? 'none' : definition['x-sx-idempotency'] === 'recommended' ? 'recommended' : 'accepted',
        authenticated: security.length > 0,
        sandboxOnly: definition['x-sx-sandbox-only'] === true,
        successStatus,
        validate: compileRequestValidator(item!, definition),
        definition,
      });
    }
  }
  return operations;
}
