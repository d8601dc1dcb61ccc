// ARCHITECTURE.md stays true where it can be checked: every folder of src/ and of the repository is in
// its map, and every stage the engine runs is in its pipeline table.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const architecture = readFileSync(new URL('ARCHITECTURE.md', root), 'utf8');

/** The folders under `dir` (relative to the repository), recursively, without generated or hidden ones. */
function folders(dir: string): string[] {
  return readdirSync(new URL(`${dir}/`, root), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .flatMap((e) => [`${dir}/${e.name}`, ...folders(`${dir}/${e.name}`)]);
}

/** The stage modules engine.ts imports. */
function engineStages(engineSource: string): string[] {
  return [...engineSource.matchAll(/from '\.\/stages\/(\w+)\.js'/g)].map((m) => `${m[1]}.ts`);
}

/** What a document fails to name: folders as `path/`, or (for stages) file names in the pipeline table. */
function unnamed(doc: string, srcFolders: string[], stages: string[]): string[] {
  const pipeline = doc.slice(doc.indexOf('## The pipeline'), doc.indexOf('## Where each thing lives'));
  return [
    ...srcFolders.filter((f) => !doc.includes(`\`${f}/\``) && !doc.includes(`${f}/`)).map((f) => `folder ${f}/`),
    ...stages.filter((s) => !pipeline.includes(`\`${s}\``)).map((s) => `stage ${s}`),
  ];
}

describe('ARCHITECTURE.md', () => {
  const srcFolders = folders('src').filter((f) => !f.startsWith('src/docs/assets'));
  const stages = engineStages(readFileSync(new URL('src/engine/engine.ts', root), 'utf8'));

  it('names every folder of src/ and every stage the engine runs', () => {
    expect(srcFolders.length).toBeGreaterThan(8);
    expect(stages.length).toBeGreaterThan(8);
    expect(unnamed(architecture, srcFolders, stages)).toEqual([]);
  });

  it("names the repository's top-level folders", () => {
    const top = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !['node_modules', 'dist', 'test-results'].includes(e.name))
      .map((e) => e.name);
    for (const name of top) expect(architecture, name).toContain(`\`${name}/\``);
  });

  it('a folder or a stage it does not name is caught', () => {
    expect(unnamed(architecture, [...srcFolders, 'src/widgets'], stages)).toEqual(['folder src/widgets/']);
    expect(unnamed(architecture, srcFolders, [...stages, 'compress.ts'])).toEqual(['stage compress.ts']);
  });
});
