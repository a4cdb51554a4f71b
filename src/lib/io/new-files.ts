/**
 * Files that must be new (`init`): checked first (a file already there, or a file where a folder
 * must go, is a conflict), then written all or nothing: when one write fails, the files and
 * folders made so far are removed again, so that "nothing was written" is true.
 */
import { lstat, mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export interface NewFile {
  /** Relative to the folder, with `/`. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

export interface Conflict {
  readonly path: string;
  readonly found: 'file' | 'folder' | 'other';
  /** What the path had to be. */
  readonly expected: 'nothing' | 'folder';
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | undefined> {
  try {
    const info = await lstat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch (error) {
    // ENOTDIR: a file on the way, reported as the conflict of that file's own path.
    if (['ENOENT', 'ENOTDIR'].includes(String((error as NodeJS.ErrnoException).code))) return undefined;
    throw error;
  }
}

/** What stands in the way of writing `files` into `dir`: the folder itself, the folders on the way, the files. */
export async function conflictsOf(dir: string, files: readonly NewFile[]): Promise<Conflict[]> {
  const conflicts = new Map<string, Conflict>();
  const folders = new Set<string>([dir]);
  for (const f of files) for (let d = dirname(join(dir, f.path)); d.startsWith(dir) && d !== dir; d = dirname(d)) folders.add(d);
  for (const folder of folders) {
    const found = await kindOf(folder);
    if (found !== undefined && found !== 'folder') conflicts.set(folder, { path: folder, found, expected: 'folder' });
  }
  for (const f of files) {
    const path = join(dir, f.path);
    if ([...conflicts.keys()].some((c) => path.startsWith(`${c}${sep}`))) continue;
    const found = await kindOf(path);
    if (found !== undefined) conflicts.set(path, { path, found, expected: 'nothing' });
  }
  return [...conflicts.values()];
}

/** Writes every file (exclusive create), or none: on a failure, what was made is removed and the error rethrown. */
export async function writeNewFiles(dir: string, files: readonly NewFile[]): Promise<void> {
  const madeFiles: string[] = [];
  const madeFolders: string[] = [];
  try {
    for (const f of files) {
      const path = join(dir, f.path);
      const first = await mkdir(dirname(path), { recursive: true });
      if (first !== undefined)
        for (let d = dirname(path); ; d = dirname(d)) {
          madeFolders.push(d);
          if (d === first || relative(first, d).startsWith('..')) break;
        }
      await writeFile(path, f.content, { flag: 'wx' });
      madeFiles.push(path);
    }
  } catch (error) {
    for (const path of madeFiles.reverse()) await rm(path, { force: true }).catch(() => undefined);
    // Deepest first; a folder that is not empty (someone else's files) stays.
    for (const folder of [...new Set(madeFolders)].sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => undefined);
    throw error;
  }
}
