/**
 * `pdf` (and the last step of `build`): the edition's TEI → the print edition in
 * `output/print/`: `edition.typ` (the Typst source, made by the XSLT) and `edition.pdf` (compiled
 * in process by Typst). The I/O edge of the print stage.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BuildCache } from '../lib/cache/build-cache.js';
import { cacheKey, contentHash } from '../lib/cache/cache-key.js';
import { isRule, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { writeFileAtomic } from '../lib/io/atomic-write.js';
import { OutputTransaction } from '../lib/io/output-folders.js';
import {
  chaptersInProcess,
  chaptersInWorkers,
  plannedPrintJobs,
  type PrintTaskResult,
  type PrintWorkerSetup,
} from '../publish/print/print-pool.js';
import { unresolvedPointerWarnings } from '../publish/html/unresolved-pointers.js';
import { copyImages, withLocalImages } from '../publish/edition/text-images.js';
import { assembleBook, printContext, type PrintContext, renderFrame, type Chapter } from '../publish/print/render-book.js';
import { compileTypstFileToPdf } from '../publish/print/typst-compiler.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../publish/xslt/stylesheet-paths.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import { stageStylesheet } from './stage-stylesheet.js';
import { refusalDiagnostic } from './output-root.js';
import { preparePublishing, type PublishInput, type PublishOptions } from './publish-input.js';
import type { Reporter } from './reporter.js';
import type { SiteRegister, SiteText } from '../publish/edition/published-documents.js';

export interface PdfOptions extends PublishOptions {
  /** Write edition.typ only (no PDF). */
  readonly typstOnly?: boolean;
  readonly jobs?: number;
  /** The run's output folders (build stages all of its outputs and swaps them in together); default: one of its own. */
  readonly output?: OutputTransaction;
  /** What to render (build passes the documents it validated); default: read as `config` or `files` say. */
  readonly input?: PublishInput;
  /** Warn of names whose pointer designates nothing (default true; build has them from the HTML). */
  readonly pointerWarnings?: boolean;
  /** The build cache, and the edition's folder: chapters (and the PDF) whose inputs did not change are not made again. */
  readonly cache?: { readonly store: BuildCache; readonly base: string };
}

export interface PdfRun {
  readonly ok: boolean;
  readonly messages: Diagnostic[];
  /** Files written, as messages show them. */
  readonly files: string[];
  readonly pages: number;
  readonly printDir: string;
}

