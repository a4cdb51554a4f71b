/**
 * The CLI is a table of commands (after unified-args and changesets): one module per command,
 * each a yargs builder plus a `run` that gets parsed arguments and the I/O, returns an exit code.
 */
import type { Argv } from 'yargs';
import type { CliIO } from './cli-io.js';
import type { Reporter } from './reporter.js';

export interface GlobalOptions {
  readonly config: string;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
}

export interface CommandDefinition {
  readonly command: string;
  readonly describe: string;
  readonly builder: (yargs: Argv<GlobalOptions>) => Argv<GlobalOptions>;
  readonly run: (args: GlobalOptions & Record<string, unknown>, io: CliIO, reporter: Reporter) => Promise<number>;
}
