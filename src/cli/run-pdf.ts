/**
 * `pdf` (and the last step of `build`): the edition's TEI → the print edition in
 * `output/print/`: `edition.typ` (the Typst source, made by the XSLT) and `edition.pdf` (compiled
 * in process by Typst). The I/O edge of the print stage.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { chaptersInProcess, chaptersInWorkers, plannedPrintJobs, type PrintTaskResult } from '../parallel/print-pool.js';
import { assembleBook, printContext, renderFrame, type Chapter } from '../print/render-book.js';
import { compileTypstFileToPdf, TypstError } from '../print/typst-compiler.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../xslt/stylesheet-paths.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import { readEditionDocuments, stageStylesheet } from './edition-documents.js';
import { loadEdition } from './load-edition.js';
import type { Reporter } from './reporter.js';

export interface PdfOptions {
  readonly config: string;
  /** Output folder (default output/ beside the config); the book goes to <out>/print. */
  readonly out?: string;
  /** Write edition.typ only (no PDF). */
  readonly typstOnly?: boolean;
  readonly jobs?: number;
}

export interface PdfRun {
  readonly ok: boolean;
  /** A usage or setup error (exit 2): no config, no stylesheet. */
  readonly usage: boolean;
  readonly messages: Diagnostic[];
  /** Files written, as messages show them. */
  readonly files: string[];
  readonly pages: number;
  readonly printDir: string;
}

export async function runPdf(options: PdfOptions, io: CliIO, reporter: Reporter): Promise<PdfRun> {
  const loaded = await loadEdition(options.config, io);
  if (!('config' in loaded) || loaded.messages.some((m) => m.severity === 'error')) return { ok: false, usage: true, messages: loaded.messages, files: [], pages: 0, printDir: '' };
  const printDir = resolve(dirname(loaded.configPath), options.out ?? 'output', 'print');
  const { texts, registers, messages } = await readEditionDocuments(loaded, io, 'pdf');
  const stylesheet = await stageStylesheet(PRINT_STYLESHEET, io);
  if ('severity' in stylesheet) return { ok: false, usage: true, messages: [...messages, stylesheet], files: [], pages: 0, printDir };
  const { sef, sefPath } = stylesheet;
  const bookLibrary = await readFile(PRINT_BOOK_LIBRARY, 'utf8');
  const context = await printContext(sef, loaded.config.edition, registers, bookLibrary);
  const jobs = plannedPrintJobs(texts.length, options.jobs);
  let done = 0;
  const progress = (): void => reporter.progress('pdf: chapters', ++done, texts.length);
  const results: PrintTaskResult[] = jobs <= 1
    ? await chaptersInProcess(context, texts, progress)
    : await chaptersInWorkers({ sefPath, edition: loaded.config.edition, registers, bookLibrary }, texts, jobs, progress);
  const chapters: Chapter[] = [];
  for (const r of results) {
    const text = texts[r.id];
    if (r.chapter !== undefined) chapters.push(r.chapter);
    else if (text !== undefined) messages.push(diagnostic('error', 'pdf-transform', `the print stylesheet failed on this text: ${r.error ?? 'unknown error'}`, { file: display(io, text.path) }));
  }
  if (messages.some((m) => m.severity === 'error')) return { ok: false, usage: false, messages, files: [], pages: 0, printDir };
  const source = assembleBook(await renderFrame(context), chapters);
  await mkdir(printDir, { recursive: true });
  const typPath = join(printDir, 'edition.typ');
  await writeFileAtomic(typPath, source);
  const files = [display(io, typPath)];
  if (options.typstOnly) return { ok: true, usage: false, messages, files, pages: 0, printDir };
  reporter.progress('pdf: typesetting', texts.length, texts.length);
  try {
    const book = compileTypstFileToPdf(typPath, editionTimestamp(loaded.config.edition.date));
    for (const w of book.warnings) messages.push(diagnostic('warning', 'typst', w.message, { file: display(io, typPath), ...(w.line ? { line: w.line } : {}), ...(w.column ? { column: w.column } : {}) }));
    const pdfPath = join(printDir, 'edition.pdf');
    await writeFileAtomic(pdfPath, book.pdf);
    files.push(display(io, pdfPath));
    return { ok: true, usage: false, messages, files, pages: book.pages, printDir };
  } catch (error) {
    if (!(error instanceof TypstError)) throw error;
    for (const m of error.messages) messages.push(diagnostic(m.severity, 'typst', m.message, { file: display(io, typPath), ...(m.line ? { line: m.line } : {}), ...(m.column ? { column: m.column } : {}) }, m.severity === 'error' ? { hint: 'the Typst source is kept for inspection; the PDF was not written' } : {}));
    return { ok: false, usage: false, messages, files, pages: 0, printDir };
  }
}

/** The PDF's creation date: the edition's date (so a rebuild makes the same bytes), else none. */
function editionTimestamp(date: string | undefined): number | undefined {
  const m = date === undefined ? null : /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(date);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')) / 1000;
}
