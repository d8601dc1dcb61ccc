import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The coverage test reads what every other file recorded, so it runs last. */
export class CoverageLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isCoverage = (f: TestSpecification) => /coverage\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter((f) => !isCoverage(f)), ...sorted.filter(isCoverage)];
  }
}
