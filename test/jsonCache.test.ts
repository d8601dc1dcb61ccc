import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, historyFor } from '../fixtures/index.js';
import { cacheDir, cachedJson } from '../src/jsonCache.js';

describe('cachedJson', () => {
  it('produces once per key, then reads the file back; another key produces again and replaces the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sx-cache-'));
    let produced = 0;
    const produce = () => ({ n: ++produced, list: [1, 'two', null] });
    expect(cachedJson('thing', 'k1', produce, dir)).toEqual({ n: 1, list: [1, 'two', null] });
    expect(cachedJson('thing', 'k1', produce, dir)).toEqual({ n: 1, list: [1, 'two', null] });
    expect(cachedJson('thing', 'k2', produce, dir).n).toBe(2);
    expect(cachedJson('thing', 'k1', produce, dir).n).toBe(3);
    expect(readdirSync(dir)).toEqual(['thing.json']);
  });

  it('never caches what JSON cannot hold exactly, and works where it cannot write or when turned off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sx-cache-'));
    const withDate = () => ({ at: new Date(0) });
    expect(cachedJson('dated', 'k', withDate, dir).at).toBeInstanceOf(Date);
    expect(readdirSync(dir)).toHaveLength(0);
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    expect(cachedJson('x', 'k', () => 42, file)).toBe(42);
    let produced = 0;
    expect([cachedJson('off', 'k', () => ++produced, null), cachedJson('off', 'k', () => ++produced, null)]).toEqual([1, 2]);
  });

  it('a corrupt entry is produced again and rewritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sx-cache-'));
    cachedJson('thing', 'k', () => 1, dir);
    const [hash] = readFileSync(join(dir, 'thing.json'), 'utf8').split('\n');
    writeFileSync(join(dir, 'thing.json'), `${hash}\n{ not json`);
    expect(cachedJson('thing', 'k', () => 2, dir)).toBe(2);
    expect(cachedJson('thing', 'k', () => 3, dir)).toBe(2);
  });
});

describe('the cache directory', () => {
  it('is the OS cache directory, overridable, and never inside the package', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/var/cache/me' })).toBe(join('/var/cache/me', 'sx-sandbox'));
    expect(cacheDir({ SX_SANDBOX_CACHE_DIR: '/tmp/mine', XDG_CACHE_HOME: '/var/cache/me' })).toBe('/tmp/mine');
    expect(cacheDir({ SX_SANDBOX_CACHE_DIR: 'off' })).toBeNull();
    expect(cacheDir({ SX_SANDBOX_CACHE_DIR: '' })).toBeNull();
    if (process.platform !== 'win32') expect(cacheDir({})).toBe(join(homedir(), '.cache', 'sx-sandbox'));
    expect(cacheDir({})).not.toContain('node_modules');
  });
});

describe('the generated shop history cache', () => {
  it('gives back exactly what a fresh generation makes', () => {
    expect(historyFor(3)).toEqual(generate(3));
    expect(historyFor(3)).toEqual(generate(3));
  });
});