export async function runPdf(options: PdfOptions, io: CliIO, reporter: Reporter): Promise<PdfRun> {
  const prepared = options.input === undefined ? await preparePublishing('print', options, io) : { input: options.input };
  if ('refused' in prepared) return { ok: false, messages: prepared.refused, files: [], pages: 0, printDir: '' };
  const { edition, registers, targetDir: printDir, failedDir } = prepared.input;
  const { texts, copies: images } = withLocalImages(prepared.input.texts);
  const messages = [...prepared.input.messages];
  const stylesheet = await stageStylesheet(PRINT_STYLESHEET, io);
  if ('severity' in stylesheet) return { ok: false, messages: [...messages, stylesheet], files: [], pages: 0, printDir };
  if (messages.some((m) => m.severity === 'error')) return { ok: false, messages, files: [], pages: 0, printDir };
  const { sef, sefPath } = stylesheet;
  const bookLibrary = await readFile(PRINT_BOOK_LIBRARY, 'utf8');
  const context = await printContext(sef, edition, registers, bookLibrary);
  const results = await renderChapters(
    {
      context,
      texts,
      sefPath,
      edition,
      registers,
      bookLibrary,
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      ...(options.cache === undefined ? {} : { cache: options.cache }),
    },
    reporter,
  );
  const chapters: Chapter[] = [];
  for (const r of results) {
    const text = prepared.input.texts[r.id];
    if (r.chapter !== undefined) chapters.push(r.chapter);
    else if (text !== undefined && r.failure !== undefined)
      messages.push({ ...r.failure, position: { ...r.failure.position, file: text.shown } });
  }
  if (messages.some((m) => m.severity === 'error')) return { ok: false, messages, files: [], pages: 0, printDir };
  if (options.pointerWarnings !== false) {
    const shownById = new Map(prepared.input.texts.map((t) => [t.id, t.shown]));
    const inOrder = [...results]
      .sort((a, b) => a.id - b.id)
      .flatMap((r) => (r.chapter?.unresolvedPointers === undefined ? [] : [r.chapter.unresolvedPointers]));
    messages.push(...unresolvedPointerWarnings(inOrder, (id) => shownById.get(id) ?? `${id}.xml`));
  }
  const source = assembleBook(await renderFrame(context, chapters), chapters);
  if (texts.length > 0) reporter.progress('pdf: typesetting', texts.length, texts.length);
  const publishing = async (output: OutputTransaction): Promise<PdfRun> => {
    const staged = await output.stage(printDir, (p) => display(io, p));
    if (!('dir' in staged)) return { ok: false, messages: [...messages, refusalDiagnostic(staged)], files: [], pages: 0, printDir };
    const typPath = join(printDir, 'edition.typ');
    await writeFileAtomic(join(staged.dir, 'edition.typ'), source);
    await copyImages(images, staged.dir);
    const files = [display(io, typPath)];
    if (options.typstOnly) return { ok: true, messages, files, pages: 0, printDir };
    const book = await compileBookCached(options.cache?.store, [source, display(io, typPath), edition.date ?? null], images, () =>
      compileBook(join(staged.dir, 'edition.typ'), display(io, typPath), edition.date),
    );
    messages.push(...book.messages);
    if (book.pdf === undefined) {
      const kept = await keepFailedSource(failedDir, source, io);
      for (const [i, m] of messages.entries())
        if (isRule(m, 'typst') && m.position.file === display(io, typPath)) messages[i] = { ...m, position: { ...m.position, file: kept } };
      return { ok: false, messages, files: [], pages: 0, printDir };
    }
    const pdfPath = join(printDir, 'edition.pdf');
    await writeFileAtomic(join(staged.dir, 'edition.pdf'), book.pdf);
    files.push(display(io, pdfPath));
    return { ok: true, messages, files, pages: book.pages, printDir };
  };
  if (options.output) return publishing(options.output);
  return OutputTransaction.run(async (output) => {
    const value = await publishing(output);
    return { commit: value.ok, value };
  });
}

/** Typst → PDF, its warnings and errors as messages on the Typst source (shown as `typShown`). */
function compileBook(
  typPath: string,
  typShown: string,
  date: string | undefined,
): { pdf?: Uint8Array; pages: number; messages: Diagnostic[] } {
  const creationDate = editionTimestamp(date);
  const book = compileTypstFileToPdf(typPath, { shown: typShown, ...(creationDate === undefined ? {} : { creationDate }) });
  if (book.pdf !== undefined) return book;
  return { pages: 0, messages: book.messages.map((m) => (m.severity === 'error' ? { ...m, hint: KEPT_FOR_INSPECTION } : m)) };
}

const KEPT_FOR_INSPECTION =
  'the Typst source is kept for inspection in print-failed/ beside the print edition; the previous print edition is unchanged';

/** A Typst source that did not compile, kept (in a folder of its own) for inspection; its path as messages show it. */
async function keepFailedSource(folder: string, source: string, io: CliIO): Promise<string> {
  const path = join(folder, 'edition.typ');
  await OutputTransaction.run(async (output) => {
    const staged = await output.stage(folder, (p) => display(io, p));
    if ('dir' in staged) await writeFileAtomic(join(staged.dir, 'edition.typ'), source);
    return { commit: 'dir' in staged, value: undefined };
  });
  return display(io, path);
}

/** The PDF's creation date: the edition's date (so a rebuild makes the same bytes), else none. */
function editionTimestamp(date: string | undefined): number | undefined {
  const m = date === undefined ? null : /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(date);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')) / 1000;
}

