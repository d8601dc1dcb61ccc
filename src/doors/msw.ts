import type { HttpHandler } from 'msw';
import { createSandbox, type SandboxOptions } from '../index.js';
import { type EngineHost, sxHandlers as handlersOn, type SxHandlersOptions as OnSandboxOptions } from './mswWeb.js';

export { DEMO_KEY_SECRET } from '../index.js';
export { DEFAULT_BASE_URL, type EngineHost } from './mswWeb.js';

export interface SxHandlersOptions extends SandboxOptions, Omit<OnSandboxOptions, 'sandbox'> {
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
 * A page imports the same function from `sx-sandbox/browser/msw` (mswWeb.ts),
 * which this one calls once it has a sandbox.
 */
export function sxHandlers(options: SxHandlersOptions = {}): HttpHandler[] {
  const { baseUrl, sandbox: given, ...sandboxOptions } = options;
  return handlersOn({ baseUrl, sandbox: given ?? createSandbox(sandboxOptions) });
}
