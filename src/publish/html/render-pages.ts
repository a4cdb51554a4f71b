/**
 * The HTML reading edition's pages, made by the XSLT 3.0 stylesheet `xslt/html/edition.xsl`
 * (SaxonJS): one page per text, the index and the registers. HTML and the TEI semantics are known
 * only to the stylesheet; this module passes it the documents and the edition's metadata and
 * returns what it makes as text. Pure apart from the transformation engine.
 *
 * The order of the work: each text's summary (what the index, the registers and the pagers need
 * from it: summaries.xsl), the reading order from the summaries' keys, then the text pages (each
 * with its neighbours) and the collection pages from the summaries. Texts are parsed where they
 * are summarised; a worker keeps the texts it summarised for their pages (html-pool.ts), up to a
 * bound, so that a text is parsed once.
 */
import { pathToFileURL } from 'node:url';
import { parseForTransform, RESULT_BASE_URI, transform, type TransformResult } from '../xslt/saxon-transform.js';
import {
  editionJson,
  type PublishedMetadata,
  type ReadingEntry,
  type SitePage,
  type SiteRegister,
  type SiteText,
} from '../edition/published-documents.js';

/** What every page's transformation gets, parsed once per thread. */
export interface RenderContext {
  readonly sef: unknown;
  readonly editionJson: string;
  readonly registers: readonly unknown[];
  /** The registers' entries as name targets (the stylesheet's "register-table"), made once per thread. */
  readonly registerTable: unknown;
  /** The same table as XML (for the build cache: which entries a text's pointers reach). */
  readonly registerTableXml: string;
  readonly textIds: readonly string[];
}

/** What the collection pages and the reading order need from some texts (XML documents). */
export interface TextSummaries {
  /** Everything (summaries.xsl). */
  readonly summaries: string;
  /** The summaries' attributes only: enough for the reading order. */
  readonly keys: string;
}

/** The texts before and after a text in reading order. */
export interface Neighbours {
  readonly previous?: ReadingEntry;
  readonly next?: ReadingEntry;
}

export const COLLECTION_PAGES = [
  { template: 'index', file: 'index.html' },
  { template: 'persons', file: 'persons.html' },
  { template: 'places', file: 'places.html' },
  { template: 'search', file: 'search.html' },
] as const;

export async function renderContext(
  sef: unknown,
  edition: PublishedMetadata | undefined,
  registers: readonly SiteRegister[],
  textIds: readonly string[],
): Promise<RenderContext> {
  const parsed = await Promise.all(registers.map((r) => parseForTransform(r.xml, pathToFileURL(r.path).href)));
  const json = editionJson(edition);
  const table = await transform({ sef, initialTemplate: 'register-table', params: { 'edition-json': json, registers: parsed } });
  const registerTable = await parseForTransform(table.principal, 'urn:x-tei-edition:register-table');
  return { sef, editionJson: json, registers: parsed, registerTable, registerTableXml: table.principal, textIds };
}

/** A secondary result of a transformation, by the file name of its href. */
function resultDocument(result: TransformResult, file: string): string {
  const found = Object.entries(result.documents).find(([href]) => href === file || href.endsWith(`/${file}`));
  if (found === undefined) throw new Error(`the stylesheet wrote no ${file}`);
  return found[1];
}

/** A text parsed for the transformations (its summary and its page can share it). */
export function parseText(text: SiteText): Promise<unknown> {
  return parseForTransform(text.xml, pathToFileURL(text.path).href);
}

/** The summaries of some texts (in the order given); `parsed`: the texts already parsed (parseText), in the same order. */
export async function summariseTexts(
  context: RenderContext,
  texts: readonly SiteText[],
  parsed?: readonly unknown[],
): Promise<TextSummaries> {
  const documents = parsed ?? (await Promise.all(texts.map(parseText)));
  const result = await transform({
    sef: context.sef,
    initialTemplate: 'text-summaries',
    params: {
      'edition-json': context.editionJson,
      registers: [...context.registers],
      'register-table': context.registerTable,
      texts: [...documents],
      'text-ids': texts.map((t) => t.id),
    },
  });
  return { summaries: resultDocument(result, 'summaries.xml'), keys: resultDocument(result, 'keys.xml') };
}

