/**
 * The build check (scripts/browserBundle.ts, `npm run check:bundle`) both
 * ways: the shipped entries bundle with no Node in them, and a module that
 * reaches Node, directly or through others, is caught and named with its
 * importer chain. And the bundle itself runs: imported here as a page
 * would, it is a working sandbox with its data built in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_ENTRY, bundleBrowser, MSW_ENTRY } from '../../scripts/browserBundle.js';

const FIXTURES = 'test/browser/fixtures';
const work = mkdtempSync(join(tmpdir(), 'sx-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the browser build check', () => {
  it('passes sx-sandbox/browser and sx-sandbox/browser/msw, with neither yaml nor faker inside', async () => {
    const browser = await bundleBrowser(BROWSER_ENTRY);
    expect(browser.problems).toEqual([]);
    expect(browser.code).not.toMatch(/faker|js-yaml|yaml\/dist/i);
    expect(browser.gzipBytes).toBeGreaterThan(0);
    expect((await bundleBrowser(MSW_ENTRY, { external: ['msw'] })).problems).toEqual([]);
  });

  it('names the chain to a Node built-in two modules down', async () => {
    const { problems } = await bundleBrowser(`${FIXTURES}/readsFiles.ts`);
    expect(problems).toEqual([`imports node:fs: ${FIXTURES}/readsFiles.ts → ${FIXTURES}/viaHelper.ts`]);
  });

  it("catches Node's globals and server packages, and lets feature detection pass", async () => {
    const { problems } = await bundleBrowser(`${FIXTURES}/usesNodeGlobals.ts`);
    expect(problems).toEqual([`imports express: ${FIXTURES}/usesNodeGlobals.ts`, `uses Node's Buffer, process: ${FIXTURES}/usesNodeGlobals.ts`]);
  });

  it('catches what the Node host of the sandbox brings (createSandbox is not for browsers)', async () => {
    const { problems } = await bundleBrowser('src/index.ts');
    expect(problems.some((p) => p.startsWith('imports node:fs:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('imports express:'))).toBe(true);
  });
});

describe('the bundle', () => {
  it('is a sandbox on its own: imported as a module, it answers, and says which seeds it carries', async () => {
    const file = join(work, 'sx-sandbox.js');
    writeFileSync(file, (await bundleBrowser(BROWSER_ENTRY)).code);
    const { createBrowserSandbox, BUILT_SEEDS } = (await import(pathToFileURL(file).href)) as typeof import('../../src/browser.js');
    expect(BUILT_SEEDS).toEqual([1]);
    const sandbox = createBrowserSandbox({ clockMode: 'frozen' });
    try {
      const reply = await sandbox.fetch(
        new Request('https://api.sellix.gg/v1/products/prod_01J2PVQR41', { headers: { Authorization: `Bearer ${sandbox.demoKey}` } }),
      );
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { name: string }).name).toBe('Adobe Creative Cloud Key');
    } finally {
      await sandbox.close();
    }
    expect(() => createBrowserSandbox({ seed: 2 })).toThrow(/carries the fixtures of seed 1, not 2/);
  });
});
