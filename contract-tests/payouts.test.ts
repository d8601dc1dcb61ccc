import { beforeAll, describe, expect } from 'vitest';
import type { Reply } from './harness/client.js';
import { expectErrorsName, expectMembers } from './harness/members.js';
import { session } from './harness/session.js';
import { advanceClock, Shop } from './harness/shop.js';
import { check, NotPossible, skipBecause } from './harness/skip.js';
import { hasRoute } from './harness/target.js';

const s = session('payouts');
const shop = new Shop(s);

const TRON = 'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm';
const payout = (extra: Record<string, unknown> = {}) => ({ chain: 'tron', asset: 'USDT', amount_cents: 1, destination_address: TRON, ...extra });
const errorFields = (reply: Reply) => Object.keys(reply.body.errors ?? {});

beforeAll(async () => {
  // a paid order of this run, so the balance covers the payouts below (where the target can make one)
  await shop.simulate();
});

/** Creates a payout, or explains why the shop cannot pay out at all. */
async function create(extra: Record<string, unknown> = {}, idempotencyKey = s.idempotencyKey('payout')) {
  const reply = await s.api.post('/v1/payouts', payout(extra), { idempotencyKey });
  if (reply.status === 422 && errorFields(reply).some((f) => f.endsWith('amount_cents'))) {
    throw new NotPossible(`the shop has no available balance to pay out (${reply.body.detail})`, { operationIds: ['createPayout'] });
  }
  expect(reply.status, reply.text).toBe(201);
  return reply;
}

async function find(id: string) {
  const list = await s.api.get('/v1/payouts?limit=100');
  return list.body.data.find((p: { id: string }) => p.id === id);
}

describe('createPayout', () => {
  check('queues a payout that heads the list', async () => {
    const reply = await create({ memo: 'contract suite' });
    expectMembers(reply.body, { ...payout(), memo: 'contract suite', status: 'queued', tx_hash: null, failure_reason: null, broadcast_at: null });
    // (another run sharing the shop may move its clock meanwhile: the payout may have gone further)
    expectMembers(await find(reply.body.id), { ...payout(), id: reply.body.id, memo: 'contract suite', created_at: reply.body.created_at });
  });

  check('moves queued → broadcast (with tx_hash) → confirmed on the shop clock', async () => {
    const { body } = await create();
    if (!(await advanceClock(s, 30))) {
      skipBecause('the lifecycle runs on the shop clock, and the target has no clock to advance (sandbox-only)', { operationIds: [], statuses: [] });
    }
    const moved = await find(body.id);
    expect(['broadcast', 'confirmed'], 'broadcast once due (or further, if another run moved the clock too)').toContain(moved.status);
    expectMembers(moved, { tx_hash: expect.any(String), broadcast_at: expect.any(String) });
    await advanceClock(s, 3600);
    expectMembers(await find(body.id), { status: 'confirmed', confirmed_at: expect.any(String) });
  });

  check("the sandbox's magic address makes a payout fail with destination_rejected", async () => {
    if (!hasRoute('advanceClock')) {
      skipBecause('magic failing addresses are a sandbox feature, and the target has no test helpers', { operationIds: [], statuses: [] });
    }
    const { body } = await create({ chain: 'ethereum', asset: 'USDC', destination_address: '0x52908400098527886E0F7030069857D2E416dead' });
    await advanceClock(s, 3600);
    expectMembers(await find(body.id), { status: 'failed', failure_reason: 'destination_rejected', failed_at: expect.any(String) });
  });

  check('the same Idempotency-Key pays out once', async () => {
    const idempotencyKey = s.idempotencyKey('once');
    const first = await create({}, idempotencyKey);
    const again = await s.api.post('/v1/payouts', payout(), { idempotencyKey });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    const list = await s.api.get('/v1/payouts?limit=100');
    expect(list.body.data.filter((p: { id: string }) => p.id === first.body.id)).toHaveLength(1);
    expect((await s.api.post('/v1/payouts', payout({ amount_cents: 2 }), { idempotencyKey })).status).toBe(409);
  });
});

describe('payout rules (422, naming the field)', () => {
  check('an asset the chain does not carry', async () => {
    const reply = await s.api.post(
      '/v1/payouts',
      payout({ chain: 'bitcoin', asset: 'USDT', destination_address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }),
    );
    expect(reply.status).toBe(422);
    expectErrorsName(reply.body, 'body.asset');
  });

  check("an address in another chain's format", async () => {
    const reply = await s.api.post('/v1/payouts', payout({ destination_address: '0x52908400098527886E0F7030069857D2E4169EE7' }));
    expect(reply.status).toBe(422);
    expectErrorsName(reply.body, 'body.destination_address');
  });

  check('more than the available balance', async () => {
    const reply = await s.api.post('/v1/payouts', payout({ amount_cents: 9_000_000_000_000 }));
    expect(reply.status).toBe(422);
    expectErrorsName(reply.body, 'body.amount_cents');
  });
});
