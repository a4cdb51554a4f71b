/**
 * The build cache (docs/cache.md): per text, what a stage made from it (its TEI, its validation
 * messages, its HTML page and summary, its print chapter), stored under a key that is the hash of
 * everything the result depends on (cache-key.ts). A rebuild redoes only the texts whose key
 * changed.
 *
 * An entry is a file `<dir>/<stage>/<key[0..2]>/<key>.json`: a first line, JSON, with its stage,
 * its key and the checksum of the rest, then its value as JSON. Nothing read is trusted blindly: an entry that does not parse, names
 * another stage or key, or whose checksum does not match its value (truncated, tampered, foreign)
 * is ignored, counted, and its result made again (and stored over it). Entries are written
 * atomically (a temporary file renamed into place), so two builds sharing a cache at once never
 * see half an entry, and a killed build leaves none. Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Bumped when the entries' layout changes: older entries are then foreign (their key is not found). */
export const CACHE_FORMAT = 2;

/** The stages that cache their results per text (or per collection). */
export type CacheStage =
  | 'convert'
  | 'validate'
  | 'html-text'
  | 'html-collection'
  | 'html-order'
  | 'html-register-table'
  | 'search'
  | 'print-chapter'
  | 'print-book';

/** An entry's first line. */
interface EntryHeader {
  readonly format: number;
  readonly stage: string;
  readonly key: string;
  /** sha256 of the value's JSON (the rest of the file). */
  readonly check: string;
}

/** What a run did with the cache, by stage: for the summary line and `--json`. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but not trusted (corrupt, truncated, foreign), made again. */
  ignored: number;
  /** Entries that could not be stored (a full disk, no permission). */
  unwritten: number;
}

export class BuildCache {
  private readonly counts = new Map<CacheStage, CacheStats>();

  /**
   * `dir`: the cache folder (it need not exist). `readOnly`: look up, never store (a dry run).
   * `extra`: more cache folders to look up, never written (`merge` reads the shards' caches).
   */
  constructor(
    readonly dir: string,
    private readonly options: { readonly readOnly?: boolean; readonly extra?: readonly string[] } = {},
  ) {}

  /** The value stored for this stage and key, or undefined (absent, or not to be trusted). */
  async get<T>(stage: CacheStage, key: string): Promise<T | undefined> {
    for (const dir of [this.dir, ...(this.options.extra ?? [])]) {
      const found = await readEntry(entryPath(dir, stage, key), stage, key);
      if (found === 'ignored') this.count(stage).ignored++;
      else if (found !== undefined) {
        this.count(stage).hits++;
        return found.value as T;
      }
    }
    this.count(stage).misses++;
    return undefined;
  }

  /** Stores a value (JSON-serialisable) under this stage and key. */
  async put(stage: CacheStage, key: string, value: unknown): Promise<void> {
    if (this.options.readOnly === true) return;
    const body = JSON.stringify(value);
    const header: EntryHeader = { format: CACHE_FORMAT, stage, key, check: checksum(body) };
    try {
      await writeFileAtomic(entryPath(this.dir, stage, key), `${JSON.stringify(header)}\n${body}`);
    } catch {
      // A cache that cannot be written (a full disk, no permission) costs the next build time, not this one its result.
      this.count(stage).unwritten++;
    }
  }

  stats(): Readonly<Record<string, CacheStats>> {
    return Object.fromEntries(this.counts);
  }

  private count(stage: CacheStage): CacheStats {
    let c = this.counts.get(stage);
    if (c === undefined) this.counts.set(stage, (c = { hits: 0, misses: 0, ignored: 0, unwritten: 0 }));
    return c;
  }
}

function entryPath(dir: string, stage: CacheStage, key: string): string {
  return join(dir, stage, key.slice(0, 2), `${key}.json`);
}

async function readEntry(path: string, stage: CacheStage, key: string): Promise<{ readonly value: unknown } | 'ignored' | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const end = text.indexOf('\n');
    if (end < 0) return 'ignored';
    const header = JSON.parse(text.slice(0, end)) as Partial<EntryHeader>;
    const body = text.slice(end + 1);
    const trusted = header.format === CACHE_FORMAT && header.stage === stage && header.key === key && header.check === checksum(body);
    return trusted ? { value: JSON.parse(body) as unknown } : 'ignored';
  } catch {
    return 'ignored';
  }
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
