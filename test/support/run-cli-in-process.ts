/** Runs a command in this process (runCli with an in-memory CliIO): SaxonJS and the stylesheets load once for a whole test file. */
import { runCli } from '../../src/cli/run-cli.js';
import type { CliRun } from './run-cli.js';

export async function runInProcess(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    env: { ...process.env, CI: 'true' },
  });
  return { code, stdout, stderr };
}
