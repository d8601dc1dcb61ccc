/**
 * What the sandbox logs, one record per line: every answered request and
 * every finished webhook delivery attempt. The same records are printed
 * compactly for a person (format.ts) or as JSON lines for a machine.
 */

export interface RequestLine {
  kind: 'request';
  /** wall-clock time the answer finished, ISO-8601 with milliseconds */
  time: string;
  /** the shop's clock at that moment, when the request was authenticated to a shop */
  shop_time: string | null;
  request_id: string;
  method: string;
  path: string;
  status: number;
  /** the problem's `type` slug and `detail` for a problem answer */
  problem_type: string | null;
  detail: string | null;
  operation: string | null;
  tenant: string | null;
  ms: number;
}

export interface AttemptLine {
  kind: 'webhook_attempt';
  time: string;
  shop_time: string;
  tenant: string;
  delivery_id: string;
  event_id: string;
  event_type: string;
  endpoint_id: string;
  url: string;
  status: 'succeeded' | 'failed';
  /** the receiver's HTTP status; 0 when no answer came */
  response_code: number;
  attempt: number;
  attempts: number;
  duration_ms: number | null;
  /** shop time of the next attempt; null when this was the last one or it succeeded */
  next_retry_at: string | null;
  error: string | null;
}

export interface ErrorLine {
  kind: 'error';
  time: string;
  message: string;
  trace_id: string | null;
  stack: string | null;
}

export type LogLine = RequestLine | AttemptLine | ErrorLine;
