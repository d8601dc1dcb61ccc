import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { explicitAnys } from '@sx-sandbox/ts-api';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

const SRC = join(PACKAGE_ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

describe('no explicit any in src/', () => {
  it('finds every spelling of an explicit any, and only those', () => {
    const text = [
      'const a: any = 1;',
      'const b = a as any;',
      'const c = <any>b;',
      'let d: any[] = [];',
      'type E = Record<string, any>;',
      'function f(x: string): Promise<any> { return x as never; }',
      '// any in a comment, "any" in a string, anything and company as names',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text holding a template literal
      "const anything = 'any', company = `any ${anything}`;",
      'type G = { any: unknown; many: never };',
    ].join('\n');
    expect(explicitAnys('sample.ts', text).map((found) => found.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('src/ has none: a value of unknown shape is `unknown`, narrowed where it is used', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      explicitAnys(file, readFileSync(file, 'utf8')).map((hit) => `${relative(PACKAGE_ROOT, file)}:${hit.line}:${hit.column} ${hit.text}`),
    );
    expect(found).toEqual([]);
  });
});
