/**
 * All the pages of the HTML edition, in the order render-pages.ts describes: the texts' summaries
 * (in batches), the reading order, then the text pages with their neighbours and the collection
 * pages in one round (the collection pages are one task among the pages, so that no thread waits
 * for them). The work goes to a runner (in process or on workers); only the reading order, from
 * the summaries' keys, is made here.
 */
import { type HtmlRunner, type HtmlTask, summaryTasks } from '../parallel/html-pool.js';
import { neighboursByText, parseSummaries, readingOrder, type ReadingEntry, type RenderContext, type SitePage, type SiteText, type TextSummaries } from './render-pages.js';

export interface SiteFailure {
  /** The text the stylesheet failed on; none for the index and the registers. */
  readonly text?: SiteText;
  readonly message: string;
}

export interface RenderedSite {
  readonly pages: SitePage[];
  readonly failures: SiteFailure[];
  /** Every summarised text's summary (summaries.xsl), in the edition's order. */
  readonly summaries: string[];
  /** The texts in reading order. */
  readonly order: ReadingEntry[];
}

export async function renderSite(context: RenderContext, runner: HtmlRunner, texts: readonly SiteText[], onPage?: () => void): Promise<RenderedSite> {
  const failures: SiteFailure[] = [];
  const { summaries, summarised } = await summarise(runner, texts, failures);
  const order = await readingOrder(context, await parseSummaries(summaries.map((s) => s.keys)));
  const neighbours = neighboursByText(order);
  // The collection pages first: the longest task starts while the pages share the other threads.
  const tasks: HtmlTask[] = [
    { kind: 'collection', id: summarised.length, summaries: summaries.map((s) => s.summaries) },
    ...summarised.map((text, id): HtmlTask => ({ kind: 'page', id, text, neighbours: neighbours.get(text.id) ?? {} })),
  ];
  const pages: SitePage[] = [];
  const collection: SitePage[] = [];
  const files = new Set<string>();
  for (const r of await runner.run(tasks, (r) => { if (r.output?.kind === 'page') onPage?.(); })) {
    const text = summarised[r.id];
    if (r.output?.kind === 'page') {
      // A very long text's parts are <id>-<n>.html: a text whose id is that name would lose its page.
      const clash = r.output.pages.find((p) => files.has(p.file));
      if (clash !== undefined) failures.push({ ...(text ? { text } : {}), message: `its page ${clash.file} is also another text's page (a very long text's parts are <id>-<n>.html)` });
      else {
        for (const page of r.output.pages) files.add(page.file);
        pages.push(...r.output.pages);
      }
    } else if (r.output?.kind === 'collection') collection.push(...r.output.pages);
    else failures.push({ ...(text ? { text } : {}), message: r.error ?? 'unknown error' });
  }
  return { pages: [...pages, ...collection], failures, summaries: summaries.map((s) => s.summaries), order };
}

/** The summaries, batch by batch in the edition's order; a failed batch is done again text by text to find the text at fault. */
async function summarise(runner: HtmlRunner, texts: readonly SiteText[], failures: SiteFailure[]): Promise<{ summaries: TextSummaries[]; summarised: SiteText[] }> {
  const tasks = summaryTasks(texts);
  const results = await runner.run(tasks);
  const summariesOf = (i: number, from: readonly (typeof results[number] | undefined)[]): TextSummaries | undefined => {
    const output = from[i]?.output;
    return output?.kind === 'summaries' ? output.summaries : undefined;
  };
  const retried = tasks.flatMap((task) => task.kind === 'summaries' && summariesOf(task.id, results) === undefined ? task.texts : []);
  const alone = retried.length === 0 ? [] : await runner.run(summaryTasks(retried, 1));
  const summaries: TextSummaries[] = [];
  const summarised: SiteText[] = [];
  let next = 0;
  for (const task of tasks) {
    if (task.kind !== 'summaries') continue;
    const batch = summariesOf(task.id, results);
    if (batch !== undefined) {
      summaries.push(batch);
      summarised.push(...task.texts);
      continue;
    }
    for (const text of task.texts) {
      const i = next++;
      const single = summariesOf(i, alone);
      if (single !== undefined) {
        summaries.push(single);
        summarised.push(text);
      } else failures.push({ text, message: alone[i]?.error ?? 'unknown error' });
    }
  }
  return { summaries, summarised };
}
