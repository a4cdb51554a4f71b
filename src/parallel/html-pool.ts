/**
 * Text pages of the HTML edition rendered by worker threads, one per core, each loading the
 * compiled stylesheet and parsing the registers once. Small editions stay in process: a worker
 * costs SaxonJS's start and the stylesheet's load before its first page.
 */
import { availableParallelism } from 'node:os';
import type { EditionMetadata } from '../config/types.js';
import { runPool } from './worker-pool.js';
import { type RenderContext, renderContext, renderTextPage, type SiteRegister, type SiteText } from '../html/render-pages.js';

export interface HtmlWorkerSetup {
  readonly sefPath: string;
  readonly edition?: EditionMetadata;
  readonly registers: readonly SiteRegister[];
  readonly textIds: readonly string[];
}

export interface HtmlTask {
  readonly id: number;
  readonly text: SiteText;
}

export interface HtmlTaskResult {
  readonly id: number;
  readonly html?: string;
  /** The transformation failed on this text (its message). */
  readonly error?: string;
}

/** From this many texts on, text pages are rendered by workers (measured with `npm run bench`). */
export const HTML_POOL_THRESHOLD_TEXTS = 24;

export function plannedHtmlJobs(texts: number, jobs?: number): number {
  const wanted = Math.min(jobs ?? Math.max(1, availableParallelism()), texts);
  if (jobs !== undefined) return Math.max(1, wanted);
  return texts >= HTML_POOL_THRESHOLD_TEXTS ? Math.max(1, wanted) : 1;
}

export async function renderOne(context: RenderContext, task: HtmlTask): Promise<HtmlTaskResult> {
  try {
    return { id: task.id, html: await renderTextPage(context, task.text) };
  } catch (error) {
    return { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function renderInProcess(context: RenderContext, texts: readonly SiteText[], onDone?: (r: HtmlTaskResult) => void): Promise<HtmlTaskResult[]> {
  const results: HtmlTaskResult[] = [];
  for (const [id, text] of texts.entries()) {
    const r = await renderOne(context, { id, text });
    onDone?.(r);
    results.push(r);
  }
  return results;
}

export function renderInWorkers(setup: HtmlWorkerSetup, texts: readonly SiteText[], jobs: number, onDone?: (r: HtmlTaskResult) => void): Promise<HtmlTaskResult[]> {
  const tasks: HtmlTask[] = texts.map((text, id) => ({ id, text }));
  return runPool<HtmlTask, HtmlTaskResult>(tasks, { workerUrl: new URL('./html-worker.js', import.meta.url), workerData: setup, jobs, youngGenerationMb: 64, ...(onDone ? { onDone } : {}) });
}

/** The render context a worker makes from its setup. */
export async function workerContext(setup: HtmlWorkerSetup): Promise<RenderContext> {
  const { readFile } = await import('node:fs/promises');
  const sef: unknown = JSON.parse(await readFile(setup.sefPath, 'utf8'));
  return renderContext(sef, setup.edition, setup.registers, setup.textIds);
}
