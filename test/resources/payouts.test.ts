import { describe, expect, it } from 'vitest';
import { balanceOf } from '../../src/resources/balance.js';
import { ASSETS_BY_CHAIN } from '../../src/resources/chains.js';
import { PAYOUT_BROADCAST_MS, PAYOUT_CONFIRM_MS, REFUND_SETTLE_MS } from '../../src/resources/timings.js';
import { loadSpec } from '../../src/spec/load.js';
import { TestSandbox } from '../support/sandbox.js';

const TRON = 'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm';
const payout = (t: TestSandbox, body: Record<string, unknown> = {}, options?: Parameters<TestSandbox['post']>[2]) =>
  t.post('/v1/payouts', { chain: 'tron', asset: 'USDT', amount_cents: 1000, destination_address: TRON, ...body }, options);
const fixtureBalance = (t: TestSandbox) => balanceOf(t.sandbox.seed.orders.items, t.sandbox.seed.payouts.items);

/** Types of the events about one payout. */
function eventsOf(t: TestSandbox) {
  const seen: { type: string; id: string; at: string }[] = [];
  t.sandbox.bus.subscribe((_tenant, e) => {
    if (e.type.startsWith('payout.')) seen.push({ type: e.type, id: (e.data.object as { id: string }).id, at: e.created_at });
  });
  return (id: string) => seen.filter((e) => e.id === id).map((e) => `${e.type}@${e.at.slice(11, 19)}`);
}

