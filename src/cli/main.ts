/** Entry point of the `tei-edition` command. */
import { processIO } from './cli-io.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), processIO());
