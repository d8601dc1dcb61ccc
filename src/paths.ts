import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found by walking up from this file: the same answer from src/ (tsx, vitest) and dist/src/ (node). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`sx-sandbox: cannot find package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
export const SPEC_PATH = join(PACKAGE_ROOT, 'openapi', 'sx.v1.yaml');
/** The docs site `npm run build:docs` writes (and `npm run build` with it), which `/docs/` serves: the same page a static host serves. */
export const DOCS_SITE = join(PACKAGE_ROOT, 'dist', 'docs-site');

/** This package's own version, from its own package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
