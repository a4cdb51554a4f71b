/**
 * What `serve` watches, from the edition config: the config itself, the registers (the ones it
 * names, else the default paths, so that creating `tei/persons.xml` is seen), each raw text and
 * the TEI convert makes of it (`tei/<id>.xml`, which may be edited by hand), and the TEI sources
 * (a file, a folder's `*.xml` at any depth, a glob's matches) with the schemas they name. Never
 * the output folder. Pure: the watcher turns the plan into `fs.watch` calls.
 */
import { dirname, relative, resolve, sep, isAbsolute } from 'node:path';
import type { EditionConfig } from '../../lib/config/types.js';
import { rawSources, teiSources } from '../../lib/config/sources.js';
import { registerFiles } from '../../lib/registers/register-files.js';
import { globMatcher, isGlob, teiSourceFolder } from '../../publish/edition/tei-source-texts.js';

/** A folder whose files (at any depth) are sources when `accepts` says so. */
export interface WatchedTree {
  readonly dir: string;
  readonly accepts: (path: string) => boolean;
}

export interface WatchPlan {
  /** Files watched by name (absolute). */
  readonly files: ReadonlySet<string>;
  readonly trees: readonly WatchedTree[];
  /** Folders to watch: each file's folder (its direct entries), each tree (recursively). */
  readonly folders: ReadonlyMap<string, { readonly recursive: boolean }>;
  readonly outputRoot: string;
}

export function watchPlan(config: EditionConfig | undefined, configPath: string, outputRoot: string): WatchPlan {
  const base = dirname(configPath);
  const files = new Set<string>([configPath]);
  const trees: WatchedTree[] = [];
  if (config !== undefined) {
    for (const { key, defaultPath } of registerFiles) files.add(resolve(base, config.edition.registers?.[key] ?? defaultPath));
    for (const source of rawSources(config)) {
      files.add(resolve(base, source.raw));
      files.add(resolve(base, 'tei', `${source.id}.xml`));
    }
    for (const { source } of teiSources(config)) {
      const path = resolve(base, source.tei);
      if (source.schema !== undefined) files.add(resolve(base, source.schema));
      if (isGlob(path)) {
        const matches = globMatcher(path);
        trees.push({ dir: teiSourceFolder(path), accepts: (p) => matches(p) });
      } else if (path.toLowerCase().endsWith('.xml')) files.add(path);
      else trees.push({ dir: path, accepts: (p) => p.toLowerCase().endsWith('.xml') && within(p, path) });
    }
  }
  const folders = new Map<string, { recursive: boolean }>();
  for (const file of files) if (!folders.has(dirname(file))) folders.set(dirname(file), { recursive: false });
  for (const tree of trees) folders.set(tree.dir, { recursive: true });
  return { files, trees, folders, outputRoot };
}

/** Whether a change to `path` is a change to the edition. */
export function isWatched(plan: WatchPlan, path: string): boolean {
  if (within(path, plan.outputRoot)) return false;
  return plan.files.has(path) || plan.trees.some((t) => within(path, t.dir) && t.accepts(path));
}

export function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
