import { Problem } from '../engine/problem.js';
import { isoSeconds, type Clock } from '../state/clock.js';
import type { Collection } from '../state/collection.js';
import { defineJob } from '../state/jobs.js';
import type { SxEvent, WebhookDelivery, WebhookEndpoint } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';
import type { EventBus } from './bus.js';
import type { AttemptResult, Deliver, Resolve } from '../platform/types.js';
import { DeliveryLog } from './deliveryLog.js';
import { signatureHeaders } from './signing.js';
import { checkRegistration, deliveryAddresses } from './targets.js';

export interface DispatcherOptions {
  /** per attempt, real milliseconds */
  timeoutMs: number;
  /** delay before each attempt, tenant milliseconds; its length is the number of attempts */
  retryScheduleMs: readonly number[];
  /** public mode: nothing internal is reachable */
  publicMode: boolean;
  /** the system clock, for `webhook-timestamp` */
  system: Clock;
  /** makes one attempt: a Node HTTP POST, a browser's fetch, a host's callback (see platform/) */
  deliver: Deliver;
  /** names → addresses for public mode's checks; without one, public mode refuses every name it cannot check */
  resolve?: Resolve;
  /** told of every finished delivery attempt (the CLI's log); must not throw */
  onAttempt?: (attempt: AttemptReport) => void;
}

/** One finished attempt, as an observer sees it. */
export interface AttemptReport {
  tenant: Tenant;
  delivery: WebhookDelivery;
  url: string;
  attempts: number;
  error?: string;
  /** what was POSTed: the signed headers and the payload; null when no request was made (a refused target) */
  request: SentRequest | null;
}

/** One attempt's request as the receiver got it (the deliverer adds Content-Type, and in Node Content-Length and User-Agent). */
export interface SentRequest {
  headers: Record<string, string>;
  body: string;
}

export interface TestOutcome {
  delivered: boolean;
  response_code: number;
  delivery_ms: number;
}

/** One attempt of one event to one endpoint. */
interface Job {
  tenant: Tenant;
  log: Collection<WebhookDelivery>;
  endpointId: string;
  event: SxEvent;
  body: string;
  attempt: number;
  deliveryId: string;
  /** the tenant's state this attempt belongs to: aborted by a reset or the shop's removal */
  lifetime: AbortSignal;
}

/** Attempts one endpoint may have open at once; more wait in line, so a hanging receiver holds only its own sockets. */
const IN_FLIGHT_PER_ENDPOINT = 8;

/**
 * Attempts one endpoint may owe at once (waiting for their time, in line, or
 * in flight). One more is logged as failed with a reason instead of queued,
 * so a receiver that hangs costs a bounded amount. Documented in the spec.
 */
export const QUEUED_PER_ENDPOINT = 100;

export function subscribes(filters: readonly string[], type: string): boolean {
  return filters.some((f) => f === '*' || f === type || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))));
}

const noResolver: Resolve = async (hostname) => {
  throw new Error(`${hostname} cannot be resolved here (this platform gives the sandbox no resolver)`);
};

const succeeded = (code: number) => code >= 200 && code < 300;

/**
 * An attempt waiting for its time on the shop clock (a retry, or a first
 * attempt when the schedule delays it), as plain JSON: a snapshot, a fork,
 * an export and a `--data` shop file carry it like a refund settling, and the
 * shop they bring back makes it when its clock gets there.
 */
interface PlannedAttempt {
  deliveryId: string;
  endpointId: string;
  event: SxEvent;
  attempt: number;
}

const ATTEMPT_JOB = 'webhook.retry';

/** The shops a dispatcher delivers for (its sandbox's store): a planned attempt goes to the dispatcher that serves its shop. */
interface ShopsServed {
  get(id: string): Tenant | undefined;
}

/** The dispatchers running in this process (a process may hold several sandboxes, each with its own store). */
const running = new Set<WebhookDispatcher>();

/**
 * A shop forked from a shop with a retry pending makes that retry too, to the
 * same URL: a fork starts as its parent is, and its endpoints receive its
 * events as the parent's do, so advancing either clock does the same thing
 * (README "State that lasts"). No dispatcher serving the shop (stopped): nothing.
 */
const planAttempt = defineJob<PlannedAttempt>(ATTEMPT_JOB, (tenant, planned) => {
  for (const dispatcher of running) if (dispatcher.serves(tenant)) return dispatcher.resume(tenant, planned);
});

/** One endpoint of one shop: its attempts share a lane (IN_FLIGHT_PER_ENDPOINT, aborts). */
/**
 * The endpoints of the shop's state that were made through the API: its
 * own records, never fixtures. A state brought back (a restore, a fork, a
 * shop file, `--data`) holds the endpoints its API calls made, so they
 * receive its events and retries as before; read once per state.
 */
