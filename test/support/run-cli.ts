/** Runs the real command (bin/tei-edition.js) in a folder, as a user would. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEntry, repoRoot } from './paths.js';
import { registerFiles } from '../../src/lib/registers/register-files.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTeiEdition(args: readonly string[], cwd: string): CliRun {
  const run = spawnSync(process.execPath, [cliEntry, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Temporary folders made by a test file, removed when its process ends (each test file runs in its own process). */
const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tei-edition-test-'));
  made.push(dir);
  return dir;
}

/** A fresh copy of a fixture folder in a temporary directory. */
export function copyToTemp(folder: string): string {
  const dir = tempDir();
  cpSync(folder, dir, { recursive: true });
  return dir;
}

/** A copy of the sample edition (config, raw texts, registers) in a temporary folder, without any built TEI. */
export function sampleEditionCopy(): string {
  const dir = tempDir();
  cpSync(join(repoRoot, 'edition.json'), join(dir, 'edition.json'));
  mkdirSync(join(dir, 'tei'));
  cpSync(join(repoRoot, 'tei', 'raw'), join(dir, 'tei', 'raw'), { recursive: true });
  for (const r of registerFiles) cpSync(join(repoRoot, r.defaultPath), join(dir, r.defaultPath));
  return dir;
}
