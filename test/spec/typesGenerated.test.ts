import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTypes, typesAreCurrent, TYPES_PATH } from '../../scripts/gen-types.js';
import { SPEC_PATH } from '../../src/paths.js';

const spec = readFileSync(SPEC_PATH, 'utf8');
const committed = readFileSync(TYPES_PATH, 'utf8');

describe('the types generated from the spec (npm run check:types)', () => {
  it('the committed src/spec/api.generated.ts is what the spec makes today', async () => {
    expect(await typesAreCurrent(spec, committed)).toBe(true);
  });

  it('an edited spec makes other types, and the check then reports the committed file stale', async () => {
    // a new optional member of a request body: what a spec edit that the handlers have not followed looks like
    const edited = spec.replace(/\n {4}ProductCreate:\n( {6}.*\n)*? {6}properties:\n/, (m) => `${m}        colour:\n          type: string\n`);
    expect(edited).not.toBe(spec);
    const types = await renderTypes(edited);
    expect(types).toMatch(/colour\?: string;/);
    expect(await typesAreCurrent(edited, committed)).toBe(false);
  });

  it('says where it came from and how to make it again', () => {
    expect(committed.split('\n').slice(0, 5).join('\n')).toMatch(/GENERATED from openapi\/sx\.v1\.yaml by openapi-typescript[\s\S]*npm run gen:types/);
  });
});
