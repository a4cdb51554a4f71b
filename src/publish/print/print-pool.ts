/**
 * Chapters of the print edition made by worker threads, one per core, each loading the compiled
 * stylesheet and parsing the registers once. Small editions stay in process: a worker costs
 * SaxonJS's start and the stylesheet's load (and its warm-up) before its first chapter.
 */
import { type Chapter, type PrintContext, printContext, renderChapter } from './render-book.js';
import { runPool, workersFor } from '../../lib/parallel/worker-pool.js';
import type { PublishedMetadata, SiteRegister, SiteText } from '../edition/published-documents.js';
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';

export interface PrintWorkerSetup {
  readonly sefPath: string;
  readonly edition?: PublishedMetadata;
  readonly registers: readonly SiteRegister[];
  readonly bookLibrary: string;
}

export interface PrintTask {
  readonly id: number;
  readonly text: SiteText;
}

export interface PrintTaskResult {
  readonly id: number;
  readonly chapter?: Chapter;
  /** The transformation failed on this text: a `pdf-transform` error on its TEI file. */
  readonly failure?: Diagnostic;
}

/** From this many texts on, chapters are made by workers (as for the HTML pages). */
export const PRINT_POOL_THRESHOLD_TEXTS = 24;

export function plannedPrintJobs(texts: number, jobs?: number): number {
  return workersFor(texts, texts >= PRINT_POOL_THRESHOLD_TEXTS, jobs);
}

export async function renderChapterTask(context: PrintContext, task: PrintTask): Promise<PrintTaskResult> {
  try {
    return { id: task.id, chapter: await renderChapter(context, task.text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      id: task.id,
      failure: diagnostic('error', 'pdf-transform', `the print stylesheet failed on this text: ${message}`, { file: task.text.path }),
    };
  }
}

export async function chaptersInProcess(
  context: PrintContext,
  texts: readonly SiteText[],
  onDone?: (r: PrintTaskResult) => void,
): Promise<PrintTaskResult[]> {
  const results: PrintTaskResult[] = [];
  for (const [id, text] of texts.entries()) {
    const r = await renderChapterTask(context, { id, text });
    onDone?.(r);
    results.push(r);
  }
  return results;
}

export function chaptersInWorkers(
  setup: PrintWorkerSetup,
  texts: readonly SiteText[],
  jobs: number,
  onDone?: (r: PrintTaskResult) => void,
): Promise<PrintTaskResult[]> {
  const tasks: PrintTask[] = texts.map((text, id) => ({ id, text }));
  return runPool<PrintTask, PrintTaskResult>(tasks, {
    workerUrl: new URL('./print-worker.js', import.meta.url),
    workerData: setup,
    jobs,
    youngGenerationMb: 64,
    ...(onDone ? { onDone } : {}),
  });
}

/** The print context a worker makes from its setup. */
export async function printWorkerContext(setup: PrintWorkerSetup): Promise<PrintContext> {
  const { readFile } = await import('node:fs/promises');
  const sef: unknown = JSON.parse(await readFile(setup.sefPath, 'utf8'));
  return printContext(sef, setup.edition, setup.registers, setup.bookLibrary);
}
