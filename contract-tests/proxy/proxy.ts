import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Operation } from '../../src/spec/operations.js';
import { ResponseValidator } from '../../src/spec/responseValidator.js';
import { spec } from '../harness/spec.js';

/**
 * An HTTP proxy on 127.0.0.1 in front of a sandbox that rewrites what passes
 * through it: the one tool behind both the faithful variants (a deployment
 * that differs from the sandbox only where the reference allows) and the
 * injected faults (one that breaks one invariant). It also relays webhook
 * deliveries: a loopback endpoint URL registered through it is swapped for a
 * relay URL of its own, so a rewrite can see — or lose — every delivery.
 */
export interface Exchange {
  method: string;
  /** path and query, e.g. /v1/products?limit=2 */
  url: string;
  headers: Record<string, string>;
  /** parsed JSON body, when there was one that parsed */
  json?: unknown;
  /** the raw body otherwise */
  raw?: Buffer;
  /** bytes of the body as it came */
  size: number;
  operation?: Operation;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
  raw?: Buffer;
}

export interface Delivery {
  /** the URL the suite registered */
  to: string;
  headers: Record<string, string>;
  body: Buffer;
  /** the event, parsed */
  event: { id?: string; type?: string; data?: unknown };
}

export interface Upstream {
  /** a request straight to the sandbox, past every rewrite */
  call(method: string, url: string, headers: Record<string, string>, json?: unknown): Promise<Answer>;
}

/** One rewrite; every hook is optional. A request hook may answer in the upstream's place. */
export interface Rewrite {
  request?(req: Exchange, upstream: Upstream): undefined | Answer | Promise<undefined | Answer>;
  response?(res: Answer, req: Exchange, upstream: Upstream): void | Promise<void>;
  /** `false` drops the delivery (the relay still answers the sandbox 200) */
  delivery?(delivery: Delivery): undefined | false | Promise<undefined | false>;
}

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

const routes = new ResponseValidator(spec);
const RELAY = '/__relay/';
const HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP.has(name)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function parse(buffer: Buffer, type: string | undefined): { json?: unknown; raw?: Buffer } {
  if (buffer.length === 0) return {};
  if (type && /json/.test(type)) {
    try {
      return { json: JSON.parse(buffer.toString('utf8')) };
    } catch {
      /* not JSON after all: passed on as it came */
    }
  }
  return { raw: buffer };
}

function serialise(body: { json?: unknown; raw?: Buffer }): Buffer | undefined {
  if (body.json !== undefined) return Buffer.from(JSON.stringify(body.json));
  return body.raw;
}

function send(
  target: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  payload?: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      new URL(url, target),
      { method, headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers },
      async (res) => {
        try {
          resolve({ status: res.statusCode ?? 502, headers: flatHeaders(res.headers), body: await readBody(res) });
        } catch (err) {
          reject(err);
        }
      },
    );
    out.on('error', reject);
    out.end(payload);
  });
}

export async function startProxy(upstreamUrl: string, rewrites: Rewrite[]): Promise<Proxy> {
  let self = '';
  const upstream: Upstream = {
    async call(method, url, headers, json) {
      const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
      const res = await send(
        upstreamUrl,
        method,
        url,
        { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
        payload,
      );
      return { status: res.status, headers: res.headers, ...parse(res.body, res.headers['content-type']) };
    },
  };

  /** A loopback URL the suite registers is relayed through here; any other is left for the sandbox to judge. */
  const toRelay = (url: unknown): unknown => {
    if (typeof url !== 'string') return url;
    try {
      const host = new URL(url).hostname;
      if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return `${self}${RELAY}${encodeURIComponent(url)}`;
    } catch {
      /* not a URL: the sandbox answers 422 */
    }
    return url;
  };
  const fromRelay = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fromRelay);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromRelay(v)]));
    if (typeof value === 'string' && value.startsWith(`${self}${RELAY}`)) return decodeURIComponent(value.slice(self.length + RELAY.length));
    return value;
  };

  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const to = decodeURIComponent(req.url!.slice(RELAY.length));
    const body = await readBody(req);
    const headers = flatHeaders(req.headers);
    let event: Delivery['event'] = {};
    try {
      event = JSON.parse(body.toString('utf8'));
    } catch {
      /* a receiver judges it */
    }
    const delivery: Delivery = { to, headers, body, event };
    for (const r of rewrites) {
      if ((await r.delivery?.(delivery)) === false) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('dropped');
        return;
      }
    }
    try {
      const answer = await send(new URL(to).origin, 'POST', new URL(to).pathname + new URL(to).search, delivery.headers, delivery.body);
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch {
      // nobody answers at the real URL: neither does the relay
      req.socket.destroy();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url!.startsWith(RELAY)) return relay(req, res);
    const headers = flatHeaders(req.headers);
    const body = await readBody(req);
    const exchange: Exchange = {
      method: req.method!,
      url: req.url!,
      headers,
      ...parse(body, headers['content-type']),
      size: body.length,
      operation: routes.operation(req.method!, req.url!.split('?')[0]),
    };
    if (exchange.operation?.operationId === 'createWebhook' && exchange.json && typeof exchange.json === 'object') {
      const json = exchange.json as Record<string, unknown>;
      exchange.json = { ...json, url: toRelay(json.url) };
    }
    let answer: Answer | undefined;
    for (const r of rewrites) {
      const early = await r.request?.(exchange, upstream);
      if (early) {
        answer = early;
        break;
      }
    }
    if (!answer) {
      const payload = serialise(exchange);
      const got = await send(upstreamUrl, exchange.method, exchange.url, exchange.headers, payload);
      answer = { status: got.status, headers: got.headers, ...parse(got.body, got.headers['content-type']) };
      if (answer.json !== undefined) answer.json = fromRelay(answer.json);
      for (const r of rewrites) await r.response?.(answer, exchange, upstream);
    }
    const out = serialise(answer);
    res.writeHead(answer.status, { ...answer.headers, ...(out ? { 'content-length': String(out.length) } : {}) });
    res.end(out);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'server_error', title: 'Proxy failure', status: 502, detail: err.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Walks a JSON value, calling `fn` on every object (children first); `fn` returns the replacement. */
export function mapObjects(value: unknown, fn: (obj: Record<string, unknown>, key: string | undefined) => Record<string, unknown>, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapObjects(v, fn, key));
  if (value && typeof value === 'object') {
    const inner = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapObjects(v, fn, k)]));
    return fn(inner, key);
  }
  return value;
}

/** A problem the proxy answers itself, shaped like the sandbox's. */
export function problem(status: number, type: string, detail: string, instance: string, extra: Record<string, unknown> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    json: { type, title: type, status, detail, instance, request_id: 'req_proxy', ...extra },
  };
}
