import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, startCli } from '../support/cli.js';
import { createSandbox, ManualClock } from '../../src/index.js';

const KEY = 'sx_test_DemoShopFullAccessKey001';
const headers = { Authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sx-data-'));
  dirs.push(dir);
  return dir;
}

/** The real CLI (through tsx) on a data directory; resolves with its URL once it listens. */
function start(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return startCli(['--data', dir, '--port', '0', '--clock', 'frozen', '--rate-limit-writes', '100000', '--quiet'], children);
}

async function refusal(dir: string): Promise<{ code: number; err: string }> {
  const child = spawn(CLI[0], [...CLI.slice(1), '--data', dir, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const [code] = await once(child, 'exit');
  return { code, err };
}

const product = (i: number) => JSON.stringify({ name: `Kept ${i}`, price_cents: 100 + i, currency: 'USD', type: 'file_download' });

describe('--data: every answered write survives a crash', () => {
  it('a process killed with SIGKILL in the middle of a stream of writes restarts with every answered write present', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const exited = once(first.child, 'exit');
    const answered: { id: string; price_cents: number }[] = [];
    let i = 0;
    // four writers at once, so the kill lands while requests are in flight
    const writer = async () => {
      for (;;) {
        const n = i++;
        let reply: Response;
        try {
          reply = await fetch(`${first.url}/v1/products`, { method: 'POST', headers, body: product(n) });
        } catch {
          return; // the process is gone: this write was never answered
        }
        if (reply.status !== 201) throw new Error(`write ${n}: ${reply.status}`);
        const body = (await reply.json()) as { id: string; price_cents: number };
        answered.push(body);
        if (answered.length === 40) first.child.kill('SIGKILL');
      }
    };
    // a refund and a key change in the stream too: not only inserts
    const order = (await (await fetch(`${first.url}/v1/orders?status=paid&limit=1`, { headers })).json()) as { data: { id: string; total_cents: number }[] };
    const refunded = await fetch(`${first.url}/v1/orders/${order.data[0].id}/refund`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ amount_cents: 1, reason: 'requested_by_buyer' }),
    });
    expect(refunded.status).toBeLessThan(300);
    await Promise.all([writer(), writer(), writer(), writer()]);
    await exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(answered.length).toBeGreaterThanOrEqual(40);

    const second = await start(dir);
    for (const p of answered) {
      const reply = await fetch(`${second.url}/v1/products/${p.id}`, { headers });
      expect(reply.status, p.id).toBe(200);
      expect(((await reply.json()) as { price_cents: number }).price_cents).toBe(p.price_cents);
    }
    const after = (await (await fetch(`${second.url}/v1/orders/${order.data[0].id}`, { headers })).json()) as { refunded_cents: number; refunds: unknown[] };
    expect(after.refunds.length).toBeGreaterThan(0);
    // the id stream goes on where it was: a new product's id sorts after every one answered before the crash
    const next = (await (await fetch(`${second.url}/v1/products`, { method: 'POST', headers, body: product(9999) })).json()) as { id: string };
    expect(answered.every((p) => p.id < next.id)).toBe(true);
    const stopped = once(second.child, 'exit');
    second.child.kill('SIGKILL');
    await stopped;
  }, 60_000);

  it('a damaged shop file is refused at start with its name in the message, and left as it was', async () => {
    const dir = tempDir();
    const sandbox = createSandbox({ dataDir: dir, clock: new ManualClock(), clockMode: 'frozen' });
    await sandbox.close();
    const file = join(dir, 'shops', 'tnt_demo', 'shop.json');
    const text = readFileSync(file, 'utf8');
    const damaged = text.replace('"tenant_id":"tnt_demo"', '"tenant_id":"tnt_dem0"');
    writeFileSync(file, damaged);
    const checksum = await refusal(dir);
    expect(checksum.code).not.toBe(0);
    expect(checksum.err).toContain(file);
    expect(checksum.err).toContain('checksum');
    expect(readFileSync(file, 'utf8')).toBe(damaged);

    writeFileSync(file, text.slice(0, text.length >> 1));
    const truncated = await refusal(dir);
    expect(truncated.err).toContain(file);
    expect(truncated.err).toMatch(/damaged or truncated/);

    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    expect((await refusal(dir)).err).toMatch(/is not an sx-sandbox shop file/);

    // the good file starts again
    writeFileSync(file, text);
    const ok = createSandbox({ dataDir: dir, clock: new ManualClock(), clockMode: 'frozen' });
    await ok.close();
  }, 60_000);

  it('a damaged journal line is refused; a torn last line (a write the process died in) is dropped', () => {
    const dir = tempDir();
    const a = createSandbox({ dataDir: dir, clock: new ManualClock(), clockMode: 'frozen' });
    a.demo.products.update(a.demo.products.all()[0].id, { name: 'Renamed once' });
    a.demo.products.update(a.demo.products.all()[1].id, { name: 'Renamed twice' });
    void a.close();
    const journal = join(dir, 'shops', 'tnt_demo', 'journal.ndjson');
    const text = readFileSync(journal, 'utf8');
    const lines = text.split('\n');
    writeFileSync(journal, `${lines[0]}\n${lines[1].slice(0, 40)}`);
    const torn = createSandbox({ dataDir: dir, clock: new ManualClock(), clockMode: 'frozen' });
    expect(torn.demo.products.all().map((p) => p.name)).toContain('Renamed once');
    expect(torn.demo.products.all().map((p) => p.name)).not.toContain('Renamed twice');
    void torn.close();
    const again = readFileSync(journal, 'utf8'); // the start folded the journal into the file: it is empty now
    expect(again).toBe('');
    writeFileSync(journal, `${lines[1].replace('Renamed twice', 'Renamed thrice')}\n`);
    expect(() => createSandbox({ dataDir: dir, clock: new ManualClock(), clockMode: 'frozen' })).toThrow(
      new RegExp(`${journal.replace(/[.]/g, '\\.')}: line 1 fails its checksum`),
    );
  });

  it('forks and imported shops are kept too: after a restart they answer with their own keys', async () => {
    const dir = tempDir();
    const source = createSandbox({ clock: new ManualClock(), clockMode: 'frozen' });
    source.demo.products.update(source.demo.products.all()[0].id, { name: 'Exported rename' });
    const file = source.exportShop();
    await source.close();

    const a = createSandbox({ dataDir: dir, clock: new ManualClock(), clockMode: 'frozen' });
    const imported = a.importShop(file);
    a.demo.products.update(a.demo.products.all()[1].id, { name: 'Forked rename' });
    const fork = a.fork();
    await a.close();

    const b = createSandbox({ dataDir: dir, clock: new ManualClock(), clockMode: 'frozen' });
    const names = (secret: string) =>
      b.store
        .lookup(secret)!
        .tenant.products.all()
        .map((p) => p.name);
    expect(names(imported.secret)).toContain('Exported rename');
    expect(names(fork.secret)).toContain('Forked rename');
    expect(names(fork.secret)).not.toContain('Exported rename');
    await b.close();
  });
});
