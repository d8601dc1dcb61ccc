import { expect } from 'vitest';
import { Unavailable } from './conformance.js';
import { walk } from './pages.js';
import type { Session } from './session.js';
import { NotPossible } from './skip.js';
import { hasRoute } from './target.js';

export interface Order {
  id: string;
  status: string;
  total_cents: number;
  refunded_cents: number;
  customer_email: string;
  customer_id: string;
  created_at: string;
  paid_at: string | null;
  delivery: { kind: string; state: string; delivered_at: string | null };
  refunds: Array<{ id: string; status: string; amount_cents: number }>;
  [field: string]: unknown;
}

type Outcome = 'completed' | 'failed' | 'awaiting_payment';

const REFUNDABLE = ['paid', 'delivering', 'completed'];

/**
 * Where flows that need orders get them: the sandbox's checkout simulation
 * when the target has it, otherwise orders the shop already holds, found by
 * listing. When neither gives what a test needs, NotPossible says why and
 * the test is skipped with that reason.
 */
export class Shop {
  private product?: Promise<string>;
  /** orders handed out already: a test never gets one another test changed */
  private readonly used = new Set<string>();
  simulation = hasRoute('simulateOrder');

  constructor(private readonly s: Session) {}

  /** A buyer address no other run uses. */
  email(what: string): string {
    return `${this.s
      .unique(what)
      .replace(/[^a-z0-9]+/gi, '.')
      .toLowerCase()}@example.com`;
  }

  /** Simulates a checkout (sandbox only); `null` when the target cannot. */
  async simulate(options: { outcome?: Outcome; email?: string; quantity?: number; product?: string } = {}): Promise<Order | null> {
    if (!this.simulation) return null;
    try {
      const reply = await this.s.api.post('/v1/test_helpers/orders', {
        product: options.product ?? (await this.ownProduct()),
        email: options.email ?? this.email('buyer'),
        quantity: options.quantity ?? 1,
        outcome: options.outcome ?? 'completed',
      });
      expect(reply.status, `simulating an order: ${reply.text.slice(0, 300)}`).toBe(201);
      this.used.add(reply.body.id);
      return reply.body as Order;
    } catch (err) {
      if (!(err instanceof Unavailable)) throw err;
      this.simulation = false;
      process.stdout.write(`[contract] ${err.message}; using the shop's existing orders instead\n`);
      return null;
    }
  }

  /** An order that can be refunded by at least `minRefundable` cents and that no other test has touched. */
  async paidOrder(operationIds: string[], minRefundable = 1): Promise<Order> {
    const simulated = await this.simulate();
    if (simulated) return simulated;
    return this.existing(
      operationIds,
      `a paid order with at least ${minRefundable} cents left to refund`,
      (o) => REFUNDABLE.includes(o.status) && o.total_cents - o.refunded_cents >= minRefundable,
    );
  }

  /** An order in `status` that was never paid (a simulated failure is a failed payment). */
  async unpaidOrderIn(status: 'failed' | 'awaiting_payment', operationIds: string[]): Promise<Order> {
    const simulated = await this.simulate({ outcome: status });
    if (simulated) return simulated;
    return this.existing(operationIds, `an unpaid order in status ${status}`, (o) => o.status === status && o.paid_at === null, { status });
  }

  private async existing(operationIds: string[], what: string, fits: (o: Order) => boolean, query: Record<string, string> = {}): Promise<Order> {
    const orders = (await walk(this.s.api, '/v1/orders', 100, query)) as unknown as Order[];
    const found = orders.find((o) => fits(o) && !this.used.has(o.id));
    if (!found) {
      throw new NotPossible(`the target cannot simulate orders and its shop holds no ${what}`, { operationIds });
    }
    this.used.add(found.id);
    return found;
  }

  /** An unlimited product of this run to simulate checkouts of, archived after the file. */
  private ownProduct(): Promise<string> {
    this.product ??= (async () => {
      const reply = await this.s.api.post('/v1/products', { name: this.s.unique('checkout'), type: 'account', price_cents: 2500, currency: 'USD' });
      expect(reply.status).toBe(201);
      this.s.defer(`archive ${reply.body.id}`, () => this.s.api.delete(`/v1/products/${reply.body.id}`));
      return reply.body.id as string;
    })();
    return this.product;
  }
}

/** Moves the shop's clock where the target allows it; false where it does not. */
export async function advanceClock(s: Session, seconds: number): Promise<boolean> {
  if (!hasRoute('advanceClock')) return false;
  const reply = await s.admin.post('/v1/test_helpers/clock/advance', { seconds });
  expect(reply.status).toBe(200);
  return true;
}

export function getOrder(s: Session, id: string): Promise<Order> {
  return s.api.get(`/v1/orders/${id}`).then((reply) => {
    expect(reply.status).toBe(200);
    return reply.body as Order;
  });
}

export { REFUNDABLE };
