import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** Debian's chromium (.ci/run installs it); CHROMIUM_PATH points elsewhere. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
}

/** test-results/docs/ (git-ignored, kept by CI as artefacts): screenshots of each step for a human to look at. */
export function resultPath(name: string): string {
  const dir = join(PACKAGE_ROOT, 'test-results', 'docs');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export interface DocsVisit {
  page: Page;
  /** the reader's test key, as the bar shows it */
  key: string;
  /** every URL the page asked for, in order */
  requests: string[];
  /** what the page logged as errors */
  errors: string[];
}

/** Opens the docs page like a reader and waits until its sandbox answers (`body[data-ready]`). */
export async function openDocs(context: BrowserContext, url: string, ready: 'browser' | 'server' = 'browser'): Promise<DocsVisit> {
  const page = await context.newPage();
  const visit: DocsVisit = { page, key: '', requests: [], errors: [] };
  page.on('request', (request) => visit.requests.push(request.url()));
  page.on('pageerror', (err) => visit.errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') visit.errors.push(`${msg.text()} (${msg.location().url})`);
  });
  await page.goto(url);
  await waitReady(visit, ready);
  return visit;
}

export async function waitReady(visit: DocsVisit, ready: 'browser' | 'server' = 'browser'): Promise<void> {
  await visit.page.locator(`body[data-ready="${ready}"]`).waitFor();
  visit.key = (await visit.page.locator('#sx-key').textContent())!;
}

/** Presses New sandbox and waits until the bar shows another key (then in `visit.key`). */
export async function newSandbox(visit: DocsVisit): Promise<void> {
  const before = visit.key;
  await visit.page.locator('#sx-new').click();
  await visit.page
    .locator('#sx-key')
    .filter({ hasText: /^sx_test_/ })
    .filter({ hasNotText: before })
    .waitFor();
  visit.key = (await visit.page.locator('#sx-key').textContent())!;
}

export interface TryItAnswer {
  op: Locator;
  status: number;
  body: any;
  /** the Idempotency-Key the request carried, as the answer panel names it */
  idempotencyKey: string | null;
}

/** Fills an operation's Try it form (inputs by name, e.g. `path:id`, `body`), presses Send and reads the answer panel. */
export async function tryIt(page: Page, operationId: string, fields: Record<string, string> = {}): Promise<TryItAnswer> {
  const op = page.locator(`#op-${operationId}`);
  const form = op.locator('form.try');
  for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
  const answer = op.locator('.answer');
  // a fresh answer: the panel is replaced when the next one arrives
  await answer.evaluate((el) => el.removeAttribute('data-status')).catch(() => {});
  await form.locator('button[type="submit"]').click();
  await op.locator('.answer[data-status]').waitFor();
  const idem = answer.locator('.idem code');
  return {
    op,
    status: Number(await answer.getAttribute('data-status')),
    body: JSON.parse((await answer.locator('pre.body').textContent()) || 'null'),
    idempotencyKey: (await idem.count()) ? await idem.textContent() : null,
  };
}
