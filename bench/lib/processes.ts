import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A server the bench started; only ever stopped by its own pid. */
export interface Server {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** the child's stdout so far (launchers print their facts there) */
  output(): string;
  stop(): Promise<void>;
}

/**
 * CPU time (user + system, ms) a process and its descendants have used so
 * far, from /proc (Linux; undefined elsewhere). Descendants count because a
 * server may fork its workers (Prism does under NODE_ENV=production). Per
 * request, it is the figure other processes on a busy machine disturb
 * least: they take wall time from a server, not CPU time.
 */
export function cpuTimeMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of entries) {
    try {
      // after the command name (which may hold spaces) comes field 3; ppid is field 4, utime and stime 14 and 15
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ').pop()!.split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone in the meantime
    }
  }
  if (!stats.has(pid)) return undefined;
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, { ppid }] of stats) {
      if (!tree.has(id) && tree.has(ppid)) {
        tree.add(id);
        grew = true;
      }
    }
  }
  let ticks = 0;
  for (const id of tree) ticks += stats.get(id)!.ticks;
  return (ticks * 1000) / CLOCK_TICKS;
}

/** USER_HZ: 100 on every Linux that matters; /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;

// one way to find a free loopback port for every dev tool: the contract scripts' own
export { freePort } from '../../contract-tests/scripts/procs.js';

/** One GET on a fresh connection; resolves with the status, rejects on a socket error. */
export function probe(url: string, headers: Record<string, string> = {}, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('probe timed out')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Polls until `url` answers 200, every 2 ms so the poll itself adds at most
 * that much to a cold-start figure. Returns ms since `since`.
 */
export async function waitForOk(url: string, headers: Record<string, string>, since: number, timeoutMs: number, child?: ChildProcess): Promise<number> {
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode} before answering`);
    try {
      if ((await probe(url, headers)) === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  /** the URL that answers 200 once the server is ready */
  readyUrl: string;
  readyHeaders?: Record<string, string>;
  /** keep stdout (launchers print JSON there); otherwise it goes nowhere, like a quiet server's */
  captureStdout?: boolean;
  timeoutMs?: number;
  cwd: string;
}

/** Starts a server process and waits until it answers; `startedMs` is spawn → first 200. */
export async function startServer(options: StartOptions): Promise<Server & { startedMs: number }> {
  const since = performance.now();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const startedMs = await waitForOk(options.readyUrl, options.readyHeaders ?? {}, since, options.timeoutMs ?? 30_000, child);
    const url = new URL(options.readyUrl).origin;
    return { name: options.name, url, child, output: () => stdout, stop, startedMs };
  } catch (err) {
    await stop();
    throw new Error(`${options.name}: ${(err as Error).message}\n${stderr}`);
  }
}

/** Stops every server given, whatever happened to the others. */
export async function stopAll(servers: Iterable<Server | undefined>): Promise<void> {
  await Promise.allSettled([...servers].map((s) => s?.stop()));
}
