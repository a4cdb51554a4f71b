/**
 * Validation as the commands run it (`validate`, and `build` after conversion): collect the files,
 * load the schemas once (in process, or in each worker when the run uses workers), check each one (a failure in one file is a message on that file; the
 * others go on), and return the messages. Reading files happens here, not in the checks.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { collectXmlFiles } from '../lib/io/collect-files.js';
import {
  type FileRef,
  plannedBatches,
  plannedValidateJobs,
  validateBatch,
  validateInWorkers,
  type ValidateTask,
  type ValidateTaskResult,
  type WorkerSetup,
  WorkerSetupFailed,
} from '../validate/validate-pool.js';
import { loadValidationSetup, schematronExpected, type ValidationSetup } from '../validate/validation-setup.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import type { Reporter } from './reporter.js';

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly schema: string | null;
  readonly schematron: string | null;
  /** Run the Schematron embedded in the RELAX NG schema (default true). */
  readonly embeddedSchematron?: boolean;
  readonly maxBytes?: number;
  /** The Schematron phase (`--phase`): a phase id, `#ALL` or `#DEFAULT`. */
  readonly phase?: string;
  /** Worker threads (default: one per core from 2 MB of TEI on; 1 = in process). */
  readonly jobs?: number;
  /** How messages show a file's path (default: relative to the working directory). `build` shows its staged copy as the folder it will become. */
  readonly shownAs?: (path: string) => string;
}

export interface ValidateRun {
  /** The files checked, as messages show them. */
  readonly files: string[];
  readonly messages: Diagnostic[];
}

export async function runValidation(options: ValidateOptions, io: CliIO, reporter: Reporter): Promise<ValidateRun> {
  const shown = options.shownAs ?? ((p: string): string => display(io, p));
  const setupOptions = {
    schema: options.schema,
    schematron: options.schematron,
    ...(options.embeddedSchematron === undefined ? {} : { embeddedSchematron: options.embeddedSchematron }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.phase === undefined ? {} : { phase: options.phase }),
  };
  const collected = await collectXmlFiles(
    options.paths.map((p) => resolve(io.cwd, p)),
    shown,
  );
  const refs: FileRef[] = [];
  for (const path of collected.files) refs.push({ path, shown: shown(path), bytes: await sizeOf(path) });
  const tasks = plannedBatches(refs).map((files, id) => ({ id, files }));
  const jobs = plannedValidateJobs(refs, tasks.length, schematronExpected(setupOptions), options.jobs);
  // With workers, each worker compiles the schemas (a second or two of CPU for tei_all): the main
  // thread does not compile them too, it takes the messages of loading from the workers.
  const inWorkers = jobs > 1 ? await validateWithWorkers(tasks, setupOptions, jobs, reporter, refs.length) : undefined;
  let loaded: { messages: Diagnostic[]; results: ValidateTaskResult[] | undefined };
  if (inWorkers === undefined) {
    const inProcess = await loadValidationSetup({ ...setupOptions, display: shown });
    loaded = {
      messages: inProcess.messages,
      results: inProcess.setup === undefined ? undefined : await validateInProcess(tasks, inProcess.setup, reporter, refs.length),
    };
  } else
    loaded = {
      messages: inWorkers.setupMessages.map((m) => ({ ...m, position: { ...m.position, file: shown(m.position.file) } })),
      results: inWorkers.results,
    };
  if (loaded.results === undefined) return { files: [], messages: loaded.messages };
  const unreadable: Diagnostic[] = collected.missing.map((m) =>
    diagnostic('error', 'file-unreadable', `cannot validate: ${m.reason}`, { file: shown(m.path) }, { fatal: true }),
  );
  // What the walk skipped or took once (dangling links, loops, special files) is said, not silent.
  const messages: Diagnostic[] = [...loaded.messages, ...unreadable, ...collected.messages];
  for (const r of loaded.results) r.messages.forEach((m) => messages.push(...m));
  return { files: refs.map((r) => r.shown), messages };
}

function progressOf(tasks: readonly ValidateTask[], reporter: Reporter, total: number): (r: ValidateTaskResult) => void {
  let done = 0;
  return (r) => {
    done += tasks[r.id]?.files.length ?? 0;
    reporter.progress('validate', done, total);
  };
}

async function validateInProcess(
  tasks: readonly ValidateTask[],
  setup: ValidationSetup,
  reporter: Reporter,
  total: number,
): Promise<ValidateTaskResult[]> {
  const progress = progressOf(tasks, reporter, total);
  const results: ValidateTaskResult[] = [];
  for (const task of tasks) {
    const r = await validateBatch(task, setup);
    progress(r);
    results.push(r);
  }
  return results;
}

/** The batches in workers; `results` is undefined when the schemas cannot be used (then `setupMessages` says why). */
async function validateWithWorkers(
  tasks: readonly ValidateTask[],
  setup: WorkerSetup,
  jobs: number,
  reporter: Reporter,
  total: number,
): Promise<{ setupMessages: Diagnostic[]; results: ValidateTaskResult[] | undefined }> {
  try {
    const results = await validateInWorkers(tasks, setup, jobs, progressOf(tasks, reporter, total));
    return { setupMessages: results.find((r) => r.setupMessages !== undefined)?.setupMessages ?? [], results };
  } catch (error) {
    if (error instanceof WorkerSetupFailed) return { setupMessages: error.messages, results: undefined };
    throw error;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
