/**
 * The engine must run in a browser page and a service worker as well as in
 * Node (DESIGN.md, principle 8): bundled for the browser, nothing it reaches
 * may be a Node built-in or Express. The store, clock, handlers and services
 * are given to it by the host, so the bundle is the engine's own graph.
 * Checked by test/scripts/engineBundle.test.ts; the whole browser sandbox
 * (src/browser.ts) by scripts/check-bundle.ts, through the same check.
 */
import { bundleBrowser } from './browserBundle.js';

export const ENGINE_ENTRY = 'src/engine/engine.ts';

/** What keeps `entry` from bundling for the browser: one line per Node built-in, Node global or server-only package it reaches, naming the importers. */
export async function browserBundleProblems(entry: string): Promise<string[]> {
  return (await bundleBrowser(entry, { checkOnly: true })).problems;
}
