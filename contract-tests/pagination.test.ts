import { beforeAll, describe, expect } from 'vitest';
import { walk, walkTwice, withQuery, type Item } from './harness/pages.js';
import { session } from './harness/session.js';
import { sandboxMember } from './harness/members.js';
import { check, skipBecause } from './harness/skip.js';
import { operations, queryParams } from './harness/spec.js';

/**
 * Every paginated list (every GET whose spec takes `cursor`, except the
 * sandbox's per-endpoint delivery log, walked in the webhook tests) is
 * walked end to end twice with different page sizes.
 */
const s = session('pagination');

const paginated = operations.filter((op) => op.method === 'GET' && !op.sandboxOnly && queryParams(op).some((p) => p.name === 'cursor'));

beforeAll(async () => {
  // enough products that their list has several pages, whatever the shop held before
  for (let i = 0; i < 3; i++) {
    const reply = await s.api.post('/v1/products', { name: s.unique(`page ${i}`), type: 'account', price_cents: 100 + i, currency: 'USD' });
    expect(reply.status).toBe(201);
    s.defer(`archive ${reply.body.id}`, () => s.api.delete(`/v1/products/${reply.body.id}`));
  }
});

describe('walking every page', () => {
  for (const op of paginated) {
    check(`${op.operationId}: no duplicates, no gaps, newest first, has_more and next_cursor agree`, async () => {
      const { whole, limit } = await walkTwice(s.api, op.path);
      if (whole.length < 2) {
        skipBecause(`${op.path} holds ${whole.length} item(s) on this target: one page cannot show paging`, { operationIds: [op.operationId], statuses: [] });
      }
      expect(Math.ceil(whole.length / limit)).toBeGreaterThan(1);
    });
  }
});

describe('limit', () => {
  check('1 to 100, 25 by default; outside the bounds is 422 naming query.limit', async () => {
    for (const op of paginated) {
      for (const bad of ['0', '101', '-1']) {
        const reply = await s.api.get(`${op.path}?limit=${bad}`);
        expect(reply.status, `${op.operationId} limit=${bad}`).toBe(422);
        expect(Object.keys(reply.body.errors)).toContain('query.limit');
      }
    }
    const one = await s.api.get('/v1/products?limit=1');
    expect(one.body.data).toHaveLength(1);
    const hundred = await s.api.get('/v1/products?limit=100');
    expect(hundred.status).toBe(200);
    const all = await walk(s.api, '/v1/products', 100);
    const byDefault = await s.api.get('/v1/products');
    expect(byDefault.body.data).toHaveLength(Math.min(25, all.length));
  });
});

describe('cursors', () => {
  check('an altered cursor is 400 invalid_request', async () => {
    const first = await s.api.get('/v1/products?limit=1');
    expect(first.body.has_more).toBe(true);
    const cursor: string = first.body.next_cursor;
    const at = Math.floor(cursor.length / 2);
    const altered = cursor.slice(0, at) + (cursor[at] === 'A' ? 'B' : 'A') + cursor.slice(at + 1);
    for (const bad of [altered, `${cursor}x`, 'contract-suite-not-a-cursor']) {
      const reply = await s.api.get(`/v1/products?limit=1&cursor=${encodeURIComponent(bad)}`);
      expect(reply.status, `cursor ${bad}`).toBe(400);
      expect(reply.body.type).toBe('invalid_request');
    }
  });

  check('the cursor of a filtered list walks that filtered list', async () => {
    const active = await walk(s.api, '/v1/products', 1, { status: 'active' });
    expect(active.every((p) => p.status === 'active')).toBe(true);
  });
});

describe('filters', () => {
  check('products by status and type', async () => {
    for (const status of ['active', 'archived']) {
      const items = await walk(s.api, '/v1/products', 100, { status });
      expect(
        items.every((p) => p.status === status),
        `status=${status}`,
      ).toBe(true);
    }
    const keys = await walk(s.api, '/v1/products', 100, { type: 'license_key' });
    expect(keys.every((p) => p.type === 'license_key')).toBe(true);
  });

  check('orders by status, and by from/to inclusive on created_at', async () => {
    const all = await walk(s.api, '/v1/orders', 100);
    if (all.length === 0) skipBecause('the shop has no orders to filter', { operationIds: ['listOrders'], statuses: [] });
    const status = all[0].status as string;
    const same = await walk(s.api, '/v1/orders', 100, { status });
    expect(same.every((o) => o.status === status)).toBe(true);
    // orders created meanwhile (by another run) may add to a list, never take from it
    expect(same.map((o) => o.id)).toEqual(expect.arrayContaining(all.filter((o) => o.status === status).map((o) => o.id)));

    const middle: Item = all[Math.floor(all.length / 2)];
    // from/to filter on created_at, which the reference's order examples never show
    sandboxMember(middle, 'created_at', { operationIds: [], statuses: [] });
    const from = await walk(s.api, '/v1/orders', 100, { from: middle.created_at });
    expect(from.every((o) => o.created_at >= middle.created_at)).toBe(true);
    expect(from.map((o) => o.id)).toContain(middle.id);
    const to = await walk(s.api, '/v1/orders', 100, { to: middle.created_at });
    expect(to.every((o) => o.created_at <= middle.created_at)).toBe(true);
    expect(to.map((o) => o.id)).toContain(middle.id);

    // a bare date in `to` means the end of that day
    const day = middle.created_at.slice(0, 10);
    const toDay = await walk(s.api, '/v1/orders', 100, { to: day });
    expect(toDay.every((o) => o.created_at.slice(0, 10) <= day)).toBe(true);
    expect(toDay.map((o) => o.id)).toEqual(expect.arrayContaining(all.filter((o) => o.created_at.slice(0, 10) <= day).map((o) => o.id)));
  });

  check('payouts by status', async () => {
    const all = await walk(s.api, '/v1/payouts', 100);
    if (all.length === 0) skipBecause('the shop has no payouts to filter', { operationIds: ['listPayouts'], statuses: [] });
    const status = all[0].status as string;
    const same = await walk(s.api, withQuery('/v1/payouts', { status }), 100);
    expect(same.every((p) => p.status === status)).toBe(true);
  });
});
