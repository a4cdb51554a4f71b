/**
 * The dispatch loop shared by the worker pools (convert, validate, html): start `jobs` workers on
 * one module with the same setup, hand each the next task when it answers, collect the answers by
 * task id. A pool can run several rounds of tasks on the same workers (the HTML pool: summaries,
 * then pages) before it is closed.
 *
 * Which task a free worker takes (affinity, stealing) is decided by `TaskQueue`, apart from the
 * threads, so that it is tested without timing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TaskQueue } from './task-queue.js';

export interface PoolOptions<T, R> {
  readonly workerUrl: URL;
  readonly workerData?: unknown;
  readonly jobs: number;
  /** A larger young generation for workers that allocate many short-lived objects. */
  readonly youngGenerationMb?: number;
  readonly onDone?: (result: R) => void;
  /** A message that is not a result (e.g. a setup failure): return an error to stop the pool. */
  readonly unexpected?: (message: unknown) => Error | undefined;
  /** What a task works on (keys); a later task whose first key a worker has had goes to that worker. */
  readonly affinity?: (task: T) => readonly string[];
}

export interface WorkerPool<T, R> {
  /** Runs the tasks (their ids are 0…n-1, the results' indexes); one round at a time. */
  run(tasks: readonly T[], onDone?: (result: R) => void): Promise<R[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

interface Round<R> {
  readonly results: R[];
  readonly onDone: ((result: R) => void) | undefined;
  readonly resolve: (results: R[]) => void;
  readonly reject: (error: unknown) => void;
  received: number;
}

export function startPool<T, R extends { readonly id: number }>(options: PoolOptions<T, R>): WorkerPool<T, R> {
  let round: Round<R> | undefined;
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    const current = round;
    round = undefined;
    current?.reject(error);
  };
  const workers = Array.from(
    { length: Math.max(1, options.jobs) },
    () =>
      new Worker(options.workerUrl, {
        ...(options.workerData === undefined ? {} : { workerData: options.workerData }),
        ...(options.youngGenerationMb === undefined ? {} : { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } }),
      }),
  );
  const queue = new TaskQueue<T>(workers.length, options.affinity);
  const running: (T | undefined)[] = workers.map(() => undefined);
  const send = (w: number): void => {
    const task = round === undefined ? undefined : queue.next(w);
    running[w] = task;
    if (task !== undefined) workers[w]?.postMessage(task);
  };
  workers.forEach((worker, w) => {
    worker.on('message', (message: R) => {
      const error = options.unexpected?.(message);
      if (error !== undefined) return fail(error);
      const done = running[w];
      if (done !== undefined) queue.done(w, done);
      const current = round;
      if (current === undefined) return;
      current.results[message.id] = message;
      current.onDone?.(message);
      if (++current.received === current.results.length) {
        round = undefined;
        running[w] = undefined;
        current.resolve(current.results);
      } else send(w);
    });
    worker.on('error', fail);
  });
  return {
    run(roundTasks, onDone = options.onDone) {
      if (failure !== undefined) return Promise.reject(failure);
      if (round !== undefined) return Promise.reject(new Error('a round of tasks is already running on this pool'));
      if (roundTasks.length === 0) return Promise.resolve([]);
      return new Promise<R[]>((resolve, reject) => {
        round = { results: new Array<R>(roundTasks.length), onDone, resolve, reject, received: 0 };
        queue.load(roundTasks);
        workers.forEach((_, w) => send(w));
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** One round of tasks on a pool started for it. */
export async function runPool<T, R extends { readonly id: number }>(tasks: readonly T[], options: PoolOptions<T, R>): Promise<R[]> {
  if (tasks.length === 0) return [];
  const pool = startPool<T, R>({ ...options, jobs: Math.min(options.jobs, Math.max(1, tasks.length)) });
  try {
    return await pool.run(tasks);
  } finally {
    await pool.close();
  }
}

/**
 * How many workers for `tasks` tasks: the user's `jobs` when given (at most one per task), else
 * one per core when the work is large enough to repay the workers' start (`large`), else none
 * (1: in process).
 */
export function workersFor(tasks: number, large: boolean, jobs?: number): number {
  const wanted = Math.min(jobs ?? Math.max(1, availableParallelism()), tasks);
  if (jobs !== undefined) return Math.max(1, wanted);
  return large ? Math.max(1, wanted) : 1;
}
