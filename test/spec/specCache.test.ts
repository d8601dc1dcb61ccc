import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCached, SPEC_PATH } from '../../src/spec/load.js';

const raw = readFileSync(SPEC_PATH, 'utf8');
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sx-spec-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the parsed-spec cache', () => {
  it('gives the document the YAML parser gives, from the parse and from the cache', () => {
    const dir = scratch();
    const fresh = parseCached(raw, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    const cached = parseCached(raw, dir);
    expect(cached).toEqual(parse(raw));
    expect(cached).toEqual(fresh);
  });

  it('misses on any edit of the text, so a changed spec is never served stale', () => {
    const dir = scratch();
    parseCached(raw, dir);
    const edited = raw.replace('title: ', 'title: Edited ');
    expect(parseCached(edited, dir).info.title).toMatch(/^Edited /);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('falls back to parsing when the cache file is unreadable, and when the directory cannot be written', () => {
    const dir = scratch();
    parseCached(raw, dir);
    writeFileSync(join(dir, readdirSync(dir)[0]), '{ not json');
    expect(parseCached(raw, dir)).toEqual(parse(raw));
    const notADir = join(dir, readdirSync(dir)[0]);
    expect(parseCached(raw, notADir)).toEqual(parse(raw));
  });

  it('does not keep a document JSON cannot hold exactly', () => {
    const dir = scratch();
    expect(parseCached('openapi: 3.1.0\nbound: .inf\n', dir)).toMatchObject({ bound: Infinity });
    expect(readdirSync(dir)).toHaveLength(0);
  });
});
