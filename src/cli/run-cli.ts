/**
 * Parses the command line (yargs) into one command and its arguments, then runs it. Parsing
 * and running are separate so that help, version and usage errors are text we can test, and
 * so that every exit code comes from one place.
 */
import yargs, { type Argv } from 'yargs';
import { diagnostic } from '../lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../lib/diagnostics/format.js';
import { toolVersion } from '../lib/tool-version.js';
import type { CliIO } from './cli-io.js';
import type { CommandDefinition, GlobalOptions } from './command.js';
import { buildCommand } from './commands/build.js';
import { convertCommand } from './commands/convert.js';
import { initCommand } from './commands/init.js';
import { validateCommand } from './commands/validate.js';
import { htmlCommand } from './commands/html.js';
import { pdfCommand } from './commands/pdf.js';
import { entitiesCommand } from './commands/entities.js';
import { mergeCommand } from './commands/merge.js';
import { serveCommand } from './commands/serve.js';
import { exitCodeFor } from './exit-codes.js';
import { Reporter } from './reporter.js';
import { boundedJobs } from './jobs-option.js';
import { fileSystemDiagnostic, internalErrorDiagnostic, isFileSystemError } from './unexpected-errors.js';

export const commands: readonly CommandDefinition[] = [
  buildCommand,
  mergeCommand,
  serveCommand,
  convertCommand,
  validateCommand,
  htmlCommand,
  pdfCommand,
  entitiesCommand,
  initCommand,
];

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let selected: { definition: CommandDefinition; args: GlobalOptions & Record<string, unknown> } | undefined;
  let parser: Argv<GlobalOptions> = yargs([...argv])
    .scriptName('tei-edition')
    .usage('$0 <command> [options]\n\nTurn raw transcriptions into a TEI P5 scholarly edition.')
    .option('config', { describe: 'the edition config file', type: 'string', default: 'edition.json', global: true })
    .option('quiet', { alias: 'q', describe: 'print errors only', type: 'boolean', default: false, global: true })
    .option('json', { describe: 'print one machine-readable JSON result on stdout', type: 'boolean', default: false, global: true })
    .option('verbose', {
      describe: 'also print info messages (each decision the converter made)',
      type: 'boolean',
      default: false,
      global: true,
    })
    .version(toolVersion)
    .help()
    .alias('help', 'h')
    .strict()
    .demandCommand(1, 'Give a command: build, serve, merge, convert, validate, html, pdf, entities or init (see --help).')
    .recommendCommands()
    .wrap(100)
    .epilogue(
      'Exit codes: 0 success, 1 the input has errors, 2 usage or config error.\nDocumentation: README.md of the tei-edition package.',
    )
    .exitProcess(false) as unknown as Argv<GlobalOptions>;
  for (const definition of commands) {
    parser = parser.command(definition.command, definition.describe, definition.builder, (args) => {
      selected = { definition, args: args as unknown as GlobalOptions & Record<string, unknown> };
    });
  }
  let output = '';
  let failure: string | undefined;
  try {
    await parser.parseAsync([...argv], {}, (error, _args, text) => {
      if (error) failure = error.message;
      output = text ?? '';
    });
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure !== undefined) {
    // The message alone, and where to look: the whole help after a typo hides the typo.
    const usage = diagnostic(
      'error',
      'usage',
      failure,
      { file: 'tei-edition' },
      { hint: 'run `tei-edition --help` for the commands and options' },
    );
    io.stderr(`${formatDiagnostic(usage)}\n`);
    return exitCodeFor([usage]);
  }
  if (!selected) {
    // --help or --version: yargs produced the text.
    io.stdout(`${output}\n`);
    return exitCodeFor([]);
  }
  const { definition, args } = selected;
  const reporter = new Reporter(io, { quiet: args.quiet, json: args.json, verbose: args.verbose });
  if (typeof args.jobs === 'number') {
    const bounded = boundedJobs(args.jobs);
    if (bounded.warning) reporter.notice(bounded.warning);
    args.jobs = bounded.jobs;
  }
  try {
    return await definition.run(args, io, reporter);
  } catch (error) {
    // An exception that escaped the command: one message, never a stack trace.
    const message = isFileSystemError(error) ? fileSystemDiagnostic(error, io) : internalErrorDiagnostic(error, io);
    io.stderr(`${formatDiagnostic(message)}\n`);
    if (args.json) io.stdout(`${JSON.stringify({ command: definition.command.split(' ')[0], ok: false, messages: [message] }, null, 2)}\n`);
    return exitCodeFor([message]);
  }
}
