import { Problem } from '../engine/problem.js';

/** A per-tenant cap, hit: a clear 422 naming the cap, never a silent drop. */
export function assertRoom(current: number, cap: number, what: string, remedy = 'Reset the shop (POST /v1/test_helpers/reset) or raise the cap.'): void {
  if (current >= cap) {
    throw Problem.rule(what, `this sandbox allows at most ${cap} ${what} per shop`, `This shop already has ${current} ${what}; the sandbox caps it at ${cap}. ${remedy}`);
  }
}
