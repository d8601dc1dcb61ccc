/**
 * `npm run gen:types` writes src/spec/api.generated.ts, the TypeScript types
 * of openapi/sx.v1.yaml, which the handlers are typed with. `npm run
 * check:types` (`--check`) makes them again in memory and fails when the
 * committed file differs: an edit to the spec that the types (and so the
 * handlers) have not followed cannot pass `npm test`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTypes } from '@sx-sandbox/ts-api';
import { PACKAGE_ROOT, SPEC_PATH } from '../src/paths.js';

export const TYPES_PATH = join(PACKAGE_ROOT, 'src', 'spec', 'api.generated.ts');

const HEADER = `/**
 * GENERATED from openapi/sx.v1.yaml by openapi-typescript: do not edit.
 * Regenerate with \`npm run gen:types\`; \`npm run check:types\` (part of
 * \`npm test\`) fails while this file is stale.
 */
`;

/** The whole generated file for a spec text. */
export async function renderTypes(specText: string): Promise<string> {
  return HEADER + (await generateTypes(specText));
}

/** Whether the committed types are what the spec text makes today. */
export async function typesAreCurrent(specText: string, committed: string): Promise<boolean> {
  return (await renderTypes(specText)) === committed;
}

async function main(check: boolean): Promise<void> {
  const spec = readFileSync(SPEC_PATH, 'utf8');
  const where = relative(process.cwd(), TYPES_PATH);
  if (!check) {
    writeFileSync(TYPES_PATH, await renderTypes(spec));
    process.stderr.write(`wrote ${where}\n`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(TYPES_PATH, 'utf8');
  } catch {
    // a missing file is as stale as it gets
  }
  if (!(await typesAreCurrent(spec, committed))) {
    process.stderr.write(`${where} is stale: openapi/sx.v1.yaml changed since it was generated. Run \`npm run gen:types\` and commit the result.\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`${where} is current\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.includes('--check'));
