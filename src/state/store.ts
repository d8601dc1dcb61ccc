import { DEFAULT_MEMORY, ProcessMemory, stringBytes, type MemoryLimits } from './budget.js';
import { isoSeconds, type Clock, type ClockMode } from './clock.js';
import { randomString } from './random.js';
import { ABILITIES, type Ability, type ApiKey } from './records.js';
import type { TenantSeed } from './seed.js';
import { Tenant, type FrozenShop, type Publish } from './tenant.js';

export const SECRET_PATTERN = /^sx_(test|live)_[0-9A-Za-z]{24}$/;

export interface KeyLookup {
  tenant: Tenant;
  key: ApiKey;
}

export interface StoreOptions {
  randomSeed: number;
  system: Clock;
  clockMode: ClockMode;
  publish: Publish;
  /** public hosts draw secrets from crypto randomness, not the seed */
  cryptoSecrets?: boolean;
  onJobError?: (err: unknown) => void;
  /** the shop budget and the process ceiling (default DEFAULT_MEMORY) */
  memory?: MemoryLimits;
}

/** Told when a shop is created or removed (a data directory keeps a journal per shop). */
export interface StoreWatcher {
  created(tenant: Tenant): void;
  removed(tenant: Tenant): void;
}

/** Revoked keys a shop remembers (their 401 says when they were revoked); older ones are forgotten, secret and all. */
export const REVOKED_KEYS_KEPT = 100;

/**
 * All tenants and the one index from bearer secret to (tenant, key). Secrets
 * live only here; key records never carry them.
 */
export class TenantStore {
  private readonly tenants = new Map<string, Tenant>();
  private readonly secrets = new Map<string, { tenantId: string; keyId: string }>();
  private readonly secretsByTenant = new Map<string, Set<string>>();
  /** every shop's bytes together, against the process ceiling */
  readonly memory: ProcessMemory;
  private readonly shopBytes: number;
  private readonly watchers = new Set<StoreWatcher>();

  constructor(private readonly options: StoreOptions) {
    const limits = options.memory ?? DEFAULT_MEMORY;
    this.memory = new ProcessMemory(limits.processBytes);
    this.shopBytes = limits.shopBytes;
  }

  get size(): number {
    return this.tenants.size;
  }

  get(id: string): Tenant | undefined {
    return this.tenants.get(id);
  }

  values(): IterableIterator<Tenant> {
    return this.tenants.values();
  }

  /** `from`: a fork, which starts as a frozen shop instead of the fixtures in `seed`. */
  create(id: string, seed: TenantSeed, ephemeral = false, from?: FrozenShop): Tenant {
    if (this.tenants.has(id)) throw new Error(`tenant ${id} exists`);
    const tenant = new Tenant({ id, seed, ephemeral, from, ...this.options, shopBytes: this.shopBytes, memory: this.memory });
    this.tenants.set(id, tenant);
    for (const watcher of this.watchers) watcher.created(tenant);
    return tenant;
  }

  watch(watcher: StoreWatcher): void {
    this.watchers.add(watcher);
  }

  /** The secrets that open a shop and the key each opens (a shop file's part). */
  secretsOf(tenant: Tenant): [string, string][] {
    return [...(this.secretsByTenant.get(tenant.id) ?? [])].map((secret) => [secret, this.secrets.get(secret)!.keyId]);
  }

  /** The shop this secret opens, if any (a shop file's secrets are bound only where they are free). */
  ownerOf(secret: string): string | undefined {
    return this.secrets.get(secret)?.tenantId;
  }

  /** Drops a tenant and every secret that opened it; its memory goes with it, its pending work stops. */
  remove(id: string): void {
    const tenant = this.tenants.get(id);
    if (!tenant) return;
    tenant.retire();
    for (const watcher of this.watchers) watcher.removed(tenant);
    for (const secret of this.secretsByTenant.get(id) ?? []) this.secrets.delete(secret);
    this.secretsByTenant.delete(id);
    this.tenants.delete(id);
  }

  /** Binds a secret to an existing key record of the tenant (fixture keys with a known secret). */
  bindSecret(tenant: Tenant, keyId: string, secret: string): void {
    if (!SECRET_PATTERN.test(secret)) throw new Error(`'${secret}' is not an sx_test_/sx_live_ secret with 24 base62 characters`);
    if (this.secrets.has(secret)) throw new Error('secret already bound');
    this.secrets.set(secret, { tenantId: tenant.id, keyId });
    let own = this.secretsByTenant.get(tenant.id);
    if (!own) this.secretsByTenant.set(tenant.id, (own = new Set()));
    own.add(secret);
    tenant.budget.keys.charge(2 * stringBytes(secret));
    tenant.record({ t: 'secret', keyId, secret });
  }

  /** Forgets a secret of a shop (a key pruned, or a journal replaying that). */
  unbind(tenant: Tenant, secret: string): void {
    if (this.secrets.get(secret)?.tenantId !== tenant.id) return;
    this.secrets.delete(secret);
    this.secretsByTenant.get(tenant.id)?.delete(secret);
    tenant.budget.keys.release(2 * stringBytes(secret));
    tenant.record({ t: 'unsecret', secret });
  }

  /**
   * A key was revoked: beyond the newest REVOKED_KEYS_KEPT revoked keys of
   * the shop, the oldest are forgotten (record, secret, last use), so minting
   * and revoking keys forever holds a bounded amount.
   */
  pruneRevoked(tenant: Tenant): void {
    const revoked = [...tenant.apiKeys.ownRecords()].filter((k) => k.revoked_at).sort((a, b) => a.revoked_at!.localeCompare(b.revoked_at!));
    for (const key of revoked.slice(0, Math.max(0, revoked.length - REVOKED_KEYS_KEPT))) {
      for (const secret of [...(this.secretsByTenant.get(tenant.id) ?? [])]) {
        if (this.secrets.get(secret)?.keyId === key.id) this.unbind(tenant, secret);
      }
      tenant.apiKeys.remove(key.id);
      tenant.lastUsed.delete(key.id);
    }
  }

  /** Mints a key: the record goes to the tenant, the secret is returned once and indexed here. */
  mint(tenant: Tenant, input: { name: string; abilities: readonly Ability[]; mode: 'live' | 'test'; secret?: string }): { key: ApiKey; secret: string } {
    // keep the canonical order of abilities, whatever order they were asked in
    const abilities = ABILITIES.filter((a) => input.abilities.includes(a));
    const key = tenant.apiKeys.insert({
      id: tenant.ids.next('apik'),
      name: input.name,
      abilities,
      mode: input.mode,
      created_at: isoSeconds(tenant.clock.now()),
      last_used_at: null,
      revoked_at: null,
    });
    let secret = input.secret;
    while (!secret || this.secrets.has(secret)) secret = `sx_${input.mode}_${randomString(tenant.secretRandom, 24)}`;
    this.bindSecret(tenant, key.id, secret);
    return { key, secret };
  }

  lookup(secret: string): KeyLookup | undefined {
    const entry = this.secrets.get(secret);
    if (!entry) return undefined;
    const tenant = this.tenants.get(entry.tenantId);
    const key = tenant?.apiKeys.get(entry.keyId);
    return tenant && key ? { tenant, key } : undefined;
  }
}
