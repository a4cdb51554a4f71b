/**
 * A folder's content as a map path → sha256 (symlinks by their target), so that a test can say
 * "nothing here changed" about every file, before and after a command. The build cache
 * (`.tei-edition-cache/`, docs/cache.md) is not output and is left out: a failed build may add
 * entries to it, never change what was published.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

const CACHE_FOLDER = '.tei-edition-cache';

export function treeHashes(root: string, skip: (relativePath: string) => boolean = () => false): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (name === CACHE_FOLDER || skip(rel)) continue;
      const info = lstatSync(path);
      if (info.isSymbolicLink()) hashes[rel] = `link → ${readlinkSync(path)}`;
      else if (info.isDirectory()) {
        hashes[`${rel}/`] = 'folder';
        walk(path);
      } else hashes[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return hashes;
}
