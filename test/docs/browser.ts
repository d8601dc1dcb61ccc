import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** Debian's chromium (.ci/run installs it); CHROMIUM_PATH points elsewhere. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
}

/** test-results/ (git-ignored): screenshots for a human to look at. */
export function resultPath(name: string): string {
  const dir = join(PACKAGE_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export interface DocsVisit {
  page: Page;
  /** the key the page got for this visitor and filled into Authorize */
  key: string;
  tenant: string;
}

/** Opens /docs like a visitor and waits until the page has a sandbox shop and its key. */
export async function openDocs(context: BrowserContext, base: string): Promise<DocsVisit> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(`${base}/docs`);
  const key = page.locator('#sx-key');
  await key.filter({ hasText: /^sx_test_/ }).waitFor();
  await page.locator('#operations-Products-listProducts').waitFor();
  if (errors.length) throw new Error(`the docs page logged errors:\n${errors.join('\n')}`);
  return { page, key: (await key.textContent())!, tenant: (await page.locator('#sx-tenant').textContent())! };
}

/** Expands an operation, presses "Try it out" and "Execute", and returns the response body shown. */
export async function tryIt(page: Page, tag: string, operationId: string, fill?: (op: ReturnType<Page['locator']>) => Promise<void>) {
  const op = page.locator(`#operations-${tag}-${operationId}`);
  await op.locator('.opblock-summary-control').click();
  await op.locator('.try-out__btn').click();
  if (fill) await fill(op);
  await op.locator('.execute').click();
  const response = op.locator('.live-responses-table .response').first();
  await response.waitFor();
  return {
    op,
    status: Number(await response.locator('.response-col_status').textContent()),
    body: JSON.parse((await response.locator('.highlight-code code').first().textContent())!),
  };
}