function registeredEndpoints(tenant: Tenant): Set<string> {
  const ids = new Set<string>();
  for (const endpoint of tenant.webhooks.ownRecords()) ids.add(endpoint.id);
  return ids;
}

/**
 * Per endpoint, the attempts planned and not finished yet (QUEUED_PER_ENDPOINT
 * bounds them). A state brought back owes the attempts it carried: they take
 * their places in their endpoints' queues again.
 */
function owedAttempts(tenant: Tenant): Map<string, Set<string>> {
  const byEndpoint = new Map<string, Set<string>>();
  for (const job of tenant.scheduler.planned().jobs) {
    if (job.kind !== ATTEMPT_JOB) continue;
    const { endpointId, deliveryId } = job.data as PlannedAttempt;
    let ids = byEndpoint.get(endpointId);
    if (!ids) byEndpoint.set(endpointId, (ids = new Set()));
    ids.add(deliveryId);
  }
  return byEndpoint;
}

const laneOf = (tenant: Tenant, endpointId: string) => `${tenant.id}/${endpointId}`;

/**
 * Fans every event out to the endpoints that subscribe to it, as real,
 * signed HTTP POSTs. Scheduler jobs only START an attempt; its outcome is
 * recorded (and the next retry scheduled on the tenant clock) when the
 * answer comes, so neither an API request nor another tenant ever waits on a
 * receiver. Only endpoints registered through the API (in this shop's
 * state, however it came back) receive anything: fixture endpoints are
 * documentation data.
 */
export class WebhookDispatcher {
  readonly log = new DeliveryLog();
  private readonly lanes = new Map<string, { open: number; waiting: (() => void)[] }>();
  /** attempts in flight, per lane (`tenant/endpoint`): deleting the endpoint or stopping cuts them */
  private readonly aborts = new Map<string, Set<AbortController>>();
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  private shops: ShopsServed | null = null;
  private readonly resolve: Resolve;

  constructor(private readonly options: DispatcherOptions) {
    this.resolve = options.resolve ?? noResolver;
  }

  attach(bus: EventBus): void {
    this.unsubscribe = bus.subscribe(this.onEvent);
  }

  /** Delivers for the shops of `shops`: planned attempts of those shops come back here when due. */
  serve(shops: ShopsServed): void {
    this.shops = shops;
    if (!this.stopped) running.add(this);
  }

  serves(tenant: Tenant): boolean {
    return !this.stopped && this.shops?.get(tenant.id) === tenant;
  }

  /** Registration rules for a URL (422 when refused), resolving the name in public mode. */
  checkTarget(url: string): Promise<URL> {
    return checkRegistration(url, { publicMode: this.options.publicMode, resolve: this.resolve, timeoutMs: this.options.timeoutMs });
  }

  /** Makes an endpoint created through the API deliverable. */
  register(tenant: Tenant, endpointId: string): void {
    tenant.derived.get(registeredEndpoints).add(endpointId);
  }

  isDeliverable(tenant: Tenant, endpointId: string): boolean {
    return tenant.derived.get(registeredEndpoints).has(endpointId) && !!tenant.webhooks.get(endpointId);
  }

  /**
   * The endpoint is gone: attempts not made yet are never made, attempts in
   * flight schedule no retry, and its log is freed (nobody can read it now).
   */
  forget(tenant: Tenant, endpointId: string): void {
    tenant.derived.peek(registeredEndpoints)?.delete(endpointId);
    tenant.derived.peek(owedAttempts)?.delete(endpointId);
    // a deleted endpoint holds no sockets either (a receiver that hangs would otherwise keep them to its timeout)
    for (const abort of this.aborts.get(laneOf(tenant, endpointId)) ?? []) abort.abort();
    this.log.drop(tenant, endpointId);
  }

  private readonly onEvent = (tenant: Tenant, event: SxEvent): void => {
    if (this.stopped) return;
    const ids = tenant.derived.get(registeredEndpoints);
    if (!ids.size) return;
    let body: string | undefined;
    for (const id of ids) {
      const endpoint = tenant.webhooks.get(id);
      if (!endpoint) {
        ids.delete(id);
        continue;
      }
      if (!subscribes(endpoint.events, event.type)) continue;
      body ??= JSON.stringify(event);
      this.plan(
        { tenant, log: tenant.deliveries, endpointId: id, event, body, attempt: 1, deliveryId: '', lifetime: tenant.lifetime },
        this.options.retryScheduleMs[0],
      );
    }
  };

