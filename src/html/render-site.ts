/**
 * All the pages of the HTML edition, in the order render-pages.ts describes: the texts' summaries
 * (in batches), the reading order, the text pages with their neighbours, the collection pages.
 * The per-text work goes to a runner (in process or on workers); the steps that need every text
 * (reading order, collection pages) run here on the summaries only.
 */
import { type HtmlRunner, type HtmlTask, summaryTasks } from '../parallel/html-pool.js';
import { neighboursByText, parseSummaries, readingOrder, renderCollectionPages, type RenderContext, type SiteText } from './render-pages.js';

export interface SitePage {
  readonly file: string;
  readonly html: string;
}

export interface SiteFailure {
  /** The text the stylesheet failed on; none for the index and the registers. */
  readonly text?: SiteText;
  readonly message: string;
}

export interface RenderedSite {
  readonly pages: SitePage[];
  readonly failures: SiteFailure[];
}

export async function renderSite(context: RenderContext, runner: HtmlRunner, texts: readonly SiteText[], onPage?: () => void): Promise<RenderedSite> {
  const failures: SiteFailure[] = [];
  const { summaries, summarised } = await summarise(runner, texts, failures);
  const parsed = await parseSummaries(summaries);
  const neighbours = neighboursByText(await readingOrder(context, parsed));
  const tasks: HtmlTask[] = summarised.map((text, id) => ({ kind: 'page', id, text, neighbours: neighbours.get(text.id) ?? {} }));
  const pages: SitePage[] = [];
  for (const r of await runner.run(tasks, onPage)) {
    const text = summarised[r.id];
    if (text === undefined) continue;
    if (r.output !== undefined) pages.push({ file: `${text.id}.html`, html: r.output });
    else failures.push({ text, message: r.error ?? 'unknown error' });
  }
  try {
    pages.push(...(await renderCollectionPages(context, parsed)));
  } catch (error) {
    failures.push({ message: error instanceof Error ? error.message : String(error) });
  }
  return { pages, failures };
}

/** The summaries, batch by batch in the edition's order; a failed batch is done again text by text to find the text at fault. */
async function summarise(runner: HtmlRunner, texts: readonly SiteText[], failures: SiteFailure[]): Promise<{ summaries: string[]; summarised: SiteText[] }> {
  const tasks = summaryTasks(texts);
  const results = await runner.run(tasks);
  const retried = tasks.flatMap((task) => task.kind === 'summaries' && results[task.id]?.output === undefined ? task.texts : []);
  const alone = retried.length === 0 ? [] : await runner.run(summaryTasks(retried, 1));
  const summaries: string[] = [];
  const summarised: SiteText[] = [];
  let next = 0;
  for (const task of tasks) {
    if (task.kind !== 'summaries') continue;
    const output = results[task.id]?.output;
    if (output !== undefined) {
      summaries.push(output);
      summarised.push(...task.texts);
      continue;
    }
    for (const text of task.texts) {
      const r = alone[next++];
      if (r?.output !== undefined) {
        summaries.push(r.output);
        summarised.push(text);
      } else failures.push({ text, message: r?.error ?? 'unknown error' });
    }
  }
  return { summaries, summarised };
}
