import { encodeTime, incrementBase32, ulid } from 'ulid';
import type { Clock } from './clock.js';
import type { Random } from './random.js';

export type IdPrefix = 'prod' | 'ord' | 'cus' | 'rf' | 'po' | 'wh' | 'apik' | 'evt' | 'whd' | 'tnt';

/** Where an id factory stands: the last time part used and the random part issued with it. */
export interface IdPosition {
  lastTime: number;
  lastRandom: string;
}

/**
 * Prefixed ULIDs (`prod_01J…`). The time part comes from the tenant clock and
 * the random part from the tenant's seeded stream, so ids are reproducible.
 * Monotonic as ulid's monotonicFactory (same ids for the same stream), but
 * with its position open, so a shop file can carry it: under a frozen clock
 * every id shares one millisecond and only that position tells the next.
 */
export class IdFactory {
  private lastTime = 0;
  private lastRandom = '';
  /** lastTime as the id's time part, kept: under one millisecond (or a frozen clock) every id repeats it */
  private lastTimeText = '';
  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}
  next(prefix: IdPrefix): string {
    const now = this.clock.now();
    if (now <= this.lastTime) {
      this.lastRandom = incrementBase32(this.lastRandom);
      this.lastTimeText ||= encodeTime(this.lastTime, 10);
      return `${prefix}_${this.lastTimeText}${this.lastRandom}`;
    }
    this.lastTime = now;
    const id = ulid(now, this.random);
    this.lastTimeText = id.slice(0, 10);
    this.lastRandom = id.slice(10);
    return `${prefix}_${id}`;
  }
  get position(): IdPosition {
    return { lastTime: this.lastTime, lastRandom: this.lastRandom };
  }
  set position(position: IdPosition) {
    this.lastTime = position.lastTime;
    this.lastRandom = position.lastRandom;
    this.lastTimeText = '';
  }
}
