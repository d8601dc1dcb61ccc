/**
 * `sx-sandbox/browser/msw` (dist/browser/sx-msw.js): the MSW door for a
 * page, sxHandlers as `sx-sandbox/msw` has it, answering from the sandbox
 * the page made with createBrowserSandbox (`sx-sandbox/browser`), for
 * `setupWorker`. Nothing here reaches Node (`sx-sandbox/msw` makes a Node
 * sandbox when given none, then calls this); `msw` is the page's own.
 */
import type { HttpHandler } from 'msw';
import { handlersFor, type EngineHost } from './mswRoutes.js';

export { DEFAULT_BASE_URL, type EngineHost } from './mswRoutes.js';

export interface SxHandlersOptions {
  /** the API's base URL as your app calls it, ending in /v1 (default: the reference's, DEFAULT_BASE_URL) */
  baseUrl?: string;
  /** the sandbox to answer from: `createBrowserSandbox()` */
  sandbox: EngineHost;
}

export function sxHandlers(options: SxHandlersOptions): HttpHandler[] {
  if (!options?.sandbox)
    throw new Error('sxHandlers: in a browser, give it the sandbox to answer from: sxHandlers({ sandbox: createBrowserSandbox() }) (sx-sandbox/browser)');
  return handlersFor(options.sandbox, options.baseUrl);
}
