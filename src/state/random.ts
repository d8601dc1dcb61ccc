/**
 * A small seeded PRNG (mulberry32). Ids, secrets and generated data derive
 * from it so one seed gives byte-identical sandboxes.
 */
export type Random = () => number;

const draw = new Uint32Array(2);

/**
 * Unpredictable numbers for secrets on a public host, where seeded secrets
 * could be guessed: 47 bits from the Web Crypto generator (a global in Node
 * and in every browser), uniform in [0, 1).
 */
export const cryptoRandom: Random = () => {
  globalThis.crypto.getRandomValues(draw);
  return ((draw[0] & 0x7fff) * 2 ** 32 + draw[1]) / 2 ** 47;
};

/** A seeded stream whose position can be read and set again: a shop file carries it, so ids continue where they were. */
export interface SeededRandom extends Random {
  position(): number;
  seek(position: number): void;
}

export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as SeededRandom;
  next.position = () => a;
  next.seek = (position) => {
    a = position >>> 0;
  };
  return next;
}

/** Hash a string to a 32-bit seed (FNV-1a), to derive per-tenant streams. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomString(random: Random, length: number, alphabet = BASE62): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}
