import type { TenantClock } from './clock.js';

interface Job {
  due: number;
  order: number;
  run: () => void;
}

/**
 * Work due at a moment of tenant time: refunds settling, payouts moving,
 * webhook retries. Jobs run in due order; while one runs, the tenant clock
 * reads its due time, so what it records happened "then". `advance` walks
 * the clock forward through every job in between.
 */
export class Scheduler {
  private jobs: Job[] = [];
  private counter = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: TenantClock,
    /** ticking clocks arm a timer for the next job; frozen ones wait for advance or a request */
    private readonly ticking: boolean,
    /** a failing job is reported and dropped; it never stops the jobs behind it */
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  get pending(): number {
    return this.jobs.length;
  }

  at(due: number, run: () => void): void {
    const job = { due, order: this.counter++, run };
    let lo = 0;
    let hi = this.jobs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.jobs[mid].due <= due) lo = mid + 1;
      else hi = mid;
    }
    this.jobs.splice(lo, 0, job);
    this.arm();
  }

  after(ms: number, run: () => void): void {
    this.at(this.clock.now() + ms, run);
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
    return ran;
  }

  private execute(job: Job): void {
    try {
      job.run();
    } catch (err) {
      this.onError(err);
    }
  }

  clear(): void {
    this.jobs = [];
    this.disarm();
  }

  private arm(): void {
    this.disarm();
    if (!this.ticking || !this.jobs.length) return;
    const wait = Math.max(0, this.jobs[0].due - this.clock.now());
    this.timer = setTimeout(() => this.runDue(), Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
