import { Problem } from '../engine/problem.js';
import type { HandlerSet } from '../services.js';
import { isoSeconds } from '../state/clock.js';
import { resumePayouts } from './payouts.js';

/** Sandbox-only: the tenant clock and reset. (Simulated checkouts live with orders.) */
export const testHelperHandlers = {
  advanceClock: ({ tenant, body }) => {
    const limit = tenant.clock.limit;
    if (tenant.clock.now() + body.seconds * 1000 > limit) {
      throw Problem.rule(
        'body.seconds',
        `would move the shop clock past ${isoSeconds(limit)}, the latest it goes (100 years after the reference date)`,
        `The shop clock is at ${tenant.now()} and stops at ${isoSeconds(limit)}; it can move at most ${Math.floor((limit - tenant.clock.now()) / 1000)} s more. Reset the shop (POST /v1/test_helpers/reset) to start over.`,
      );
    }
    resumePayouts(tenant);
    const jobsRun = tenant.scheduler.advance(body.seconds * 1000);
    return { object: 'clock', now: tenant.now(), advanced_seconds: body.seconds, jobs_run: jobsRun };
  },

  resetTenant: ({ tenant }) => {
    tenant.reset();
    return { object: 'reset', reset_at: tenant.now() };
  },
} satisfies HandlerSet;
