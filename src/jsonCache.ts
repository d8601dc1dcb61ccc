import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * Where run-time caches live: `SX_SANDBOX_CACHE_DIR` when set (`off` or empty
 * turns the cache off), else the OS's per-user cache directory
 * (`$XDG_CACHE_HOME`, `%LOCALAPPDATA%`, `~/.cache`) + `sx-sandbox`. Never
 * inside the package: an installed package may be read-only and shared, and
 * npm owns `node_modules`.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.SX_SANDBOX_CACHE_DIR;
  if (own !== undefined) return own === '' || own === 'off' ? null : own;
  try {
    const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
    return join(base, 'sx-sandbox');
  } catch {
    return null; // no home directory (some containers): no cache
  }
}

export const CACHE_DIR = cacheDir();

/**
 * Work that is the same for the same input (parsing the spec's YAML,
 * generating a seed's shop history) kept as JSON in one file per `name`,
 * whose first line is a hash of everything the work depends on (`key`): any
 * change of input misses and overwrites, so the cache holds one entry per
 * name and never grows. A cache that cannot be read or written costs nothing
 * but the work. The built package reads its start-up data from dist/ (see
 * prebuilt.ts); this cache serves what was not built (other seeds, runs from
 * source).
 */
export function cachedJson<T>(name: string, key: string, produce: () => T, dir: string | null = CACHE_DIR): T {
  const hash = createHash('sha256').update(key).digest('hex');
  const file = dir === null ? null : join(dir, `${name}.json`);
  if (file) {
    try {
      const text = readFileSync(file, 'utf8');
      const newline = text.indexOf('\n');
      if (text.slice(0, newline) === hash) return JSON.parse(text.slice(newline + 1)) as T;
    } catch {
      // not cached yet (or unreadable): produce it
    }
  }
  const value = produce();
  if (file) store(file, hash, value);
  return value;
}

/** The value's JSON text, or undefined when JSON cannot hold it exactly (an Infinity, a date, an undefined member): what may be kept as JSON and read back. */
export function exactJson(value: unknown): string | undefined {
  const json = JSON.stringify(value);
  return json !== undefined && isDeepStrictEqual(JSON.parse(json), value) ? json : undefined;
}

function store(file: string, hash: string, value: unknown): void {
  const json = exactJson(value);
  if (json === undefined) return;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, `${hash}\n${json}`);
    renameSync(partial, file); // atomic: a concurrent start never reads half a file
  } catch {
    // read-only or missing home: no cache
  }
}
