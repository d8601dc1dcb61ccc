import { buildDocsSite, type BuiltSite } from '../../scripts/build-docs.js';

let built: Promise<BuiltSite> | undefined;

/**
 * The docs site as `npm run build:docs` writes it, into dist/docs-site/
 * (where `npm start` serves it from), built once per test process: the
 * tests check what ships, never a page of their own.
 */
export function docsSite(): Promise<BuiltSite> {
  built ??= buildDocsSite();
  return built;
}
