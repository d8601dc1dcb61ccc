/**
 * The sandbox running in this page (sx-sandbox.js, bundled from
 * src/browser.ts), one shop per reader. Whenever it changes (a request,
 * a job of its clock, a webhook attempt) the shop is written to
 * localStorage as the v1 shop file (`exportShop()`, the serialisation
 * --data and export use), and the next load resumes it with
 * `createBrowserSandbox({ shopFile })`. The reader's key is drawn once and
 * kept with it, so two readers never share a key.
 */
import type { BrowserSandbox } from '../../browser.js';
import type { Answerer, AnswererEvents, SeenAttempt } from './answerer.js';
import * as storage from './storage.js';

/** The module sx-sandbox.js is (src/browser.ts, bundled): loaded when the page starts, not imported here. */
export type BrowserSandboxModule = Pick<typeof import('../../browser.js'), 'createBrowserSandbox'>;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `sx_test_` + 24 base62 characters, from the browser's CSPRNG. */
function newTestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `sx_test_${Array.from(bytes, (b) => BASE62[b % 62]).join('')}`;
}

export async function startBrowserShop(
  load: () => Promise<BrowserSandboxModule>,
  base: string,
  on: AnswererEvents,
): Promise<{ answerer: Answerer; resumed: boolean; refused: string | null }> {
  const mod = await load();
  const store = storage.local();
  const kept = storage.read(store, storage.keys.shopFile);
  let key = storage.read(store, storage.keys.key);
  if (!key || !kept) key = newTestKey();
  // the shop tells of every change (often several per request, from its clock's jobs and webhook attempts
  // too); one save per burst, and at once after a request, so a reload right after an answer finds it
  let pending: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const flush = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    if (closed) return;
    const failed = storage.write(store, storage.keys.shopFile, sandbox.exportShop());
    if (failed) on.failed(`the shop could not be kept in this browser: ${failed}`);
  };
  // webhook attempts go out with the sandbox's own fetch POST (platform/web.ts): to the URL the reader
  // registered, failing with the reason where the browser cannot reach it (down, no CORS, http from https)
  const options = {
    key,
    onAttempt: (report: SeenAttempt) => on.attempt(report),
    onChange: () => {
      pending ??= setTimeout(flush, 0);
    },
  };
  let sandbox: BrowserSandbox;
  let refused: string | null = null;
  try {
    sandbox = mod.createBrowserSandbox(kept ? { ...options, shopFile: kept } : options);
  } catch (err) {
    // a damaged file, or one of another version: say so and start over rather than stop
    refused = (err as Error).message;
    storage.remove(store, storage.keys.shopFile);
    sandbox = mod.createBrowserSandbox({ ...options, key: (key = newTestKey()) });
  }
  storage.write(store, storage.keys.key, key);
  const tenant = sandbox.demo.id;
  sandbox.bus.subscribe((shop, event) => {
    if (shop.id === tenant) on.event(event);
  });
  flush();
  addEventListener('pagehide', flush);

  const answerer: Answerer = {
    kind: 'browser',
    key: sandbox.demoKey,
    tenant,
    base,
    store,
    async send(request) {
      const response = await sandbox.fetch(request);
      if (pending) flush();
      return response;
    },
    clock: () => new Date(sandbox.demo.clock.now()).toISOString(),
    discard() {
      closed = true;
      removeEventListener('pagehide', flush);
      // the endpoints' secrets are main.ts's to forget, for either kind of shop
      for (const name of [storage.keys.shopFile, storage.keys.key]) storage.remove(store, name);
      void sandbox.close();
    },
    close() {
      flush();
      closed = true;
      removeEventListener('pagehide', flush);
      void sandbox.close();
    },
  };
  return { answerer, resumed: kept !== null && refused === null, refused };
}
