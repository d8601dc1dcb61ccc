import type { OpenAPIV3_1 } from 'openapi-types';
import type { Spec } from './load.js';
import { compileRequestValidator, type RequestValidator } from './requestValidator.js';
import { laterTurn, unref } from '../platform/timers.js';

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

/** `warm: false` leaves validators to compile on first use only (a client that never validates requests). */
export function readOperations(spec: Spec, options: { warm?: boolean } = {}): Operation[] {
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
        validate: lazily(() => compileRequestValidator(item!, definition)),
        definition,
      });
    }
  }
  if (options.warm !== false) warmUp(operations);
  return operations;
}

const COMPILE = Symbol('compile');
type Lazy = RequestValidator & { [COMPILE]: () => RequestValidator };

/**
 * Compiling every validator with ajv takes ~250 ms on a cold VM, most of a
 * cold start. Each is compiled once, the first time it is needed, and
 * warmUp compiles the rest in the background once start-up is over, so the
 * server answers first and no request compiles twice.
 */
function lazily(compile: () => RequestValidator): RequestValidator {
  let compiled: RequestValidator | undefined;
  const ensure = () => (compiled ??= compile());
  const validate = ((parts) => ensure()(parts)) as Lazy;
  validate[COMPILE] = ensure;
  return validate;
}

/** After start-up (so the first requests need not wait behind it), compiles one operation's validators per event-loop turn; keeps no process alive. */
export function warmUp(operations: readonly Operation[], afterMs = WARM_UP_AFTER_MS): void {
  let next = 0;
  const step = () => {
    if (next >= operations.length) return;
    (operations[next++].validate as Lazy)[COMPILE]();
    laterTurn(step);
  };
  unref(setTimeout(step, afterMs));
}

/** Started at once, the warm-up put ~40 ms of compiling in front of the very first response. */
const WARM_UP_AFTER_MS = 500;
