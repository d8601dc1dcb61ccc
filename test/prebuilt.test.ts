import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREBUILT_DIR, prebuiltFiles, readPrebuilt } from '../src/prebuilt.js';

describe('built start-up artefacts', () => {
  it('are read from the given directory, and are absent when missing or unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sx-prebuilt-'));
    writeFileSync(join(dir, prebuiltFiles.history(1)), '{"products":[]}');
    writeFileSync(join(dir, prebuiltFiles.spec), '{ half');
    expect(readPrebuilt(prebuiltFiles.history(1), dir)).toEqual({ products: [] });
    expect(readPrebuilt(prebuiltFiles.history(2), dir)).toBeUndefined();
    expect(readPrebuilt(prebuiltFiles.spec, dir)).toBeUndefined();
    expect(readPrebuilt(prebuiltFiles.history(1), null)).toBeUndefined();
  });

  it('are never read by a run from source, which may be newer than the last build', () => {
    expect(PREBUILT_DIR).toBeNull();
  });
});
