import { expect } from 'vitest';
import { NotPossible, type SkipScope } from './skip.js';
import { decisionsHold } from './target.js';

type Json = Record<string, any>;

/**
 * The members a test expects, compared where the target sends them. A member
 * the reference's examples show is required by the contract reading, so the
 * validator has already failed an answer without it; one only this sandbox
 * sends may be absent from a deployment, and is then not compared — unless
 * decisions hold (the suite's own sandbox, or SX_STRICT=1), where it must be
 * there. Members the test does not name may be anything: APIs grow fields.
 */
export function expectMembers(actual: Json, expected: Json, label = 'the answer'): void {
  expect(actual, label).toBeTypeOf('object');
  const present = decisionsHold() ? expected : Object.fromEntries(Object.entries(expected).filter(([name]) => name in actual));
  expect(actual, label).toMatchObject(present);
}

/** One object read two ways (in a list and on its own, created and fetched): every member both carry is equal. */
export function expectSameObject(a: Json, b: Json, label = 'the two reads'): void {
  if (decisionsHold()) {
    expect(a, label).toEqual(b);
    return;
  }
  expect(
    Object.keys(a).some((name) => name in b),
    `${label} share members`,
  ).toBe(true);
  expect(common(a, b), label).toEqual(common(b, a));
}

/** `a`, cut down to what `b` carries too, at every level. */
function common(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return a.map((v, i) => common(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    return Object.fromEntries(
      Object.entries(a)
        .filter(([k]) => k in (b as Json))
        .map(([k, v]) => [k, common(v, (b as Json)[k])]),
    );
  }
  return a;
}

/**
 * A member only this sandbox sends (the reference's examples do not show it) that a check
 * needs: its value; on a target that does not send it the test skips, saying so.
 */
export function sandboxMember<T = any>(obj: Json, name: string, scope: SkipScope = { operationIds: [], statuses: [] }): T {
  if (!(name in obj)) {
    if (decisionsHold()) expect(obj, `the sandbox sends ${name}`).toHaveProperty(name);
    throw new NotPossible(`the target does not send ${name} (a member the reference's examples do not show), which this check reads`, scope);
  }
  return obj[name] as T;
}

/**
 * A 422's `errors` map names the field: the reference promises "an errors map per field", so
 * some key names it (`amount_cents` in `body.amount_cents`); the exact key, a field path like
 * `body.amount_cents`, is this sandbox's decision.
 */
export function expectErrorsName(body: Json, field: string, label = 'the errors map'): void {
  const keys = Object.keys(body?.errors ?? {}).map((k) => k.toLowerCase());
  const name = field.toLowerCase().split('.').at(-1)!;
  expect(
    keys.some((k) => k === name || k.endsWith(`.${name}`) || k.endsWith(`/${name}`)),
    `${label} names ${name}: ${JSON.stringify(keys)}`,
  ).toBe(true);
  if (decisionsHold()) expect(keys, `${label} names the field path ${field}`).toContain(field.toLowerCase());
}
