/** Runs a command in a fresh process and times it (wall clock), keeping its stdout: what the CLI benchmark sections measure. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repositoryRoot } from './corpus/samples.js';

export interface TimedRun {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
}

export function spawnTimed(command: string, args: readonly string[]): Promise<TimedRun> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, stdout: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** `tei-edition <args>` in a fresh Node process. */
export function teiEditionTimed(args: readonly string[]): Promise<TimedRun> {
  return spawnTimed(process.execPath, [join(repositoryRoot(), 'bin', 'tei-edition.js'), ...args]);
}
