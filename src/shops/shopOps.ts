import { Problem } from '../engine/problem.js';
import type { Sha256Hex } from '../platform/types.js';
import { webSha256Hex } from '../platform/web.js';
import { randomString, type Random } from '../state/random.js';
import { ABILITIES } from '../state/records.js';
import { checkFixtures, loadShopState, readShopFile, shopData, writeShopFile, type ShopData } from '../state/shopFile.js';
import type { TenantSeed } from '../state/seed.js';
import type { TenantStore } from '../state/store.js';
import type { Tenant } from '../state/tenant.js';

/** Named snapshots one shop may hold; the oldest is not dropped silently: taking one more is refused. */
export const SNAPSHOTS_PER_SHOP = 20;
/** Shops made by forks and imports in one sandbox process (each is a full shop, kept until the process ends). */
export const MADE_SHOPS_MAX = 1000;

/** A new shop and the full-access test key that opens it. */
export interface MadeShop {
  tenant: Tenant;
  secret: string;
}

/**
 * Snapshots, restores, forks, exports and imports: the state of a shop as
 * something to keep, go back to, branch and hand over. Used by the test
 * helper operations and by createSandbox's snapshot()/restore()/fork().
 */
export class ShopOps {
  private made = 0;

  constructor(
    private readonly store: TenantStore,
    /** the fixtures every shop is made over */
    private readonly seed: TenantSeed,
    private readonly seedNumber: number,
    /** where the ids and keys of made shops come from: seeded, so a suite forks the same shops every run */
    private readonly random: Random,
    /** public hosts do not offer them: a stranger would make shops that never expire */
    readonly enabled: boolean,
    /** the platform's SHA-256 for shop-file checksums (node:crypto in Node; the same bytes as the pure-JS default) */
    private readonly sha256: Sha256Hex = webSha256Hex,
  ) {}

  snapshot(tenant: Tenant, name: string): { name: string; taken_at: string } {
    this.check();
    if (!tenant.snapshots.has(name) && tenant.snapshots.size >= SNAPSHOTS_PER_SHOP) {
      throw Problem.rule(
        'body',
        `this sandbox keeps at most ${SNAPSHOTS_PER_SHOP} snapshots per shop`,
        `This shop holds ${SNAPSHOTS_PER_SHOP} snapshots, the most the sandbox keeps (snapshots per shop: ${SNAPSHOTS_PER_SHOP}). Take this one under the name of one you no longer need: it replaces it.`,
      );
    }
    const takenAt = tenant.now();
    tenant.snapshots.set(name, { frozen: tenant.freeze(), takenAt });
    return { name, taken_at: takenAt };
  }

  restore(tenant: Tenant, name: string): { name: string; taken_at: string } {
    this.check();
    const snapshot = this.find(tenant, name, 'body.name');
    tenant.restore(snapshot.frozen);
    return { name, taken_at: snapshot.takenAt };
  }

  /** A new shop as this one is now (or as its snapshot `name` was), copy-on-write over it, with its own full-access key. */
  fork(tenant: Tenant, name?: string): MadeShop {
    this.check();
    const frozen = name === undefined ? tenant.freeze() : this.find(tenant, name, 'body.snapshot').frozen;
    return this.make((id) => this.store.create(id, this.seed, false, frozen));
  }

  /** The shop as one file (without its API keys and secrets: a file handed over opens nothing). */
  exportShop(tenant: Tenant): string {
    this.check();
    const data = shopData(tenant, { seed: this.seedNumber, secrets: [], journalSeq: 0 });
    data.collections.apiKeys = { changed: [], added: [] };
    data.last_used = [];
    return writeShopFile(data, this.sha256);
  }

  /** A new shop from an exported file, with its own full-access key; `source` names the file in a refusal. */
  importShop(text: string, source: string): MadeShop {
    this.check();
    const shop = readShopFile(text, source, this.sha256);
    return this.make((id) => {
      const tenant = this.store.create(id, this.seed);
      try {
        checkFixtures(shop, tenant, this.seedNumber, source);
        loadShopState(tenant, { ...shop, collections: { ...shop.collections, apiKeys: { changed: [], added: [] } } } as ShopData, false);
        // loaded whole, not change by change: a journal (--data) writes the shop again
        tenant.record({ t: 'replaced' });
      } catch (err) {
        this.store.remove(id);
        throw err;
      }
      return tenant;
    });
  }

  private make(create: (id: string) => Tenant): MadeShop {
    if (this.made >= MADE_SHOPS_MAX) {
      throw Problem.rule(
        'body',
        `this sandbox makes at most ${MADE_SHOPS_MAX} shops by fork or import`,
        `This sandbox has made ${MADE_SHOPS_MAX} shops by fork or import (made shops: ${MADE_SHOPS_MAX}), the most one process makes. Restart it, or reuse a shop with snapshots and restores.`,
      );
    }
    let id: string;
    do id = `tnt_${randomString(this.random, 20)}`;
    while (this.store.get(id));
    const tenant = create(id);
    this.made++;
    let secret: string;
    do secret = `sx_test_${randomString(this.random, 24)}`;
    while (this.store.ownerOf(secret));
    // the key's id is drawn aside: the new shop's next ids are the ones its origin would give
    const ids = tenant.ids.position;
    this.store.mint(tenant, { name: 'Full access (made by fork or import)', abilities: ABILITIES, mode: 'test', secret });
    tenant.ids.position = ids;
    return { tenant, secret };
  }

  /** A snapshot by name, or 422 on `field` naming the ones the shop has. */
  private find(tenant: Tenant, name: string, field: string) {
    const snapshot = tenant.snapshots.get(name);
    if (!snapshot) {
      const names = [...tenant.snapshots.keys()];
      throw Problem.rule(
        field,
        `this shop has no snapshot named '${name}'`,
        `This shop has no snapshot named '${name}'. ${names.length ? `It has: ${names.join(', ')}.` : 'It has none; take one with POST /v1/test_helpers/snapshots.'}`,
      );
    }
    return snapshot;
  }

  private check(): void {
    if (!this.enabled)
      throw new Problem(
        501,
        'Snapshots, forks, exports and imports are not available on this deployment (a public sandbox, --public: they would make shops that never expire). Run sx-sandbox locally for them.',
      );
  }
}
