import { beforeAll, describe, expect } from 'vitest';
import { check, decided, NotPossible } from './harness/skip.js';
import { session, type MintedKey } from './harness/session.js';
import { ABILITIES, fillPath, operations, pathParams, unknownId, type SpecOperation } from './harness/spec.js';
import { hasRoute, target } from './harness/target.js';

const s = session('abilities', { ownKey: false });

/** Operations that need an ability, as the spec's x-sx-ability says, on this target. */
const guarded = operations.filter((op) => op.ability !== null && (!op.sandboxOnly || hasRoute(op.operationId)));

/**
 * A request that changes nothing whatever the key may do: path ids no shop
 * has, and a body with a field no operation knows (400 once past the 403).
 */
function harmless(op: SpecOperation): { path: string; body?: unknown } {
  const ids = Object.fromEntries(pathParams(op).map((p) => [p.name, unknownId(p, target.runId)]));
  return { path: fillPath(op, ids), body: op.body ? { contract_suite_probe: true } : undefined };
}

/** One key per ability, holding every ability but that one. */
const without = new Map<string, MintedKey>();
let cannotMint: NotPossible | undefined;
beforeAll(async () => {
  try {
    for (const missing of ABILITIES)
      without.set(
        missing,
        await s.mint(
          `without-${missing}`,
          ABILITIES.filter((a) => a !== missing),
        ),
      );
  } catch (err) {
    if (!(err instanceof NotPossible)) throw err;
    cannotMint = new NotPossible(err.message, { operationIds: guarded.map((op) => op.operationId), statuses: [403] });
  }
});

describe('403 forbidden_scope, driven by x-sx-ability', () => {
  for (const op of guarded) {
    const needs = op.ability === '*' ? 'every ability' : op.ability;
    check(`${op.operationId} (${needs}): refused by each key that lacks it, let through by the others`, async (ctx) => {
      if (cannotMint) throw cannotMint;
      const { path, body } = harmless(op);
      for (const [missing, key] of without) {
        const reply = await s.admin.call(op.method, path, body, { key: key.secret });
        if (op.ability === missing || op.ability === '*') {
          expect(reply.status, `${op.operationId} with a key lacking ${missing}`).toBe(403);
          expect(reply.body.type).toBe('forbidden_scope');
          decided(ctx, 'a 403 names required_ability and granted_abilities', () => {
            expect(reply.body.required_ability).toBe(op.ability);
            expect([...reply.body.granted_abilities].sort()).toEqual([...key.abilities].sort());
          });
        } else {
          expect([401, 403], `${op.operationId} with a key lacking only ${missing} (got ${reply.status})`).not.toContain(reply.status);
        }
      }
    });
  }

  check('a key with one ability is refused everywhere else', async () => {
    const key = await s.mint('single', ['products:read']);
    for (const op of guarded.filter((o) => o.ability !== 'products:read')) {
      const { path, body } = harmless(op);
      const reply = await s.admin.call(op.method, path, body, { key: key.secret });
      expect(reply.status, `${op.operationId} needs ${op.ability}`).toBe(403);
    }
  });
});
