/**
 * The panel beside the reference: what the reader's requests did. Requests
 * with their status and problem, the events each change emitted (from the
 * sandbox's bus), and webhook deliveries with the signed headers and payload
 * the receiver got, every attempt, and the next retry on the shop clock.
 */
import type { DeliveryRecord, SeenAttempt, ShopEvent } from './answerer.js';
import { byId, h } from './dom.js';
import type { Answer } from './tryIt.js';

export interface Endpoint {
  id: string;
  url: string;
  /** shown once by the API when the endpoint was made on this page */
  secret: string | null;
}

/** Entries kept per list: the oldest go first, so a long session stays light. */
const KEPT = 100;

/** One event to one endpoint: its attempts as the log keeps them, and what each sent (when this page saw it). */
interface Delivery {
  eventId: string;
  eventType: string;
  url: string;
  records: DeliveryRecord[];
  sent: Map<number, SeenAttempt>;
  attempts: number | null;
  el: HTMLLIElement;
}

export class Inspector {
  private readonly requests = byId<HTMLOListElement>('sx-requests');
  private readonly events = byId<HTMLOListElement>('sx-events');
  private readonly deliveries = byId<HTMLOListElement>('sx-deliveries');
  private readonly byDelivery = new Map<string, Delivery>();
  /** the request being answered: events published meanwhile are its own */
  private current: { el: HTMLElement; emitted: HTMLElement } | null = null;

  /** @param endpoints the endpoints made on this page for the shop answering now (main.ts keeps them) */
  constructor(private readonly endpoints: () => Endpoint[]) {}

  clear(): void {
    for (const list of [this.requests, this.events, this.deliveries]) list.replaceChildren();
    this.byDelivery.clear();
    this.current = null;
  }

  note(text: string): void {
    byId('sx-delivery-note').textContent = text;
  }

  /** A request starts: what it emits until it is answered is listed under it. */
  begin(label: string): (answer: Answer | Error) => void {
    const emitted = h('ul', { class: 'emitted' });
    const el = h('li', { class: 'req pending' }, h('span', { class: 'what' }, label), emitted);
    this.prepend(this.requests, el);
    this.current = { el, emitted };
    return (answer) => {
      if (this.current?.el === el) this.current = null;
      el.classList.remove('pending');
      if (answer instanceof Error) {
        el.classList.add('failed');
        el.append(h('p', { class: 'problem' }, answer.message));
        return;
      }
      el.dataset.status = String(answer.status);
      el.classList.add(answer.status < 400 ? 'ok' : 'bad');
      el.prepend(h('span', { class: 'status' }, String(answer.status)), ' ');
      el.append(h('span', { class: 'ms' }, ` ${answer.ms} ms`));
      if (answer.problem)
        el.append(h('p', { class: 'problem' }, h('code', { class: 'type' }, answer.problem.type), ' ', h('span', { class: 'detail' }, answer.problem.detail)));
    };
  }

  event(event: ShopEvent): void {
    const el = h(
      'li',
      { class: 'event', 'data-type': event.type },
      h('code', { class: 'type' }, event.type),
      ' ',
      h('time', {}, event.created_at),
      h('details', {}, h('summary', {}, event.id), h('pre', {}, JSON.stringify(event.data.object, null, 2))),
    );
    this.prepend(this.events, el);
    this.current?.emitted.append(h('li', {}, event.type));
  }

  attempt(seen: SeenAttempt): void {
    const d = this.delivery(seen.delivery.event_id, seen.url, seen.delivery.event_type);
    d.sent.set(seen.delivery.attempt, seen);
    d.attempts = seen.attempts;
    this.keep(d, seen.delivery);
  }

  /** The delivery log as the sandbox keeps it (the local server's, read through the API). */
  records(records: DeliveryRecord[]): void {
    const mine = this.endpoints();
    for (const record of records) {
      const url = mine.find((e) => e.id === record.endpoint_id)?.url ?? record.endpoint_id;
      this.keep(this.delivery(record.event_id, url, record.event_type), record);
    }
  }

  private keep(d: Delivery, record: DeliveryRecord): void {
    d.records = [...d.records.filter((r) => r.id !== record.id), record].sort((a, b) => a.attempt - b.attempt);
    this.render(d);
  }

  private delivery(eventId: string, url: string, eventType: string): Delivery {
    const id = `${eventId} ${url}`;
    let d = this.byDelivery.get(id);
    if (!d) {
      d = { eventId, eventType, url, records: [], sent: new Map(), attempts: null, el: h('li', { class: 'delivery' }) };
      this.byDelivery.set(id, d);
      this.prepend(this.deliveries, d.el);
    }
    return d;
  }

  private render(d: Delivery): void {
    const last = d.records.at(-1)!;
    const lastSent = [...d.sent.values()].sort((a, b) => a.delivery.attempt - b.delivery.attempt).at(-1) ?? null;
    const request = lastSent?.request ?? null;
    // a secret is one endpoint's: found by its id, never by a URL another endpoint (or shop) may share
    const secret = this.endpoints().find((e) => e.id === last.endpoint_id)?.secret ?? null;
    Object.assign(d.el.dataset, { eventType: d.eventType, webhookId: d.eventId, status: last.status, attempt: String(last.attempt) });
    d.el.replaceChildren(
      h('div', { class: 'head' }, h('code', { class: 'type' }, d.eventType), ' → ', h('code', { class: 'url' }, d.url)),
      h(
        'p',
        { class: 'state' },
        h('span', { class: `outcome ${last.status}` }, last.status),
        ` · attempt ${last.attempt}${d.attempts ? ` of ${d.attempts}` : ''}`,
        last.next_retry_at ? h('span', { class: 'retry' }, ` · next retry at ${last.next_retry_at} (shop clock)`) : '',
      ),
      h(
        'ol',
        { class: 'attempts' },
        ...d.records.map((r) =>
          h(
            'li',
            { value: String(r.attempt) },
            `${r.attempted_at ?? 'not made yet'}: `,
            r.status === 'succeeded'
              ? h('span', { class: 'code' }, `HTTP ${r.response_code}`)
              : h('span', { class: 'reason' }, r.failure_reason ?? (r.response_code ? `HTTP ${r.response_code}` : r.status)),
          ),
        ),
      ),
      secret ? h('p', { class: 'secret' }, 'signing secret ', h('code', { 'data-secret': '' }, secret)) : '',
      request
        ? h(
            'details',
            { class: 'signed' },
            h('summary', {}, 'signed headers and payload'),
            h(
              'dl',
              {},
              ...Object.entries(request.headers).flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, h('code', { 'data-header': name }, value))]),
            ),
            h('pre', { class: 'payload' }, request.body),
          )
        : '',
    );
  }

  private prepend(list: HTMLOListElement, el: HTMLLIElement): void {
    list.prepend(el);
    while (list.children.length > KEPT) list.lastElementChild!.remove();
  }
}
