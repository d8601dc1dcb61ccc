import { describe, expect, it } from 'vitest';
import { browserBundleProblems, ENGINE_ENTRY } from '../../scripts/engineBundle.js';

describe('the engine bundles for the browser', () => {
  it('reaches no Node built-in and no Express', async () => {
    expect(await browserBundleProblems(ENGINE_ENTRY)).toEqual([]);
  });

  it('names what a module that needs Node pulls in (the check can fail)', async () => {
    const problems = await browserBundleProblems('src/doors/express.ts');
    expect(problems.some((p) => /node:|express/.test(p))).toBe(true);
  });
});
