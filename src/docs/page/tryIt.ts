/**
 * Try it: one operation's form → one Request, and its answer → what the
 * page shows. The Idempotency-Key is the reader's when they typed one, else
 * a fresh one for this request only (the spec's example is never sent, so
 * two presses never collide).
 */
import type { OperationCall } from '../site/model.js';

export interface Sent {
  request: Request;
  /** the key this request carried, typed or fresh */
  idempotencyKey: string | null;
  typedKey: boolean;
  curl: string;
}

export interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  /** the body as received, pretty-printed when JSON */
  text: string;
  json: unknown;
  problem: { type: string; detail: string } | null;
  ms: number;
}

/** Headers the answer panel shows (all of them would bury these). */
const SHOWN = ['content-type', 'location', 'idempotent-replayed', 'ratelimit', 'ratelimit-policy', 'retry-after', 'x-request-id', 'www-authenticate', 'allow'];

function freshKey(): string {
  return globalThis.crypto.randomUUID();
}

export function buildRequest(call: OperationCall, values: (name: string) => string, base: string, key: string, bodyText: string | null): Sent {
  let path = call.path;
  const query = new URLSearchParams();
  const headers = new Headers();
  let idempotencyKey: string | null = null;
  let typedKey = false;
  for (const param of call.params) {
    const value = values(`${param.in}:${param.name}`).trim();
    if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeURIComponent(value));
    else if (param.in === 'query' && value) query.append(param.name, value);
    else if (param.in === 'header' && param.name.toLowerCase() === 'idempotency-key') {
      typedKey = value !== '';
      idempotencyKey = typedKey ? value : freshKey();
      headers.set('Idempotency-Key', idempotencyKey);
    } else if (param.in === 'header' && value) headers.set(param.name, value);
  }
  if (!call.anonymous) headers.set('Authorization', `Bearer ${key}`);
  const hasBody = bodyText !== null && call.method !== 'GET' && call.method !== 'HEAD';
  if (hasBody) headers.set('Content-Type', 'application/json');
  const url = `${base.replace(/\/$/, '')}${path}${query.size ? `?${query}` : ''}`;
  const request = new Request(url, { method: call.method, headers, body: hasBody ? bodyText : null });
  return { request, idempotencyKey, typedKey, curl: curlOf(call.method, url, headers, hasBody ? bodyText : null) };
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function curlOf(method: string, url: string, headers: Headers, body: string | null): string {
  const lines = [`curl -X ${method} ${quote(url)}`];
  headers.forEach((value, name) => {
    lines.push(`  -H ${quote(`${canonical(name)}: ${value}`)}`);
  });
  if (body !== null) lines.push(`  --data ${quote(compact(body))}`);
  return lines.join(' \\\n');
}

function canonical(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

function compact(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}

export async function readAnswer(response: Response, started: number): Promise<Answer> {
  const raw = await response.text();
  let json: unknown = null;
  let text = raw;
  try {
    json = raw ? JSON.parse(raw) : null;
    if (raw) text = JSON.stringify(json, null, 2);
  } catch {
    json = null;
  }
  const isProblem = (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
  const body = json as { type?: unknown; detail?: unknown } | null;
  return {
    status: response.status,
    statusText: response.statusText,
    headers: SHOWN.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value] as [string, string]];
    }),
    text,
    json,
    problem: isProblem && body ? { type: String(body.type ?? ''), detail: String(body.detail ?? '') } : null,
    ms: Math.round(performance.now() - started),
  };
}
