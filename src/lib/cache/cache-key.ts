/**
 * Cache keys: the hash of everything a result depends on. Every key starts with the tool's
 * fingerprint (its version and the hash of its own code), so that another version of
 * tei-edition, or a changed converter, never takes an entry made by another.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolVersion } from '../tool-version.js';
import { CACHE_FORMAT } from './build-cache.js';

/** A part of a key: a text or bytes as they are, anything else as its JSON. */
export type KeyPart = unknown;

/** sha256 (hex) of a text or bytes. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The key of a result: its stage and the parts it depends on, in order (each part length-prefixed, so that parts never run into each other). */
export function cacheKey(stage: string, parts: readonly KeyPart[]): string {
  const hash = createHash('sha256');
  const add = (text: string | Uint8Array): void => {
    hash.update(`${text.length}:`);
    hash.update(text);
  };
  add(`tei-edition-cache/${CACHE_FORMAT}`);
  add(toolFingerprint());
  add(stage);
  for (const part of parts) add(typeof part === 'string' || part instanceof Uint8Array ? part : (JSON.stringify(part) ?? 'undefined'));
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/** The tool's version and the hash of its compiled code (the .js files beside this one's folder), computed once. */
export function toolFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  const hash = createHash('sha256').update(toolVersion);
  for (const file of codeFiles(root)) hash.update(relative(root, file)).update(readFileSync(file));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function codeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...codeFiles(path));
    else if (entry.name.endsWith('.js')) found.push(path);
  }
  return found;
}
