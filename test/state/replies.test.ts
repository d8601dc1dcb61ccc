import { describe, expect, it } from 'vitest';
import { Account } from '../../src/state/budget.js';
import { RememberedReplies, type IdempotencyEntry } from '../../src/state/replies.js';

const entry = (expiresAt: number): IdempotencyEntry => ({ fingerprint: 'f', expiresAt, reply: null });
const keys = (map: RememberedReplies) => [...map.oldest()].map(([key]) => key);

describe('RememberedReplies.oldest', () => {
  it('gives the kept entries in the order a Map iterates them, however keys were forgotten or set again', () => {
    const map = new RememberedReplies();
    for (let i = 0; i < 10; i++) map.set(`k${i}`, entry(i));
    map.delete('k0');
    map.delete('k5');
    map.set('k2', entry(20));
    expect(keys(map)).toEqual([...map.keys()]);
    expect(keys(map)).toEqual(['k1', 'k3', 'k4', 'k6', 'k7', 'k8', 'k9', 'k2']);
  });

  it('an entry forgotten while the walk is on it is not given again', () => {
    const map = new RememberedReplies();
    for (let i = 0; i < 5; i++) map.set(`k${i}`, entry(i));
    const seen: string[] = [];
    for (const [key] of map.oldest()) {
      seen.push(key);
      if (key === 'k1') map.delete('k2');
      map.delete(key);
    }
    expect(seen).toEqual(['k0', 'k1', 'k3', 'k4']);
    expect(map.size).toBe(0);
  });

  it('keeps its queue within a bound of the live entries however many keys come and go', () => {
    const map = new RememberedReplies();
    map.set('first', entry(0));
    // the oldest stays while thousands are forgotten out of turn behind it
    for (let i = 0; i < 5000; i++) {
      map.set(`k${i}`, entry(i));
      map.delete(`k${i}`);
      if (i % 100 === 0) expect(keys(map)).toEqual(['first']);
    }
    const queued = (map as unknown as { order: unknown[] }).order.length;
    expect(queued).toBeLessThanOrEqual(2 * map.size + 64 + 1);
  });

  it('stays bounded when nobody walks it (a shop with a few keys that come and go)', () => {
    const map = new RememberedReplies();
    for (let i = 0; i < 5000; i++) {
      map.set(`k${i}`, entry(i));
      if (i % 2) map.delete(`k${i}`);
      if (map.size > 10) map.delete([...map.keys()][0]);
    }
    expect((map as unknown as { order: unknown[] }).order.length).toBeLessThanOrEqual(2 * map.size + 64 + 1);
    expect(keys(map)).toEqual([...map.keys()]);
  });
});

describe('RememberedReplies.take', () => {
  it('takes a key found before once, even when the key was forgotten in between (the sweep), so nothing is released twice', () => {
    const meter = new Account();
    const map = new RememberedReplies(meter);
    const forgotten: string[] = [];
    map.observer = (key, entry) => {
      if (!entry) forgotten.push(key);
    };
    map.set('k', entry(1));
    const held = map.find('k');
    map.delete('k');
    map.take('k', entry(2), held);
    expect(forgotten).toEqual(['k']);
    expect(map.size).toBe(1);
    expect(map.get('k')?.expiresAt).toBe(2);
    expect(meter.used).toBe(map.held);
    map.delete('k');
    expect(meter.used).toBe(0);
  });
});
