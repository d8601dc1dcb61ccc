import type { TenantClock } from './clock.js';
import { unref, type Timer } from '../platform/timers.js';

/** Work that a shop file can carry: what kind of job, its data (JSON), when it is due. */
export interface PlannedJob {
  id: number;
  due: number;
  kind: string;
  data: unknown;
}

interface Job {
  due: number;
  order: number;
  /** a job in process only (a webhook attempt holds a live request): never carried by a snapshot or a file */
  run?: () => void;
  /** a job as data: run by the runner of its kind */
  planned?: PlannedJob;
}

/** What the scheduler tells its observer (the shop's journal). */
export type SchedulerChange = { op: 'plan'; job: PlannedJob } | { op: 'done'; id: number } | { op: 'advanced' };

/**
 * Work due at a moment of tenant time: refunds settling, payouts moving,
 * webhook retries. Jobs run in due order; while one runs, the tenant clock
 * reads its due time, so what it records happened "then". `advance` walks
 * the clock forward through every job in between.
 *
 * Refunds, payouts and webhook retries are planned as data (`plan`, run by
 * `runner`), so a snapshot, a fork or a shop file carries them; a closure
 * (`at`) lives and dies with the process, and no shop's work is one.
 */
export class Scheduler {
  private jobs: Job[] = [];
  /** planned jobs being carried out now, outside the scheduler (a webhook attempt in flight): see `hold` */
  private readonly holding = new Map<number, PlannedJob>();
  private counter = 0;
  private timer: Timer | null = null;
  observer: ((change: SchedulerChange) => void) | null = null;

  constructor(
    private readonly clock: TenantClock,
    /** ticking clocks arm a timer for the next job; frozen ones wait for advance or a request */
    private readonly ticking: boolean,
    /** a failing job is reported and dropped; it never stops the jobs behind it */
    private readonly onError: (err: unknown) => void = () => {},
    /** runs a planned job */
    private readonly runner: (job: PlannedJob) => void = () => {},
  ) {}

  get pending(): number {
    return this.jobs.length;
  }

  at(due: number, run: () => void): void {
    this.insert({ due, order: this.counter++, run });
  }

  after(ms: number, run: () => void): void {
    this.at(this.clock.now() + ms, run);
  }

  /** Plans a job as data: `kind` names its runner. */
  plan(due: number, kind: string, data: unknown): void {
    const job: PlannedJob = { id: this.counter++, due, kind, data };
    this.insert({ due, order: job.id, planned: job });
    this.observer?.({ op: 'plan', job });
  }

  /**
   * Plans a job that is being carried out now, by its kind's own means (a
   * webhook attempt waiting for a connection or in flight): the scheduler
   * never runs it, but a snapshot, a fork or a shop file taken before
   * `release(id)` carries it as owed, due now, so the copy carries it out
   * again (a process that dies meanwhile does too, at its next start).
   */
  hold(kind: string, data: unknown): number {
    const job: PlannedJob = { id: this.counter++, due: this.clock.now(), kind, data };
    this.holding.set(job.id, job);
    this.observer?.({ op: 'plan', job });
    return job.id;
  }

  /** The held job is done; after a clear (a reset, a restore) it is gone already and nothing happens. */
  release(id: number): void {
    if (this.holding.delete(id)) this.observer?.({ op: 'done', id });
  }

  /** The planned jobs, due order (a snapshot's or a file's part), held ones too, and the counter that numbers the next. */
  planned(): { counter: number; jobs: PlannedJob[] } {
    const jobs = this.jobs.flatMap((job) => (job.planned ? [job.planned] : []));
    if (this.holding.size) {
      jobs.push(...this.holding.values());
      jobs.sort((a, b) => a.due - b.due || a.id - b.id);
    }
    return { counter: this.counter, jobs };
  }

  /** Puts planned jobs back (a restore, a fork, a file loaded); the jobs already here stay. */
  load(state: { counter: number; jobs: readonly PlannedJob[] }): void {
    this.counter = Math.max(this.counter, state.counter);
    for (const job of state.jobs) this.insert({ due: job.due, order: job.id, planned: job });
  }

  /** A journal replays a planned job that ran or was dropped. */
  forget(id: number): void {
    this.jobs = this.jobs.filter((job) => job.planned?.id !== id);
  }

  private insert(job: Job): void {
    let lo = 0;
    let hi = this.jobs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.jobs[mid];
      if (other.due < job.due || (other.due === job.due && other.order < job.order)) lo = mid + 1;
      else hi = mid;
    }
    this.jobs.splice(lo, 0, job);
    this.arm();
  }

  /** Runs every job already due. Returns how many ran. */
  runDue(): number {
    let ran = 0;
    while (this.jobs.length && this.jobs[0].due <= this.clock.now()) {
      this.execute(this.jobs.shift()!);
      ran++;
    }
    this.arm();
    return ran;
  }

  /** Moves the clock forward by `ms`, running each job at its own moment. */
  advance(ms: number): number {
    const target = this.clock.now() + ms;
    let ran = 0;
    while (this.jobs.length && this.jobs[0].due <= target) {
      const job = this.jobs.shift()!;
      if (job.due > this.clock.now()) this.clock.advance(job.due - this.clock.now());
      this.execute(job);
      ran++;
    }
    this.clock.advance(target - this.clock.now());
    this.arm();
    this.observer?.({ op: 'advanced' });
    return ran;
  }

  private execute(job: Job): void {
    try {
      if (job.planned) {
        this.observer?.({ op: 'done', id: job.planned.id });
        this.runner(job.planned);
      } else job.run!();
    } catch (err) {
      this.onError(err);
    }
  }

  clear(): void {
    this.jobs = [];
    this.holding.clear();
    this.disarm();
  }

  private arm(): void {
    this.disarm();
    if (!this.ticking || !this.jobs.length) return;
    const wait = Math.max(0, this.jobs[0].due - this.clock.now());
    this.timer = unref(setTimeout(() => this.runDue(), Math.min(wait, 2 ** 31 - 1)));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
