/**
 * A webhook retry waiting on the shop clock is planned as data (a
 * `webhook.retry` job), so every copy of the shop carries it: a restored
 * snapshot, a fork, an imported export, a `--data` restart and the browser
 * sandbox's saved shop all make the retry when their clock gets there,
 * signed, and their delivery log then reads as an uninterrupted shop's.
 * An attempt in flight at the snapshot is carried as owed and made again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBrowserSandbox, type BrowserSandbox } from '../../src/browser.js';
import type { Receiver } from '../support/receiver.js';
import type { TestSandbox } from '../support/sandbox.js';
import { newProduct, receiver, register, settle, webhookSandbox } from './harness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const browsers: BrowserSandbox[] = [];
afterEach(async () => {
  for (const sandbox of browsers.splice(0)) await sandbox.close();
});

type Delivery = Record<string, unknown>;

/** The delivery log as a reader compares it: `duration_ms` is real time, so it is left out. */
const comparable = (log: Delivery[]) => log.map(({ duration_ms: _, ...rest }) => rest);

async function logOf(t: TestSandbox, endpointId: string, key?: string): Promise<Delivery[]> {
  const reply = await t.get(`/v1/webhooks/${endpointId}/deliveries?limit=100`, { key });
  expect(reply.status, reply.text).toBe(200);
  return comparable(reply.body.data);
}

/** An endpoint on `r` whose first delivery failed (500): attempt 2 waits 5 s on the shop clock. */
async function failedOnce(t: TestSandbox, r: Receiver) {
  const endpoint = await register(t, r, ['product.created']);
  r.respond(500);
  expect((await t.post('/v1/products', newProduct())).status).toBe(201);
  await settle(t);
  expect(r.arrivals.map((a) => a.answered)).toEqual([500]);
  return endpoint;
}

/** Moves the shop's clock past the retry and waits for the attempt. */
async function pastTheRetry(t: TestSandbox, key?: string): Promise<void> {
  const moved = await t.post('/v1/test_helpers/clock/advance', { seconds: 10 }, { key });
  expect(moved.status, moved.text).toBe(200);
  await settle(t);
}

/** What an uninterrupted shop's log reads after the same steps. */
async function uninterrupted(): Promise<Delivery[]> {
  const t = webhookSandbox();
  const r = await receiver();
  const endpoint = await failedOnce(t, r);
  await pastTheRetry(t);
  expect(r.arrivals.map((a) => a.answered)).toEqual([500, 204]);
  const log = await logOf(t, endpoint.id);
  expect(log.map((d) => [d.attempt, d.status])).toEqual([
    [2, 'succeeded'],
    [1, 'failed'],
  ]);
  return log;
}

/** The retry arrived once more, signed (the receiver verifies every signature), for the same event. */
function retriedOnceMore(r: Receiver, before: number): void {
  expect(r.arrivals).toHaveLength(before + 1);
  expect(r.rejected).toEqual([]);
  const last = r.arrivals.at(-1)!;
  expect(last.answered).toBe(204);
  expect(last.headers['webhook-id']).toBe(r.arrivals[0].headers['webhook-id']);
  expect(last.body).toBe(r.arrivals[0].body);
}

