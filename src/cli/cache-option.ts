/** Where a build keeps its cache (`--cache <dir>`, `--no-cache`): by default `.tei-edition-cache/` in the output folder. */
import { join, resolve } from 'node:path';
import { BuildCache } from '../lib/cache/build-cache.js';

export const DEFAULT_CACHE_FOLDER = '.tei-edition-cache';

/** `option`: the --cache argument (a folder; false for --no-cache; undefined: the default). */
export function buildCache(
  option: unknown,
  outputRoot: string,
  cwd: string,
  options: { readonly readOnly?: boolean; readonly extra?: readonly string[] } = {},
): BuildCache | undefined {
  const extra = (options.extra ?? []).map((d) => resolve(cwd, d));
  if (option === false) {
    // --no-cache: nothing read or written, but a merge still reads its shards.
    const [first, ...rest] = extra;
    return first === undefined ? undefined : new BuildCache(first, { readOnly: true, extra: rest });
  }
  const dir = typeof option === 'string' && option !== '' ? resolve(cwd, option) : join(outputRoot, DEFAULT_CACHE_FOLDER);
  return new BuildCache(dir, { ...options, extra });
}
