import type { Random } from '../state/random.js';
import { randomString } from '../state/random.js';

/**
 * What each chain carries and what its addresses look like. The spec's
 * `Asset` and `DestinationAddress` descriptions show these same tables to
 * readers; test/resources/payouts.test.ts keeps the two in step.
 */
export const ASSETS_BY_CHAIN: Readonly<Record<string, readonly string[]>> = {
  tron: ['USDT', 'USDC', 'TRX'],
  ethereum: ['USDT', 'USDC', 'ETH'],
  base: ['USDC', 'ETH'],
  polygon: ['USDT', 'USDC', 'POL'],
  bsc: ['USDT', 'USDC', 'BNB'],
  bitcoin: ['BTC'],
  solana: ['USDT', 'USDC', 'SOL'],
};

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58 = '[1-9A-HJ-NP-Za-km-z]';
const BECH32 = '[qpzry9x8gf2tvdw0s3jn54khce6mua7l]';
const EVM = { pattern: /^0x[0-9a-fA-F]{40}$/, hint: '0x followed by 40 hex characters' };

// Shape only (alphabet and length), never a checksum: enough to catch a pasted
// address of the wrong chain, which is the mistake that loses money.
const ADDRESS_FORMATS: Readonly<Record<string, { pattern: RegExp; hint: string }>> = {
  ethereum: EVM,
  base: EVM,
  polygon: EVM,
  bsc: EVM,
  tron: { pattern: new RegExp(`^T${B58}{33}$`), hint: 'T followed by 33 base58 characters' },
  bitcoin: {
    pattern: new RegExp(`^(bc1${BECH32}{39,59}|[13]${B58}{25,34})$`),
    hint: 'a bech32 address (bc1…, lower case) or a legacy base58 address (1… or 3…)',
  },
  solana: { pattern: new RegExp(`^${B58}{32,44}$`), hint: '32 to 44 base58 characters' },
};

export function assetsOn(chain: string): readonly string[] {
  return ASSETS_BY_CHAIN[chain] ?? [];
}

/** Field errors for a chain/asset/address triple; empty when it is acceptable. */
export function chainErrors(chain: string, asset: string, address?: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const assets = assetsOn(chain);
  if (!assets.includes(asset)) errors['body.asset'] = [`must be one of ${assets.join(', ')} on ${chain}`];
  if (address !== undefined && !ADDRESS_FORMATS[chain]?.pattern.test(address)) {
    errors['body.destination_address'] = [`must be a ${chain} address: ${ADDRESS_FORMATS[chain]?.hint}`];
  }
  return errors;
}

/**
 * The sandbox's magic failing destination, the way test card numbers work
 * elsewhere: any address containing `dead` or `Dead` is rejected at broadcast.
 */
export function isRejectedDestination(address: string): boolean {
  return address.includes('dead') || address.includes('Dead');
}

/** A transaction hash shaped like the chain's own (nothing moves on chain). */
export function fakeTxHash(chain: string, random: Random): string {
  if (chain === 'solana') return randomString(random, 88, BASE58);
  // 32 random bits per draw: history generation makes hundreds of these
  let hex = '';
  for (let i = 0; i < 8; i++)
    hex += Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  // the reference writes tron hashes 0x-prefixed, like the EVM chains
  return chain === 'bitcoin' ? hex : `0x${hex}`;
}

/** A well-formed address for a chain that the sandbox accepts (never a magic failing one). */
export function fakeAddress(chain: string, random: Random): string {
  for (;;) {
    const address =
      chain === 'tron'
        ? `T${randomString(random, 33, BASE58)}`
        : chain === 'bitcoin'
          ? `bc1q${randomString(random, 38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}`
          : chain === 'solana'
            ? randomString(random, 44, BASE58)
            : `0x${randomString(random, 40, '0123456789abcdef')}`;
    if (!isRejectedDestination(address)) return address;
  }
}