  /**
   * Logs the attempt as pending and starts it now or when the tenant clock
   * reaches it; when the endpoint already owes QUEUED_PER_ENDPOINT attempts,
   * logs it as failed (never made) instead.
   */
  private plan(job: Job, delayMs: number): void {
    const { tenant } = job;
    const queued = this.queueOf(job);
    const full = queued.size >= QUEUED_PER_ENDPOINT;
    const record = this.log.open(
      tenant,
      {
        id: tenant.ids.next('whd'),
        endpoint_id: job.endpointId,
        event_id: job.event.id,
        event_type: job.event.type,
        attempt: job.attempt,
        created_at: tenant.now(),
      },
      full ? { status: 'failed', failure_reason: `queue full: this endpoint already owes ${QUEUED_PER_ENDPOINT} attempts; this one was dropped` } : undefined,
    );
    if (full) return;
    queued.add(record.id);
    // an attempt made now is held as owed while it runs (see start); one that waits for the shop clock is planned as data:
    // either way every copy of the shop makes it
    if (delayMs <= 0) this.start({ ...job, deliveryId: record.id });
    else planAttempt(tenant, tenant.clock.now() + delayMs, { deliveryId: record.id, endpointId: job.endpointId, event: job.event, attempt: job.attempt });
  }

  /** A planned attempt is due: made as the attempt it was planned as, in the shop's state of now. */
  resume(tenant: Tenant, planned: PlannedAttempt): void {
    const job: Job = { tenant, log: tenant.deliveries, ...planned, body: JSON.stringify(planned.event), lifetime: tenant.lifetime };
    this.queueOf(job).add(job.deliveryId);
    this.start(job);
  }

  private queueOf(job: Job): Set<string> {
    const byEndpoint = job.tenant.derived.get(owedAttempts);
    let ids = byEndpoint.get(job.endpointId);
    if (!ids) byEndpoint.set(job.endpointId, (ids = new Set()));
    return ids;
  }

  /** The attempt is over (made, dropped or moot): it no longer takes a place in its endpoint's queue. */
  private settle(job: Job): void {
    // an attempt of a state since replaced holds no place in this one's queues
    if (job.tenant.deliveries !== job.log) return;
    const byEndpoint = job.tenant.derived.peek(owedAttempts);
    const ids = byEndpoint?.get(job.endpointId);
    if (!ids) return;
    ids.delete(job.deliveryId);
    if (!ids.size) byEndpoint!.delete(job.endpointId);
  }

  /** Still owed: the sandbox runs, the shop's state is the one it was planned in, the endpoint exists, its entry is in the log. */
  private current(job: Job): boolean {
    return (
      !this.stopped &&
      !job.lifetime.aborted &&
      job.tenant.deliveries === job.log &&
      this.isDeliverable(job.tenant, job.endpointId) &&
      !!job.log.get(job.deliveryId)
    );
  }

  private start(job: Job): void {
    if (!this.current(job)) {
      this.settle(job);
      return;
    }
    // owed until it is answered: a snapshot or a file taken meanwhile carries it, and the copy makes it again
    const { deliveryId, endpointId, event, attempt } = job;
    const held = job.tenant.scheduler.hold(ATTEMPT_JOB, { deliveryId, endpointId, event, attempt } satisfies PlannedAttempt);
    const lane = laneOf(job.tenant, job.endpointId);
    const work = this.inLane(lane, () => this.run(job));
    this.track(
      work.finally(() => {
        job.tenant.scheduler.release(held);
        this.settle(job);
      }),
    );
  }

  private async run(job: Job): Promise<void> {
    const endpoint = job.tenant.webhooks.get(job.endpointId);
    if (!endpoint || !this.current(job)) return;
    this.log.update(job.log, job.deliveryId, { attempted_at: job.tenant.now() });
    let sent: SentRequest | null = null;
    const result = await this.send(job.tenant, endpoint, job.event, job.body, job.lifetime, (request) => (sent = request)).catch((err: unknown) => ({
      response_code: 0,
      duration_ms: 0,
      error: err instanceof Error ? err.message : String(err),
    }));
    this.record(job, result, sent);
  }

