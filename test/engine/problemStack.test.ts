import { describe, expect, it } from 'vitest';
import { Problem } from '../../src/engine/problem.js';

describe('Problem', () => {
  it('is an Error without a captured stack, and leaves stack capture on for real errors', () => {
    const before = Error.stackTraceLimit;
    const problem = new Problem(422, 'Bad value.');
    expect(problem).toBeInstanceOf(Error);
    expect(problem.message).toBe('Bad value.');
    expect(problem.stack?.split('\n')).toHaveLength(1);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('a bug').stack?.split('\n').length).toBeGreaterThan(1);
  });
});
