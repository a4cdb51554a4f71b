/**
 * The files a validation run covers: files named on the command line, and every `*.xml` file
 * under the folders named (recursively, sorted, skipping hidden folders, node_modules and the
 * folders tei-edition published, which carry its output marker).
 *
 * Symbolic links are followed, to files and to folders, wherever they point. A file or folder is
 * known by its device and inode, so that whatever the links: a file is validated once (under the
 * first path found), a folder is walked once, and a link that leads back to a folder containing
 * it is reported and not followed (no endless walk). Linked folders are walked after the real
 * tree, so that a file inside the tree is shown under its own path rather than a link's. What is
 * skipped is said: a dangling link, a FIFO or device named `*.xml` (reading either would never end).
 */
import { readdir, readlink, stat } from 'node:fs/promises';
import type { BigIntStats, Dirent } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_MARKER } from './output-folders.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { specialFileKind } from './file-kind.js';

export interface CollectedFiles {
  readonly files: string[];
  /** Paths named that do not exist, cannot be read, or are neither a file nor a folder: usage errors. */
  readonly missing: { path: string; reason: string }[];
  /** What the walk skipped or did once only: dangling links, link loops, special files, a file or folder reached twice. */
  readonly messages: Diagnostic[];
}

export const SYMLINK_DANGLING_RULE = 'symlink-dangling';
export const SYMLINK_LOOP_RULE = 'symlink-loop';
export const REACHED_TWICE_RULE = 'reached-twice';
export const NOT_A_FILE_RULE = 'not-a-file';

/** A folder still to walk: its path, and the identities of the folders it is in (itself included). */
interface Folder {
  readonly path: string;
  readonly ancestors: ReadonlySet<string>;
}

class Walk {
  readonly files: string[] = [];
  readonly messages: Diagnostic[] = [];
  /** Identity (`dev:ino`) → the path it was first reached by. */
  private readonly seenFiles = new Map<string, string>();
  private readonly seenFolders = new Map<string, string>();
  /** Links to folders (with the folders the link is in), walked once the real tree is done. */
  readonly linkedFolders: { link: string; from: ReadonlySet<string> }[] = [];

  constructor(private readonly shown: (path: string) => string) {}

  addFile(path: string, info: BigIntStats): void {
    const id = identity(info);
    const first = this.seenFiles.get(id);
    if (first === undefined) {
      this.seenFiles.set(id, path);
      this.files.push(path);
    } else if (first !== path) {
      this.note(
        'info',
        REACHED_TWICE_RULE,
        `the same file as "${this.shown(first)}" (through a symbolic link or given twice): validated once, as "${this.shown(first)}"`,
        path,
      );
    }
  }

  /** A folder to walk, unless it was walked already or contains the place it is reached from. */
  enterFolder(path: string, info: BigIntStats, from: ReadonlySet<string>, link: string | undefined): Folder | undefined {
    const id = identity(info);
    if (from.has(id)) {
      this.note(
        'warning',
        SYMLINK_LOOP_RULE,
        `the symbolic link leads back to "${this.shown(this.seenFolders.get(id) ?? path)}", a folder that contains it (a loop): not followed`,
        link ?? path,
      );
      return undefined;
    }
    const first = this.seenFolders.get(id);
    if (first !== undefined) {
      if (link !== undefined)
        this.note(
          'info',
          REACHED_TWICE_RULE,
          `the symbolic link leads to "${this.shown(first)}", a folder already validated: not followed again`,
          link,
        );
      return undefined;
    }
    this.seenFolders.set(id, path);
    return { path, ancestors: new Set([...from, id]) };
  }

  note(
    severity: 'warning' | 'info',
    rule: typeof SYMLINK_DANGLING_RULE | typeof SYMLINK_LOOP_RULE | typeof REACHED_TWICE_RULE | typeof NOT_A_FILE_RULE,
    message: string,
    path: string,
  ): void {
    this.messages.push(diagnostic(severity, rule, message, { file: this.shown(path) }));
  }
}

/** `shown`: how messages show a path (the CLI shows it relative to the working directory). */
export async function collectXmlFiles(paths: readonly string[], shown: (path: string) => string = (p) => p): Promise<CollectedFiles> {
  const walk = new Walk(shown);
  const missing: { path: string; reason: string }[] = [];
  for (const path of paths) {
    let info: BigIntStats;
    try {
      info = await stat(path, { bigint: true });
    } catch (e) {
      missing.push({
        path,
        reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : e instanceof Error ? e.message : String(e),
      });
      continue;
    }
    const kind = specialFileKind(info);
    if (kind !== undefined)
      missing.push({ path, reason: `it is ${kind}, not a regular file or a folder; expected a TEI XML file or a folder of them` });
    else if (info.isDirectory()) {
      const folder = walk.enterFolder(path, info, new Set(), undefined);
      if (folder !== undefined) await walkFolder(folder, walk);
    } else walk.addFile(path, info);
  }
  // Links to folders last (a link found in a linked folder joins the queue).
  for (let i = 0; i < walk.linkedFolders.length; i++) {
    const { link, from } = walk.linkedFolders[i]!;
    const info = await stat(link, { bigint: true }).catch(() => undefined);
    const folder = info === undefined ? undefined : walk.enterFolder(link, info, from, link);
    if (folder !== undefined) await walkFolder(folder, walk);
  }
  return { files: walk.files, missing, messages: walk.messages };
}

async function walkFolder(folder: Folder, walk: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder.path, { withFileTypes: true });
  } catch (e) {
    walk.note(
      'warning',
      NOT_A_FILE_RULE,
      `skipped: the folder cannot be read (${e instanceof Error ? e.message : String(e)})`,
      folder.path,
    );
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder.path, entry.name);
    // A folder tei-edition published (html/, tei/…) holds copies, not sources.
    if (entry.isDirectory() && existsSync(join(path, OUTPUT_MARKER))) continue;
    const isXml = entry.name.toLowerCase().endsWith('.xml');
    const link = entry.isSymbolicLink();
    if (!link && !entry.isDirectory() && !isXml) continue;
    let info: BigIntStats;
    try {
      info = await stat(path, { bigint: true });
    } catch (e) {
      if (link) walk.note('warning', SYMLINK_DANGLING_RULE, await danglingLink(path, e), path);
      else walk.note('warning', NOT_A_FILE_RULE, `skipped: ${e instanceof Error ? e.message : String(e)}`, path);
      continue;
    }
    if (info.isDirectory()) {
      if (link) walk.linkedFolders.push({ link: path, from: folder.ancestors });
      else {
        const next = walk.enterFolder(path, info, folder.ancestors, undefined);
        if (next !== undefined) await walkFolder(next, walk);
      }
    } else if (isXml) {
      const kind = specialFileKind(info);
      if (kind === undefined) walk.addFile(path, info);
      else walk.note('warning', NOT_A_FILE_RULE, `skipped: it is ${kind}, not a regular file; expected a TEI XML file`, path);
    }
  }
}

async function danglingLink(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  const target = await readlink(path).catch(() => undefined);
  const to = target === undefined ? '' : ` to "${target}"`;
  if (code === 'ENOENT') return `skipped: the symbolic link${to} points to nothing (its target does not exist)`;
  if (code === 'ELOOP') return `skipped: the symbolic link${to} is part of a loop of links`;
  return `skipped: the symbolic link${to} cannot be followed (${error instanceof Error ? error.message : String(error)})`;
}

function identity(info: BigIntStats): string {
  return `${info.dev}:${info.ino}`;
}
