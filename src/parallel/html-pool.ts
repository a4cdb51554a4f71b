/**
 * The work of the HTML edition (the texts' summaries, then the text pages and the collection
 * pages) in worker threads, one per core, each loading the compiled stylesheet and parsing the
 * registers once; the same workers do both rounds. Small editions stay in process: a worker costs SaxonJS's start and the
 * stylesheet's load before its first page.
 */
import type { EditionMetadata } from '../config/types.js';
import { startPool, workersFor } from './worker-pool.js';
import { type Neighbours, type RenderContext, renderCollectionPages, renderContext, renderTextPage, type SitePage, type SiteRegister, type SiteText, summariseTexts, type TextSummaries } from '../html/render-pages.js';

export interface HtmlWorkerSetup {
  readonly sefPath: string;
  readonly edition?: EditionMetadata;
  readonly registers: readonly SiteRegister[];
  readonly textIds: readonly string[];
}

/** The summaries of a batch of texts (one transformation), one text's page, or the collection pages. */
export type HtmlTask =
  | { readonly kind: 'summaries'; readonly id: number; readonly texts: readonly SiteText[] }
  | { readonly kind: 'page'; readonly id: number; readonly text: SiteText; readonly neighbours: Neighbours }
  | { readonly kind: 'collection'; readonly id: number; readonly summaries: readonly string[] };

export type HtmlTaskOutput =
  | { readonly kind: 'summaries'; readonly summaries: TextSummaries }
  | { readonly kind: 'page'; readonly html: string }
  | { readonly kind: 'collection'; readonly pages: SitePage[] };

export interface HtmlTaskResult {
  readonly id: number;
  readonly output?: HtmlTaskOutput;
  /** The transformation failed (its message). */
  readonly error?: string;
}

/** From this many texts on, the work is done by workers (measured with `npm run bench`). */
export const HTML_POOL_THRESHOLD_TEXTS = 24;

/**
 * The workers' young generation (MB): SaxonJS allocates many short-lived objects, and collecting
 * them less often made `tei-edition html` on the bench corpus about a tenth faster than 64 MB
 * (at about 200 MB more memory).
 */
export const HTML_YOUNG_GENERATION_MB = 256;

/** Texts summarised by one transformation: the transformation's own start (a few ms) is paid once per batch. */
export const SUMMARY_BATCH_TEXTS = 12;

export function plannedHtmlJobs(texts: number, jobs?: number): number {
  return workersFor(texts, texts >= HTML_POOL_THRESHOLD_TEXTS, jobs);
}

async function taskOutput(context: RenderContext, task: HtmlTask): Promise<HtmlTaskOutput> {
  switch (task.kind) {
    case 'summaries': return { kind: 'summaries', summaries: await summariseTexts(context, task.texts) };
    case 'page': return { kind: 'page', html: await renderTextPage(context, task.text, task.neighbours) };
    case 'collection': return { kind: 'collection', pages: await renderCollectionPages(context, task.summaries) };
  }
}

export async function runHtmlTask(context: RenderContext, task: HtmlTask): Promise<HtmlTaskResult> {
  try {
    return { id: task.id, output: await taskOutput(context, task) };
  } catch (error) {
    return { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs rounds of HTML tasks, in process or on workers. */
export interface HtmlRunner {
  run(tasks: readonly HtmlTask[], onDone?: (r: HtmlTaskResult) => void): Promise<HtmlTaskResult[]>;
  close(): Promise<void>;
}

export function inProcessRunner(context: RenderContext): HtmlRunner {
  return {
    async run(tasks, onDone) {
      const results: HtmlTaskResult[] = new Array(tasks.length);
      for (const task of tasks) {
        const r = await runHtmlTask(context, task);
        onDone?.(r);
        results[r.id] = r;
      }
      return results;
    },
    close: () => Promise.resolve(),
  };
}

export function workerRunner(setup: HtmlWorkerSetup, jobs: number): HtmlRunner {
  const pool = startPool<HtmlTask, HtmlTaskResult>({ workerUrl: new URL('./html-worker.js', import.meta.url), workerData: setup, jobs, youngGenerationMb: HTML_YOUNG_GENERATION_MB });
  return { run: (tasks, onDone) => pool.run(tasks, onDone), close: () => pool.close() };
}

/** The texts in batches for their summaries, in order (the task ids number the batches). */
export function summaryTasks(texts: readonly SiteText[], batch = SUMMARY_BATCH_TEXTS): HtmlTask[] {
  const tasks: HtmlTask[] = [];
  for (let i = 0; i < texts.length; i += batch) tasks.push({ kind: 'summaries', id: tasks.length, texts: texts.slice(i, i + batch) });
  return tasks;
}

/** The render context a worker makes from its setup. */
export async function workerContext(setup: HtmlWorkerSetup): Promise<RenderContext> {
  const { readFile } = await import('node:fs/promises');
  const sef: unknown = JSON.parse(await readFile(setup.sefPath, 'utf8'));
  return renderContext(sef, setup.edition, setup.registers, setup.textIds);
}