/** A chapter's key: the print stylesheet, the edition's metadata, the book design, the registers (the indexes), the text's id, place, images and bytes. */
async function chapterKeys(
  sefPath: string,
  editionJson: string,
  bookLibrary: string,
  registers: readonly { file: string; xml: string }[],
  base: string,
): Promise<(text: SiteText) => string> {
  const common = [
    contentHash(await readFile(sefPath)),
    editionJson,
    contentHash(bookLibrary),
    contentHash(JSON.stringify(registers.map((r) => [r.file, r.xml]))),
  ];
  return (text) => cacheKey('print-chapter', [...common, text.id, relative(base, text.path), text.images ?? null, contentHash(text.xml)]);
}

type Book = ReturnType<typeof compileBook>;

/** The PDF of a Typst source and its images, from the cache when they are those it was made from (Typst makes the same bytes from the same source). */
async function compileBookCached(
  cache: BuildCache | undefined,
  [source, ...rest]: [string, ...unknown[]],
  images: readonly { readonly from: string }[],
  compile: () => Book,
): Promise<Book> {
  if (cache === undefined) return compile();
  const imageHashes = await Promise.all(images.map(async (i) => contentHash(await readFile(i.from))));
  const key = cacheKey('print-book', [contentHash(source), ...rest, images.map((i, n) => [i.from, imageHashes[n]])]);
  const cached = await cache.get<{ pdf: string; pages: number; messages: Diagnostic[] }>('print-book', key);
  if (cached !== undefined && typeof cached.pdf === 'string' && Array.isArray(cached.messages))
    return { pdf: new Uint8Array(Buffer.from(cached.pdf, 'base64')), pages: cached.pages, messages: cached.messages };
  const book = compile();
  if (book.pdf !== undefined)
    await cache.put('print-book', key, { pdf: Buffer.from(book.pdf).toString('base64'), pages: book.pages, messages: book.messages });
  return book;
}

export interface ChaptersInput {
  readonly context: PrintContext;
  readonly texts: readonly SiteText[];
  readonly sefPath: string;
  readonly edition: PrintWorkerSetup['edition'];
  readonly registers: readonly SiteRegister[];
  readonly bookLibrary: string;
  readonly jobs?: number;
  readonly cache?: { readonly store: BuildCache; readonly base: string };
}

/** Every text's chapter (in the texts' order: result i is text i's), from the cache or the print stylesheet (in process or on workers), and kept in the cache. */
export async function renderChapters(input: ChaptersInput, reporter: Reporter): Promise<PrintTaskResult[]> {
  const { context, texts, sefPath, edition, registers, bookLibrary, cache } = input;
  const chapterKey = cache === undefined ? undefined : await chapterKeys(sefPath, context.editionJson, bookLibrary, registers, cache.base);
  const cached = await Promise.all(
    texts.map(async (text) => (chapterKey === undefined ? undefined : cache?.store.get<Chapter>('print-chapter', chapterKey(text)))),
  );
  const missing = texts.flatMap((_, i) => (cached[i]?.typst === undefined ? [i] : []));
  const toMake = missing.map((i) => texts[i] as SiteText);
  const jobs = plannedPrintJobs(toMake.length, input.jobs);
  let done = texts.length - missing.length;
  const progress = (): void => reporter.progress('pdf: chapters', ++done, texts.length);
  const made: PrintTaskResult[] =
    jobs <= 1
      ? await chaptersInProcess(context, toMake, progress)
      : await chaptersInWorkers(
          { sefPath, ...(edition === undefined ? {} : { edition }), registers: [...registers], bookLibrary },
          toMake,
          jobs,
          progress,
        );
  const results: PrintTaskResult[] = texts.map((_, id) => ({ id, ...(cached[id]?.typst === undefined ? {} : { chapter: cached[id] }) }));
  for (const r of made) {
    const id = missing[r.id] ?? -1;
    results[id] = { ...r, id };
    const text = texts[id];
    if (r.chapter !== undefined && text !== undefined && chapterKey !== undefined)
      await cache?.store.put('print-chapter', chapterKey(text), r.chapter);
  }
  return results;
}
