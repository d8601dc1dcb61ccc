/**
 * What the page keeps in the browser: the shop file (localStorage, so a
 * reload and a new tab resume it), the answerer the reader chose, the
 * local server's visitor shop (sessionStorage, for the tab) and the signing
 * secrets the API showed once (beside the shop they belong to, in the same
 * storage). Storage may be missing (private mode) or full: every write
 * reports instead of throwing.
 */
const PREFIX = 'sx-sandbox:';

export const keys = {
  shopFile: `${PREFIX}shop-file`,
  key: `${PREFIX}key`,
  mode: `${PREFIX}mode`,
  secrets: `${PREFIX}signing-secrets`,
  visitor: `${PREFIX}visitor`,
};

export function read(store: Storage | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** null when written, else why not */
export function write(store: Storage | undefined, key: string, value: string): string | null {
  try {
    if (!store) return 'this browser gives the page no storage';
    store.setItem(key, value);
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  }
}

export function remove(store: Storage | undefined, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // nothing kept, nothing to remove
  }
}

export function local(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
