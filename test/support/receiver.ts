import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One delivery that arrived and whose signature verified. */
export interface Arrival {
  path: string;
  headers: Record<string, string>;
  /** the raw body, exactly as signed */
  body: string;
  /** the body as the Standard Webhooks verifier parsed it */
  event: { id: string; type: string; created_at: string; data: { object: Record<string, unknown> } };
  /** the status this receiver answered (0 while held open) */
  answered: number;
}

/** What the receiver does with the next request: answer with a status, or hold the connection open. */
export type Behaviour = number | 'hang';

/**
 * A real webhook receiver on 127.0.0.1 for tests: it verifies every
 * signature with the standardwebhooks verifier (so also the timestamp
 * window against real time), records what arrived, and answers 2xx, any
 * other status, or nothing at all, on demand. Requests that fail
 * verification are answered 400 and kept in `rejected`; a test asserts it
 * stays empty.
 */
export class Receiver {
  readonly arrivals: Arrival[] = [];
  readonly rejected: { path: string; reason: string }[] = [];
  /** TCP connections accepted, whatever came over them (a refused target must leave this at 0) */
  connections = 0;
  /** the answer when nothing is planned */
  behaviour: Behaviour = 204;
  private readonly plan: Behaviour[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly held = new Set<ServerResponse>();
  private waiters: { count: number; wake: () => void }[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<Receiver> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new Receiver(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => receiver.handle(req, res));
    server.on('connection', () => receiver.connections++);
    return receiver;
  }

  url(path = '/hook'): string {
    return `${this.origin}${path}`;
  }

  /** The signing secret for deliveries to `path` (from the endpoint's create response). */
  trust(secret: string, path = '/hook'): void {
    this.secrets.set(path, secret);
  }

  /** Answers for the next requests, in order; then `behaviour` again. */
  respond(...behaviours: Behaviour[]): void {
    this.plan.push(...behaviours);
  }

  /** Connections currently held open. */
  get holding(): number {
    return this.held.size;
  }

  /** Resolves once `count` deliveries have arrived in all (held ones included). */
  waitFor(count: number): Promise<Arrival[]> {
    if (this.arrivals.length >= count) return Promise.resolve(this.arrivals);
    return new Promise((wake) => this.waiters.push({ count, wake: () => wake(this.arrivals) }));
  }

  /** Answers every held connection with `status`. */
  release(status = 200): void {
    for (const res of this.held) res.writeHead(status).end();
    this.held.clear();
  }

  at(path: string): Arrival[] {
    return this.arrivals.filter((a) => a.path === path);
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.held.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const secret = this.secrets.get(path);
      let event: Arrival['event'];
      try {
        if (!secret) throw new Error(`no secret trusted for ${path}`);
        event = new Webhook(secret).verify(body, headers) as Arrival['event'];
      } catch (err) {
        this.rejected.push({ path, reason: (err as Error).message });
        res.writeHead(400).end();
        return;
      }
      const behaviour = this.plan.shift() ?? this.behaviour;
      const arrival: Arrival = { path, headers, body, event, answered: behaviour === 'hang' ? 0 : behaviour };
      this.arrivals.push(arrival);
      if (behaviour === 'hang') {
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
      } else {
        res.writeHead(behaviour).end();
      }
      this.waiters = this.waiters.filter((w) => {
        if (this.arrivals.length < w.count) return true;
        w.wake();
        return false;
      });
    });
  }
}
