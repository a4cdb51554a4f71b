/**
 * The one adapter around the Typst compiler (`@myriaddreamin/typst-ts-node-compiler`, Typst
 * compiled to a Node addon, with its fonts in the package: nothing is fetched). Compiles a Typst
 * file to a PDF in process; Typst's errors and warnings become diagnostics (rule `typst`) at their
 * line and column in the Typst file: the one message type, no error of its own.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { diagnostic, type Diagnostic, type SourcePosition } from '../../lib/diagnostics/diagnostic.js';

/** The PDF and Typst's warnings; or, when it failed, no PDF and its errors (and warnings). */
export type TypstPdf =
  | { readonly pdf: Buffer; readonly pages: number; readonly messages: Diagnostic[] }
  | { readonly pdf?: undefined; readonly pages: 0; readonly messages: Diagnostic[] };

interface RawDiagnostic {
  readonly message?: unknown;
  readonly severity?: unknown;
  readonly range?: unknown;
  readonly hints?: unknown;
}

interface CompileResult {
  readonly result: unknown;
  hasError(): boolean;
  takeDiagnostics(): unknown;
  takeWarnings(): unknown;
  takeError(): unknown;
}

interface NodeCompilerApi {
  compile(args: { mainFileContent?: string; mainFilePath?: string; resetRead?: boolean }): CompileResult;
  pdf(document: unknown, options?: { creationTimestamp?: number }): Buffer;
  fetchDiagnostics(error: unknown): RawDiagnostic[];
  evictCache(maxAge: number): void;
}

interface TypstModule {
  NodeCompiler: { create(args?: { workspace?: string }): NodeCompilerApi };
}

let current: { readonly workspace: string; readonly compiler: NodeCompilerApi } | undefined;

/** The compiler for a workspace (the folder Typst may read files from); one at a time, as each holds its fonts. */
function typst(workspace: string): NodeCompilerApi {
  if (current?.workspace !== workspace) {
    const require = createRequire(import.meta.url);
    const module = require('@myriaddreamin/typst-ts-node-compiler') as TypstModule;
    current = { workspace, compiler: module.NodeCompiler.create({ workspace }) };
  }
  return current.compiler;
}

/** A diagnostic's range ({ start: { line, character } }, 0-based) as a 1-based position. */
function lineAndColumn(range: unknown): { line?: number; column?: number } {
  if (typeof range !== 'object' || range === null || !('start' in range)) return {};
  const start = (range as { start: unknown }).start;
  if (typeof start !== 'object' || start === null) return {};
  const { line, character } = start as { line?: unknown; character?: unknown };
  return typeof line === 'number' && typeof character === 'number' ? { line: line + 1, column: character + 1 } : {};
}

function messages(api: NodeCompilerApi, raw: unknown, file: string): Diagnostic[] {
  if (raw === null || raw === undefined) return [];
  return api
    .fetchDiagnostics(raw)
    .map((d) =>
      diagnostic(
        d.severity === 1 || d.severity === 'error' ? 'error' : 'warning',
        'typst',
        [String(d.message ?? ''), ...(Array.isArray(d.hints) ? d.hints.map((h) => `hint: ${String(h)}`) : [])].join('; '),
        at(file, lineAndColumn(d.range)),
      ),
    );
}

function at(file: string, place: { line?: number; column?: number }): SourcePosition {
  return { file, ...(place.line ? { line: place.line } : {}), ...(place.column ? { column: place.column } : {}) };
}

/**
 * Compiles the Typst file at `path` (Typst may read files from its folder) to a PDF; messages
 * are on `shown` (the file as the user sees it; default `path`) with lines and columns in it.
 * `creationDate` (seconds) fixes the PDF's date, so the same source makes the same bytes.
 */
export function compileTypstFileToPdf(path: string, options: { readonly shown?: string; readonly creationDate?: number } = {}): TypstPdf {
  const file = options.shown ?? path;
  const api = typst(dirname(path));
  const result = api.compile({ mainFilePath: path, resetRead: true });
  const found = [...messages(api, result.takeDiagnostics(), file), ...messages(api, result.takeWarnings(), file)];
  if (result.hasError() || result.result === null || result.result === undefined) {
    const failed = found.some((d) => d.severity === 'error')
      ? found
      : [...found, diagnostic('error', 'typst', String(result.takeError() ?? 'Typst failed without a message'), { file })];
    return { pages: 0, messages: failed };
  }
  const document = result.result as { numOfPages: number };
  const pdf = api.pdf(document, options.creationDate === undefined ? {} : { creationTimestamp: options.creationDate });
  api.evictCache(10);
  return { pdf, pages: document.numOfPages, messages: found.filter((d) => d.severity === 'warning') };
}
