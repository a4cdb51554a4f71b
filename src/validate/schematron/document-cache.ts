/**
 * The documents that `doc()` and `doc-available()` reach (the registers: persons.xml…), read and
 * parsed once per compiled schema, so once per run, whatever the number of files validated.
 * Only `file:` URIs are read (no network); a file that cannot be read or parsed is not available.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseDocument, type DomDocument, type EngineParams } from './saxon.js';

export class DocumentCache {
  private readonly documents = new Map<string, DomDocument | null>();
  private readonly loading = new Map<string, Promise<void>>();
  private params?: EngineParams;

  constructor(private readonly base: string) {}

  /** The documents loaded so far, as the engine's parameters. */
  current(): EngineParams {
    if (this.params !== undefined) return this.params;
    const uris: string[] = [];
    const docs: DomDocument[] = [];
    const missing: string[] = [];
    for (const [uri, doc] of this.documents) {
      if (doc === null) missing.push(uri);
      else {
        uris.push(uri);
        docs.push(doc);
      }
    }
    this.params = { uris, docs, missing, base: this.base };
    return this.params;
  }

  /** Reads and parses `uri` unless done already (concurrent calls share one read). */
  load(uri: string): Promise<void> {
    if (this.documents.has(uri)) return Promise.resolve();
    let pending = this.loading.get(uri);
    if (pending === undefined) {
      pending = read(uri).then((doc) => {
        this.documents.set(uri, doc);
        this.loading.delete(uri);
        this.params = undefined;
      });
      this.loading.set(uri, pending);
    }
    return pending;
  }
}

async function read(uri: string): Promise<DomDocument | null> {
  if (!uri.startsWith('file:')) return null;
  try {
    return await parseDocument(await readFile(fileURLToPath(uri), 'utf8'), uri);
  } catch {
    return null;
  }
}
