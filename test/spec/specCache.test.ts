import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { digestOf, parseCached, parseSpecText, SPEC_PATH } from '../../src/spec/load.js';

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
    expect(parseCached(raw, dir).info.title).not.toMatch(/^Edited /);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('falls back to parsing when the cache file is unreadable, and when the directory cannot be written', () => {
    const dir = scratch();
    parseCached(raw, dir);
    writeFileSync(join(dir, readdirSync(dir)[0]), `${readFileSync(join(dir, readdirSync(dir)[0]), 'utf8').split('\n')[0]}\n{ not json`);
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

describe('the built spec (dist/generated/spec.json)', () => {
  const document = parse(raw);
  it('is used when it was parsed from exactly this text, without touching the cache', () => {
    const dir = scratch();
    expect(parseSpecText(raw, { source_sha256: digestOf(raw), document }, dir)).toBe(document);
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('is ignored for any other text (an edited spec is parsed, never served stale), and when absent', () => {
    const dir = scratch();
    const edited = raw.replace('title: ', 'title: Edited ');
    expect(parseSpecText(edited, { source_sha256: digestOf(raw), document }, dir).info.title).toMatch(/^Edited /);
    expect(parseSpecText(raw, undefined, dir)).toEqual(document);
  });
});