describe('a pending webhook retry travels with the shop', () => {
  it('a restored snapshot makes the retry it held when its clock gets there', async () => {
    const expected = await uninterrupted();
    const t = webhookSandbox();
    const r = await receiver();
    const endpoint = await failedOnce(t, r);
    expect((await t.post('/v1/test_helpers/snapshots', { name: 'pending' })).status).toBe(201);
    await pastTheRetry(t);
    retriedOnceMore(r, 1);
    expect((await t.post('/v1/test_helpers/snapshots/restore', { name: 'pending' })).status).toBe(200);
    const pending = await logOf(t, endpoint.id);
    expect(pending[0]).toMatchObject({ attempt: 2, status: 'pending' });
    await pastTheRetry(t);
    retriedOnceMore(r, 2);
    expect(await logOf(t, endpoint.id)).toEqual(expected);
  });

  it('a fork makes its own copy of the retry, and so does its parent (both, to the same URL)', async () => {
    const expected = await uninterrupted();
    const t = webhookSandbox();
    const r = await receiver();
    const endpoint = await failedOnce(t, r);
    const fork = await t.post('/v1/test_helpers/forks', {});
    expect(fork.status, fork.text).toBe(201);
    await pastTheRetry(t, fork.body.secret);
    retriedOnceMore(r, 1);
    expect(await logOf(t, endpoint.id, fork.body.secret)).toEqual(expected);
    await pastTheRetry(t);
    retriedOnceMore(r, 2);
    expect(await logOf(t, endpoint.id)).toEqual(expected);
  });

  it('an attempt in flight when the snapshot is taken is owed by the restored shop, which makes it again', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    const endpoint = await register(t, r, ['product.created']);
    r.respond('hang');
    expect((await t.post('/v1/products', newProduct())).status).toBe(201);
    await r.waitFor(1);
    expect((await t.post('/v1/test_helpers/snapshots', { name: 'midflight' })).status).toBe(201);
    r.release(204);
    await settle(t);
    const answered = await logOf(t, endpoint.id);
    expect(answered.map((d) => [d.attempt, d.status])).toEqual([[1, 'succeeded']]);

    expect((await t.post('/v1/test_helpers/snapshots/restore', { name: 'midflight' })).status).toBe(200);
    // the restored shop's first request runs what it owes: the attempt goes out again, signed, for the same event
    const pending = await logOf(t, endpoint.id);
    expect(pending.map((d) => [d.attempt, d.status])).toEqual([[1, 'pending']]);
    await settle(t);
    retriedOnceMore(r, 1);
    expect(await logOf(t, endpoint.id)).toEqual(answered);
  });

  it('a carried retry for an endpoint deleted meanwhile makes no attempt (as in an uninterrupted shop)', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    const endpoint = await failedOnce(t, r);
    expect((await t.post('/v1/test_helpers/snapshots', { name: 'pending' })).status).toBe(201);
    expect((await t.post('/v1/test_helpers/snapshots/restore', { name: 'pending' })).status).toBe(200);
    expect((await t.delete(`/v1/webhooks/${endpoint.id}`)).status).toBe(200);
    const moved = await t.post('/v1/test_helpers/clock/advance', { seconds: 10 });
    expect(moved.body.jobs_run, 'the retry was still planned: it ran, and made nothing').toBe(1);
    await settle(t);
    expect(r.arrivals).toHaveLength(1);
    expect(r.connections).toBe(1);
  });

  it('an imported export makes the retry', async () => {
    const expected = await uninterrupted();
    const t = webhookSandbox();
    const r = await receiver();
    const endpoint = await failedOnce(t, r);
    const exported = await t.get('/v1/test_helpers/export');
    const elsewhere = webhookSandbox();
    const imported = await elsewhere.post('/v1/test_helpers/imports', exported.body);
    expect(imported.status, imported.text).toBe(201);
    await pastTheRetry(elsewhere, imported.body.secret);
    retriedOnceMore(r, 1);
    expect(await logOf(elsewhere, endpoint.id, imported.body.secret)).toEqual(expected);
  });

  it('a --data restart makes the retry the last run left planned', async () => {
    const expected = await uninterrupted();
    const dir = mkdtempSync(join(tmpdir(), 'sx-retry-'));
    dirs.push(dir);
    const first = webhookSandbox({ dataDir: dir });
    const r = await receiver();
    const endpoint = await failedOnce(first, r);
    await first.sandbox.close();
    const second = webhookSandbox({ dataDir: dir });
    expect((await logOf(second, endpoint.id))[0]).toMatchObject({ attempt: 2, status: 'pending' });
    await pastTheRetry(second);
    retriedOnceMore(r, 1);
    expect(await logOf(second, endpoint.id)).toEqual(expected);
    // and the endpoint the last run made receives this run's events too
    expect((await second.post('/v1/products', newProduct('After the restart'))).status).toBe(201);
    await settle(second);
    expect(r.arrivals).toHaveLength(3);
    expect(r.arrivals[2].event.data.object.name).toBe('After the restart');
    expect(r.rejected).toEqual([]);
  });

  it("the browser sandbox's saved shop resumes with the retry planned", async () => {
    const expected = await uninterrupted();
    const r = await receiver();
    const call = async (sandbox: BrowserSandbox, method: string, path: string, body?: unknown) => {
      const reply = await sandbox.fetch(
        new Request(`https://api.sellix.gg${path}`, {
          method,
          headers: { Authorization: `Bearer ${sandbox.demoKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      return { status: reply.status, body: (await reply.json()) as Record<string, any> };
    };
    const page = createBrowserSandbox({ clockMode: 'frozen' });
    browsers.push(page);
    const endpoint = await call(page, 'POST', '/v1/webhooks', { url: r.url('/hook'), events: ['product.created'] });
    expect(endpoint.status).toBe(201);
    r.trust(endpoint.body.signing_secret);
    r.respond(500);
    await call(page, 'POST', '/v1/products', newProduct());
    await page.webhooks.idle();
    expect(r.arrivals).toHaveLength(1);
    const saved = page.exportShop();
    await page.close();

    const reloaded = createBrowserSandbox({ clockMode: 'frozen', shopFile: saved });
    browsers.push(reloaded);
    expect((await call(reloaded, 'POST', '/v1/test_helpers/clock/advance', { seconds: 10 })).status).toBe(200);
    await reloaded.webhooks.idle();
    retriedOnceMore(r, 1);
    const log = await call(reloaded, 'GET', `/v1/webhooks/${endpoint.body.id}/deliveries?limit=100`);
    expect(comparable(log.body.data)).toEqual(expected);
  });
});
