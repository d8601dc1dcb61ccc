import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/**
 * `dist/generated/`: what start-up needs, produced by `npm run build`
 * (scripts/build.ts) next to the compiled code it belongs to. Only compiled
 * code (dist/src/prebuilt.js) reads it, so a run from source (tsx, vitest)
 * never picks up artefacts of an older build; it computes, with the
 * run-time cache in jsonCache.ts, instead.
 */
export const PREBUILT_DIR: string | null = here.endsWith('.js') ? join(dirname(here), '..', 'generated') : null;

export const prebuiltFiles = {
  spec: 'spec.json',
  history: (seed: number) => `history-seed-${seed}.json`,
} as const;

/** A built artefact, or undefined when there is none (run from source, or that seed was not built). */
export function readPrebuilt<T>(file: string, dir: string | null = PREBUILT_DIR): T | undefined {
  if (dir === null) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  } catch {
    return undefined;
  }
}
