import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answers, makeBusy, sandboxes } from '../support/busyShop.js';

const sandbox = sandboxes();
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('export and import', () => {
  it('an export imported twice gives two identical shops with different keys, identical to the exported one', async () => {
    const t = sandbox();
    await makeBusy(t);
    const exported = await t.get('/v1/test_helpers/export');
    expect(exported.status, exported.text).toBe(200);
    expect(exported.body).toMatchObject({ format: 'sx-sandbox-shop', version: 1 });
    expect(exported.text, 'an export carries no secret').not.toContain(t.key);

    const elsewhere = sandbox();
    const one = await elsewhere.post('/v1/test_helpers/imports', exported.body);
    const two = await elsewhere.post('/v1/test_helpers/imports', exported.body);
    expect(one.status, one.text).toBe(201);
    expect(two.status).toBe(201);
    expect(one.body.secret).not.toBe(two.body.secret);
    expect(one.body.tenant_id).not.toBe(two.body.tenant_id);
    // the shops answer alike, but for the API keys: each has its own (made by the import), the exported one had others
    const withoutKeys = (texts: string[]) => texts.filter((text) => !text.includes('"apik_'));
    const fromOne = await answers(elsewhere, { key: one.body.secret });
    const fromTwo = await answers(elsewhere, { key: two.body.secret });
    expect(fromOne).toEqual(fromTwo);
    expect(withoutKeys(fromOne)).toEqual(withoutKeys(await answers(t)));
  });

  it('a damaged file is 422 saying so; the file of another seed is 422 naming the seed to use', async () => {
    const t = sandbox();
    await makeBusy(t);
    const exported = (await t.get('/v1/test_helpers/export')).body;
    const damaged = await t.post('/v1/test_helpers/imports', { ...exported, shop: { ...exported.shop, written_at: 'later' } });
    expect(damaged.status).toBe(422);
    expect(damaged.body.detail).toMatch(/^the uploaded shop file: fails its checksum/);
    const other = sandbox({ seed: 2 });
    const foreign = await other.post('/v1/test_helpers/imports', exported);
    expect(foreign.status).toBe(422);
    expect(foreign.body.detail).toContain('Start with --seed 1');
  });

  it('sx-sandbox --import <file> makes the shop at start and prints its key', async () => {
    const t = sandbox();
    await makeBusy(t);
    const dir = mkdtempSync(join(tmpdir(), 'sx-export-'));
    dirs.push(dir);
    const file = join(dir, 'bug.json');
    writeFileSync(file, t.sandbox.exportShop());
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--import', file, '--port', '0', '--clock', 'frozen', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (c) => {
          out += c;
          if (/imported:[^\n]*\n/.test(out)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const [, url] = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)!;
      const [, secret] = new RegExp(`imported:\\s+${file.replace(/[.]/g, '\\.')} → shop tnt_\\w+, key (sx_test_\\w+)`).exec(out)!;
      const products = (await (await fetch(`${url}/v1/products?limit=100`, { headers: { Authorization: `Bearer ${secret}` } })).json()) as {
        data: { name: string }[];
      };
      expect(products.data.map((p) => p.name)).toContain('Renamed fixture');
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});
