import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, ManualClock, type Sandbox } from '../../src/index.js';
import { launchChromium, openDocs, resultPath, tryIt } from './browser.js';

process.env.SX_SANDBOX_QUIET ??= '1';

const product = { name: 'Only in browser A', type: 'account', price_cents: 700, currency: 'USD' };

// one page load parses swagger-ui and the whole spec: seconds, not milliseconds, on a busy machine
describe('the docs page, in a real browser', { timeout: 60_000 }, () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12, 0, 0));
  let sandbox: Sandbox;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    sandbox = createSandbox({ clock, clockMode: 'frozen' });
    base = (await sandbox.listen(0)).url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('renders the reference, gives the visitor a key of their own, and "List products" answers from Try it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, key, tenant } = await openDocs(context, base);
    expect(await page.locator('.information-container .title').textContent()).toContain('sx commerce API');
    expect(key).toMatch(/^sx_test_[0-9A-Za-z]{24}$/);
    expect(key).not.toBe(sandbox.demoKey);
    expect(sandbox.store.lookup(key)?.tenant.id).toBe(tenant);
    expect(sandbox.store.get(tenant)?.ephemeral).toBe(true);
    expect(await page.locator('#sx-expiry').textContent()).toContain('after 60 min without a request');
    // the key is in swagger-ui's Authorize state, as if typed into the dialog
    const authorized = await page.evaluate(() => (window as any).ui.authSelectors.authorized().toJS());
    expect(authorized.bearerAuth.value).toBe(key);
    await page.screenshot({ path: resultPath('docs.png') });

    const { op, status, body } = await tryIt(page, 'Products', 'listProducts');
    expect(status).toBe(200);
    expect(body.data).toContainEqual(expect.objectContaining({ id: 'prod_01J2PVQR41', name: 'Adobe Creative Cloud Key' }));
    expect(await op.locator('.curl-command').textContent()).toContain(`Bearer ${key}`);
    expect(await op.locator('.request-url').textContent()).toContain(`${base}/v1/products`);
    await op.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath('docs-try-it.png') });

    // a reload keeps the tab's shop rather than asking for another
    const shops = sandbox.services.ephemeral.size;
    await page.reload();
    await page.locator('#sx-key').filter({ hasText: key }).waitFor();
    expect(sandbox.services.ephemeral.size).toBe(shops);
    await context.close();
  });

  it('two browsers get two shops: what one creates, the other never sees', async () => {
    const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
    const a = await openDocs(contextA, base);
    const b = await openDocs(contextB, base);
    expect(a.tenant).not.toBe(b.tenant);
    expect(a.key).not.toBe(b.key);

    const created = await tryIt(a.page, 'Products', 'createProduct', async (op) => {
      await op.locator('textarea.body-param__text').fill(JSON.stringify(product));
    });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(product.name);

    const names = async (visit: typeof a) => (await tryIt(visit.page, 'Products', 'listProducts')).body.data.map((p: { name: string }) => p.name);
    expect(await names(a)).toContain(product.name);
    expect(await names(b)).not.toContain(product.name);
    await Promise.all([contextA.close(), contextB.close()]);
  });

  it('when the shop expires, the page says so and "New sandbox" gets a fresh one', async () => {
    const context = await browser.newContext();
    const visit = await openDocs(context, base);
    clock.advance(sandbox.config.ephemeral.idleTtlSeconds * 1000);
    sandbox.services.ephemeral.sweep();
    const { status } = await tryIt(visit.page, 'Products', 'listProducts');
    expect(status).toBe(401);
    await visit.page.locator('#sx-status').filter({ hasText: 'expired' }).waitFor();
    await visit.page.locator('#sx-new').click();
    const fresh = visit.page.locator('#sx-key').filter({ hasText: /^sx_test_/ }).filter({ hasNotText: visit.key });
    await fresh.waitFor();
    const key = (await fresh.textContent())!;
    expect(sandbox.store.lookup(key)).toBeDefined();
    const again = await visit.page.evaluate(() => (window as any).ui.authSelectors.authorized().toJS());
    expect(again.bearerAuth.value).toBe(key);
    await context.close();
  });
});
