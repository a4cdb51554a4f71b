import { cp, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CommandDefinition } from '../command.js';
import { EXIT_USAGE, exitCodeFor } from '../exit-codes.js';
import { display, runConvert } from '../run-convert.js';
import { convertOptions, summaryCounts } from './convert.js';

/**
 * `build`: everything that makes the edition, in order. Today: convert the raw texts to TEI,
 * then publish the TEI files and the registers they point to in `output/tei/`. Validation, HTML and PDF will follow here.
 */
export const buildCommand: CommandDefinition = {
  command: 'build',
  describe: 'Build the edition: convert to TEI, then publish it in output/',
  builder: (yargs) => yargs
    .option('out', { describe: 'output directory (default: output/ beside the config)', type: 'string' })
    .option('force', { describe: 'overwrite TEI files that were edited by hand', type: 'boolean', default: false })
    .option('jobs', { describe: 'worker threads (default: one per core from 2 MB of raw text on; 1 = in process)', type: 'number' })
    .example('$0 build', 'build the edition described by ./edition.json') as never,
  run: async (args, io, reporter) => {
    const run = await runConvert({ ...convertOptions(args), sources: [], dryRun: false, report: false }, io, reporter);
    reporter.messages(run.messages);
    if (!run.ok) {
      reporter.json({ command: 'build', ok: false, messages: run.messages });
      return EXIT_USAGE;
    }
    const out = resolve(dirname(run.configPath), typeof args.out === 'string' ? args.out : 'output');
    const teiOut = resolve(out, 'tei');
    const published: string[] = [];
    if (exitCodeFor(run.messages) === 0) {
      await rm(teiOut, { recursive: true, force: true });
      for (const f of run.files) {
        const target = resolve(teiOut, `${f.source}.xml`);
        await cp(resolve(io.cwd, f.tei), target);
        published.push(display(io, target));
      }
      // The registers go along, where the texts' @ref point (persons.xml#… beside the texts).
      for (const [kind, file] of Object.entries(run.registers.files)) {
        const target = resolve(teiOut, run.registers.targets[kind as keyof typeof run.registers.targets] ?? '');
        await cp(resolve(io.cwd, file), target);
        published.push(display(io, target));
      }
    }
    for (const f of run.files) reporter.line(`${f.status.padEnd(9)}  ${f.tei}  ← ${f.raw}`);
    if (published.length > 0) reporter.line(`published ${published.length} TEI file${published.length === 1 ? '' : 's'} (texts and registers) in ${display(io, teiOut)}/`);
    reporter.summary(`build: ${run.files.length} file${run.files.length === 1 ? '' : 's'}`, run.messages);
    reporter.json({ command: 'build', ok: exitCodeFor(run.messages) === 0, files: run.files, published, summary: summaryCounts(run.messages) });
    return exitCodeFor(run.messages);
  },
};
