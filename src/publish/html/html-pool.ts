/**
 * The work of the HTML edition (each text's pages and summaries, then the collection pages) in
 * worker threads, one per core, each loading the compiled stylesheet and parsing the registers
 * once. Small editions stay in process: a worker costs SaxonJS's start and the stylesheet's load
 * before its first page.
 */
import { startPool, workersFor } from '../../lib/parallel/worker-pool.js';
import {
  COLLECTION_PAGES,
  type RenderContext,
  renderCollectionPage,
  renderContext,
  renderText,
  type RenderedText,
} from './render-pages.js';
import type { PublishedMetadata, SitePage, SiteRegister, SiteText } from '../edition/published-documents.js';
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { HTML_STYLESHEET } from '../xslt/stylesheet-paths.js';

export interface HtmlWorkerSetup {
  readonly sefPath: string;
  readonly edition?: PublishedMetadata;
  readonly registers: readonly SiteRegister[];
  readonly textIds: readonly string[];
}

/** A text's pages and summaries (one transformation), or a collection page from every text's summaries. */
export type HtmlTask =
  | { readonly kind: 'text'; readonly id: number; readonly text: SiteText }
  | {
      readonly kind: 'collection';
      readonly id: number;
      readonly template: (typeof COLLECTION_PAGES)[number]['template'];
      readonly summaries: readonly string[];
    };

export type HtmlTaskOutput =
  { readonly kind: 'text'; readonly text: RenderedText } | { readonly kind: 'collection'; readonly page: SitePage };

export interface HtmlTaskResult {
  readonly id: number;
  readonly output?: HtmlTaskOutput;
  /** The transformation failed: an `html-transform` error on the text's TEI file (or, for the index and registers, the stylesheet). */
  readonly failure?: Diagnostic;
}

/** From this many texts on, the work is done by workers (measured with `npm run bench`). */
export const HTML_POOL_THRESHOLD_TEXTS = 24;

/**
 * The workers' young generation (MB): SaxonJS allocates many short-lived objects, and collecting
 * them less often made `tei-edition html` on the bench corpus about a tenth faster than 64 MB
 * (at about 200 MB more memory).
 */
export const HTML_YOUNG_GENERATION_MB = 256;

export function plannedHtmlJobs(texts: number, jobs?: number): number {
  return workersFor(texts, texts >= HTML_POOL_THRESHOLD_TEXTS, jobs);
}

async function taskOutput(context: RenderContext, task: HtmlTask): Promise<HtmlTaskOutput> {
  switch (task.kind) {
    case 'text':
      return { kind: 'text', text: await renderText(context, task.text) };
    case 'collection':
      return { kind: 'collection', page: await renderCollectionPage(context, task.template, task.summaries) };
  }
}

export async function runHtmlTask(context: RenderContext, task: HtmlTask): Promise<HtmlTaskResult> {
  try {
    return { id: task.id, output: await taskOutput(context, task) };
  } catch (error) {
    return { id: task.id, failure: htmlTransformFailure(task, error instanceof Error ? error.message : String(error)) };
  }
}

/** What the stylesheet's failure on a task says, and where (the TEI file; the CLI shows it as the user named it). */
export function htmlTransformFailure(task: HtmlTask | undefined, message: string): Diagnostic {
  return task?.kind === 'text'
    ? diagnostic('error', 'html-transform', `the HTML stylesheet failed on this text: ${message}`, { file: task.text.path })
    : diagnostic('error', 'html-transform', `the HTML stylesheet failed on the index or the registers: ${message}`, {
        file: HTML_STYLESHEET,
      });
}

/** Runs rounds of HTML tasks, in process or on workers. */
export interface HtmlRunner {
  run(tasks: readonly HtmlTask[], onDone?: (r: HtmlTaskResult) => void): Promise<HtmlTaskResult[]>;
  close(): Promise<void>;
}

/** `context`: made on the first task (a build that takes every page from its cache never makes it). */
export function inProcessRunner(context: () => Promise<RenderContext>): HtmlRunner {
  return {
    async run(tasks, onDone) {
      const results: HtmlTaskResult[] = new Array(tasks.length);
      for (const task of tasks) {
        const r = await runHtmlTask(await context(), task);
        onDone?.(r);
        results[r.id] = r;
      }
      return results;
    },
    close: () => Promise.resolve(),
  };
}

export function workerRunner(setup: HtmlWorkerSetup, jobs: number): HtmlRunner {
  const pool = startPool<HtmlTask, HtmlTaskResult>({
    workerUrl: new URL('./html-worker.js', import.meta.url),
    workerData: setup,
    jobs,
    youngGenerationMb: HTML_YOUNG_GENERATION_MB,
  });
  return { run: (tasks, onDone) => pool.run(tasks, onDone), close: () => pool.close() };
}

/** The render context a worker makes from its setup. */
export async function workerContext(setup: HtmlWorkerSetup): Promise<RenderContext> {
  const { readFile } = await import('node:fs/promises');
  const sef: unknown = JSON.parse(await readFile(setup.sefPath, 'utf8'));
  return renderContext(sef, setup.edition, setup.registers, setup.textIds);
}

/**
 * A runner that starts when it is first given work, with as many threads as that first round
 * needs (plannedHtmlJobs): a build that renders one text again (the others from its cache) does
 * it in process, instead of starting a worker per core for it.
 */
export function runnerForWork(context: () => Promise<RenderContext>, setup: HtmlWorkerSetup, jobs?: number): HtmlRunner {
  let runner: HtmlRunner | undefined;
  return {
    run(tasks, onDone) {
      runner ??=
        plannedHtmlJobs(tasks.length, jobs) <= 1 ? inProcessRunner(context) : workerRunner(setup, plannedHtmlJobs(tasks.length, jobs));
      return runner.run(tasks, onDone);
    },
    close: () => runner?.close() ?? Promise.resolve(),
  };
}
