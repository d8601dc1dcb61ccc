import type { Clock } from '../../state/clock.js';

/**
 * One small owner object per client IP, for a RateLimiter to hang that IP's
 * window on. IPs quiet for a whole window are forgotten (their quota would
 * be whole again anyway), so a host seen by a million addresses does not
 * remember a million of them.
 */
export class IpOwners {
  private readonly owners = new Map<string, { seen: number }>();
  private prunedAt: number;

  constructor(
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {
    this.prunedAt = clock.now();
  }

  of(ip: string): object {
    const now = this.clock.now();
    if (now - this.prunedAt >= this.windowMs) {
      for (const [seenIp, owner] of this.owners) if (now - owner.seen >= this.windowMs) this.owners.delete(seenIp);
      this.prunedAt = now;
    }
    const owner = this.owners.get(ip) ?? { seen: now };
    owner.seen = now;
    this.owners.set(ip, owner);
    return owner;
  }
}
