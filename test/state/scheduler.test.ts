import { describe, expect, it } from 'vitest';
import { ManualClock, TenantClock, isoSeconds } from '../../src/state/clock.js';
import { Scheduler } from '../../src/state/scheduler.js';

function setup() {
  const system = new ManualClock(0);
  const clock = new TenantClock(system, Date.UTC(2026, 4, 26), 'frozen');
  return { system, clock, scheduler: new Scheduler(clock, false) };
}

describe('Scheduler on a tenant clock', () => {
  it('advance runs every job in due order, each at its own moment', () => {
    const { clock, scheduler } = setup();
    const ran: string[] = [];
    const start = clock.now();
    scheduler.after(5000, () => ran.push(`b@${clock.now() - start}`));
    scheduler.after(1000, () => {
      ran.push(`a@${clock.now() - start}`);
      scheduler.after(1000, () => ran.push(`a2@${clock.now() - start}`));
    });
    scheduler.after(60_000, () => ran.push('late'));
    expect(scheduler.advance(10_000)).toBe(3);
    expect(ran).toEqual(['a@1000', 'a2@2000', 'b@5000']);
    expect(clock.now() - start).toBe(10_000);
    expect(scheduler.pending).toBe(1);
  });

  it('runDue runs only what is due; a frozen clock does not move by itself', () => {
    const { system, clock, scheduler } = setup();
    let ran = 0;
    scheduler.after(1000, () => ran++);
    system.advance(5000);
    expect(scheduler.runDue()).toBe(0);
    clock.advance(1000);
    expect(scheduler.runDue()).toBe(1);
    expect(ran).toBe(1);
  });

  it('a failing job is reported and does not stop the ones behind it', () => {
    const system = new ManualClock(0);
    const clock = new TenantClock(system, 0, 'frozen');
    const errors: unknown[] = [];
    const scheduler = new Scheduler(clock, false, (e) => errors.push(e));
    let ran = false;
    scheduler.after(1, () => {
      throw new Error('boom');
    });
    scheduler.after(2, () => (ran = true));
    scheduler.advance(10);
    expect(errors).toHaveLength(1);
    expect(ran).toBe(true);
  });
});

describe('Scheduler.hold: work carried out now, owed until released', () => {
  it('a held job is in planned() (what a snapshot carries), never run here; release and clear take it out', () => {
    const { clock, scheduler } = setup();
    const told: string[] = [];
    scheduler.observer = (change) => told.push(change.op === 'plan' ? `plan ${change.job.id}` : change.op === 'done' ? `done ${change.id}` : change.op);
    scheduler.plan(clock.now() + 1000, 'later', { n: 1 });
    const held = scheduler.hold('now', { n: 2 });
    expect(scheduler.planned().jobs.map((job) => [job.kind, job.due - clock.now()])).toEqual([
      ['now', 0],
      ['later', 1000],
    ]);
    expect(scheduler.pending, 'the scheduler does not run it').toBe(1);
    scheduler.release(held);
    expect(scheduler.planned().jobs.map((job) => job.kind)).toEqual(['later']);
    const again = scheduler.hold('now', { n: 3 });
    scheduler.clear();
    scheduler.release(again);
    expect(scheduler.planned().jobs).toEqual([]);
    expect(told).toEqual(['plan 0', 'plan 1', 'done 1', 'plan 2']);
  });
});

describe('TenantClock', () => {
  it('running clocks tick with the system clock from the epoch; reset returns to it', () => {
    const system = new ManualClock(1_000_000);
    const clock = new TenantClock(system, Date.UTC(2026, 4, 26, 8, 30), 'running');
    system.advance(1500);
    clock.advance(60_000);
    expect(isoSeconds(clock.now())).toBe('2026-05-26T08:31:01Z');
    clock.reset();
    expect(isoSeconds(clock.now())).toBe('2026-05-26T08:30:00Z');
  });
});
