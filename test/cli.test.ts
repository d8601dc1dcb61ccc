import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultText, FLAGS, usageOf } from '../src/cliFlags.js';
import { CLI, startCli } from './support/cli.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

/** Waits until the CLI has printed a line matching `pattern` (bounded by the test timeout). */
async function printed(output: () => string, pattern: RegExp): Promise<string> {
  for (;;) {
    const line = output()
      .split(/\r?\n/)
      .find((l) => pattern.test(l));
    if (line !== undefined) return line;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const demoGet = (url: string, path: string) => fetch(`${url}${path}`, { headers: { Authorization: 'Bearer sx_test_DemoShopFullAccessKey001' } });

/** Runs the CLI expecting it to refuse: its exit code and what it said on stderr. */
async function refusal(args: string[]): Promise<{ code: number; err: string }> {
  const child = spawn(CLI[0], [...CLI.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const [code] = await once(child, 'exit');
  return { code, err };
}

describe('sx-sandbox command line', () => {
  it('prints the base URL and the demo key, and serves the documented products with it', async () => {
    const { child, banner } = await startCli(['--port', '0', '--quiet'], children);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1];
    const key = /test key:\s+(sx_test_\w+)/.exec(banner)![1];
    expect(key).toBe('sx_test_DemoShopFullAccessKey001');
    const reply = await fetch(`${url}/v1/products`, { headers: { Authorization: `Bearer ${key}` } });
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { data: { id: string }[] };
    expect(body.data.map((p) => p.id)).toContain('prod_01J2PVQR41');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('--key replaces the demo key', async () => {
    const { banner } = await startCli(['--port', '0', '--quiet', '--key', 'sx_test_MyOwnKeyForFrontend00001'], children);
    expect(banner).toContain('sx_test_MyOwnKeyForFrontend00001');
  });

  it('a bad flag value is refused with the usage text and exit code 2', async () => {
    const { code, err } = await refusal(['--clock', 'sideways']);
    expect(code).toBe(2);
    expect(err).toContain('--clock must be running or frozen');
    expect(err).toContain('Usage: sx-sandbox');
  });
});

describe('sx-sandbox usage mistakes and --help', () => {
  it('an unknown flag is one line naming it, the usage line, and exit code 2', async () => {
    const { code, err } = await refusal(['--rate-limit-read', '5']);
    expect(code).toBe(2);
    expect(err.trimEnd().split('\n')).toEqual([
      "sx-sandbox: unknown flag '--rate-limit-read' (did you mean --rate-limit-reads?)",
      'Usage: sx-sandbox [options]; sx-sandbox --help lists every flag.',
    ]);
  });

  it('a bad value is one line naming the flag and what it takes, and exit code 2', async () => {
    const { code, err } = await refusal(['--max-tenants', 'lots']);
    expect(code).toBe(2);
    expect(err.trimEnd().split('\n')[0]).toBe("sx-sandbox: --max-tenants must be a whole number ≥ 1, got 'lots'");
    expect(err.trimEnd().split('\n')).toHaveLength(2);
  });

  it('--help prints every flag of the table with its default, and exits 0', () => {
    const help = execFileSync(CLI[0], [...CLI.slice(1), '--help'], { encoding: 'utf8' });
    for (const flag of FLAGS) {
      const line = help.split('\n').find((l) => l.replace(/^ +(-\w, )?/, '').startsWith(`${usageOf(flag)} `));
      expect(line, usageOf(flag)).toBeDefined();
      expect(line).toContain(defaultText(flag));
    }
  });
});

describe('sx-sandbox --key', () => {
  it('refuses a live key as the demo key', async () => {
    const { code, err } = await refusal(['--key', 'sx_live_MyOwnKeyForFrontend00001']);
    expect(code).toBe(2);
    expect(err).toContain('must be an sx_test_ key');
  });
});

describe('sx-sandbox --version and a port in use', () => {
  it('--version prints the package version and exits 0', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(execFileSync(CLI[0], [...CLI.slice(1), '--version'], { encoding: 'utf8' }).trim()).toBe(version);
    expect(execFileSync(CLI[0], [...CLI.slice(1), '-v'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('a port in use says so, suggests --port 0 or another port, and exits 1 without a stack', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const { code, err } = await refusal(['--port', String(port)]);
      expect(code).toBe(1);
      expect(err).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(err).toContain('--port 0');
      expect(err).toContain('--port <n>');
      expect(err).not.toMatch(/\n\s+at /);
      expect(err.trim().split('\n')).toHaveLength(1);
    } finally {
      taken.close();
    }
  });

  it('--log takes pretty or json only', async () => {
    const { code, err } = await refusal(['--log', 'loud']);
    expect(code).toBe(2);
    expect(err).toContain('--log must be pretty or json');
  });
});

describe('the request log on stdout', () => {
  it('is JSON lines when stdout is not a terminal', async () => {
    const { output, url } = await startCli(['--port', '0'], children);
    await demoGet(url, '/v1/orders/ord_nope');
    const line = await printed(output, /^\{/);
    expect(JSON.parse(line)).toMatchObject({
      kind: 'request',
      method: 'GET',
      path: '/v1/orders/ord_nope',
      status: 404,
      problem_type: 'not_found',
      shop_time: expect.stringMatching(/^2026-05-26T/),
    });
  });

  it('is one compact line per request with --log pretty', async () => {
    const { output, url } = await startCli(['--port', '0', '--log', 'pretty'], children);
    await demoGet(url, '/v1/products');
    expect(await printed(output, /GET +\/v1\/products/)).toMatch(
      /^\d\d:\d\d:\d\d {2}shop 2026-05-26 \d\d:\d\d:\d\d {2}GET {4}\/v1\/products {2}200 {2}[\d.]+ ms$/,
    );
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript)('is the compact line by default on a terminal (run under script(1), a real pseudo-terminal)', async () => {
    const command = ['script', '-qfec', [...CLI, '--port', '0'].join(' '), '/dev/null'];
    const { output, url } = await startCli([], children, command);
    await demoGet(url, '/v1/products/nope');
    const line = (await printed(output, /\/v1\/products\/nope/)).replace(/\x1b\[\d+m/g, '');
    expect(line).toMatch(/^\d\d:\d\d:\d\d {2}shop 2026-05-26 \d\d:\d\d:\d\d {2}GET {4}\/v1\/products\/nope {2}404 not_found {2}[\d.]+ ms {2}\S/);
  });
  if (!hasScript) console.log('skipped the terminal test: script(1) (util-linux) is not installed');
});
