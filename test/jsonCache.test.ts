import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, historyFor } from '../fixtures/index.js';
import { cachedJson } from '../src/jsonCache.js';

describe('cachedJson', () => {
  it('produces once per key, then reads the file back; another key produces again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sx-cache-'));
    let produced = 0;
    const produce = () => ({ n: ++produced, list: [1, 'two', null] });
    expect(cachedJson('thing', 'k1', produce, dir)).toEqual({ n: 1, list: [1, 'two', null] });
    expect(cachedJson('thing', 'k1', produce, dir)).toEqual({ n: 1, list: [1, 'two', null] });
    expect(cachedJson('thing', 'k2', produce, dir).n).toBe(2);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('never caches what JSON cannot hold exactly, and works where it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sx-cache-'));
    const withDate = () => ({ at: new Date(0) });
    expect(cachedJson('dated', 'k', withDate, dir).at).toBeInstanceOf(Date);
    expect(readdirSync(dir)).toHaveLength(0);
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    expect(cachedJson('x', 'k', () => 42, file)).toBe(42);
  });
});

describe('the generated shop history cache', () => {
  it('gives back exactly what a fresh generation makes', () => {
    expect(historyFor(3)).toEqual(generate(3));
    expect(historyFor(3)).toEqual(generate(3));
  });
});
