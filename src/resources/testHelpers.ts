import type { HandlerSet } from '../services.js';
import { resumePayouts } from './payouts.js';

/** Sandbox-only: the tenant clock and reset. (Simulated checkouts live with orders.) */
export const testHelperHandlers: HandlerSet = {
  advanceClock: ({ tenant, body }) => {
    resumePayouts(tenant);
    const jobsRun = tenant.scheduler.advance(body.seconds * 1000);
    return { object: 'clock', now: tenant.now(), advanced_seconds: body.seconds, jobs_run: jobsRun };
  },

  resetTenant: ({ tenant }) => {
    tenant.reset();
    return { object: 'reset', reset_at: tenant.now() };
  },
};
