import { describe, expect, it } from 'vitest';
import { Account, ProcessMemory, recordBytes, ShopBudget, SLOT_BYTES, stringBytes, TENANT_BYTES } from '../../src/state/budget.js';
import { Collection, FrozenBase } from '../../src/state/collection.js';
import { KeyPools } from '../../src/state/keyPools.js';
import { RememberedReplies, replyBytes } from '../../src/state/replies.js';

describe('accounts', () => {
  it('charges and releases flow up to the process; a closed account gives everything back', () => {
    const process = new ProcessMemory(100_000);
    const shop = new ShopBudget(50_000, process);
    expect(shop.used).toBe(TENANT_BYTES);
    shop.state.charge(1000);
    shop.keys.charge(500);
    expect([shop.used, process.used]).toEqual([TENANT_BYTES + 1500, TENANT_BYTES + 1500]);
    expect(shop.fits(50_000 - shop.used)).toBe(true);
    expect(shop.fits(50_000 - shop.used + 1)).toBe(false);
    // a reset: the state goes, the keys stay
    shop.renewState();
    expect(shop.used).toBe(TENANT_BYTES + 500);
    shop.close();
    expect(process.used).toBe(0);
    // a request of the removed shop that was still running: its writes are not the process's any more
    shop.state.charge(700);
    expect(process.used).toBe(0);
  });

  it('never releases more than it holds (a double free cannot make room that is not there)', () => {
    const parent = new Account();
    const child = new Account(parent);
    parent.charge(10);
    child.charge(5);
    child.release(50);
    expect([child.used, parent.used]).toEqual([0, 10]);
  });
});

describe('what is counted', () => {
  it('a collection charges what its tenant adds, the difference on replace, and frees a removed record but for its slot', () => {
    const meter = new Account();
    const c = new Collection(new FrozenBase([{ id: 'base', n: 0 }]), meter);
    const added = c.insert({ id: 'a', n: 1 });
    expect(meter.used).toBe(SLOT_BYTES + recordBytes(added));
    const bigger = c.replace({ id: 'a', n: 1, note: 'x'.repeat(100) } as never);
    expect(meter.used).toBe(SLOT_BYTES + recordBytes(bigger));
    c.remove('a');
    expect(meter.used).toBe(SLOT_BYTES);
    expect(c.get('a')).toBeUndefined();
    // a base record changed then removed: the change is freed, a tombstone slot stays
    c.update('base', { n: 2 });
    c.remove('base');
    expect(meter.used).toBe(2 * SLOT_BYTES);
    expect(c.ownSize).toBe(0);
  });

  it('a key pool charges the keys it takes in and releases the ones it sells', () => {
    const meter = new Account();
    const pools = new KeyPools(new Map([['p', new Set(['fixture-key'])]]), meter);
    expect(pools.incoming('p', ['fixture-key', 'k1', 'k1', 'k2'])).toEqual({ count: 2, bytes: stringBytes('k1') + stringBytes('k2') });
    pools.add('p', ['k1', 'k2']);
    // the copied fixture pool is the tenant's now, so its key counts too
    expect(meter.used).toBe(stringBytes('fixture-key') + stringBytes('k1') + stringBytes('k2'));
    pools.take('p', 2);
    expect(meter.used).toBe(stringBytes('k2'));
  });

  it('remembered replies: the key when taken, the reply when filled, all of it back when forgotten', () => {
    const meter = new Account();
    const replies = new RememberedReplies(meter);
    const entry = { fingerprint: 'f'.repeat(43), expiresAt: 1, reply: null };
    const taken = replies.take('key-1', entry);
    const bare = meter.used;
    expect(bare).toBe(stringBytes('key-1') + stringBytes(entry.fingerprint));
    const reply = { status: 201, headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(10_000) };
    replies.fill(taken, reply);
    expect(meter.used).toBe(bare + replyBytes(reply));
    expect(replyBytes(reply)).toBeGreaterThan(20_000);
    replies.delete('key-1');
    expect(meter.used).toBe(0);
    expect(replies.size).toBe(0);
  });
});
