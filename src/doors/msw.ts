import type { HttpHandler } from 'msw';
import { createSandbox, type SandboxOptions } from '../index.js';
import { DEFAULT_BASE_URL, handlersFor, type EngineHost } from './mswRoutes.js';

export { DEMO_KEY_SECRET } from '../index.js';
export { DEFAULT_BASE_URL, type EngineHost } from './mswRoutes.js';

export interface SxHandlersOptions extends SandboxOptions {
  /** the API's base URL as your app calls it, ending in /v1 (default: the reference's) */
  baseUrl?: string;
  /**
   * the sandbox to answer from: createSandbox's (to reach its store or reset
   * it between tests) or createBrowserSandbox's (setupWorker in a page);
   * default: a new createSandbox from the other options
   */
  sandbox?: EngineHost;
}

/**
 * The MSW door: request handlers for `setupServer` / `setupWorker` that
 * answer every request under the API's base URL from one stateful sandbox
 * (what a test creates, the next request lists), through the fetch door,
 * with no port opened. Requests elsewhere are left to MSW: run it with
 * `onUnhandledRequest: 'error'` and nothing escapes to the network.
 * A page imports the same function from `sx-sandbox/browser/msw` (mswWeb.ts).
 */
export function sxHandlers(options: SxHandlersOptions = {}): HttpHandler[] {
  const { baseUrl = DEFAULT_BASE_URL, sandbox: given, ...sandboxOptions } = options;
  return handlersFor(given ?? createSandbox(sandboxOptions), baseUrl);
}
