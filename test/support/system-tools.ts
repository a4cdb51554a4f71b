/**
 * Running a command as another user (setpriv, for permission errors: root may write anywhere) or
 * with a small disk (unshare + tmpfs, for a full disk). Outside CI a missing tool skips the test
 * with a message; in CI it is a failure.
 */
import { spawnSync } from 'node:child_process';
import { cliEntry } from './paths.js';
import type { CliRun } from './run-cli.js';

function available(command: string, args: readonly string[]): boolean {
  return spawnSync(command, [...args], { stdio: 'ignore' }).status === 0;
}

/** Why a test cannot run here (undefined: it can); throws in CI. */
export function missingTool(what: 'setpriv' | 'unshare'): string | undefined {
  const ok = what === 'setpriv'
    ? available('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true'])
    : available('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs /tmp']);
  if (ok) return undefined;
  const why = what === 'setpriv'
    ? 'setpriv (util-linux) cannot switch to an unprivileged user here'
    : 'unshare (util-linux) cannot make a user and mount namespace here (user namespaces disabled?)';
  if (process.env.CI) throw new Error(`${why}, but CI must run the file-system failure tests`);
  return `${why}: skipped`;
}

const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/** The CLI run as an unprivileged user, so that folder permissions apply even when the tests run as root. */
export function runAsNobody(args: readonly string[], cwd: string): CliRun {
  const run = process.getuid?.() === 0
    ? spawnSync('setpriv', [...nobody, process.execPath, cliEntry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } })
    : spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A shell script run with `mountPoint` a fresh tmpfs of `kilobytes`, in a private mount namespace
 * (nothing outside sees it, and it is gone when the script ends). The script calls the CLI as
 * `"$TEI_EDITION" …`; its exit code is the script's.
 */
export function runWithSmallDisk(script: string, cwd: string, mountPoint: string, kilobytes: number): CliRun {
  const run = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=${kilobytes}k tmpfs '${mountPoint}' || exit 99\n${script}`], {
    cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', TEI_EDITION: cliEntry, NODE: process.execPath },
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** A line of a Node stack trace (`    at f (file.js:1:2)`): never shown to a user. */
export const STACK_FRAME = /^\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;
