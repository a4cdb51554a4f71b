/**
 * The dispatch loop shared by the worker pools (convert, validate, html): start `jobs` workers on
 * one module with the same setup, hand each the next task when it answers, collect the answers by
 * task id, and stop the workers when the tasks run out.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<R> {
  readonly workerUrl: URL;
  readonly workerData?: unknown;
  readonly jobs: number;
  /** A larger young generation for workers that allocate many short-lived objects. */
  readonly youngGenerationMb?: number;
  readonly onDone?: (result: R) => void;
  /** A message that is not a result (e.g. a setup failure): return an error to stop the pool. */
  readonly unexpected?: (message: unknown) => Error | undefined;
}

export async function runPool<T, R extends { readonly id: number }>(tasks: readonly T[], options: PoolOptions<R>): Promise<R[]> {
  const results: R[] = new Array(tasks.length);
  let next = 0;
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(options.workerUrl, {
      ...(options.workerData === undefined ? {} : { workerData: options.workerData }),
      ...(options.youngGenerationMb === undefined ? {} : { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } }),
    });
    const send = () => {
      if (next >= tasks.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      worker.postMessage(tasks[next++]);
    };
    worker.on('message', (message: R) => {
      const failure = options.unexpected?.(message);
      if (failure !== undefined) {
        void worker.terminate();
        reject(failure);
        return;
      }
      results[message.id] = message;
      options.onDone?.(message);
      send();
    });
    worker.on('error', reject);
    send();
  });
  await Promise.all(Array.from({ length: options.jobs }, runWorker));
  return results;
}
