/**
 * `pdf` (and the last step of `build`): the edition's TEI → the print edition in
 * `output/print/`: `edition.typ` (the Typst source, made by the XSLT) and `edition.pdf` (compiled
 * in process by Typst). The I/O edge of the print stage.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { OutputTransaction } from '../io/output-folders.js';
import { chaptersInProcess, chaptersInWorkers, plannedPrintJobs, type PrintTaskResult } from '../parallel/print-pool.js';
import { unresolvedPointerWarnings } from '../html/unresolved-pointers.js';
import { copyImages, withLocalImages } from '../edition/text-images.js';
import { assembleBook, printContext, renderFrame, type Chapter } from '../print/render-book.js';
import { compileTypstFileToPdf, TypstError } from '../print/typst-compiler.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../xslt/stylesheet-paths.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import { stageStylesheet } from './stage-stylesheet.js';
import { refusalDiagnostic } from './output-root.js';
import { preparePublishing, type PublishInput, type PublishOptions } from './publish-input.js';
import type { Reporter } from './reporter.js';

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
  const prepared = options.input === undefined ? await preparePublishing('print', options, io) : { input: options.input };
  if ('usage' in prepared) return { ok: false, usage: true, messages: prepared.usage, files: [], pages: 0, printDir: '' };
  const { edition, registers, targetDir: printDir, failedDir } = prepared.input;
  const { texts, copies: images } = withLocalImages(prepared.input.texts);
  const messages = [...prepared.input.messages];
  const stylesheet = await stageStylesheet(PRINT_STYLESHEET, io);
  if ('severity' in stylesheet) return { ok: false, usage: true, messages: [...messages, stylesheet], files: [], pages: 0, printDir };
  if (messages.some((m) => m.severity === 'error')) return { ok: false, usage: false, messages, files: [], pages: 0, printDir };
  const { sef, sefPath } = stylesheet;
  const bookLibrary = await readFile(PRINT_BOOK_LIBRARY, 'utf8');
  const context = await printContext(sef, edition, registers, bookLibrary);
  const jobs = plannedPrintJobs(texts.length, options.jobs);
  let done = 0;
  const progress = (): void => reporter.progress('pdf: chapters', ++done, texts.length);
  const results: PrintTaskResult[] = jobs <= 1
    ? await chaptersInProcess(context, texts, progress)
    : await chaptersInWorkers({ sefPath, edition, registers: [...registers], bookLibrary }, texts, jobs, progress);
  const chapters: Chapter[] = [];
  for (const r of results) {
    const text = prepared.input.texts[r.id];
    if (r.chapter !== undefined) chapters.push(r.chapter);
    else if (text !== undefined) messages.push(diagnostic('error', 'pdf-transform', `the print stylesheet failed on this text: ${r.error ?? 'unknown error'}`, { file: text.shown }));
  }
  if (messages.some((m) => m.severity === 'error')) return { ok: false, usage: false, messages, files: [], pages: 0, printDir };
  if (options.pointerWarnings !== false) {
    const shownById = new Map(prepared.input.texts.map((t) => [t.id, t.shown]));
    const inOrder = [...results].sort((a, b) => a.id - b.id).flatMap((r) => (r.chapter?.unresolvedPointers === undefined ? [] : [r.chapter.unresolvedPointers]));
    messages.push(...unresolvedPointerWarnings(inOrder, (id) => shownById.get(id) ?? `${id}.xml`));
  }
  const source = assembleBook(await renderFrame(context, chapters), chapters);
  if (texts.length > 0) reporter.progress('pdf: typesetting', texts.length, texts.length);
  const publishing = async (output: OutputTransaction): Promise<PdfRun> => {
    const staged = await output.stage(printDir, (p) => display(io, p));
    if (!('dir' in staged)) return { ok: false, usage: true, messages: [...messages, refusalDiagnostic(staged)], files: [], pages: 0, printDir };
    const typPath = join(printDir, 'edition.typ');
    await writeFileAtomic(join(staged.dir, 'edition.typ'), source);
    await copyImages(images, staged.dir);
    const files = [display(io, typPath)];
    if (options.typstOnly) return { ok: true, usage: false, messages, files, pages: 0, printDir };
    const book = compileBook(join(staged.dir, 'edition.typ'), display(io, typPath), edition.date);
    messages.push(...book.messages);
    if (book.pdf === undefined) {
      const kept = await keepFailedSource(failedDir, source, io);
      for (const [i, m] of messages.entries()) if (m.rule === 'tei-edition/typst' && m.position.file === display(io, typPath)) messages[i] = { ...m, position: { ...m.position, file: kept } };
      return { ok: false, usage: false, messages, files: [], pages: 0, printDir };
    }
    const pdfPath = join(printDir, 'edition.pdf');
    await writeFileAtomic(join(staged.dir, 'edition.pdf'), book.pdf);
    files.push(display(io, pdfPath));
    return { ok: true, usage: false, messages, files, pages: book.pages, printDir };
  };
  if (options.output) return publishing(options.output);
  return OutputTransaction.run(async (output) => {
    const value = await publishing(output);
    return { commit: value.ok, value };
  });
}

/** Typst → PDF, its warnings and errors as messages on the Typst source (shown as `typShown`). */
function compileBook(typPath: string, typShown: string, date: string | undefined): { pdf?: Uint8Array; pages: number; messages: Diagnostic[] } {
  const at = (m: { line?: number; column?: number }) => ({ file: typShown, ...(m.line ? { line: m.line } : {}), ...(m.column ? { column: m.column } : {}) });
  try {
    const book = compileTypstFileToPdf(typPath, editionTimestamp(date));
    return { pdf: book.pdf, pages: book.pages, messages: book.warnings.map((w) => diagnostic('warning', 'typst', w.message, at(w))) };
  } catch (error) {
    if (!(error instanceof TypstError)) throw error;
    return { pages: 0, messages: error.messages.map((m) => diagnostic(m.severity, 'typst', m.message, at(m), m.severity === 'error' ? { hint: 'the Typst source is kept for inspection in print-failed/ beside the print edition; the previous print edition is unchanged' } : {})) };
  }
}

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
