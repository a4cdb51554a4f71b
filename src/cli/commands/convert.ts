import type { CommandDefinition } from '../command.js';
import { jobsOption } from '../jobs-option.js';
import { exitCodeFor, ON_ONE_FILE } from '../exit-codes.js';
import type { ConvertOptions } from '../run-convert.js';
import type { CliIO } from '../cli-io.js';
import type { Reporter } from '../reporter.js';

export const convertCommand: CommandDefinition = {
  command: 'convert [sources..]',
  describe: 'Convert the raw texts of the edition into TEI P5 (tei/<id>.xml)',
  builder: (yargs) =>
    yargs
      .positional('sources', { describe: 'ids of the sources to convert (default: all)', type: 'string', array: true, default: [] })
      .option('out-dir', { describe: 'where to write the TEI files (default: tei/ beside the config)', type: 'string' })
      .option('force', { describe: 'overwrite TEI files that were edited by hand', type: 'boolean', default: false })
      .option('dry-run', { describe: 'convert and report, but write nothing', type: 'boolean', default: false })
      .option('report', {
        describe: 'also list tokens that look like misprints (a worklist for corrections)',
        type: 'boolean',
        default: false,
      })
      .option('jobs', jobsOption('worker threads (default: one per core from 2 MB of raw text on; 1 = in process)'))
      .example('$0 convert', 'convert every source of edition.json')
      .example('$0 convert 1917-10-01-lenine-lettre-au-comite-central --report', 'one source, with the misprint worklist') as never,
  run: async (args, io, reporter) => convertAndReport(convertOptions(args), io, reporter, 'convert'),
};

export function convertOptions(args: Record<string, unknown>): ConvertOptions {
  return {
    config: String(args.config),
    sources: (args.sources as string[] | undefined) ?? [],
    ...(typeof args['out-dir'] === 'string' ? { outDir: args['out-dir'] } : {}),
    force: args.force === true,
    dryRun: args['dry-run'] === true,
    report: args.report === true,
    ...(typeof args.jobs === 'number' ? { jobs: args.jobs } : {}),
  };
}

export async function convertAndReport(options: ConvertOptions, io: CliIO, reporter: Reporter, what: string): Promise<number> {
  const { runConvert } = await import('../run-convert.js');
  const run = await runConvert(options, io, reporter);
  reporter.messages(run.messages);
  if (!run.ok) {
    reporter.json({ command: what, ok: false, messages: run.messages });
    return exitCodeFor(run.messages);
  }
  for (const f of run.files) reporter.line(`${statusLabel(f.status)}  ${f.tei}  ← ${f.raw}`);
  reporter.summary(`${what}: ${run.files.length} file${run.files.length === 1 ? '' : 's'}`, run.messages);
  const code = exitCodeFor(run.messages, ON_ONE_FILE);
  reporter.json({ command: what, ok: code === 0, files: run.files, summary: summaryCounts(run.messages) });
  return code;
}

function statusLabel(status: string): string {
  return status.padEnd(9);
}

export function summaryCounts(messages: readonly { severity: string }[]): Record<string, number> {
  const counts: Record<string, number> = { error: 0, warning: 0, info: 0 };
  for (const m of messages) counts[m.severity] = (counts[m.severity] ?? 0) + 1;
  return counts;
}
