import { describe, expect, it } from 'vitest';
import { codeBlockAfter, linkTargets, REQUIRED_FILES, reviewFiles, reviewLinks } from '../../scripts/packageReview.js';

const clean = REQUIRED_FILES.map((path) => ({ path, size: 1 }));

describe('the tarball review', () => {
  it('passes a tarball of compiled code, declarations, the spec, LICENSE and the built start-up data', () => {
    expect(reviewFiles([...clean, { path: 'dist/src/app.d.ts', size: 1 }, { path: 'src/docs/assets/sandbox.js', size: 1 }])).toEqual([]);
  });

  it('fails TypeScript sources, source maps, fixture sources, tests and a missing LICENSE or built artefact', () => {
    const problems = reviewFiles([
      ...clean.filter((f) => f.path !== 'LICENSE' && f.path !== 'dist/generated/spec.json'),
      { path: 'src/index.ts', size: 1 },
      { path: 'dist/src/index.js.map', size: 1 },
      { path: 'fixtures/generate.ts', size: 1 },
      { path: 'test/cli.test.js', size: 1 },
    ]);
    expect(problems).toEqual([
      'src/index.ts: a TypeScript source (only compiled .js and .d.ts are shipped)',
      'dist/src/index.js.map: a source map (its sources are not shipped)',
      'fixtures/generate.ts: a TypeScript source (only compiled .js and .d.ts are shipped)',
      'fixtures/generate.ts: not part of what runs',
      'test/cli.test.js: not part of what runs',
      'LICENSE: missing',
      'dist/generated/spec.json: missing',
    ]);
  });
});

describe('README links in the package', () => {
  const readme = [
    'See [the spec](openapi/sx.v1.yaml), [standard](https://www.standardwebhooks.com/) and [below](#webhooks).',
    'The [suite](contract-tests/README.md) and [mail](mailto:someone@example.com).',
    '`[not](a-link.md)` and',
    '```md',
    '[in a block](nowhere.md)',
    '```',
  ].join('\n');

  it('resolve to shipped files or absolute http(s) addresses; code is not prose', () => {
    expect(linkTargets(readme)).toEqual([
      'openapi/sx.v1.yaml',
      'https://www.standardwebhooks.com/',
      '#webhooks',
      'contract-tests/README.md',
      'mailto:someone@example.com',
    ]);
    expect(reviewLinks(readme, clean)).toEqual([
      'README link contract-tests/README.md: not in the package',
      'README link mailto:someone@example.com: not an http(s) address',
    ]);
  });
});

describe('the README example the check runs', () => {
  it('is the first code block after its heading', () => {
    const md = '## Other\n```sh\nnope\n```\n### In your own tests\n\ntext\n```ts\nconst a = 1;\n```\n```ts\nlater\n```\n';
    expect(codeBlockAfter(md, 'In your own tests')).toBe('const a = 1;\n');
    expect(() => codeBlockAfter(md, 'Missing')).toThrow(/no heading/);
  });
});