  /** The outcome, at the tenant time the answer came; a failure with attempts left schedules the next one. */
  private record(job: Job, result: AttemptResult, sent: SentRequest | null): void {
    const { tenant } = job;
    if (tenant.deliveries !== job.log || job.lifetime.aborted) return;
    const ok = succeeded(result.response_code);
    const schedule = this.options.retryScheduleMs;
    const retry = !ok && job.attempt < schedule.length && this.current(job);
    const delay = retry ? schedule[job.attempt] : 0;
    this.log.update(job.log, job.deliveryId, {
      status: ok ? 'succeeded' : 'failed',
      response_code: result.response_code,
      duration_ms: result.duration_ms,
      next_retry_at: retry ? isoSeconds(tenant.clock.now() + delay) : null,
      failure_reason: ok ? null : (result.error ?? `the endpoint answered ${result.response_code}`),
    });
    // this attempt's place in the queue goes to its retry
    this.settle(job);
    const delivery = this.options.onAttempt && job.log.get(job.deliveryId);
    const url = tenant.webhooks.get(job.endpointId)?.url ?? '';
    if (retry) this.plan({ ...job, attempt: job.attempt + 1 }, delay);
    // the observer comes last: whatever it does, the retry is already planned
    if (delivery) this.options.onAttempt!({ tenant, delivery, url, attempts: schedule.length, error: result.error, request: sent });
  }

  /** One signed POST; in public mode only to addresses that resolve outside. */
  private async send(
    tenant: Tenant,
    endpoint: WebhookEndpoint,
    event: SxEvent,
    body: string,
    lifetime: AbortSignal,
    onSigned?: (request: SentRequest) => void,
  ): Promise<AttemptResult> {
    const url = new URL(endpoint.url);
    const addresses = await deliveryAddresses(url, { publicMode: this.options.publicMode, resolve: this.resolve, timeoutMs: this.options.timeoutMs });
    const abort = new AbortController();
    // the shop's end (removal, reset) cuts the connection too, at once
    const onEnd = () => abort.abort();
    if (lifetime.aborted) abort.abort();
    else lifetime.addEventListener('abort', onEnd, { once: true });
    const lane = laneOf(tenant, endpoint.id);
    let open = this.aborts.get(lane);
    if (!open) this.aborts.set(lane, (open = new Set()));
    open.add(abort);
    const headers = { ...signatureHeaders(endpoint.signing_secret, event.id, this.options.system.now(), body), 'webhook-event-type': event.type };
    onSigned?.({ headers, body });
    try {
      return await this.options.deliver({
        url,
        body,
        headers,
        timeoutMs: this.options.timeoutMs,
        addresses,
        signal: abort.signal,
      });
    } finally {
      lifetime.removeEventListener('abort', onEnd);
      open.delete(abort);
      if (!open.size) this.aborts.delete(lane);
    }
  }

  /**
   * A synthetic event, sent now and awaited, signed like any other, never
   * retried or logged. A fixture endpoint gets no connection: the honest
   * answer is "not delivered". A refused target in public mode is a 422.
   */
  async sendTest(tenant: Tenant, endpoint: WebhookEndpoint, event: SxEvent): Promise<TestOutcome> {
    if (this.stopped || !this.isDeliverable(tenant, endpoint.id)) return { delivered: false, response_code: 0, delivery_ms: 0 };
    const attempt = this.send(tenant, endpoint, event, JSON.stringify(event), tenant.lifetime);
    this.track(attempt);
    const result = await attempt.catch((err: unknown) => {
      if (err instanceof Problem) throw err;
      return { response_code: 0, duration_ms: 0 };
    });
    return { delivered: succeeded(result.response_code), response_code: result.response_code, delivery_ms: result.duration_ms };
  }

  /** Resolves once no attempt is queued or in flight (tests await it instead of sleeping). */
  idle(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops listening, drops queued attempts and aborts those in flight; retries already scheduled become no-ops. */
  stop(): Promise<void> {
    this.stopped = true;
    running.delete(this);
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const open of this.aborts.values()) for (const abort of open) abort.abort();
    for (const lane of this.lanes.values()) for (const wake of lane.waiting.splice(0)) wake();
    this.lanes.clear();
    return this.idle();
  }

  private track(work: Promise<unknown>): void {
    this.busy++;
    const done = () => {
      if (--this.busy === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    };
    work.then(done, done);
  }

  /** Runs `task` when the lane has room; lanes are per endpoint, so one slow receiver queues only its own attempts. */
  private async inLane(key: string, task: () => Promise<void>): Promise<void> {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { open: 0, waiting: [] }));
    // a finishing attempt hands its slot straight to the next in line, so nobody overtakes the queue
    if (lane.open >= IN_FLIGHT_PER_ENDPOINT) await new Promise<void>((wake) => lane.waiting.push(wake));
    else lane.open++;
    try {
      if (!this.stopped) await task();
    } finally {
      const next = lane.waiting.shift();
      if (next) next();
      else if (--lane.open === 0) this.lanes.delete(key);
    }
  }
}
