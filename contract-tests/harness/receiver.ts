import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { NotPossible } from './skip.js';
import { target } from './target.js';

export interface Delivery {
  /** the receiver path it arrived on, e.g. /hook/abc */
  path: string;
  headers: IncomingHttpHeaders;
  /** the raw body, exactly as signed */
  raw: string;
  /** what the receiver answered */
  answered: number;
  at: number;
}

type Responder = (delivery: Omit<Delivery, 'answered'>) => number;

/** The largest body the receiver keeps; events are small. */
const MAX_BODY = 1024 * 1024;

/**
 * A local webhook receiver: records every POST, answers with whatever its
 * path's responder says (200 by default), and lets a test wait for the
 * delivery it expects. Listens on 127.0.0.1 on an ephemeral port, or where
 * SX_WEBHOOK_LISTEN says when a deployment reaches it via SX_WEBHOOK_PUBLIC_URL.
 */
export class Receiver {
  readonly deliveries: Delivery[] = [];
  private readonly responders = new Map<string, Responder>();
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    private readonly base: string,
  ) {}

  /** Starts one, or explains (NotPossible) why the target cannot reach a receiver on this machine. */
  static async start(operationIds: string[]): Promise<Receiver> {
    const { webhookPublicUrl, webhookListen } = target.env;
    if (!webhookPublicUrl && !target.loopback) {
      throw new NotPossible(`${target.baseUrl} cannot reach a receiver on this machine: set SX_WEBHOOK_PUBLIC_URL (and SX_WEBHOOK_LISTEN) to test deliveries`, {
        operationIds,
      });
    }
    let receiver: Receiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      req.on('end', () => {
        const delivery = { path: (req.url ?? '/').split('?')[0], headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        const answered = req.method === 'POST' ? (receiver!.responders.get(delivery.path)?.(delivery) ?? 200) : 405;
        receiver!.deliveries.push({ ...delivery, answered });
        res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : 'not now');
        receiver!.notify();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(webhookListen.port, webhookListen.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const base = webhookPublicUrl?.replace(/\/+$/, '') ?? `http://127.0.0.1:${port}`;
    receiver = new Receiver(server, base);
    return receiver;
  }

  /** The URL the target should POST to for `path` (e.g. /hook/abc). */
  url(path: string): string {
    return this.base + path;
  }

  /** How this path answers from now on, e.g. 503 for the first attempt and 200 after. */
  respond(path: string, responder: Responder): void {
    this.responders.set(path, responder);
  }

  /** Waits for a delivery that matches, up to SX_WEBHOOK_TIMEOUT_MS. */
  async waitFor(match: (d: Delivery) => boolean, what: string): Promise<Delivery> {
    const deadline = Date.now() + target.env.webhookTimeoutMs;
    for (;;) {
      const found = this.deliveries.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no webhook delivery of ${what} within ${target.env.webhookTimeoutMs} ms (got ${this.deliveries.length}: ${this.summary()})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every delivery on a path whose event type is `type`. */
  on(path: string, type?: string): Delivery[] {
    return this.deliveries.filter((d) => d.path === path && (!type || d.headers['webhook-event-type'] === type));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private summary(): string {
    return (
      this.deliveries
        .map((d) => `${d.path} ${d.headers['webhook-event-type']}`)
        .slice(-10)
        .join(', ') || 'none'
    );
  }
}

/** Verifies a delivery the way a receiver would, with the Standard Webhooks library; returns the parsed event. */
export function verify(
  secret: string,
  delivery: Delivery,
): { id: string; type: string; created_at: string; data: { object: { id: string; [k: string]: unknown } } } {
  const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(delivery.headers[h] ?? '')]));
  return new Webhook(secret).verify(delivery.raw, headers) as ReturnType<typeof verify>;
}

/**
 * Retries an assertion until it holds or SX_WEBHOOK_TIMEOUT_MS passes: what
 * the target does after a delivery (logging it, scheduling a retry) happens
 * after the receiver has already seen it.
 */
export async function eventually<T>(attempt: () => Promise<T>, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + target.env.webhookTimeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