/** Summaries (or keys) as the transformations take them (every text's, in the edition's order). */
export function parseSummaries(summaries: readonly string[]): Promise<unknown[]> {
  return Promise.all(summaries.map((xml) => parseForTransform(xml, 'urn:x-tei-edition:summaries')));
}

/** The texts in reading order, from their summaries' keys. */
export async function readingOrder(context: RenderContext, keys: readonly unknown[]): Promise<ReadingEntry[]> {
  const result = await transform({
    sef: context.sef,
    initialTemplate: 'reading-order',
    params: { 'edition-json': context.editionJson, summaries: [...keys] },
  });
  const order: unknown = JSON.parse(resultDocument(result, 'reading-order.json'));
  if (!Array.isArray(order)) throw new Error('the reading order is not a list');
  return order.map((e: { id?: unknown; title?: unknown }) => ({ id: String(e.id), title: String(e.title) }));
}

/** Each text's neighbours in reading order, by id. */
export function neighboursByText(order: readonly ReadingEntry[]): Map<string, Neighbours> {
  return new Map(
    order.map((entry, i) => {
      const previous = order[i - 1];
      const next = order[i + 1];
      return [entry.id, { ...(previous ? { previous } : {}), ...(next ? { next } : {}) }];
    }),
  );
}

/** A text's page (a very long text's contents page); `parsed`: the text already parsed (parseText), else it is parsed here. */
export async function renderTextPage(
  context: RenderContext,
  text: SiteText,
  neighbours: Neighbours = {},
  parsed?: unknown,
): Promise<string> {
  const [page] = await renderTextPages(context, text, neighbours, parsed);
  return page?.html ?? '';
}

/**
 * A text's pages: `<id>.html`, and for a very long text (docs/decisions/long-text-pages.md) its
 * parts `<id>-<n>.html`, in their order (the stylesheet's result documents).
 */
export async function renderTextPages(
  context: RenderContext,
  text: SiteText,
  neighbours: Neighbours = {},
  parsed?: unknown,
): Promise<SitePage[]> {
  const { previous, next } = neighbours;
  const result = await transform({
    ...textTransform(context, text, parsed),
    params: {
      ...textParams(context, text),
      ...(previous ? { 'previous-id': previous.id, 'previous-title': previous.title } : {}),
      ...(next ? { 'next-id': next.id, 'next-title': next.title } : {}),
    },
  });
  return [{ file: `${text.id}.html`, html: result.principal }, ...partPages(result)];
}

