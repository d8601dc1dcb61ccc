import type { RequestHandler } from 'express';
import { ABILITIES, type ApiKey } from '../state/records.js';
import type { Operation } from '../spec/operations.js';
import { Problem } from './problem.js';

/** Whether a key may run an operation: `*` asks for every ability (full access). */
export function holds(key: Pick<ApiKey, 'abilities'>, ability: string): boolean {
  if (ability === '*') return ABILITIES.every((a) => key.abilities.includes(a));
  return (key.abilities as string[]).includes(ability);
}

export function abilityCheck(): RequestHandler {
  return (_req, res, next) => {
    const { ability, operationId } = res.locals.operation as Operation;
    const key = res.locals.key as ApiKey | undefined;
    if (!ability || !key || holds(key, ability)) {
      next();
      return;
    }
    const needs = ability === '*' ? 'a full-access key (all nine abilities)' : `the '${ability}' ability`;
    next(
      new Problem(403, `This key cannot call ${operationId}: it needs ${needs}.`, {
        required_ability: ability,
        granted_abilities: [...key.abilities],
      }),
    );
  };
}
