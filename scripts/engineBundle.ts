/**
 * The engine must run in a browser page and a service worker as well as in
 * Node (DESIGN.md, principle 8): bundled for the browser, nothing it reaches
 * may be a Node built-in or Express. The store, clock, handlers and services
 * are given to it by the host, so the bundle is the engine's own graph.
 * Checked by test/scripts/engineBundle.test.ts (part of `npm test`).
 */
import { build, type Message } from 'esbuild';

export const ENGINE_ENTRY = 'src/engine/engine.ts';

/** What keeps `entry` from bundling for the browser: one line per Node built-in or server-only package it reaches, naming the importer. */
export async function browserBundleProblems(entry: string): Promise<string[]> {
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const reached = Object.keys(result.metafile.inputs);
    return reached.filter((file) => /node_modules\/(express|body-parser|raw-body)\//.test(file)).map((file) => `reaches ${file}`);
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (!errors) throw err;
    return errors.map((e) => `${e.location?.file ?? '?'}:${e.location?.line ?? 0}: ${e.text}`);
  }
}
