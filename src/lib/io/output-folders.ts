/**
 * The output folders a command replaces (`<out>/tei`, `<out>/html`, `<out>/print`), written so that
 * nothing is lost:
 *
 * - a folder is only ever replaced if tei-edition wrote it: each carries a marker file
 *   (`.tei-edition-output`); an existing folder without one (even one whose files have the names
 *   this run writes: they may be hand-made), or a file in its place, is refused;
 * - the output root may not hold the edition's sources, nor lie inside their folders (`--out .`
 *   used to delete `./tei`): checked on real paths, so `tei/..` and symlinks are seen through;
 * - a new folder is written beside the old one (`.<name>.staging-…`) and swapped in only when the
 *   whole run succeeded (`OutputTransaction.commit`); a failed or killed run leaves the previous
 *   output whole, and its leftovers (ours by their names) are removed by the next run.
 */
import { existsSync, realpathSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

export const OUTPUT_MARKER = '.tei-edition-output';
const STAGING = /^\.(.+)\.(staging|old)-(\d+)-[0-9a-f]{8}$/;

/** A path inside a staging folder, as the user will find it once the run has succeeded. */
export function finalPath(path: string): string {
  return path.replace(/(^|[\\/])\.([^\\/]+)\.staging-\d+-[0-9a-f]{8}(?=[\\/]|$)/g, '$1$2');
}

/** Why an output folder may not be used: the message of a usage error (exit 2). */
export interface OutputRefusal {
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

/** A path with its symlinks resolved, as far as it exists (the rest appended). */
export function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/**
 * The edition's own files (config, raw texts, TEI sources, registers) and the folders that hold
 * them: the output root must contain none of them and lie inside none of `sourceFolders`.
 */
export function checkOutputRoot(
  outRoot: string,
  sources: { readonly files: readonly string[]; readonly folders: readonly string[] },
  shown: (path: string) => string,
): OutputRefusal | undefined {
  const out = realPath(outRoot);
  for (const file of [...sources.files, ...sources.folders]) {
    const real = realPath(file);
    if (isWithin(real, out)) {
      return {
        path: shown(outRoot),
        message: `the output folder ${shown(outRoot)} holds the edition's own ${shown(file)}: publishing there could replace the sources; expected a folder of its own (default: output/ beside the config)`,
        hint: "choose an output folder outside the edition's sources, for example `--out output`",
      };
    }
  }
  for (const folder of sources.folders) {
    if (isWithin(out, realPath(folder))) {
      return {
        path: shown(outRoot),
        message: `the output folder ${shown(outRoot)} is inside the edition's sources folder ${shown(folder)}; expected a folder of its own (default: output/ beside the config)`,
        hint: "choose an output folder outside the edition's sources, for example `--out output`",
      };
    }
  }
  return undefined;
}

/** An output folder being written: `dir` now, `target` once committed. */
export interface StagedFolder {
  readonly target: string;
  readonly dir: string;
}

/**
 * The folders of one run: staged, then all swapped in (`commit`) or all dropped (`discard`).
 * `build` stages tei, html and print and commits them together; `html` and `pdf` stage one.
 */
export class OutputTransaction {
  private readonly staged: StagedFolder[] = [];
  /** Parent folders this run created, each with the first of them made (removed again, when empty, if it publishes nothing). */
  private readonly createdParents: { readonly folder: string; readonly top: string }[] = [];

  /** A fresh staging folder for `target`, or why `target` may not be replaced. */
  async stage(target: string, shown: (path: string) => string): Promise<StagedFolder | OutputRefusal> {
    const refusal = await replaceable(target, shown);
    if (refusal) return refusal;
    const parent = dirname(target);
    const dir = join(parent, `.${basename(target)}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      const created = await mkdir(parent, { recursive: true });
      if (created !== undefined) this.createdParents.push({ folder: parent, top: created });
      await removeLeftovers(parent, basename(target));
      await mkdir(dir);
    } catch (error) {
      // The user knows the folder they asked for, not our staging name.
      if (error instanceof Error && 'code' in error) Object.assign(error, { path: target });
      throw error;
    }
    this.staged.push({ target, dir });
    await writeFile(
      join(dir, OUTPUT_MARKER),
      'Written by tei-edition. The whole folder is replaced by the next run: do not keep your own files here.\n',
    );
    return { target, dir };
  }

  /** Swaps every staged folder in; the previous ones are removed only once the new one is in place. */
  async commit(): Promise<void> {
    for (const { target, dir } of this.staged.splice(0)) {
      const old = join(dirname(target), `.${basename(target)}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
      const had = existsSync(target);
      if (had) await rename(target, old);
      try {
        await rename(dir, target);
      } catch (error) {
        if (had) await rename(old, target);
        throw error;
      }
      if (had) await rm(old, { recursive: true, force: true });
    }
  }

  /** Drops every staged folder: the previous output stays as it was. */
  async discard(): Promise<void> {
    for (const { dir } of this.staged.splice(0)) await rm(dir, { recursive: true, force: true });
    // A run that publishes nothing leaves no folder behind either (the first one it created, if still empty).
    for (const { folder, top } of this.createdParents.splice(0).reverse()) {
      await removeEmptyFolders(folder, top);
    }
  }

  /** Runs `work` and commits when it returns true, discards when it returns false or throws. */
  static async run<T>(work: (output: OutputTransaction) => Promise<{ readonly commit: boolean; readonly value: T }>): Promise<T> {
    const output = new OutputTransaction();
    try {
      const { commit, value } = await work(output);
      if (commit) await output.commit();
      else await output.discard();
      return value;
    } catch (error) {
      await output.discard().catch(() => undefined);
      throw error;
    }
  }
}

/** A folder may be replaced when it does not exist, is empty, or was written by tei-edition (its marker). */
async function replaceable(target: string, shown: (path: string) => string): Promise<OutputRefusal | undefined> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!info.isDirectory()) {
    return {
      path: shown(target),
      message: `${shown(target)} is ${info.isSymbolicLink() ? 'a symbolic link' : 'a file'}, where the output folder goes; expected a folder written by tei-edition, or nothing`,
      hint: 'move it away, or choose another output folder with --out',
    };
  }
  const entries = await readdir(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return undefined;
  const sorted = [...entries].sort();
  const listed = sorted.length > 3 ? `${sorted.slice(0, 3).join(', ')} and ${sorted.length - 3} more` : sorted.join(', ');
  return {
    path: shown(target),
    message: `${shown(target)} exists and was not written by tei-edition (it has no ${OUTPUT_MARKER} marker; it holds ${listed}): refusing to replace it; expected a folder written by tei-edition, or nothing`,
    hint: 'if it is an output of tei-edition 0.1 (before the marker), delete it yourself once; otherwise choose another output folder with --out',
  };
}

/** Staging and old folders of `name` left by a run that was killed (ours by their names and marker). */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  for (const entry of await readdir(parent)) {
    const m = STAGING.exec(entry);
    if (!m || m[1] !== name || (m[2] === 'staging' && running(Number(m[3])))) continue;
    const path = join(parent, entry);
    // A run killed between creating its staging folder and writing the marker left it empty.
    if (!existsSync(join(path, OUTPUT_MARKER)) && (await readdir(path).catch(() => ['?'])).length > 0) continue;
    // A run killed between its two renames left the previous output aside: put it back.
    if (m[2] === 'old' && !existsSync(join(parent, name)) && !running(Number(m[3]))) await rename(path, join(parent, name));
    else await rm(path, { recursive: true, force: true });
  }
}

/** Whether a process is alive: a staging folder of a run still going on is not a leftover. */
function running(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `folder` and its parents up to `top` (included) while they are empty: what a run that
 * created them leaves when it publishes nothing. A folder that holds anything stops it.
 */
export async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  for (let f = folder; f.startsWith(top); f = dirname(f)) {
    const removed = await rmdir(f).then(
      () => true,
      () => false,
    );
    if (!removed || f === top) break;
  }
}
