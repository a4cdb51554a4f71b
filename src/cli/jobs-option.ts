/**
 * The numeric options that every command reads the same way. `--jobs <n>`, one definition for every command that has it: a positive whole number of worker
 * threads, refused with a usage error otherwise (it used to hang on `abc` and exit 13), and bounded
 * at twice the cores (each worker loads its own engines: 64 workers on 2 cores took 7.5 GB).
 */
import { availableParallelism } from 'node:os';
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';

/** More workers than this only add memory and start-up time. */
export function maxJobs(cores: number = availableParallelism()): number {
  return 2 * Math.max(1, cores);
}

/** No yargs `type`: "number" would turn `abc` into NaN before the message could quote it. */
export function jobsOption(describe: string): { describe: string; requiresArg: true; coerce: (value: unknown) => number } {
  return { describe: `${describe} [number]`, requiresArg: true, coerce: parseJobs };
}

/** The option's value as given → a number of workers, or an error whose message is the usage error. */
export function parseJobs(value: unknown): number {
  const shown = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  if (Array.isArray(value)) throw new Error(`--jobs is given more than once (${shown}); expected one number of worker threads`);
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new Error(`--jobs: expected a whole number of worker threads, 1 or more (1 = in process); found “${shown}”`);
  return Number(text);
}

/** The number of workers used for a requested `--jobs`, and the warning when it was lowered. */
export function boundedJobs(requested: number, cores: number = availableParallelism()): { jobs: number; warning?: Diagnostic } {
  const limit = maxJobs(cores);
  if (requested <= limit) return { jobs: requested };
  return {
    jobs: limit,
    warning: diagnostic(
      'warning',
      'jobs-bounded',
      `--jobs ${requested} is more than twice the ${cores} core${cores === 1 ? '' : 's'} of this machine; using ${limit} worker threads`,
      { file: 'tei-edition' },
      { hint: 'each worker loads its own engines: more workers than cores only add memory and start-up time' },
    ),
  };
}

export const DEFAULT_MAX_SIZE_MB = 50;

/** `--max-size <MB>` (validate, build): a positive number of megabytes; `abc`, 0 or -1 is a usage error. */
export function maxSizeOption(describe: string): { describe: string; type: 'number'; default: number; coerce: (value: unknown) => number } {
  return { describe, type: 'number', default: DEFAULT_MAX_SIZE_MB, coerce: parseMaxSize };
}

export function parseMaxSize(value: unknown): number {
  if (Array.isArray(value))
    throw new Error(`--max-size is given more than once (${value.map(String).join(', ')}); expected one size in MB`);
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(
      `--max-size: expected a size in MB, more than 0 (for example 50 or 0.5); found “${Number.isNaN(n) ? 'not a number' : String(value)}”`,
    );
  return n;
}
