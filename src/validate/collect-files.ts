/**
 * The files a validation run covers: files named on the command line, and every `*.xml` file
 * under the folders named (recursively, sorted, skipping hidden folders and node_modules).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CollectedFiles {
  readonly files: string[];
  /** Paths that do not exist or cannot be read: usage errors. */
  readonly missing: { path: string; reason: string }[];
}

export async function collectXmlFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const missing: { path: string; reason: string }[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) files.push(...(await xmlFilesUnder(path)));
      else files.push(path);
    } catch (e) {
      missing.push({ path, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : e instanceof Error ? e.message : String(e) });
    }
  }
  return { files: [...new Set(files)], missing };
}

async function xmlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await xmlFilesUnder(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) found.push(path);
  }
  return found;
}
