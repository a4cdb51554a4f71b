/**
 * Validation of a large corpus by a pool of worker threads, one per core: each worker loads the
 * schemas once and then validates batches of files (the Schematron engine checks a batch in one
 * evaluation). Small runs stay in-process: a worker costs about half a second to start (SaxonJS,
 * schema compilation), which only pays off on a few MB of TEI.
 */
import { runPool, workersFor } from '../lib/parallel/worker-pool.js';
import { readFileWithin } from '../lib/io/read-file-within.js';
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { type FileToValidate, validateFiles } from './validate-file.js';
import type { ValidationSetup, SetupOptions } from './validation-setup.js';

export interface FileRef {
  readonly path: string;
  readonly shown: string;
  readonly bytes: number;
}

export interface ValidateTask {
  readonly id: number;
  readonly files: readonly FileRef[];
}

export interface ValidateTaskResult {
  readonly id: number;
  /** Messages of each file of the batch, in order; an exception in the validator (a bug) is a fatal message on the batch's first file. */
  readonly messages: Diagnostic[][];
  /** From a worker, with its first result: the messages of loading the schemas (see validate-worker.ts). */
  readonly setupMessages?: Diagnostic[];
}

/** The schemas could not be loaded in the workers: their messages (a usage error). */
export class WorkerSetupFailed extends Error {
  constructor(readonly messages: Diagnostic[]) {
    super(messages.map((d) => d.message).join('; '));
  }
}

/** Setup options as a worker receives them (functions cannot cross threads). */
export type WorkerSetup = Omit<SetupOptions, 'display'>;

/**
 * From how much TEI a run uses workers by default. With Schematron (SaxonJS, ~30 ms a document)
 * workers pay off from a few MB. Without it (RELAX NG only, ~50 MB/s in one thread) a worker's
 * start and its own schema compilation cost more than they save below a few dozen MB: measured
 * with `npm run bench` on 2 cores.
 */
export const POOL_THRESHOLD_BYTES = { schematron: 2_000_000, schemaOnly: 64_000_000 } as const;
const BATCH_FILES = 20;
const BATCH_BYTES = 2 * 1024 * 1024;

/** Files in batches of about 20 files or 2 MB, in order. */
export function plannedBatches(files: readonly FileRef[]): FileRef[][] {
  const batches: FileRef[][] = [];
  let current: FileRef[] = [];
  let bytes = 0;
  for (const f of files) {
    current.push(f);
    bytes += f.bytes;
    if (current.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** How many workers: 1 means in-process. An explicit `jobs` above 1 asks for workers whatever the size. */
export function plannedValidateJobs(files: readonly FileRef[], batches: number, withSchematron: boolean, jobs?: number): number {
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  return workersFor(batches, bytes >= POOL_THRESHOLD_BYTES[withSchematron ? 'schematron' : 'schemaOnly'], jobs);
}

/** Reads and validates one batch (in a worker or in process). */
export async function validateBatch(task: ValidateTask, setup: ValidationSetup): Promise<ValidateTaskResult> {
  const read: (FileToValidate | undefined)[] = [];
  const failures = new Map<number, Diagnostic>();
  // Read the batch's files concurrently: the reads overlap, the checks then run one after another.
  // Never more than the size limit allows, and only regular files (a FIFO or a device is refused, not read).
  const contents = await Promise.allSettled(task.files.map((f) => readFileWithin(f.path, setup.maxBytes)));
  for (const [i, f] of task.files.entries()) {
    const content = contents[i];
    if (content?.status === 'fulfilled')
      read.push({
        bytes: content.value.bytes,
        path: f.path,
        shown: f.shown,
        ...(content.value.oversize ? { oversize: content.value.oversize } : {}),
      });
    else {
      const reason: unknown = content?.reason;
      const message = diagnostic(
        'error',
        'file-unreadable',
        `cannot read the file: ${reason instanceof Error ? reason.message : String(reason)}`,
        { file: f.shown },
        { fatal: true },
      );
      read.push(undefined);
      failures.set(i, message);
    }
  }
  const readable = read.filter((r): r is FileToValidate => r !== undefined);
  let results: Diagnostic[][];
  try {
    results = await validateFiles(readable, setup);
  } catch (error) {
    const crash = diagnostic(
      'error',
      'internal-error',
      `the validator failed on this batch (a bug; please report it): ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`,
      { file: task.files[0]?.shown ?? '' },
      { fatal: true },
    );
    return { id: task.id, messages: task.files.length === 0 ? [[crash]] : task.files.map((_f, i) => (i === 0 ? [crash] : [])) };
  }
  let k = 0;
  const messages = task.files.map((_f, i) => (failures.has(i) ? [failures.get(i)!] : (results[k++] ?? [])));
  return { id: task.id, messages };
}

export function validateInWorkers(
  tasks: readonly ValidateTask[],
  setup: WorkerSetup,
  jobs: number,
  onDone?: (result: ValidateTaskResult) => void,
): Promise<ValidateTaskResult[]> {
  return runPool<ValidateTask, ValidateTaskResult>(tasks, {
    workerUrl: new URL('./validate-worker.js', import.meta.url),
    workerData: setup,
    jobs,
    // A larger young generation, as for conversion: SaxonJS allocates many short-lived objects.
    youngGenerationMb: 64,
    ...(onDone ? { onDone } : {}),
    unexpected: (message) => {
      const failed = (message as { setupFailed?: Diagnostic[] }).setupFailed;
      return failed === undefined ? undefined : new WorkerSetupFailed(failed);
    },
  });
}
