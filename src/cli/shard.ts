/**
 * `build --shard i/n`: a shard's share of the per-text work (its texts' HTML pages and summaries,
 * and their print chapters), made into the cache and published nowhere. `tei-edition merge` then
 * builds the edition with the shards' caches: every text it finds there is taken as it is, so
 * the merged site is the one a single build makes.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import type { EditionText } from '../publish/edition/edition-text.js';
import { withLocalImages } from '../publish/edition/text-images.js';
import { renderContext, type RenderContext } from '../publish/html/render-pages.js';
import { renderTexts } from '../publish/html/render-site.js';
import { runnerForWork } from '../publish/html/html-pool.js';
import { printContext } from '../publish/print/render-book.js';
import { HTML_STYLESHEET, PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../publish/xslt/stylesheet-paths.js';
import type { CliIO } from './cli-io.js';
import { shownAt } from './display-path.js';
import type { Reporter } from './reporter.js';
import { siteCache } from './run-html.js';
import { renderChapters } from './run-pdf.js';
import { stageStylesheet } from './stage-stylesheet.js';
import type { BuildCache } from '../lib/cache/build-cache.js';
import type { PublishedMetadata, SiteRegister } from '../publish/edition/published-documents.js';

export interface ShardInput {
  readonly edition: PublishedMetadata;
  /** The shard's texts. */
  readonly texts: readonly EditionText[];
  readonly registers: readonly SiteRegister[];
  /** Every text of the edition, its id (links between texts are made from the whole list). */
  readonly textIds: readonly string[];
  readonly configPath: string;
  readonly cache: BuildCache | undefined;
  readonly jobs?: number;
}

export async function renderShard(
  input: ShardInput,
  io: CliIO,
  reporter: Reporter,
): Promise<{ halted: boolean; messages: Diagnostic[]; rendered: number }> {
  if (input.cache === undefined)
    return {
      halted: true,
      messages: [
        diagnostic('error', 'usage', 'build --shard writes into the cache: it cannot be used with --no-cache', { file: 'tei-edition' }),
      ],
      rendered: 0,
    }; // (build refuses it first)
  const cache = { store: input.cache, base: dirname(input.configPath) };
  const html = await stageStylesheet(HTML_STYLESHEET, io);
  const print = await stageStylesheet(PRINT_STYLESHEET, io);
  const broken = [html, print].filter((s): s is Diagnostic => 'severity' in s);
  if ('severity' in html || 'severity' in print) return { halted: true, messages: broken, rendered: 0 };
  const { texts } = withLocalImages(input.texts);
  const messages: Diagnostic[] = [];
  let making: Promise<RenderContext> | undefined;
  const context = (): Promise<RenderContext> => (making ??= renderContext(html.sef, input.edition, input.registers, input.textIds));
  const runner = runnerForWork(
    context,
    { sefPath: html.sefPath, edition: input.edition, registers: [...input.registers], textIds: [...input.textIds] },
    input.jobs,
  );
  let done = 0;
  let made;
  try {
    made = await renderTexts(
      runner,
      texts,
      () => reporter.progress('html', ++done, texts.length),
      await siteCache(cache, html.sefPath, input.edition, input.registers, input.textIds, context),
    );
  } finally {
    await runner.close();
  }
  const shownByPath = new Map(input.texts.map((t) => [t.path, t.shown]));
  messages.push(...made.failures.map((failure) => shownAt(io, failure, shownByPath)));
  const bookLibrary = await readFile(PRINT_BOOK_LIBRARY, 'utf8');
  const chapters = await renderChapters(
    {
      context: await printContext(print.sef, input.edition, input.registers, bookLibrary),
      texts,
      sefPath: print.sefPath,
      edition: input.edition,
      registers: input.registers,
      bookLibrary,
      ...(input.jobs === undefined ? {} : { jobs: input.jobs }),
      cache,
    },
    reporter,
  );
  for (const r of chapters) if (r.failure !== undefined) messages.push(shownAt(io, r.failure, shownByPath));
  return { halted: false, messages, rendered: made.rendered };
}
