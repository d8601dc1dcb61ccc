import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const check = (chromium: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-browser.ts'], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: chromium } });

describe("npm test's browser check", () => {
  it('stops with a one-line install hint when the browser cannot run', () => {
    const { status, stderr } = check('/nonexistent/chromium');
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('apt-get install -y chromium');
    expect(stderr).toContain('CHROMIUM_PATH');
  });

  it('passes quietly when the binary answers --version', () => {
    const { status, stderr } = check(process.execPath); // node answers --version too: the check only asks that it runs
    expect([status, stderr]).toEqual([0, '']);
  });
});
