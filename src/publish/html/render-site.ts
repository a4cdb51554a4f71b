/**
 * All the pages of the HTML edition: each text's pages and summaries (one transformation per
 * text, or from the build cache when nothing it depends on changed), the reading order from the
 * summaries' keys, every pager (one transformation) put into its pages, then the collection pages
 * from the summaries (each one task, or from the cache). The work goes to a runner (in process or
 * on workers); the cache is optional (html alone, build --no-cache).
 */
import type { Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { htmlTransformFailure, type HtmlRunner, type HtmlTask } from './html-pool.js';
import {
  COLLECTION_PAGES,
  fillPager,
  parseSummaries,
  readingOrder,
  renderPagers,
  type RenderContext,
  type RenderedText,
} from './render-pages.js';
import type { ReadingEntry, SitePage, SiteText } from '../edition/published-documents.js';

export interface RenderedSite {
  readonly pages: SitePage[];
  /** What the stylesheet failed on: `html-transform` errors on the texts' TEI files (or the stylesheet, for the index and registers). */
  readonly failures: Diagnostic[];
  /** Every rendered text's summaries (summaries.xsl), in the edition's order. */
  readonly summaries: string[];
  /** The texts in reading order. */
  readonly order: ReadingEntry[];
  /** Texts made again (not taken from the cache). */
  readonly rendered: number;
}

export type CollectionTemplate = (typeof COLLECTION_PAGES)[number]['template'];

/** Where renderSite finds and keeps what it made (src/publish/html/html-cache.ts). */
export interface SiteCache {
  text(text: SiteText): Promise<RenderedText | undefined>;
  keepText(text: SiteText, rendered: RenderedText): Promise<void>;
  collection(template: CollectionTemplate, summaries: readonly string[]): Promise<SitePage | undefined>;
  keepCollection(template: CollectionTemplate, summaries: readonly string[], page: SitePage): Promise<void>;
  /** The reading order and the pagers, from every text's keys. */
  order(keys: readonly string[]): Promise<OrderAndPagers | undefined>;
  keepOrder(keys: readonly string[], made: OrderAndPagers): Promise<void>;
}

export interface OrderAndPagers {
  readonly order: ReadingEntry[];
  /** Each text's pager, by id. */
  readonly pagers: [string, string][];
}

/** `context`: made when something is to be made in this thread (the reading order, the pagers), not before. */
export async function renderSite(
  context: () => Promise<RenderContext>,
  runner: HtmlRunner,
  texts: readonly SiteText[],
  onPage?: () => void,
  cache?: SiteCache,
): Promise<RenderedSite> {
  const { made, failures, rendered } = await renderTexts(runner, texts, onPage, cache);
  const { order, pagers } = await orderAndPagers(
    context,
    made.map((m) => m.rendered.summaries.keys),
    cache,
  );
  const pages: SitePage[] = [];
  const files = new Set<string>();
  for (const { text, rendered } of made) {
    // A very long text's parts are <id>-<n>.html: a text whose id is that name would lose its page.
    const clash = rendered.pages.find((p) => files.has(p.file));
    if (clash !== undefined) {
      failures.push(
        htmlTransformFailure(
          { kind: 'text', id: -1, text },
          `its page ${clash.file} is also another text's page (a very long text's parts are <id>-<n>.html)`,
        ),
      );
      continue;
    }
    for (const page of rendered.pages) files.add(page.file);
    pages.push(...rendered.pages.map((page) => fillPager(page, pagers.get(text.id) ?? '')));
  }
  const summaries = made.map((m) => m.rendered.summaries.summaries);
  const collection = await collectionPages(runner, summaries, failures, cache);
  return { pages: [...pages, ...collection], failures, summaries, order, rendered };
}

/**
 * Each text's pages and summaries (from the cache, else one task each, then kept in the cache),
 * in the texts' order; a text the stylesheet failed on is a failure. What a shard does (build --shard).
 */
export async function renderTexts(
  runner: HtmlRunner,
  texts: readonly SiteText[],
  onPage?: () => void,
  cache?: SiteCache,
): Promise<{ made: { text: SiteText; rendered: RenderedText }[]; failures: Diagnostic[]; rendered: number }> {
  const failures: Diagnostic[] = [];
  const done: (RenderedText | undefined)[] = await Promise.all(texts.map(async (text) => cache?.text(text)));
  for (const cached of done) if (cached !== undefined) onPage?.();
  // (Task ids are 0…n-1, as runners need them; `missing` maps them back to the texts.)
  const missing = texts.flatMap((_, i) => (done[i] === undefined ? [i] : []));
  const tasks: HtmlTask[] = missing.map((i, id): HtmlTask => ({ kind: 'text', id, text: texts[i] as SiteText }));
  for (const r of await runner.run(tasks, (r) => {
    if (r.output?.kind === 'text') onPage?.();
  })) {
    const i = missing[r.id] ?? -1;
    const text = texts[i];
    if (text !== undefined && r.output?.kind === 'text') {
      done[i] = r.output.text;
      await cache?.keepText(text, r.output.text);
    } else failures.push(r.failure ?? htmlTransformFailure(tasks[r.id], 'unknown error'));
  }
  const made = texts.flatMap((text, i) => {
    const rendered = done[i];
    return rendered === undefined ? [] : [{ text, rendered }];
  });
  return { made, failures, rendered: tasks.length };
}

/** The index, registers and search pages, in COLLECTION_PAGES' order: from the cache, else one task each. */
async function collectionPages(
  runner: HtmlRunner,
  summaries: readonly string[],
  failures: Diagnostic[],
  cache: SiteCache | undefined,
): Promise<SitePage[]> {
  const found = await Promise.all(COLLECTION_PAGES.map(async (page) => cache?.collection(page.template, summaries)));
  const missing = COLLECTION_PAGES.flatMap((_, i) => (found[i] === undefined ? [i] : []));
  const tasks: HtmlTask[] = missing.map((i, id): HtmlTask => ({
    kind: 'collection',
    id,
    template: COLLECTION_PAGES[i]?.template ?? 'index',
    summaries,
  }));
  for (const r of await runner.run(tasks)) {
    const i = missing[r.id] ?? -1;
    const page = COLLECTION_PAGES[i];
    if (page !== undefined && r.output?.kind === 'collection') {
      found[i] = r.output.page;
      await cache?.keepCollection(page.template, summaries, r.output.page);
    } else failures.push(r.failure ?? htmlTransformFailure(tasks[r.id], 'unknown error'));
  }
  return found.filter((p): p is SitePage => p !== undefined);
}

async function orderAndPagers(
  context: () => Promise<RenderContext>,
  keys: readonly string[],
  cache: SiteCache | undefined,
): Promise<{ order: ReadingEntry[]; pagers: Map<string, string> }> {
  const cached = await cache?.order(keys);
  if (cached !== undefined) return { order: cached.order, pagers: new Map(cached.pagers) };
  const order = await readingOrder(await context(), await parseSummaries(keys));
  const pagers = await renderPagers(await context(), order);
  await cache?.keepOrder(keys, { order, pagers: [...pagers] });
  return { order, pagers };
}
