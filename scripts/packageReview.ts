/**
 * The rules a published tarball must keep, as pure functions over what
 * `npm pack --dry-run --json` lists and the README it ships, so they are
 * tested both ways (test/scripts/packageReview.test.ts) and applied by
 * scripts/check-package.ts.
 */

export interface PackedFile {
  path: string;
  size: number;
}

/** Files start-up reads that only the build makes: a tarball without them would compute at run time again. */
export const REQUIRED_FILES = [
  'LICENSE',
  'README.md',
  'package.json',
  'dist/src/cli.js',
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/generated/spec.json',
  'dist/generated/history-seed-1.json',
  'openapi/sx.v1.yaml',
];

/** What is wrong with the file list: sources, maps, fixture sources, missing files. Empty when clean. */
export function reviewFiles(files: readonly PackedFile[]): string[] {
  const problems: string[] = [];
  const paths = new Set(files.map((f) => f.path));
  for (const { path } of files) {
    if (/\.(c|m)?ts$/.test(path) && !/\.d\.(c|m)?ts$/.test(path)) problems.push(`${path}: a TypeScript source (only compiled .js and .d.ts are shipped)`);
    if (path.endsWith('.map')) problems.push(`${path}: a source map (its sources are not shipped)`);
    if (/^(test|contract-tests|bench|scripts|fixtures)\//.test(path)) problems.push(`${path}: not part of what runs`);
  }
  for (const required of REQUIRED_FILES) if (!paths.has(required)) problems.push(`${required}: missing`);
  return problems;
}

/** Markdown link targets (`[text](target)`, `<https://…>`) of a document, code blocks and inline code excluded. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  return targets;
}

/** README links that do not resolve in the package: relative ones must name a shipped file; absolute ones must be http(s). */
export function reviewLinks(markdown: string, files: readonly PackedFile[]): string[] {
  const paths = new Set(files.map((f) => f.path));
  const problems: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (/^https?:\/\//.test(target) || target.startsWith('#')) continue;
    if (/^[a-z]+:/i.test(target)) {
      problems.push(`README link ${target}: not an http(s) address`);
      continue;
    }
    const file = target.replace(/#.*$/, '').replace(/^\.\//, '');
    if (!paths.has(file)) problems.push(`README link ${target}: not in the package`);
  }
  return problems;
}

/** The first fenced code block after the heading `heading` (any level), without its fences. */
export function codeBlockAfter(markdown: string, heading: string): string {
  const at = markdown.search(new RegExp(`^#+ ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
  if (at < 0) throw new Error(`README: no heading '${heading}'`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(markdown.slice(at));
  if (!block) throw new Error(`README: no code block after '${heading}'`);
  return block[1];
}
