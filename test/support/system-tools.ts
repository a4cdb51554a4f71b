/**
 * Running a command without root's right to write anywhere (for permission errors), or with a
 * small disk (for a full disk), both with util-linux's unshare: a user namespace where the
 * command's user owns what root owns outside but has no capabilities (so a folder of mode 555 is
 * not writable, and the repository stays readable whatever its folders' modes), and a mount
 * namespace for a tmpfs nobody else sees. Outside CI a missing tool skips the test with a message;
 * in CI it is a failure.
 */
import { spawnSync } from 'node:child_process';
import { cliEntry } from './paths.js';
import type { CliRun } from './run-cli.js';

function available(command: string, args: readonly string[]): boolean {
  return spawnSync(command, [...args], { stdio: 'ignore' }).status === 0;
}

/** Why a test cannot run here (undefined: it can); throws in CI. */
export function missingTool(what: 'unprivileged' | 'small-disk'): string | undefined {
  const ok =
    what === 'unprivileged'
      ? process.getuid?.() !== 0 || available('unshare', [...unprivileged, 'true'])
      : available('unshare', [
          '-rm',
          'sh',
          '-c',
          'mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs /tmp',
        ]);
  if (ok) return undefined;
  const why =
    what === 'unprivileged'
      ? "unshare (util-linux) cannot make a user namespace here, to run without root's rights (user namespaces disabled?)"
      : 'unshare (util-linux) cannot make a user and mount namespace here (user namespaces disabled?)';
  if (process.env.CI) throw new Error(`${why}, but CI must run the file-system failure tests`);
  return `${why}: skipped`;
}

const unprivileged = ['--map-user=1000', '--map-group=1000'];

/** The CLI run without root's capabilities, so that folder permissions apply even when the tests run as root. */
export function runUnprivileged(args: readonly string[], cwd: string): CliRun {
  const run =
    process.getuid?.() === 0
      ? spawnSync('unshare', [...unprivileged, process.execPath, cliEntry, ...args], {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, CI: 'true' },
        })
      : spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A shell script run with `mountPoint` a fresh tmpfs of `kilobytes`, in a private mount namespace
 * (nothing outside sees it, and it is gone when the script ends). The script calls the CLI as
 * `"$TEI_EDITION" …`; its exit code is the script's.
 */
export function runWithSmallDisk(script: string, cwd: string, mountPoint: string, kilobytes: number): CliRun {
  const run = spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', `mount -t tmpfs -o size=${kilobytes}k tmpfs '${mountPoint}' || exit 99\n${script}`],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', TEI_EDITION: cliEntry, NODE: process.execPath },
    },
  );
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** A line of a Node stack trace (`    at f (file.js:1:2)`): never shown to a user. */
export const STACK_FRAME = /^\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;
