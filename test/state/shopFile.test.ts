import { describe, expect, it } from 'vitest';
import { checkFixtures, loadShopState, readShopFile, shopData, ShopFileError, writeShopFile, SHOP_FORMAT_VERSION } from '../../src/state/shopFile.js';
import { answers, makeBusy, sandboxes } from '../support/busyShop.js';

const sandbox = sandboxes();

/** A busy shop's file, and a second sandbox's demo shop loaded from it. */
async function roundTrip() {
  const a = sandbox();
  await makeBusy(a);
  const text = writeShopFile(shopData(a.sandbox.demo, { seed: 1, secrets: a.sandbox.store.secretsOf(a.sandbox.demo), journalSeq: 0 }));
  const b = sandbox();
  const shop = readShopFile(text, 'busy.json');
  checkFixtures(shop, b.sandbox.demo, 1, 'busy.json');
  loadShopState(b.sandbox.demo, shop, true);
  return { a, b, text };
}

describe('a shop file', () => {
  it('carries everything a shop holds beyond its fixtures: the loaded shop answers byte for byte as the original', async () => {
    const { a, b } = await roundTrip();
    expect(await answers(b)).toEqual(await answers(a));
  });

  it('a fresh shop answers differently (the comparison can fail)', async () => {
    const a = sandbox();
    await makeBusy(a);
    const fresh = sandbox();
    expect(await answers(fresh)).not.toEqual(await answers(a));
  });

  it('says its format and version and holds a checksum; damaged, truncated, foreign or newer files are refused naming the file', async () => {
    const { text } = await roundTrip();
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: 'sx-sandbox-shop', version: SHOP_FORMAT_VERSION });
    expect(parsed.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const refused = (t: string) => {
      try {
        readShopFile(t, '/data/shop.json');
      } catch (err) {
        expect(err).toBeInstanceOf(ShopFileError);
        expect((err as Error).message.startsWith('/data/shop.json: ')).toBe(true);
        return (err as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused(text.replace('Renamed fixture', 'Renamed fixturE'))).toMatch(/fails its checksum/);
    expect(refused(text.slice(0, -200))).toMatch(/damaged or truncated/);
    expect(refused('{"openapi":"3.1.0"}')).toMatch(/not an sx-sandbox shop file/);
    expect(refused(text.replace(`"version":${SHOP_FORMAT_VERSION}`, '"version":99'))).toMatch(/version 99; this sx-sandbox reads version 1/);
    expect(() => readShopFile(text, 'busy.json')).not.toThrow();
  });

  it('is refused over other fixtures (another seed)', async () => {
    const { text } = await roundTrip();
    const other = sandbox({ seed: 2 });
    expect(() => checkFixtures(readShopFile(text, 'busy.json'), other.sandbox.demo, 2, 'busy.json')).toThrow(
      /busy\.json: was written over the fixtures of seed 1, not 2\. Start with --seed 1/,
    );
  });
});
