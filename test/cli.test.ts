import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

/** Starts the real CLI (through tsx, so the test needs no build) and waits for its banner. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let banner = '';
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      banner += chunk;
      if (banner.includes('test key:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${errors}`)));
  });
  return { child, banner };
}

/** Runs the CLI expecting it to refuse: its exit code and what it said on stderr. */
async function refusal(args: string[]): Promise<{ code: number; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const [code] = await once(child, 'exit');
  return { code, err };
}

describe('sx-sandbox command line', () => {
  it('prints the base URL and the demo key, and serves the documented products with it', async () => {
    const { child, banner } = await startCli(['--port', '0', '--quiet']);
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
    const { banner } = await startCli(['--port', '0', '--quiet', '--key', 'sx_test_MyOwnKeyForFrontend00001']);
    expect(banner).toContain('sx_test_MyOwnKeyForFrontend00001');
  });

  it('a bad flag value is refused with the usage text and exit code 2', async () => {
    const { code, err } = await refusal(['--clock', 'sideways']);
    expect(code).toBe(2);
    expect(err).toContain('--clock must be running or frozen');
    expect(err).toContain('Usage: sx-sandbox');
  });
});

describe('sx-sandbox --key', () => {
  it('refuses a live key as the demo key', async () => {
    const { code, err } = await refusal(['--key', 'sx_live_MyOwnKeyForFrontend00001']);
    expect(code).toBe(2);
    expect(err).toContain('must be an sx_test_ key');
  });
});
