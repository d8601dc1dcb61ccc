import { http, type HttpHandler } from 'msw';
import type { Engine } from '../engine/engine.js';
import { fetchDoor } from './fetch.js';

/** Where the reference serves the API; what a frontend's code calls. */
export const DEFAULT_BASE_URL = 'https://api.sellix.gg/v1';

/** What the MSW door answers from: any sandbox (createSandbox's, createBrowserSandbox's) has its engine. */
export interface EngineHost {
  engine: Engine;
}

/**
 * The handlers of the MSW door, on every host: every request under
 * `baseUrl` (which ends in /v1) goes through the fetch door to the engine
 * of `sandbox`. Requests elsewhere are left to MSW.
 */
export function handlersFor(sandbox: EngineHost, baseUrl: string = DEFAULT_BASE_URL): HttpHandler[] {
  const base = new URL(baseUrl);
  const root = base.pathname.replace(/\/+$/, '');
  if (!root.endsWith('/v1')) throw new Error(`sxHandlers: baseUrl must end in /v1 (the API's version), got '${baseUrl}'`);
  // the API's paths start at /v1: whatever the base puts before it is not theirs
  const prefix = root.slice(0, -'/v1'.length);
  const door = fetchDoor(sandbox.engine, (url) => url.pathname.slice(prefix.length));
  return [http.all(`${base.origin}${root}/*`, ({ request }) => door(request))];
}
