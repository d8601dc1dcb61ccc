import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/state/clock.js';
import { buildSeed } from '../../src/state/seed.js';
import { TenantStore } from '../../src/state/store.js';

const seed = buildSeed({ epoch: Date.UTC(2026, 4, 26) });
const store = (cryptoSecrets: boolean) => new TenantStore({ randomSeed: 1, system: new ManualClock(0), clockMode: 'frozen', publish: () => {}, cryptoSecrets });

describe('TenantStore secrets', () => {
  it('locally, the same seed mints the same secrets (reproducible sandboxes)', () => {
    const mint = () => {
      const s = store(false);
      return s.mint(s.create('tnt_a', seed), { name: 'k', abilities: ['orders:read'], mode: 'test' }).secret;
    };
    expect(mint()).toBe(mint());
  });

  it('on a public host, secrets are unpredictable even with the same seed', () => {
    const mint = () => {
      const s = store(true);
      return s.mint(s.create('tnt_a', seed), { name: 'k', abilities: ['orders:read'], mode: 'test' }).secret;
    };
    expect(mint()).not.toBe(mint());
  });

  it('removing a tenant forgets every secret that opened it', () => {
    const s = store(false);
    const tenant = s.create('tnt_a', seed);
    const { secret } = s.mint(tenant, { name: 'k', abilities: ['orders:read'], mode: 'test' });
    expect(s.lookup(secret)?.tenant).toBe(tenant);
    s.remove('tnt_a');
    expect(s.lookup(secret)).toBeUndefined();
    expect(s.size).toBe(0);
  });
});
