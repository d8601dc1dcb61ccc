import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { Client, uniqueSuffix, type Reply } from './client.js';
import { NotPossible } from './skip.js';
import { ABILITIES } from './spec.js';
import { target } from './target.js';

export interface MintedKey {
  id: string;
  secret: string;
  abilities: string[];
}

/**
 * One test file's dealings with the target: the main key (`admin`), a
 * full-access test key minted for this file (`api`, so each file has its own
 * rate-limit budget and two runs never share one), keys minted on the way,
 * and the cleanup that runs after the file, newest first.
 */
export class Session {
  readonly admin = new Client(target.baseUrl, target.apiKey);
  private own?: Client;
  private readonly cleanups: Array<{ label: string; run: () => Promise<unknown> }> = [];

  constructor(
    readonly name: string,
    /** mint a key for this file; files that only use `admin` and keys of their own say no */
    private readonly ownKey = true,
  ) {}

  /** this file's own full-access key (the main key when minting is not possible) */
  get api(): Client {
    if (!this.own) throw new Error('session not started: call session() at the top of the file');
    return this.own;
  }

  /** A name no other run uses: `contract <file> <what> <run>`. */
  unique(what: string): string {
    return `contract ${this.name} ${what} ${target.runId}${uniqueSuffix()}`;
  }

  idempotencyKey(what: string): string {
    return `contract-${this.name}-${what}-${target.runId}-${uniqueSuffix()}`;
  }

  /** Runs after the file's tests, newest first; a failure is reported, never swallowed. */
  defer(label: string, run: () => Promise<unknown>): void {
    this.cleanups.push({ label, run });
  }

  /** Like defer, but as soon as the running test ends: for what a shop may hold only a few of at once (webhook endpoints). */
  afterThisTest(label: string, run: () => Promise<Reply>): void {
    onTestFinished(async () => {
      const result = await run();
      if (result.status >= 300 && result.status !== 404) throw new Error(`cleanup ${label}: ${result.status} ${result.text.slice(0, 200)}`);
    });
  }

  /**
   * Mints a test key and revokes it after the file. Returns the reply too, so
   * callers can assert on it; throws when the target refuses.
   */
  async mint(what: string, abilities: readonly string[] = ABILITIES, by: Client = this.admin): Promise<MintedKey & { reply: Reply }> {
    const reply = await by.post('/v1/api-keys', { name: this.unique(what).slice(0, 100), abilities, mode: 'test' });
    if (reply.status === 403) {
      throw new NotPossible(`the key in use cannot mint keys: minting needs all nine abilities (${reply.body.detail})`, {
        operationIds: ['createApiKey'],
        statuses: [],
      });
    }
    if (reply.status !== 201) throw new Error(`minting a test key answered ${reply.status}: ${reply.text.slice(0, 300)}`);
    const key = { id: reply.body.id as string, secret: reply.body.secret as string, abilities: [...abilities], reply };
    this.defer(`revoke key ${key.id}`, () => this.admin.delete(`/v1/api-keys/${key.id}`));
    return key;
  }

  async start(): Promise<void> {
    if (!this.ownKey) {
      this.own = this.admin;
      return;
    }
    try {
      const key = await this.mint('session');
      this.own = this.admin.as(key.secret);
    } catch (err) {
      // only a key that may not mint falls back; anything else is a failure worth seeing
      if (!(err instanceof NotPossible)) throw err;
      process.stdout.write(`[contract] using the main key for ${this.name}: ${err.message}\n`);
      this.own = this.admin;
    }
  }

  async stop(): Promise<void> {
    const failures: string[] = [];
    for (const { label, run } of this.cleanups.reverse()) {
      try {
        const result = (await run()) as Reply | undefined;
        // 404: already gone (a test removed it itself); anything else is worth knowing
        if (result && typeof result.status === 'number' && result.status >= 300 && result.status !== 404) {
          failures.push(`${label}: ${result.status} ${result.text.slice(0, 200)}`);
        }
      } catch (err) {
        failures.push(`${label}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    this.cleanups.length = 0;
    if (failures.length) throw new Error(`cleanup after ${this.name} failed:\n  - ${failures.join('\n  - ')}`);
  }
}

/** Call once at the top of a test file. */
export function session(name: string, options: { ownKey?: boolean } = {}): Session {
  const s = new Session(name, options.ownKey);
  beforeAll(() => s.start());
  afterAll(() => s.stop());
  return s;
}