/** The result documents of a text page (its parts), by their number. */
function partPages(result: TransformResult): SitePage[] {
  const parts = Object.entries(result.documents).map(([href, html]) => {
    const file = href.startsWith(RESULT_BASE_URI) ? href.slice(RESULT_BASE_URI.length) : href.replace(/^.*\//, '');
    return { file, html, n: Number(/-(\d+)\.html$/.exec(file)?.[1] ?? 0) };
  });
  return parts.sort((a, b) => a.n - b.n).map(({ file, html }) => ({ file, html }));
}

/** The index and the register pages, from every text's summaries (XML, in the edition's order). */
export async function renderCollectionPages(context: RenderContext, summaryXml: readonly string[]): Promise<SitePage[]> {
  const summaries = await parseSummaries(summaryXml);
  const pages: SitePage[] = [];
  for (const page of COLLECTION_PAGES) {
    const result = await transform({
      sef: context.sef,
      initialTemplate: page.template,
      params: {
        'edition-json': context.editionJson,
        registers: [...context.registers],
        summaries: [...summaries],
        'text-ids': [...context.textIds],
      },
    });
    pages.push({ file: page.file, html: result.principal });
  }
  return pages;
}

/** A text's pages and its summaries, from one transformation; the pages hold a pager slot (fillPager). */
export interface RenderedText {
  readonly pages: SitePage[];
  readonly summaries: TextSummaries;
}

/** Where a page made with the pager slot has its pager (the comment the stylesheet writes). */
export const PAGER_SLOT = '<!--tei-edition:pager-->';

/**
 * A text's pages (with a pager slot: the page does not depend on its neighbours) and its
 * summaries, in one transformation: the text is parsed and walked once, and what is made depends
 * on the text, the registers' entries it names, the edition's metadata and the list of texts
 * alone, so that a build can cache it (html-cache.ts) and shards can make it apart.
 */
export async function renderText(context: RenderContext, text: SiteText, parsed?: unknown): Promise<RenderedText> {
  const result = await transform({
    ...textTransform(context, text, parsed),
    params: { ...textParams(context, text), 'pager-slot': true, 'with-summary': true },
  });
  const summaries = { summaries: resultDocument(result, 'summaries.xml'), keys: resultDocument(result, 'keys.xml') };
  const parts = partPages({
    ...result,
    documents: Object.fromEntries(Object.entries(result.documents).filter(([href]) => href.endsWith('.html'))),
  });
  return { pages: [{ file: `${text.id}.html`, html: result.principal }, ...parts], summaries };
}

/** Every text's pager (HTML; empty when it has no neighbours), by id, from the reading order: one transformation. */
export async function renderPagers(context: RenderContext, order: readonly ReadingEntry[]): Promise<Map<string, string>> {
  const result = await transform({
    sef: context.sef,
    initialTemplate: 'pagers',
    params: { 'edition-json': context.editionJson, 'reading-order-json': JSON.stringify(order) },
  });
  const pagers = new Map<string, string>();
  for (const [href, html] of Object.entries(result.documents)) {
    const id = decodeURIComponent(href.replace(/^.*\/pager\//u, ''));
    // A pager is serialised as a document of its own, so its root declares the XHTML namespace the page already has.
    pagers.set(id, html.replace(' xmlns="http://www.w3.org/1999/xhtml"', ''));
  }
  return pagers;
}

/** A page made with the pager slot, with its pager. */
export function fillPager(page: SitePage, pager: string): SitePage {
  return page.html.includes(PAGER_SLOT) ? { file: page.file, html: page.html.split(PAGER_SLOT).join(pager) } : page;
}

/** One collection page (index.html, persons.html…) from every text's summaries (XML, in the edition's order). */
export async function renderCollectionPage(
  context: RenderContext,
  template: (typeof COLLECTION_PAGES)[number]['template'],
  summaryXml: readonly string[],
): Promise<SitePage> {
  const summaries = await parseSummaries(summaryXml);
  const page = COLLECTION_PAGES.find((p) => p.template === template);
  if (page === undefined) throw new Error(`no collection page ${template}`);
  const result = await transform({
    sef: context.sef,
    initialTemplate: page.template,
    params: {
      'edition-json': context.editionJson,
      registers: [...context.registers],
      summaries: [...summaries],
      'text-ids': [...context.textIds],
    },
  });
  return { file: page.file, html: result.principal };
}

/** The stylesheet and a text as its source: parsed already, or its XML with the file as base URI. */
function textTransform(
  context: RenderContext,
  text: SiteText,
  parsed: unknown,
): { sef: unknown; sourceText?: string; sourceBaseUri?: string; sourceDocument?: unknown } {
  return {
    sef: context.sef,
    ...(parsed === undefined ? { sourceText: text.xml, sourceBaseUri: pathToFileURL(text.path).href } : { sourceDocument: parsed }),
  };
}

/** What every transformation of a text's page is given: the edition, the registers, the text's id and images. */
function textParams(context: RenderContext, text: SiteText): Record<string, unknown> {
  return {
    'edition-json': context.editionJson,
    registers: [...context.registers],
    'register-table': context.registerTable,
    'text-id': text.id,
    'text-ids': [...context.textIds],
    ...(text.images === undefined ? {} : { 'local-images': { ...text.images } }),
  };
}
