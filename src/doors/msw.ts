import { http, type HttpHandler } from 'msw';
import { createSandbox, type Sandbox, type SandboxOptions } from '../index.js';
import { fetchDoor } from './fetch.js';

export { DEMO_KEY_SECRET } from '../index.js';

/** Where the reference serves the API; what a frontend's code calls. */
export const DEFAULT_BASE_URL = 'https://api.sellix.gg/v1';

export interface SxHandlersOptions extends SandboxOptions {
  /** the API's base URL as your app calls it, ending in /v1 (default: the reference's) */
  baseUrl?: string;
  /** the sandbox to answer from (to reach its store or reset it between tests); default: a new one from the other options */
  sandbox?: Sandbox;
}

/**
 * The MSW door: request handlers for `setupServer` / `setupWorker` that
 * answer every request under the API's base URL from one stateful sandbox
 * (what a test creates, the next request lists), through the fetch door,
 * with no port opened. Requests elsewhere are left to MSW: run it with
 * `onUnhandledRequest: 'error'` and nothing escapes to the network.
 */
export function sxHandlers(options: SxHandlersOptions = {}): HttpHandler[] {
  const { baseUrl = DEFAULT_BASE_URL, sandbox: given, ...sandboxOptions } = options;
  const base = new URL(baseUrl);
  const root = base.pathname.replace(/\/+$/, '');
  if (!root.endsWith('/v1')) throw new Error(`sxHandlers: baseUrl must end in /v1 (the API's version), got '${baseUrl}'`);
  // the API's paths start at /v1: whatever the base puts before it is not theirs
  const prefix = root.slice(0, -'/v1'.length);
  const sandbox = given ?? createSandbox(sandboxOptions);
  const door = fetchDoor(sandbox.engine, (url) => url.pathname.slice(prefix.length));
  return [http.all(`${base.origin}${root}/*`, ({ request }) => door(request))];
}
