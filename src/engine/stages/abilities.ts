import { ABILITIES, type ApiKey } from '../../state/records.js';
import { Problem } from '../problem.js';
import type { RoutedContext } from '../types.js';

/** Whether a key may run an operation: `*` asks for every ability (full access). */
export function holds(key: Pick<ApiKey, 'abilities'>, ability: string): boolean {
  if (ability === '*') return ABILITIES.every((a) => key.abilities.includes(a));
  return (key.abilities as string[]).includes(ability);
}

/** The operation's required ability (the spec's x-sx-ability) against the key's: 403 naming both. */
export function abilityCheck(ctx: RoutedContext): void {
  const { ability, operationId } = ctx.operation;
  const key = ctx.key;
  if (!ability || !key || holds(key, ability)) return;
  const needs = ability === '*' ? 'a full-access key (all nine abilities)' : `the '${ability}' ability`;
  throw new Problem(403, `This key cannot call ${operationId}: it needs ${needs}.`, {
    required_ability: ability,
    granted_abilities: [...key.abilities],
  });
}
