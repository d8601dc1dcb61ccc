import { monotonicFactory, type ULIDFactory } from 'ulid';
import type { Clock } from './clock.js';
import type { Random } from './random.js';

export type IdPrefix = 'prod' | 'ord' | 'cus' | 'rf' | 'po' | 'wh' | 'apik' | 'evt' | 'whd' | 'tnt';

/**
 * Prefixed ULIDs (`prod_01J…`). The time part comes from the tenant clock and
 * the random part from the tenant's seeded stream, so ids are reproducible.
 */
export class IdFactory {
  private readonly ulid: ULIDFactory;
  constructor(
    private readonly clock: Clock,
    random: Random,
  ) {
    this.ulid = monotonicFactory(random);
  }
  next(prefix: IdPrefix): string {
    return `${prefix}_${this.ulid(this.clock.now())}`;
  }
}
