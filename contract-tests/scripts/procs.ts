import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The child processes the contract scripts start — a sandbox, Prism, the
 * suite itself — all on 127.0.0.1, each stopped by its own pid when done.
 */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SPEC = join(ROOT, 'openapi', 'sx.v1.yaml');
const START_TIMEOUT_MS = 60_000;

export interface Running {
  url: string;
  /** lines the process printed, for a report when something goes wrong */
  output: string[];
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of live) child.kill('SIGTERM');
    process.exit(130);
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        live.delete(child);
        resolve();
        return;
      }
      const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(hard);
        live.delete(child);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Starts a process and waits until a line of its output matches `ready` (the URL is its first group). */
function startUntil(what: string, command: string, args: string[], ready: RegExp): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    live.add(child);
    const output: string[] = [];
    const stop = stopper(child);
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${what} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        output.push(line);
        if (output.length > 200) output.shift();
        const m = ready.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve({ url: m[1], output, stop });
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

/** A sandbox in its own process, from the sources, on an ephemeral loopback port. */
export async function startSandbox(): Promise<Running & { key: string }> {
  const running = await startUntil(
    'the sandbox',
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--host', '127.0.0.1', '--quiet'],
    /listening on (http:\/\/\S+)/,
  );
  // the key line follows the URL line; give it a moment to arrive
  for (let i = 0; i < 50 && !running.output.some((l) => /test key:/.test(l)); i++) await new Promise((r) => setTimeout(r, 20));
  const key = /(sx_test_[0-9A-Za-z]{24})/.exec(running.output.find((l) => /test key:/.test(l)) ?? '')?.[1];
  if (!key) throw new Error(`the sandbox printed no test key:\n${running.output.join('\n')}`);
  return { ...running, key };
}

/** A free loopback port (Prism needs one named up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `prism mock <spec>` or `prism proxy <spec> <upstream>`, on 127.0.0.1. */
export async function startPrism(args: string[]): Promise<Running> {
  const port = await freePort();
  const bin = join(ROOT, 'node_modules', '.bin', 'prism');
  return startUntil('prism', bin, [...args, '--host', '127.0.0.1', '--port', String(port)], /Prism is listening on (http:\/\/\S+)/);
}

/** Runs the contract suite with these environment variables; resolves with its exit code. */
export function runSuite(env: Record<string, string>, args: string[] = [], config = 'contract-tests/vitest.config.ts'): Promise<number> {
  return new Promise((resolve) => {
    const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const child = spawn(process.execPath, [vitest, 'run', '--config', config, ...args], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    live.add(child);
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs the suite with its output captured (for runs side by side); resolves with the exit code and the output. */
export function runSuiteQuietly(env: Record<string, string>, args: string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const child = spawn(process.execPath, [vitest, 'run', '--config', 'contract-tests/vitest.config.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', ...env },
    });
    live.add(child);
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => chunks.push(c));
    child.stderr!.on('data', (c: Buffer) => chunks.push(c));
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** Extra arguments for the suite: whatever followed `--` on the script's command line. */
export function passThrough(): string[] {
  return process.argv.slice(2);
}
