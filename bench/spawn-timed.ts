/** Runs a command in a fresh process and times it (wall clock), keeping its stdout: what the CLI benchmark sections measure; spawnMeasured adds its CPU time and peak RSS. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

export interface MeasuredRun extends TimedRun {
  /** CPU time of the process (user + system, all its threads), when it could be read. */
  readonly cpuMs?: number;
  /** Its peak resident memory (max RSS), when it could be read. */
  readonly maxRssBytes?: number;
}

const GNU_TIME = '/usr/bin/time';
const MEASURE_MARK = 'tei-edition-bench-rusage';

/**
 * A command in a fresh process, timed (wall clock) and measured: CPU time and peak RSS from GNU
 * time's report (`/usr/bin/time -f`, written to a file, so the command's stdout stays its own).
 * Without GNU time a Node command reports its own rusage at exit (`nodePreload`); anything else
 * gets the wall clock only.
 */
export async function spawnMeasured(command: string, args: readonly string[], nodePreload = false): Promise<MeasuredRun> {
  if (existsSync(GNU_TIME)) {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-time-'));
    try {
      const report = join(dir, 'time.txt');
      const run = await spawnTimed(GNU_TIME, ['-f', `${MEASURE_MARK} %U %S %M`, '-o', report, command, ...args]);
      return { ...run, ...rusageOf(await readFile(report, 'utf8')) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (!nodePreload) return spawnTimed(command, args);
  const preload = `data:text/javascript,${encodeURIComponent(`process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write("\\n${MEASURE_MARK} " + u.userCPUTime / 1e6 + " " + u.systemCPUTime / 1e6 + " " + u.maxRSS + "\\n"); });`)}`;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['--import', preload, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        ms: performance.now() - start,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        ...rusageOf(Buffer.concat(err).toString('utf8')),
      }),
    );
  });
}

/** `<mark> user system maxRSS(KB)` (seconds) → CPU ms and bytes; nothing when the line is missing. */
function rusageOf(text: string): { cpuMs?: number; maxRssBytes?: number } {
  const m = new RegExp(`${MEASURE_MARK} ([\\d.]+) ([\\d.]+) (\\d+)`, 'u').exec(text);
  if (m === null) return {};
  return { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, maxRssBytes: Number(m[3]) * 1024 };
}

/** `tei-edition <args>` in a fresh Node process, with its CPU time and peak RSS. */
export function teiEditionMeasured(args: readonly string[]): Promise<MeasuredRun> {
  return spawnMeasured(process.execPath, [join(repositoryRoot(), 'bin', 'tei-edition.js'), ...args], true);
}