describe('payouts', () => {
  it('lists newest first, filters by status and pages; in-flight fixture payouts move on with the clock', async () => {
    const t = new TestSandbox();
    const list = (await t.get('/v1/payouts?limit=3')).body;
    expect(list.data.map((p: { status: string }) => p.status)).toEqual(['queued', 'broadcast', 'confirmed']);
    expect(list.data[2].id).toBe('po_01J2PVZ8KK');
    const [queued, broadcast] = list.data;
    const failed = (await t.get('/v1/payouts?status=failed')).body.data;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((p: { failure_reason: string }) => p.failure_reason === 'destination_rejected')).toBe(true);
    const pages: string[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: any = (await t.get(`/v1/payouts?status=confirmed&limit=10${cursor ? `&cursor=${cursor}` : ''}`)).body;
      pages.push(...page.data.map((p: { id: string }) => p.id));
      cursor = page.next_cursor;
    }
    expect(pages.length).toBe(t.sandbox.seed.payouts.items.filter((p) => p.status === 'confirmed').length);
    expect(new Set(pages).size).toBe(pages.length);

    const advance = (seconds: number) => t.post('/v1/test_helpers/clock/advance', { seconds });
    await advance(12);
    const broadcastNow = (await t.get('/v1/payouts?limit=2')).body.data;
    expect(broadcastNow[0]).toMatchObject({ id: queued.id, status: 'broadcast', broadcast_at: '2026-05-26T08:30:12Z' });
    expect(broadcastNow[0].tx_hash).toEqual(expect.any(String));
    await advance(58);
    expect((await t.get('/v1/payouts?limit=2')).body.data[1]).toMatchObject({ id: broadcast.id, status: 'confirmed', confirmed_at: '2026-05-26T08:31:10Z' });
    await advance(3600);
    expect((await t.get('/v1/payouts?status=confirmed&limit=2')).body.data.map((p: { id: string }) => p.id)).toEqual([queued.id, broadcast.id]);
  });

  it('queued → broadcast (tx_hash) → confirmed on the shop clock, announcing each step at its moment', async () => {
    const t = new TestSandbox();
    const events = eventsOf(t);
    const created = await payout(t, {
      chain: 'base',
      asset: 'USDC',
      amount_cents: 25000,
      destination_address: '0x52908400098527886E0F7030069857D2E416aa11',
      memo: 'weekly',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'queued',
      chain: 'base',
      asset: 'USDC',
      amount_cents: 25000,
      memo: 'weekly',
      tx_hash: null,
      failure_reason: null,
      created_at: '2026-05-26T08:30:00Z',
      broadcast_at: null,
      confirmed_at: null,
      failed_at: null,
    });
    const id = created.body.id;
    const read = async () => (await t.get('/v1/payouts?limit=1')).body.data[0];
    t.sandbox.demo.scheduler.advance(PAYOUT_BROADCAST_MS - 1000);
    expect((await read()).status).toBe('queued');
    t.sandbox.demo.scheduler.advance(1000);
    const sent = await read();
    expect(sent).toMatchObject({ id, status: 'broadcast', broadcast_at: '2026-05-26T08:30:20Z' });
    expect(sent.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    t.sandbox.demo.scheduler.advance(PAYOUT_CONFIRM_MS);
    expect(await read()).toMatchObject({ id, status: 'confirmed', tx_hash: sent.tx_hash, confirmed_at: '2026-05-26T08:32:20Z', failed_at: null });
    expect(events(id)).toEqual(['payout.queued@08:30:00', 'payout.broadcast@08:30:20', 'payout.confirmed@08:32:20']);
  });

  it('the asset must be carried by the chain (422 naming body.asset)', async () => {
    const t = new TestSandbox();
    const btc = await payout(t, { chain: 'tron', asset: 'BTC' });
    expect(btc.status).toBe(422);
    expect(btc.body.errors).toEqual({ 'body.asset': ['must be one of USDT, USDC, TRX on tron'] });
    const both = await payout(t, { chain: 'bitcoin', asset: 'ETH', destination_address: TRON });
    expect(Object.keys(both.body.errors).sort()).toEqual(['body.asset', 'body.destination_address']);
    expect(both.body.detail).toBe('2 fields are invalid for a bitcoin payout.');
    expect((await payout(t, { chain: 'dogecoin' })).status).toBe(422);
  });

  it("the address must have the chain's format (422 naming body.destination_address)", async () => {
    const t = new TestSandbox();
    const cases: [string, string, string[], string[]][] = [
      [
        'tron',
        'USDT',
        ['TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7', TRON],
        [
          '0x52908400098527886E0F7030069857D2E416aa11',
          'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Q',
          'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Q0',
          'AXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm',
        ],
      ],
      [
        'ethereum',
        'ETH',
        ['0x52908400098527886E0F7030069857D2E416aa11'],
        ['52908400098527886E0F7030069857D2E416aa11', '0x52908400098527886E0F7030069857D2E416aa1', '0x52908400098527886E0F7030069857D2E416aa1g', TRON],
      ],
      ['base', 'USDC', ['0xabcdefABCDEF0123456789abcdefABCDEF012345'], ['0xabcdefABCDEF0123456789abcdefABCDEF01234']],
      ['polygon', 'POL', ['0x0000000000000000000000000000000000000001'], ['0X0000000000000000000000000000000000000001']],
      ['bsc', 'BNB', ['0x1111111111111111111111111111111111111111'], ['0x11111111111111111111111111111111111111111']],
      [
        'bitcoin',
        'BTC',
        [
          'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
          'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297',
          '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
          '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
        ],
        [
          'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ',
          'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdb',
          '2BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
          '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0',
          'tb1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
        ],
      ],
      [
        'solana',
        'SOL',
        ['7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV', '4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T'],
        ['7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLt0', 'short', '0x52908400098527886E0F7030069857D2E416aa11'],
      ],
    ];
    for (const [chain, asset, valid, invalid] of cases) {
      for (const address of valid)
        expect((await payout(t, { chain, asset, destination_address: address, amount_cents: 1 })).status, `${chain} ${address}`).toBe(201);
      for (const address of invalid) {
        const reply = await payout(t, { chain, asset, destination_address: address, amount_cents: 1 });
        expect(reply.status, `${chain} ${address}`).toBe(422);
        expect(reply.body.errors['body.destination_address'][0], chain).toMatch(`must be a ${chain} address`);
      }
    }
  });

  it('the amount may not exceed the available balance (422 naming it); exactly the balance is fine', async () => {
    const t = new TestSandbox();
    const balance = fixtureBalance(t);
    const tooMuch = await payout(t, { amount_cents: balance + 1 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.detail).toContain(`available balance of ${balance}`);
    expect(tooMuch.body.errors).toEqual({ 'body.amount_cents': [`must be <= ${balance} (the available balance)`] });
    expect((await payout(t, { amount_cents: balance })).status).toBe(201);
    const empty = await payout(t, { amount_cents: 1 });
    expect(empty.body.detail).toContain('available balance of 0');
    // paid orders add to it, refunds take from it
    await t.post('/v1/test_helpers/orders', { product: 'prod_01J2PVQR41', email: 'a@example.com' });
    await t.post('/v1/orders/ord_01J2PVP4XJ/refund', { amount_cents: 900 });
    expect((await payout(t, { amount_cents: 12001 })).body.detail).toContain('available balance of 12000');
    expect((await payout(t, { amount_cents: 0 })).status).toBe(422);
  });

  it("a magic address (containing 'dead' or 'Dead') fails at broadcast and returns the funds", async () => {
    const t = new TestSandbox();
    const events = eventsOf(t);
    const balance = fixtureBalance(t);
    const tron = await payout(t, { amount_cents: 100, destination_address: 'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZDead' });
    const eth = await payout(t, {
      chain: 'ethereum',
      asset: 'USDC',
      amount_cents: balance - 100,
      destination_address: '0x52908400098527886E0F7030069857D2E416dead',
      memo: 'test failure',
    });
    expect([tron.body.status, eth.body.status]).toEqual(['queued', 'queued']);
    expect((await payout(t, { amount_cents: 1 })).status).toBe(422);
    t.sandbox.demo.scheduler.advance(PAYOUT_BROADCAST_MS);
    const failed = (await t.get('/v1/payouts?status=failed&limit=2')).body.data;
    expect(failed.map((p: { id: string }) => p.id)).toEqual([eth.body.id, tron.body.id]);
    expect(failed[0]).toMatchObject({
      status: 'failed',
      failure_reason: 'destination_rejected',
      tx_hash: null,
      broadcast_at: null,
      confirmed_at: null,
      failed_at: '2026-05-26T08:30:20Z',
    });
    expect(events(eth.body.id)).toEqual(['payout.queued@08:30:00', 'payout.failed@08:30:20']);
    t.sandbox.demo.scheduler.advance(PAYOUT_CONFIRM_MS);
    expect((await t.get('/v1/payouts?status=failed&limit=1')).body.data[0].id).toBe(eth.body.id);
    expect((await payout(t, { amount_cents: balance })).status).toBe(201);
  });

  it('a retried payout with the same Idempotency-Key is created once', async () => {
    const t = new TestSandbox();
    const events = eventsOf(t);
    const balance = fixtureBalance(t);
    const key = { headers: { 'Idempotency-Key': 'payout-7f3a' } };
    const first = await payout(t, { amount_cents: balance }, key);
    const again = await payout(t, { amount_cents: balance }, key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(events(first.body.id)).toEqual(['payout.queued@08:30:00']);
    const queued = (await t.get('/v1/payouts?status=queued')).body.data.filter((p: { amount_cents: number }) => p.amount_cents === balance);
    expect(queued).toHaveLength(1);
    expect((await payout(t, { amount_cents: balance - 1 }, key)).status).toBe(409);
  });

  it('listing needs payouts:read, creating needs payouts:write', async () => {
    const t = new TestSandbox();
    const { secret } = t.sandbox.store.mint(t.sandbox.demo, { name: 'reader', abilities: ['payouts:read'], mode: 'test' });
    expect((await t.get('/v1/payouts', { key: secret })).status).toBe(200);
    const denied = await payout(t, {}, { key: secret });
    expect(denied.status).toBe(403);
    expect(denied.body.required_ability).toBe('payouts:write');
    const { secret: orders } = t.sandbox.store.mint(t.sandbox.demo, { name: 'orders', abilities: ['orders:read'], mode: 'test' });
    expect((await t.get('/v1/payouts', { key: orders })).status).toBe(403);
  });

  it('the spec states the lifecycle timings the sandbox uses', () => {
    const paths = (loadSpec().spec as any).paths;
    const payouts = paths['/v1/payouts'].post.description.replace(/\s+/g, ' ');
    expect(payouts).toContain(`${PAYOUT_BROADCAST_MS / 1000} seconds after it is queued`);
    expect(payouts).toContain(`${PAYOUT_CONFIRM_MS / 60_000} minutes after the broadcast`);
    const refunds = paths['/v1/orders/{uuid}/refund'].post.description.replace(/\s+/g, ' ');
    expect(refunds).toContain(`${REFUND_SETTLE_MS / 1000} seconds later`);
  });

  it("the spec's asset table is the one the sandbox enforces", () => {
    const asset = (loadSpec().spec as any).components.schemas.Asset;
    const rows = [...asset.description.matchAll(/^\| (\w+) \| ([A-Z, ]+) \|$/gm)].map((m) => [m[1], m[2].split(', ')]);
    expect(Object.fromEntries(rows)).toEqual(ASSETS_BY_CHAIN);
    expect(Object.keys(ASSETS_BY_CHAIN).sort()).toEqual([...(loadSpec().spec as any).components.schemas.Chain.enum].sort());
  });
});
