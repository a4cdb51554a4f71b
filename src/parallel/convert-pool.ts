/**
 * Work per file is independent, so a large corpus is converted by a pool of worker threads,
 * one per core. Small runs stay in-process (starting a worker and loading the word list costs
 * more than converting a few files).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { convertSource, type ConvertInput } from '../pipeline/convert-source.js';

export interface ConvertTask {
  readonly id: number;
  readonly input: Omit<ConvertInput, 'lexicon'>;
}

export interface ConvertTaskResult {
  readonly id: number;
  readonly xml?: string;
  readonly messages: Diagnostic[];
  /** An exception inside the converter (a bug): reported as a fatal message on that file. */
  readonly crash?: string;
}

/** Below this many files, conversion runs in the main thread. */
export const POOL_THRESHOLD = 8;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function convertMany(
  inputs: readonly Omit<ConvertInput, 'lexicon'>[],
  options: { jobs?: number; onDone?: (index: number, result: ConvertTaskResult) => void } = {},
): Promise<ConvertTaskResult[]> {
  const jobs = Math.min(options.jobs ?? defaultJobs(), inputs.length);
  if (jobs <= 1 || inputs.length < POOL_THRESHOLD) return convertInProcess(inputs, options.onDone);
  return convertInWorkers(inputs, jobs, options.onDone);
}

function convertInProcess(inputs: readonly Omit<ConvertInput, 'lexicon'>[], onDone?: (index: number, r: ConvertTaskResult) => void): ConvertTaskResult[] {
  return inputs.map((input, id) => {
    let result: ConvertTaskResult;
    try {
      const r = convertSource(input);
      result = { id, ...(r.xml === undefined ? {} : { xml: r.xml }), messages: r.messages };
    } catch (error) {
      result = { id, crash: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error), messages: [] };
    }
    onDone?.(id, result);
    return result;
  });
}

async function convertInWorkers(inputs: readonly Omit<ConvertInput, 'lexicon'>[], jobs: number, onDone?: (index: number, r: ConvertTaskResult) => void): Promise<ConvertTaskResult[]> {
  const results: ConvertTaskResult[] = new Array(inputs.length);
  let next = 0;
  const workerUrl = new URL('./convert-worker.js', import.meta.url);
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(workerUrl);
    const send = () => {
      if (next >= inputs.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      const id = next++;
      worker.postMessage({ id, input: inputs[id] as Omit<ConvertInput, 'lexicon'> } satisfies ConvertTask);
    };
    worker.on('message', (result: ConvertTaskResult) => {
      results[result.id] = result;
      onDone?.(result.id, result);
      send();
    });
    worker.on('error', reject);
    send();
  });
  await Promise.all(Array.from({ length: jobs }, runWorker));
  return results;
}
