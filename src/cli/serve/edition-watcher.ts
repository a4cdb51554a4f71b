/**
 * The I/O edge of watching: `fs.watch` on the folders of a watch plan (never on the files
 * themselves: editors save by writing a new file and renaming it over the old one, and a watch
 * on the old file would see nothing more), each event checked against the plan. What reaches the
 * caller is a path that may have changed; `FileFingerprints` then says whether its bytes did
 * (an editor's save that writes the same bytes, or a TEI file the build itself rewrote, is no
 * change).
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { isWatched, type WatchPlan } from './watch-plan.js';
import { collectXmlFiles } from '../../lib/io/collect-files.js';

export class EditionWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private plan: WatchPlan | undefined;
  private closed = false;

  constructor(private readonly changed: (path: string) => void) {}

  /** Watches what `plan` names, stopping the watches it no longer needs. */
  update(plan: WatchPlan): void {
    if (this.closed) return;
    this.plan = plan;
    const wanted = new Map([...plan.folders].map(([dir, { recursive }]) => [`${recursive ? 'r' : 'f'}:${dir}`, { dir, recursive }]));
    for (const [key, watcher] of this.watchers) {
      if (!wanted.has(key)) {
        watcher.close();
        this.watchers.delete(key);
      }
    }
    for (const [key, { dir, recursive }] of wanted) {
      if (this.watchers.has(key)) continue;
      try {
        const watcher = watch(dir, { recursive, persistent: true }, (_event, name) => this.event(dir, name));
        // A folder that goes away (or cannot be watched any more) is dropped; the next plan watches it again.
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(key);
        });
        this.watchers.set(key, watcher);
      } catch {
        // A folder that does not exist yet: nothing in it to watch (the next plan tries again).
      }
    }
  }

  private event(dir: string, name: string | Buffer | null): void {
    const plan = this.plan;
    if (plan === undefined) return;
    if (name === null) {
      // The platform did not say which entry: any watched file of the folder may have changed.
      for (const file of plan.files) if (resolve(file, '..') === dir) this.changed(file);
      return;
    }
    const path = join(dir, name.toString());
    if (isWatched(plan, path)) this.changed(path);
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

/** The content of the watched files as last seen: a change is a change of bytes. */
export class FileFingerprints {
  private readonly known = new Map<string, string>();

  /** Records the files of `plan` as they are now (the named files, and the trees' matching files). */
  async record(plan: WatchPlan): Promise<void> {
    const treeFiles: string[] = [];
    for (const tree of plan.trees) {
      const walked = await collectXmlFiles([tree.dir], (p) => p).catch(() => ({ files: [] as string[] }));
      treeFiles.push(...walked.files.map((f) => resolve(f)).filter((f) => isWatched(plan, f)));
    }
    await this.refresh([...plan.files, ...treeFiles]);
  }

  /** Takes the files' current content as known, without calling it a change. */
  async refresh(paths: Iterable<string>): Promise<void> {
    for (const path of paths) this.known.set(path, await fingerprint(path));
  }

  /** The paths whose content differs from what was last seen (and now is known). */
  async changed(paths: Iterable<string>): Promise<string[]> {
    const changed: string[] = [];
    for (const path of paths) {
      const now = await fingerprint(path);
      if (this.known.get(path) !== now) changed.push(path);
      this.known.set(path, now);
    }
    return changed;
  }
}

async function fingerprint(path: string): Promise<string> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch (error) {
    return `unreadable:${error instanceof Error && 'code' in error ? String(error.code) : 'error'}`;
  }
}
