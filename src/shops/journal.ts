/**
 * A shop kept on disk: its last shop file (`shop.json`) and a journal of
 * every change since (`journal.ndjson`), one line per change.
 *
 * A change is written (writeSync, before the call that made it returns,
 * hence before any reply goes out) as `<crc32> <json>\n`, so a shop whose
 * process is killed loses nothing it answered. The journal is fdatasync'ed
 * once per turn of the event loop: a power cut can lose the writes answered
 * in that last turn (README, "What can be lost"). When the journal passes
 * COMPACT_BYTES, or the shop's state is replaced whole (a restore), the shop
 * is written as a new file (temporary file, fsync, atomic rename, fsync of
 * the directory) and the journal starts again. Each entry is numbered and
 * the file says the last number it includes, so a crash between the rename
 * and the truncation replays nothing twice.
 *
 * Node's fs does all of this (atomic rename, fsync) in a few calls; an
 * embedded database would add a native dependency for what is one file and
 * one append-only log per shop.
 */
import { closeSync, existsSync, fdatasyncSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ShopChange } from '../state/changes.js';
import { ShopFileError } from '../state/shopFile.js';
import type { ShopStreams, Tenant } from '../state/tenant.js';

/** A journal this long is folded into a new shop file. */
export const COMPACT_BYTES = 8 * 1024 * 1024;

export const SHOP_FILE = 'shop.json';
export const JOURNAL_FILE = 'journal.ndjson';

/** One journal line: its number, the shop's streams after the change, the change. */
export interface JournalEntry {
  n: number;
  s: ShopStreams;
  c: ShopChange;
}

function line(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

/**
 * The entries of a journal file after `afterSeq`. A last line without its
 * newline is a write the process died in (never answered): it is dropped.
 * Any other line that fails its checksum refuses the file.
 */
export function readJournal(file: string, afterSeq: number): JournalEntry[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const complete = lines.slice(0, -1); // what follows the last newline is a torn write or nothing
  const entries: JournalEntry[] = [];
  complete.forEach((raw, i) => {
    const space = raw.indexOf(' ');
    const json = raw.slice(space + 1);
    if (space !== 8 || crc32(json).toString(16).padStart(8, '0') !== raw.slice(0, 8)) {
      throw new ShopFileError(file, `line ${i + 1} fails its checksum (the journal was damaged or edited)`);
    }
    const entry = JSON.parse(json) as JournalEntry;
    if (entry.n > afterSeq) entries.push(entry);
  });
  return entries;
}

/** Writes `text` to `file` so that a crash leaves the old file or the new one, never half of either. */
export function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncDirectory(join(file, '..'));
}

function syncDirectory(dir: string): void {
  // a rename is durable once its directory is; some platforms cannot open a directory (Windows): the rename still happened
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort where directories cannot be synced */
  }
}

/** The journal of one shop, open for appending. */
export class ShopJournal {
  private fd: number;
  private bytes = 0;
  private syncing: NodeJS.Immediate | null = null;

  constructor(
    readonly dir: string,
    private readonly tenant: Tenant,
    /** the shop file's text as of now, including entries up to `seq` */
    private readonly render: (seq: number) => string,
    private seq: number,
  ) {
    mkdirSync(dir, { recursive: true });
    this.fd = openSync(join(dir, JOURNAL_FILE), 'a');
  }

  get lastSeq(): number {
    return this.seq;
  }

  append(change: ShopChange): void {
    if (change.t === 'replaced') {
      this.compact();
      return;
    }
    const text = line({ n: ++this.seq, s: this.tenant.streams(), c: change });
    writeSync(this.fd, text);
    this.bytes += text.length;
    if (this.bytes > COMPACT_BYTES) this.compact();
    else this.syncSoon();
  }

  /** The shop as a new file; the journal starts empty. */
  compact(): void {
    writeAtomically(join(this.dir, SHOP_FILE), this.render(this.seq));
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.bytes = 0;
  }

  private syncSoon(): void {
    if (this.syncing) return;
    this.syncing = setImmediate(() => {
      this.syncing = null;
      fdatasyncSync(this.fd);
    });
    this.syncing.unref();
  }

  close(): void {
    if (this.syncing) clearImmediate(this.syncing);
    this.syncing = null;
    fdatasyncSync(this.fd);
    closeSync(this.fd);
  }
}
