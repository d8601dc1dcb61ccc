import request from 'supertest';
import { createSandbox, ManualClock, type Sandbox, type SandboxOptions } from '../../src/index.js';
import { loadSpec } from '../../src/spec/load.js';
import { strictReading } from '../../src/spec/readings.js';
import { ResponseValidator } from '../../src/spec/responseValidator.js';

process.env.SX_SANDBOX_QUIET ??= '1';

// One validator for the whole run: the spec is compiled once. The sandbox's own
// tests hold every answer to the strict reading (closed objects, every member
// this sandbox sends), not just to the contract a deployment must meet.
export const strictSpec = strictReading(loadSpec().spec);
export const responses = new ResponseValidator(strictSpec);

export interface CallOptions {
  /** bearer secret; `null` sends no Authorization header (default: the demo key) */
  key?: string | null;
  headers?: Record<string, string>;
  /** a raw body with its own Content-Type instead of JSON */
  raw?: { type: string; data: string | Buffer };
}

export type Reply = request.Response;

/**
 * An in-process sandbox on a manual clock, and a client whose every response
 * is checked against the spec: a mismatch fails the test that made the call.
 */
export class TestSandbox {
  readonly clock = new ManualClock(Date.UTC(2026, 10, 23, 12, 0, 0));
  readonly sandbox: Sandbox;

  constructor(options: SandboxOptions = {}) {
    this.sandbox = createSandbox({ clock: this.clock, clockMode: 'frozen', ...options });
  }

  get key(): string {
    return this.sandbox.demoKey;
  }

  get(path: string, options?: CallOptions) {
    return this.call('GET', path, undefined, options);
  }
  post(path: string, body?: unknown, options?: CallOptions) {
    return this.call('POST', path, body, options);
  }
  patch(path: string, body?: unknown, options?: CallOptions) {
    return this.call('PATCH', path, body, options);
  }
  delete(path: string, options?: CallOptions) {
    return this.call('DELETE', path, undefined, options);
  }

  async call(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Reply> {
    const agent = request(this.sandbox.app);
    let req = (agent as unknown as Record<string, (p: string) => request.Test>)[method.toLowerCase()](path);
    const key = options.key === undefined ? this.key : options.key;
    if (key !== null) req = req.set('Authorization', `Bearer ${key}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
    if (options.raw) req = req.set('Content-Type', options.raw.type).send(options.raw.data);
    else if (body !== undefined) req = req.send(body as object);
    const reply = await req;
    responses.assert({ method, path, status: reply.status, headers: reply.headers, body: parsed(reply) });
    return reply;
  }
}

function parsed(reply: Reply): unknown {
  if (!reply.text) return undefined;
  try {
    return JSON.parse(reply.text);
  } catch {
    return reply.text;
  }
}
