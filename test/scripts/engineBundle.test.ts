import { describe, expect, it } from 'vitest';
import { bundleBrowser } from '../../scripts/browserBundle.js';

/*
 * The engine must run in a browser page and a service worker as well as in
 * Node (DESIGN.md, principle 8): bundled for the browser, nothing it reaches
 * may be a Node built-in or Express. The store, clock, handlers and services
 * are given to it by the host, so the bundle is the engine's own graph. The
 * whole browser sandbox (src/browser.ts) is checked by scripts/check-bundle.ts,
 * through the same check.
 */
const ENGINE_ENTRY = 'src/engine/engine.ts';

/** What keeps `entry` from bundling for the browser: one line per Node built-in, Node global or server-only package it reaches, naming the importers. */
async function browserBundleProblems(entry: string): Promise<string[]> {
  return (await bundleBrowser(entry, { checkOnly: true })).problems;
}

describe('the engine bundles for the browser', () => {
  it('reaches no Node built-in and no Express', async () => {
    expect(await browserBundleProblems(ENGINE_ENTRY)).toEqual([]);
  });

  it('names what a module that needs Node pulls in (the check can fail)', async () => {
    const problems = await browserBundleProblems('src/doors/express.ts');
    expect(problems.some((p) => /node:|express/.test(p))).toBe(true);
  });
});
