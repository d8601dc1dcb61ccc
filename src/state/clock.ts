/**
 * Time sources. Nothing in the sandbox reads `Date.now()` directly: the
 * system clock is injected (tests pass a ManualClock), and each tenant has its
 * own business clock derived from it so `test_helpers/clock/advance` can move
 * one shop through days of refunds and payouts without touching the others.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests and benchmarks. */
export class ManualClock implements Clock {
  constructor(private ms: number = Date.UTC(2026, 4, 26, 8, 30, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

export type ClockMode = 'running' | 'frozen';

/**
 * How far past its reference date a shop's clock may be moved: 100 years.
 * Far enough for any subscription or retry schedule, and far from where
 * timestamps stop being four-digit years (which broke every create).
 */
export const CLOCK_RANGE_MS = 100 * 365 * 86_400_000;

/**
 * A tenant's clock: starts at the fixtures' reference date (so seeded data is
 * "recent" and responses are byte-identical across runs with one seed) and,
 * in `running` mode, ticks with the system clock. `advance` adds an offset.
 */
export class TenantClock implements Clock {
  private offset = 0;
  private readonly startedAt: number;
  constructor(
    private readonly system: Clock,
    private readonly epoch: number,
    private readonly mode: ClockMode,
  ) {
    this.startedAt = system.now();
  }
  now(): number {
    const ticked = this.mode === 'running' ? this.system.now() - this.startedAt : 0;
    return this.epoch + ticked + this.offset;
  }
  /** The latest moment this clock may be advanced to (see CLOCK_RANGE_MS). */
  get limit(): number {
    return this.epoch + CLOCK_RANGE_MS;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
  /** Sets the clock to a moment (a snapshot restored, a shop file loaded); a running clock ticks on from there. */
  setNow(ms: number): void {
    this.offset += ms - this.now();
  }
  /** Back to the reference date, as if the tenant had just been created. */
  reset(): void {
    this.offset = -(this.mode === 'running' ? this.system.now() - this.startedAt : 0);
  }
}

// the last second written: a write stamps created_at, updated_at and its event's created_at, mostly in one second
let lastSecond = Number.NaN;
let lastText = '';

/** ISO-8601 UTC to the second, the only timestamp format the API emits. */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastText;
}
