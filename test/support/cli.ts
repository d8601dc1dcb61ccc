import { spawn, type ChildProcess } from 'node:child_process';

/** The CLI from source through tsx, so a test needs no build. */
export const CLI = [process.execPath, '--import', 'tsx', 'src/cli.ts'];

/**
 * Starts a command (the real CLI by default) and waits for its banner; the child is pushed onto
 * `children` for the caller's afterEach to end. `output()` is all it printed so far.
 */
export async function startCli(
  args: string[],
  children: ChildProcess[],
  command = [...CLI, ...args],
): Promise<{ child: ChildProcess; banner: string; output: () => string; url: string }> {
  const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (/test key:[^\n]*\n/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${errors}`)));
  });
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
  return { child, banner: out, output: () => out, url };
}
