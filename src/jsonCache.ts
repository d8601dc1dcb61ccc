import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PACKAGE_ROOT } from './paths.js';

/** The package's own node_modules/.cache, the usual home of tool caches. */
export const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'sx-sandbox');

/**
 * Work that is the same for the same input (parsing the spec's YAML,
 * generating a seed's shop history) is kept as JSON under a name made of a
 * hash of everything it depends on: any change of input misses the cache.
 * A cache that cannot be read or written costs nothing but the work.
 */
export function cachedJson<T>(name: string, key: string, produce: () => T, dir = CACHE_DIR): T {
  const file = join(dir, `${name}-${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // not cached yet (or unreadable): produce it
  }
  const value = produce();
  const json = JSON.stringify(value);
  // only what JSON holds exactly (no Infinity, no dates, no undefined) may come back from JSON
  if (isDeepStrictEqual(JSON.parse(json), value)) {
    try {
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, json);
      renameSync(partial, file); // atomic: a concurrent start never reads half a file
    } catch {
      // read-only install: no cache
    }
  }
  return value;
}
