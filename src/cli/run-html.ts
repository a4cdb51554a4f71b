/**
 * `html` (and a step of `build`): the edition's TEI (its texts and registers, or TEI files named
 * on the command line) → the static site in `output/html/`: index.html, one page per text,
 * persons.html, search.html and its index (search/), the CSS and JS assets, and the TEI files for download. The I/O edge of the HTML stage; the pages come from the XSLT.
 */
import { cp, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { renderContext, type RenderContext } from '../publish/html/render-pages.js';
import { type RenderedSite, renderSite, type SiteCache } from '../publish/html/render-site.js';
import { unresolvedPointerWarnings } from '../publish/html/unresolved-pointers.js';
import { type SiteSearch, siteSearch } from '../publish/search/site-search.js';
import type { BuildCache } from '../lib/cache/build-cache.js';
import { cacheKey, contentHash } from '../lib/cache/cache-key.js';
import { htmlCache, registerTable } from '../publish/html/html-cache.js';
import { copyImages, withLocalImages } from '../publish/edition/text-images.js';
import { writeFileAtomic } from '../lib/io/atomic-write.js';
import { OutputTransaction } from '../lib/io/output-folders.js';
import { runnerForWork } from '../publish/html/html-pool.js';
import { HTML_ASSETS, HTML_STYLESHEET } from '../publish/xslt/stylesheet-paths.js';
import type { CliIO } from './cli-io.js';
import { display, shownAt } from './display-path.js';
import { stageStylesheet } from './stage-stylesheet.js';
import { refusalDiagnostic } from './output-root.js';
import { preparePublishing, type PublishInput, type PublishOptions } from './publish-input.js';
import type { Reporter } from './reporter.js';
import { editionJson, type SitePage, type SiteRegister, type SiteText } from '../publish/edition/published-documents.js';

export interface HtmlOptions extends PublishOptions {
  readonly jobs?: number;
  /** The run's output folders (build stages all of its outputs and swaps them in together); default: one of its own. */
  readonly output?: OutputTransaction;
  /** What to render (build passes the documents it validated); default: read as `config` or `files` say. */
  readonly input?: PublishInput;
  /** The build cache, and the edition's folder (texts' places are keyed relative to it): texts whose inputs did not change are not rendered again. */
  readonly cache?: { readonly store: BuildCache; readonly base: string };
}

export interface HtmlRun {
  readonly ok: boolean;
  readonly messages: Diagnostic[];
  /** Pages written, as messages show them. */
  readonly pages: string[];
  readonly siteDir: string;
  /** Texts rendered (not taken from the cache). */
  readonly rendered?: number;
}

export async function runHtml(options: HtmlOptions, io: CliIO, reporter: Reporter): Promise<HtmlRun> {
  const prepared = options.input === undefined ? await preparePublishing('html', options, io) : { input: options.input };
  if ('refused' in prepared) return { ok: false, messages: prepared.refused, pages: [], siteDir: '' };
  const { edition, texts, registers, targetDir: siteDir } = prepared.input;
  const messages = [...prepared.input.messages];
  const stylesheet = await stageStylesheet(HTML_STYLESHEET, io);
  if ('severity' in stylesheet) return { ok: false, messages: [...messages, stylesheet], pages: [], siteDir };
  if (messages.some((m) => m.severity === 'error')) return { ok: false, messages, pages: [], siteDir };
  const { sef, sefPath } = stylesheet;
  const textIds = texts.map((t) => t.id);
  const { texts: siteTexts, copies: images } = withLocalImages(texts);
  // The render context (SaxonJS, the registers parsed, the register table) is made when something is to be rendered here.
  let made: Promise<RenderContext> | undefined;
  const context = (): Promise<RenderContext> => (made ??= renderContext(sef, edition, registers, textIds));
  const runner = runnerForWork(context, { sefPath, edition, registers: [...registers], textIds }, options.jobs);
  let done = 0;
  const progress = (): void => reporter.progress('html', ++done, texts.length);
  let site: RenderedSite;
  try {
    const cache = options.cache === undefined ? undefined : await siteCache(options.cache, sefPath, edition, registers, textIds, context);
    site = await renderSite(context, runner, siteTexts, progress, cache);
  } finally {
    await runner.close();
  }
  const shownByPath = new Map(texts.map((t) => [t.path, t.shown]));
  messages.push(...site.failures.map((failure) => shownAt(io, failure, shownByPath)));
  // Names whose pointer designates nothing are plain text: one warning per target.
  const shownById = new Map(texts.map((t) => [t.id, t.shown]));
  messages.push(...unresolvedPointerWarnings(site.summaries, (id) => shownById.get(id) ?? `${id}.xml`));
  const pages = site.pages;
  if (messages.some((m) => m.severity === 'error')) return { ok: false, messages, pages: [], siteDir };
  // The search index, from the pages just made (docs/search.md).
  const search = await searchIndex(pages, site.order, options.cache?.store, (n, total) => reporter.progress('search index', n, total));
  for (const s of search.skipped)
    messages.push(
      diagnostic('warning', 'search-index', `the search index leaves out this page, which could not be read: ${s.message}`, {
        file: display(io, join(siteDir, s.file)),
      }),
    );
  const publishing = async (output: OutputTransaction): Promise<HtmlRun> => {
    const staged = await output.stage(siteDir, (p) => display(io, p));
    if (!('dir' in staged)) return { ok: false, messages: [...messages, refusalDiagnostic(staged)], pages: [], siteDir };
    await publish(staged.dir, pages, siteTexts, registers);
    for (const [file, content] of search.files) {
      await mkdir(dirname(join(staged.dir, file)), { recursive: true });
      await writeFileAtomic(join(staged.dir, file), content);
    }
    await copyImages(images, staged.dir);
    return { ok: true, messages, pages: pages.map((p) => display(io, join(siteDir, p.file))), siteDir, rendered: site.rendered };
  };
  if (options.output) return publishing(options.output);
  return OutputTransaction.run(async (output) => {
    const value = await publishing(output);
    return { commit: value.ok, value };
  });
}

/** The site, in a fresh (staged) folder: pages, assets, and the TEI files for download. */
async function publish(
  siteDir: string,
  pages: readonly SitePage[],
  texts: readonly SiteText[],
  registers: readonly SiteRegister[],
): Promise<void> {
  await mkdir(join(siteDir, 'tei'), { recursive: true });
  for (const page of pages) await writeFileAtomic(join(siteDir, page.file), page.html);
  await cp(HTML_ASSETS, join(siteDir, 'assets'), { recursive: true });
  for (const t of texts) await writeFileAtomic(join(siteDir, 'tei', `${t.id}.xml`), t.xml);
  for (const r of registers) await writeFileAtomic(join(siteDir, 'tei', r.file), r.xml);
}

/** The search index of the pages, from the cache when the pages and the order are those it was made from. */
async function searchIndex(
  pages: readonly SitePage[],
  order: RenderedSite['order'],
  cache: BuildCache | undefined,
  onProgress: (n: number, total: number) => void,
): Promise<Pick<SiteSearch, 'files' | 'skipped'>> {
  if (cache === undefined) return siteSearch(pages, order, onProgress);
  const key = cacheKey('search', [pages.map((p) => [p.file, contentHash(p.html)]), JSON.stringify(order)]);
  const cached = await cache.get<{ files: [string, string][]; skipped: SiteSearch['skipped'] }>('search', key);
  if (cached !== undefined && Array.isArray(cached.files) && Array.isArray(cached.skipped))
    return { files: new Map(cached.files), skipped: cached.skipped };
  const made = siteSearch(pages, order, onProgress);
  await cache.put('search', key, { files: [...made.files], skipped: made.skipped });
  return made;
}

/** The HTML cache of this edition: its keys need the register table, from the cache or the render context. */
export async function siteCache(
  cache: { readonly store: BuildCache; readonly base: string },
  sefPath: string,
  edition: PublishInput['edition'],
  registers: readonly SiteRegister[],
  textIds: readonly string[],
  context: () => Promise<RenderContext>,
): Promise<SiteCache> {
  const stylesheetHash = contentHash(await readFile(sefPath));
  const registersHash = contentHash(JSON.stringify(registers.map((r) => [r.file, r.xml])));
  const json = editionJson(edition);
  const table = await registerTable(cache.store, stylesheetHash, json, registersHash, async () => (await context()).registerTableXml);
  return htmlCache({
    cache: cache.store,
    context: { editionJson: json, textIds, registerTableXml: table },
    base: cache.base,
    stylesheetHash,
    registersHash,
    registers,
  });
}
