/**
 * What a browser sandbox is built from: the spec document and the generated
 * fixture history. This module is the source version, for runs from source
 * and tests in Node (it reads the YAML and generates the history as
 * createSandbox does). The browser bundle never contains it: the bundler
 * (scripts/browserBundle.ts) replaces it with the same two values computed
 * at build time as JSON, so neither the YAML parser nor faker ships to the
 * browser.
 */
import { readFileSync } from 'node:fs';
import type { History } from '../../fixtures/generate.js';
import { historyFor } from '../../fixtures/index.js';
import { DEFAULT_SEED } from '../config.js';
import type { Spec } from '../spec/dereference.js';
import { parseSpecText, SPEC_PATH } from '../spec/load.js';

/** The seeds whose history the bundle carries (any seed from source). */
export const BUILT_SEEDS: readonly number[] = [DEFAULT_SEED];

/** The spec as parsed, $refs not resolved yet. */
export function specDocument(): Spec {
  return parseSpecText(readFileSync(SPEC_PATH, 'utf8'));
}

/** The generated history of `seed`, or undefined when this build does not carry it. */
export function historyOf(seed: number): History | undefined {
  return historyFor(seed);
}
