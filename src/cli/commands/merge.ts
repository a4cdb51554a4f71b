import type { CommandDefinition } from '../command.js';
import { buildCommand, buildOptions } from './build.js';

/**
 * `merge <cache…>`: the edition, built from the caches of `build --shard i/n` runs (a CI matrix,
 * docs/cache.md). It is `build`, looking up each result in the shards' caches too (read only):
 * what a shard made is taken as it is, what none made (a text added since, a shard that failed)
 * is made here, and the collection pages, the search index and the book are made from all of it.
 * The result is the edition a single build makes, byte for byte.
 */
export const mergeCommand: CommandDefinition = {
  command: 'merge <caches..>',
  describe:
    "Build the edition from the caches of `build --shard i/n` runs (a CI matrix): the collection pages, search index and book from the shards' work",
  builder: (yargs) =>
    buildOptions(yargs)
      .positional('caches', { describe: "the shards' cache folders", type: 'string', array: true })
      .example('$0 merge shard-1 shard-2 shard-3 shard-4', "build output/ from four shards' caches") as never,
  run: (args, io, reporter) => buildCommand.run({ ...args, 'merge-from': Array.isArray(args.caches) ? args.caches : [] }, io, reporter),
};
