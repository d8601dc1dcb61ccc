import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodePlatform } from '../platform/node.js';
import { checkFixtures, loadShopState, readShopFile, shopData, ShopFileError, writeShopFile } from '../state/shopFile.js';
import type { TenantSeed } from '../state/seed.js';
import type { TenantStore } from '../state/store.js';
import type { Tenant } from '../state/tenant.js';
import { JOURNAL_FILE, readJournal, SHOP_FILE, ShopJournal } from './journal.js';
import { replay } from './replay.js';

/**
 * `--data <dir>`: every shop but the docs page's visitor shops (they expire
 * by design) kept in `<dir>/shops/<tenant id>/`, loaded at start, journaled
 * as it changes. A file that cannot be read stops the start with its name;
 * it is never replaced by fixtures.
 */
export class DataDir {
  private readonly journals = new Map<string, ShopJournal>();
  /** the last journal entry of each shop loaded: numbering goes on from there */
  private readonly seqs = new Map<string, number>();
  readonly root: string;

  constructor(
    dir: string,
    private readonly store: TenantStore,
    private readonly seed: TenantSeed,
    /** the sandbox seed (a file is made over that seed's fixtures) */
    private readonly seedNumber: number,
  ) {
    this.root = resolve(dir, 'shops');
    mkdirSync(this.root, { recursive: true });
  }

  /** Loads every shop the directory holds (into the shop of that id if it exists: the demo shop), then journals every shop. */
  open(): void {
    for (const id of readdirSync(this.root).sort()) this.load(id);
    for (const tenant of this.store.values()) if (!tenant.ephemeral) this.keep(tenant);
    this.store.watch({
      created: (tenant) => {
        if (!tenant.ephemeral) this.keep(tenant);
      },
      removed: (tenant) => this.forget(tenant),
    });
  }

  private load(id: string): void {
    const dir = join(this.root, id);
    const file = join(dir, SHOP_FILE);
    if (!existsSync(file)) {
      if (!existsSync(join(dir, JOURNAL_FILE))) return;
      throw new ShopFileError(join(dir, JOURNAL_FILE), `has no ${SHOP_FILE} beside it, so its changes have nothing to apply to`);
    }
    const shop = readShopFile(readFileSync(file, 'utf8'), file, nodePlatform.sha256Hex);
    if (shop.tenant_id !== id) throw new ShopFileError(file, `holds shop ${shop.tenant_id}, but lies in the directory of ${id}`);
    const entries = readJournal(join(dir, JOURNAL_FILE), shop.journal_seq);
    const tenant = this.store.get(id) ?? this.store.create(id, this.seed);
    checkFixtures(shop, tenant, this.seedNumber, file);
    loadShopState(tenant, shop, true);
    for (const [secret, keyId] of shop.secrets) if (!this.store.ownerOf(secret)) this.store.bindSecret(tenant, keyId, secret);
    replay(tenant, this.store, entries);
    this.seqs.set(id, entries.at(-1)?.n ?? shop.journal_seq);
    // a request still running when the process died never answered: its key is free again
    for (const [key, entry] of [...tenant.idempotency]) if (!entry.reply) tenant.idempotency.delete(key);
  }

  /** Journals a shop from now on; its file is written at once, so the directory always holds it whole. */
  private keep(tenant: Tenant): void {
    if (this.journals.has(tenant.id)) return;
    const render = (seq: number) =>
      writeShopFile(shopData(tenant, { seed: this.seedNumber, secrets: this.store.secretsOf(tenant), journalSeq: seq }), nodePlatform.sha256Hex);
    const journal = new ShopJournal(join(this.root, tenant.id), tenant, render, this.seqs.get(tenant.id) ?? 0);
    journal.compact();
    this.journals.set(tenant.id, journal);
    tenant.observe((change) => journal.append(change));
  }

  private forget(tenant: Tenant): void {
    const journal = this.journals.get(tenant.id);
    if (!journal) return;
    tenant.observe(null);
    journal.close();
    this.journals.delete(tenant.id);
    rmSync(journal.dir, { recursive: true, force: true });
  }

  /** Every journal synced and closed (the sandbox stops). */
  close(): void {
    for (const [id, journal] of this.journals) {
      this.store.get(id)?.observe(null);
      journal.close();
    }
    this.journals.clear();
  }
}
