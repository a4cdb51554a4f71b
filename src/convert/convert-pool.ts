/**
 * Work per file is independent, so a large corpus is converted by a pool of worker threads,
 * one per core. Small runs stay in-process (starting a worker and loading the word list costs
 * more than converting a few files).
 */
import { availableParallelism } from 'node:os';
import { runPool, workersFor } from '../lib/parallel/worker-pool.js';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { convertSource, type ConvertInput } from './convert-source.js';
import { converterCrash } from './converter-crash.js';

export interface ConvertTask {
  readonly id: number;
  readonly input: Omit<ConvertInput, 'lexicon'>;
}

export interface ConvertTaskResult {
  readonly id: number;
  readonly xml?: string;
  readonly messages: Diagnostic[];
  readonly mentioned?: string[];
}

/**
 * Below this much raw text, conversion runs in the main thread: a worker costs about half a
 * second before its first file (start, modules, word list), which only pays off on a few MB
 * (measured by `npm run bench` on 2 cores).
 */
export const POOL_THRESHOLD_BYTES = 2_000_000;

const YOUNG_GENERATION_MB = 64;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function convertMany(
  inputs: readonly Omit<ConvertInput, 'lexicon'>[],
  options: { jobs?: number; onDone?: (index: number, result: ConvertTaskResult) => void } = {},
): Promise<ConvertTaskResult[]> {
  const jobs = plannedJobs(inputs, options.jobs);
  if (jobs <= 1) return convertInProcess(inputs, options.onDone);
  return convertInWorkers(inputs, jobs, options.onDone);
}

/** How many workers a run gets: 1 means in-process. An explicit `jobs` above 1 asks for workers whatever the size. */
export function plannedJobs(inputs: readonly { readonly bytes: Uint8Array }[], jobs?: number): number {
  const bytes = inputs.reduce((sum, i) => sum + i.bytes.length, 0);
  return workersFor(inputs.length, bytes >= POOL_THRESHOLD_BYTES, jobs);
}

function convertInProcess(
  inputs: readonly Omit<ConvertInput, 'lexicon'>[],
  onDone?: (index: number, r: ConvertTaskResult) => void,
): ConvertTaskResult[] {
  return inputs.map((input, id) => {
    let result: ConvertTaskResult;
    try {
      const r = convertSource(input);
      result = {
        id,
        ...(r.xml === undefined ? {} : { xml: r.xml }),
        messages: r.messages,
        ...(r.mentioned ? { mentioned: r.mentioned } : {}),
      };
    } catch (error) {
      result = { id, messages: [converterCrash(error, input.file)] };
    }
    onDone?.(id, result);
    return result;
  });
}

function convertInWorkers(
  inputs: readonly Omit<ConvertInput, 'lexicon'>[],
  jobs: number,
  onDone?: (index: number, r: ConvertTaskResult) => void,
): Promise<ConvertTaskResult[]> {
  const tasks: ConvertTask[] = inputs.map((input, id) => ({ id, input }));
  // A larger young generation: the converter allocates many short-lived objects (the document model and its text pieces),
  // and with two workers, scavenges on a small nursery cost more than the work (npm run bench).
  return runPool<ConvertTask, ConvertTaskResult>(tasks, {
    workerUrl: new URL('./convert-worker.js', import.meta.url),
    jobs,
    youngGenerationMb: YOUNG_GENERATION_MB,
    ...(onDone ? { onDone: (r: ConvertTaskResult) => onDone(r.id, r) } : {}),
  });
}
