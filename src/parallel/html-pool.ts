/**
 * The work of the HTML edition (the texts' summaries, then the text pages and the collection
 * pages) in worker threads, one per core, each loading the compiled stylesheet and parsing the
 * registers once; the same workers do both rounds. Small editions stay in process: a worker
 * costs SaxonJS's start and the stylesheet's load before its first page.
 *
 * A thread keeps the texts it parsed for their summaries (ParsedTexts, up to a budget) and, with
 * workers, a text's page goes to the worker that summarised it (the pool's affinity by text id):
 * each text is parsed once.
 */
import type { PublishedMetadata } from '../edition/edition-text.js';
import { startPool, workersFor } from './worker-pool.js';
import { type Neighbours, parseText, type RenderContext, renderCollectionPages, renderContext, renderTextPages, type SitePage, type SiteRegister, type SiteText, summariseTexts, type TextSummaries } from '../html/render-pages.js';

export interface HtmlWorkerSetup {
  readonly sefPath: string;
  readonly edition?: PublishedMetadata;
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
  /** A text's page, and a very long text's parts. */
  | { readonly kind: 'page'; readonly pages: SitePage[] }
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

/**
 * Source XML (characters) a thread keeps parsed from the summaries to the pages. A parsed text
 * takes about 12 times its XML in memory (a 38 KB text of the bench corpus: 480 KB), so this is
 * about 300 MB a thread; texts beyond it are parsed again for their page.
 */
export const PARSED_TEXTS_BUDGET_CHARS = 24 * 1024 * 1024;

/** The texts a thread has parsed for their summaries, by id, until their page takes them. */
export class ParsedTexts {
  private readonly documents = new Map<string, { readonly document: unknown; readonly chars: number }>();
  private chars = 0;

  constructor(private readonly budgetChars = PARSED_TEXTS_BUDGET_CHARS) {}

  keep(text: SiteText, document: unknown): void {
    if (this.documents.has(text.id) || this.chars + text.xml.length > this.budgetChars) return;
    this.documents.set(text.id, { document, chars: text.xml.length });
    this.chars += text.xml.length;
  }

  /** The parsed text, given up by the cache (a page is made once). */
  take(text: SiteText): unknown {
    const kept = this.documents.get(text.id);
    if (kept === undefined) return undefined;
    this.documents.delete(text.id);
    this.chars -= kept.chars;
    return kept.document;
  }

  get size(): number {
    return this.documents.size;
  }
}

async function taskOutput(context: RenderContext, task: HtmlTask, parsed: ParsedTexts): Promise<HtmlTaskOutput> {
  switch (task.kind) {
    case 'summaries': {
      const documents = await Promise.all(task.texts.map(parseText));
      const summaries = await summariseTexts(context, task.texts, documents);
      task.texts.forEach((text, i) => parsed.keep(text, documents[i]));
      return { kind: 'summaries', summaries };
    }
    case 'page': return { kind: 'page', pages: await renderTextPages(context, task.text, task.neighbours, parsed.take(task.text)) };
    case 'collection': return { kind: 'collection', pages: await renderCollectionPages(context, task.summaries) };
  }
}

/** What a task works on, for the pool's affinity: the ids of its texts. */
export function htmlTaskTexts(task: HtmlTask): string[] {
  switch (task.kind) {
    case 'summaries': return task.texts.map((t) => t.id);
    case 'page': return [task.text.id];
    case 'collection': return [];
  }
}

export async function runHtmlTask(context: RenderContext, task: HtmlTask, parsed: ParsedTexts): Promise<HtmlTaskResult> {
  try {
    return { id: task.id, output: await taskOutput(context, task, parsed) };
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
  const parsed = new ParsedTexts();
  return {
    async run(tasks, onDone) {
      const results: HtmlTaskResult[] = new Array(tasks.length);
      for (const task of tasks) {
        const r = await runHtmlTask(context, task, parsed);
        onDone?.(r);
        results[r.id] = r;
      }
      return results;
    },
    close: () => Promise.resolve(),
  };
}

export function workerRunner(setup: HtmlWorkerSetup, jobs: number): HtmlRunner {
  const pool = startPool<HtmlTask, HtmlTaskResult>({ workerUrl: new URL('./html-worker.js', import.meta.url), workerData: setup, jobs, youngGenerationMb: HTML_YOUNG_GENERATION_MB, affinity: htmlTaskTexts });
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
