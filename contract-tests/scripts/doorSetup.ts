/**
 * Puts the sandbox behind one of its in-process doors for the contract suite
 * (`npm run contract:fetch`, `npm run contract:msw`; see doors.ts). Loaded
 * twice: as the first globalSetup (so the harness's probes in vitest's main
 * process go through the door) and as a setupFile (so the tests, in their
 * worker, do). Each process gets its own sandbox; the probes only read
 * (401s and a refused body), and the tests share the worker's one sandbox
 * across files, as they share one sandbox over HTTP. Nothing leaves the
 * machine: a request neither for the API nor to a loopback address (the
 * suite's webhook receiver) fails.
 */
import { setupServer } from 'msw/node';
import { createSandbox, type Sandbox } from '../../src/index.js';
import { sxHandlers } from '../../src/doors/msw.js';
import { isLoopback } from '../harness/env.js';
import { createBrowserSandbox } from '../../src/browser.js';

process.env.SX_SANDBOX_QUIET ??= '1';

type Door = 'fetch' | 'msw' | 'browser';

function install(door: Door, apiOrigin: string): { fetch: Sandbox['fetch'] } {
  const sandbox = door === 'browser' ? createBrowserSandbox() : createSandbox();
  if (door === 'msw') {
    const server = setupServer(...sxHandlers({ sandbox, baseUrl: `${apiOrigin}/v1` }));
    server.listen({
      // the sandbox's webhook deliveries to the local receiver are the only requests let through
      onUnhandledRequest(request, print) {
        if (!isLoopback(new URL(request.url))) print.error();
      },
    });
    return sandbox;
  }
  const realFetch = globalThis.fetch;
  // the fetch door stands in for the network: the suite's client and probes call fetch(), the sandbox answers
  globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin === apiOrigin) return sandbox.fetch(request);
    if (isLoopback(url)) return realFetch(request);
    return Promise.reject(new TypeError(`contract suite through the fetch door: refusing to send ${request.method} ${request.url} off this machine`));
  };
  return sandbox;
}

/** Once per process: with isolate: false every test file runs this setup file again in the same worker. */
function installOnce(): void {
  const door = process.env.SX_DOOR as Door | undefined;
  const base = process.env.SX_BASE_URL;
  if ((door !== 'fetch' && door !== 'msw' && door !== 'browser') || !base)
    throw new Error('doorSetup.ts is for contract-tests/scripts/doors.ts: it sets SX_DOOR=fetch|msw|browser and SX_BASE_URL');
  const holder = globalThis as { sxDoorSandbox?: unknown };
  holder.sxDoorSandbox ??= install(door, new URL(base).origin);
}

installOnce();

/** As a globalSetup: the door is installed on import; nothing to provide, the sandbox goes with the process. */
export default function setup(): void {}
