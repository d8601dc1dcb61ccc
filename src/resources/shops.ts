import { Problem } from '../engine/problem.js';
import type { HandlerSet } from '../services.js';
import type { Schema } from '../spec/operationTypes.js';
import type { MadeShop } from '../shops/shopOps.js';
import { ShopFileError } from '../state/shopFile.js';

const made = ({ tenant, secret }: MadeShop) => ({ object: 'shop' as const, tenant_id: tenant.id, secret });

/** Sandbox-only: a shop's state as something to keep (snapshots), branch (forks) and hand over (export, import). */
export const shopHandlers = {
  takeSnapshot: ({ tenant, body, services }) => ({ object: 'snapshot', ...services.shops.snapshot(tenant, body.name) }),

  restoreSnapshot: ({ tenant, body, services }) => ({ object: 'snapshot', ...services.shops.restore(tenant, body.name) }),

  forkShop: ({ tenant, body, services }) => made(services.shops.fork(tenant, body.snapshot)),

  // the shop file as this sandbox writes it (writeShopFile), which is the spec's ShopFile
  exportShop: ({ tenant, services }) => JSON.parse(services.shops.exportShop(tenant)) as Schema<'ShopFile'>,

  importShop: ({ body, services }) => {
    try {
      return made(services.shops.importShop(JSON.stringify(body), 'the uploaded shop file'));
    } catch (err) {
      if (err instanceof ShopFileError) throw Problem.rule('body', err.message);
      throw err;
    }
  },
} satisfies HandlerSet;
