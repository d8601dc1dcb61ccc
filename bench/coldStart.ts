import { freePort, startServer } from './lib/processes.js';
import { median } from './lib/stats.js';

export interface Launch {
  name: string;
  command: string;
  args: (port: number) => string[];
  /** the request that must answer 200 */
  path: string;
  headers: Record<string, string>;
}

export interface ColdStart {
  medianMs: number;
  runsMs: number[];
}

/**
 * Process spawn → first 200 on a real API route, `runs` times per launch,
 * the launches taking turns. Each process is stopped before the next starts,
 * so none competes with another's start-up.
 */
export async function measureColdStart(
  launches: readonly Launch[],
  runs: number,
  cwd: string,
  log: (line: string) => void,
): Promise<Record<string, ColdStart>> {
  const times: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const launch of launches) {
      const port = await freePort();
      const server = await startServer({
        name: launch.name,
        command: launch.command,
        args: launch.args(port),
        readyUrl: `http://127.0.0.1:${port}${launch.path}`,
        readyHeaders: launch.headers,
        timeoutMs: 20_000,
        cwd,
      });
      await server.stop();
      (times[launch.name] ??= []).push(server.startedMs);
    }
  }
  const out: Record<string, ColdStart> = {};
  for (const [name, runsMs] of Object.entries(times)) {
    out[name] = { medianMs: median(runsMs), runsMs };
    log(`  ${name.padEnd(16)} median ${Math.round(median(runsMs))} ms  (${runsMs.map((ms) => Math.round(ms)).join(', ')})`);
  }
  return out;
}
