import { Problem } from '../engine/problem.js';
import { formatBytes } from '../state/budget.js';
import type { Tenant } from '../state/tenant.js';

/**
 * A per-tenant cap, hit: a clear 422 naming the cap, never a silent drop.
 * The `errors` key is the field path `body` — the request as a whole — since
 * no single member of it is wrong.
 */
export function assertRoom(current: number, cap: number, what: string, remedy = 'Reset the shop (POST /v1/test_helpers/reset) or raise the cap.'): void {
  if (current >= cap) {
    throw Problem.rule(
      'body',
      `this sandbox allows at most ${cap} ${what} per shop`,
      `This shop already has ${current} ${what}; the sandbox caps it at ${cap}. ${remedy}`,
    );
  }
}

/**
 * The shop's byte budget, checked before a write that adds about `bytes`:
 * a 422 that names the budget, what the shop holds, and how to get room.
 */
export function assertBudget(tenant: Tenant, bytes: number): void {
  const { budget } = tenant;
  if (budget.fits(bytes)) return;
  throw Problem.rule(
    'shop.budget',
    `this write needs about ${formatBytes(bytes)} and the shop budget of ${formatBytes(budget.limit)} has ${formatBytes(Math.max(0, budget.limit - budget.used))} left`,
    `This shop holds ${formatBytes(budget.used)} of its ${formatBytes(budget.limit)} budget (records, license keys, API keys, remembered idempotent replies and delivery logs count). ` +
      'Delete what you no longer need (webhook endpoints, API keys) or reset the shop (POST /v1/test_helpers/reset), which frees everything but its API keys.',
  );
}
