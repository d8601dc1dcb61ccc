/**
 * Errors are values: every failure is a Problem (RFC 9457, successor of
 * RFC 7807), raised anywhere and rendered in exactly one place (render.ts).
 */
export const PROBLEM_TYPES = {
  400: ['invalid_request', 'Invalid request'],
  401: ['unauthenticated', 'Unauthenticated'],
  403: ['forbidden_scope', 'Forbidden scope'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  408: ['request_timeout', 'Request timeout'],
  409: ['conflict', 'Conflict'],
  413: ['payload_too_large', 'Payload too large'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  431: ['header_fields_too_large', 'Request header fields too large'],
  422: ['unprocessable', 'Unprocessable'],
  429: ['rate_limited', 'Rate limited'],
  500: ['server_error', 'Server error'],
  501: ['not_implemented', 'Not implemented'],
  503: ['service_unavailable', 'Service unavailable'],
} as const;

export type ProblemStatus = keyof typeof PROBLEM_TYPES;

/** `{"body.price_cents": ["must be >= 0"]}` */
export type FieldErrors = Record<string, string[]>;

export interface ProblemExtras {
  errors?: FieldErrors;
  /** 400/422: how many fields had errors, when `errors` lists only the first of them */
  errors_total?: number;
  required_ability?: string;
  granted_abilities?: string[];
  retry_after?: number;
  trace_id?: string;
}

let stackTraceLimit = Error.stackTraceLimit;

/** Turns stack capture off for the Error constructor about to run (super() must come first). */
function withoutStack<T>(value: T): T {
  stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return value;
}

export class Problem extends Error {
  readonly headers: Record<string, string>;
  constructor(
    readonly status: ProblemStatus,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
    headers: Record<string, string> = {},
  ) {
    // A Problem is an answer, not a bug: nobody reads its stack, and capturing
    // one was the top of a 422's profile (6.5% of the CPU under load).
    super(withoutStack(detail));
    Error.stackTraceLimit = stackTraceLimit;
    this.headers = headers;
  }

  get type(): string {
    return PROBLEM_TYPES[this.status][0];
  }

  get title(): string {
    return PROBLEM_TYPES[this.status][1];
  }

  static notFound(what: string, id: string): Problem {
    return new Problem(404, `No ${what} with id '${id}' exists in this shop.`);
  }

  /** A business-rule failure: 422 with the rule named in `errors`. */
  static rule(field: string, message: string, detail = message): Problem {
    return new Problem(422, detail, { errors: { [field]: [message] } });
  }
}
