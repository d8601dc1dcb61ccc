import type { AttemptLine, ErrorLine, LogLine, RequestLine } from './lines.js';

/** `pretty`: one compact line a person reads in a terminal; `json`: one JSON object per line, for machines and files. */
export type LogStyle = 'pretty' | 'json';

export function formatLine(line: LogLine, style: LogStyle, color = false): string {
  if (style === 'json') return JSON.stringify(line);
  const paint = color ? ansi : plain;
  switch (line.kind) {
    case 'request':
      return prettyRequest(line, paint);
    case 'webhook_attempt':
      return prettyAttempt(line, paint);
    case 'error':
      return prettyError(line, paint);
  }
}

type Paint = (code: number, text: string) => string;
const plain: Paint = (_code, text) => text;
const ansi: Paint = (code, text) => `\x1b[${code}m${text}\x1b[0m`;
const DIM = 2;
const RED = 31;
const GREEN = 32;
const YELLOW = 33;
const CYAN = 36;

/** HH:MM:SS of an ISO time (UTC, like every timestamp the API writes). */
const clockTime = (iso: string) => iso.slice(11, 19);
/** Wall time, then the shop's date and time: shop clocks start at the fixtures' reference date, far from today. */
function stamps(line: { time: string; shop_time: string | null }, paint: Paint): string {
  const shop = line.shop_time ? `shop ${line.shop_time.slice(0, 10)} ${clockTime(line.shop_time)}` : 'shop —'.padEnd(24);
  return paint(DIM, `${clockTime(line.time)}  ${shop}`);
}

const statusColor = (status: number) => (status >= 500 || status === 0 ? RED : status >= 400 ? YELLOW : GREEN);

function prettyRequest(line: RequestLine, paint: Paint): string {
  const problem = line.problem_type ? ` ${line.problem_type}` : '';
  const detail = line.detail ? paint(DIM, `  ${line.detail}`) : '';
  return `${stamps(line, paint)}  ${line.method.padEnd(6)} ${line.path}  ${paint(statusColor(line.status), `${line.status}${problem}`)}  ${formatMs(line.ms)}${detail}`;
}

function prettyAttempt(line: AttemptLine, paint: Paint): string {
  const answer = line.response_code ? String(line.response_code) : `no answer${line.error ? ` (${line.error})` : ''}`;
  const next = line.next_retry_at
    ? `next retry ${line.next_retry_at.slice(0, 10)} ${clockTime(line.next_retry_at)}`
    : line.status === 'failed'
      ? 'no more retries'
      : '';
  const outcome = paint(line.status === 'succeeded' ? GREEN : RED, `${answer} ${line.status}`);
  return `${stamps(line, paint)}  ${paint(CYAN, 'hook')}   ${line.event_type} → ${line.url}  ${outcome}  attempt ${line.attempt} of ${line.attempts}${next ? `, ${next}` : ''}`;
}

function prettyError(line: ErrorLine, paint: Paint): string {
  const trace = line.trace_id ? ` ${line.trace_id}` : '';
  return `${paint(DIM, clockTime(line.time))}  ${paint(RED, `error${trace}`)}  ${line.message}${line.stack ? `\n${line.stack}` : ''}`;
}

function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
