import { Problem } from '../engine/problem.js';
import { isoSeconds } from '../state/clock.js';
import { defineJob } from '../state/jobs.js';
import type { Tenant } from '../state/tenant.js';
import type { HandlerSet } from '../services.js';
import { availableBalance } from './balance.js';
import { assertRoom } from './caps.js';
import { chainErrors, fakeTxHash, isRejectedDestination } from './chains.js';
import { paginate } from './list.js';
import { PAYOUT_BROADCAST_MS, PAYOUT_CONFIRM_MS } from './timings.js';

/** Each step is stamped with its scheduled moment, whenever the job actually runs. */
const scheduleBroadcast = defineJob<{ id: string }>('payout.broadcast', (tenant, { id }, due) => {
  const payout = tenant.payouts.get(id);
  if (payout?.status !== 'queued') return;
  const at = isoSeconds(due);
  if (isRejectedDestination(payout.destination_address)) {
    const failed = tenant.payouts.update(id, { status: 'failed', failure_reason: 'destination_rejected', failed_at: at });
    tenant.emit('payout.failed', failed);
    return;
  }
  const sent = tenant.payouts.update(id, { status: 'broadcast', tx_hash: fakeTxHash(payout.chain, tenant.random), broadcast_at: at });
  tenant.emit('payout.broadcast', sent);
  scheduleConfirm(tenant, due + PAYOUT_CONFIRM_MS, { id });
});

const scheduleConfirm = defineJob<{ id: string }>('payout.confirm', (tenant, { id }, due) => {
  if (tenant.payouts.get(id)?.status !== 'broadcast') return;
  tenant.emit('payout.confirmed', tenant.payouts.update(id, { status: 'confirmed', confirmed_at: isoSeconds(due) }));
});

/**
 * Fixture payouts still in flight (queued or broadcast at the reference date)
 * have nobody to move them on: nothing runs when a tenant is created. The
 * first payout request, or clock advance, puts their next step on the
 * scheduler, at the moment it was due — and runs it if that is already past.
 * Payouts made through the API are scheduled when they are made.
 */
export function resumePayouts(tenant: Tenant): void {
  if (tenant.payoutsResumed) return;
  tenant.payoutsResumed = true;
  for (const payout of tenant.payouts.all()) {
    if (payout.status === 'queued') scheduleBroadcast(tenant, Date.parse(payout.created_at) + PAYOUT_BROADCAST_MS, { id: payout.id });
    if (payout.status === 'broadcast') scheduleConfirm(tenant, Date.parse(payout.broadcast_at!) + PAYOUT_CONFIRM_MS, { id: payout.id });
  }
  tenant.scheduler.runDue();
}

export const payoutHandlers = {
  listPayouts: ({ tenant, query, services }) => {
    resumePayouts(tenant);
    return paginate(tenant.payouts, services.cursors, query, {
      filters: { status: query.status },
      where: (p) => !query.status || p.status === query.status,
    });
  },

  createPayout: ({ tenant, body, services }) => {
    const errors = chainErrors(body.chain, body.asset, body.destination_address);
    const fields = Object.keys(errors);
    if (fields.length) {
      throw new Problem(422, `${fields.length === 1 ? '1 field is' : `${fields.length} fields are`} invalid for a ${body.chain} payout.`, { errors });
    }
    resumePayouts(tenant);
    const balance = availableBalance(tenant);
    if (body.amount_cents > balance) {
      throw Problem.rule(
        'body.amount_cents',
        `must be <= ${balance} (the available balance)`,
        `The payout of ${body.amount_cents} exceeds the available balance of ${balance} (paid orders − refunds − payouts that have not failed).`,
      );
    }
    assertRoom(tenant.payouts.size, services.caps.resourcesPerTenant, 'payouts');
    const payout = tenant.payouts.insert({
      id: tenant.ids.next('po'),
      status: 'queued',
      chain: body.chain,
      asset: body.asset,
      amount_cents: body.amount_cents,
      destination_address: body.destination_address,
      memo: body.memo ?? null,
      tx_hash: null,
      failure_reason: null,
      created_at: tenant.now(),
      broadcast_at: null,
      confirmed_at: null,
      failed_at: null,
    });
    tenant.emit('payout.queued', payout);
    scheduleBroadcast(tenant, tenant.clock.now() + PAYOUT_BROADCAST_MS, { id: payout.id });
    return payout;
  },
} satisfies HandlerSet;
