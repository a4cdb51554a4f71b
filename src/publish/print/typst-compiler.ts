/**
 * The one adapter around the Typst compiler (`@myriaddreamin/typst-ts-node-compiler`, Typst
 * compiled to a Node addon, with its fonts in the package: nothing is fetched). Compiles a Typst
 * file to a PDF in process; Typst's errors become TypstError with the line and column in the file.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface TypstMessage {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** 1-based line and column in the source, when Typst gives a position. */
  readonly line?: number;
  readonly column?: number;
}

export interface TypstPdf {
  readonly pdf: Buffer;
  readonly pages: number;
  readonly warnings: TypstMessage[];
}

export class TypstError extends Error {
  constructor(readonly messages: TypstMessage[]) {
    super(messages.filter((m) => m.severity === 'error').map((m) => (m.line === undefined ? m.message : `${m.line}:${m.column ?? 1}: ${m.message}`)).join('; ') || 'Typst failed');
    this.name = 'TypstError';
  }
}

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
function position(range: unknown): { line?: number; column?: number } {
  if (typeof range !== 'object' || range === null || !('start' in range)) return {};
  const start = (range as { start: unknown }).start;
  if (typeof start !== 'object' || start === null) return {};
  const { line, character } = start as { line?: unknown; character?: unknown };
  return typeof line === 'number' && typeof character === 'number' ? { line: line + 1, column: character + 1 } : {};
}

function messages(api: NodeCompilerApi, raw: unknown): TypstMessage[] {
  if (raw === null || raw === undefined) return [];
  return api.fetchDiagnostics(raw).map((d) => ({
    severity: d.severity === 1 || d.severity === 'error' ? 'error' : 'warning',
    message: [String(d.message ?? ''), ...(Array.isArray(d.hints) ? d.hints.map((h) => `hint: ${String(h)}`) : [])].join('; '),
    ...position(d.range),
  }));
}

/**
 * Compiles the Typst file at `path` (Typst may read files from its folder) to a PDF; messages
 * give lines and columns in it. `creationDate` (seconds) fixes the PDF's date, so the same source
 * makes the same bytes.
 */
export function compileTypstFileToPdf(path: string, creationDate?: number): TypstPdf {
  const api = typst(dirname(path));
  const result = api.compile({ mainFilePath: path, resetRead: true });
  const diagnostics = [...messages(api, result.takeDiagnostics()), ...messages(api, result.takeWarnings())];
  if (result.hasError() || result.result === null || result.result === undefined) {
    const found = diagnostics.some((d) => d.severity === 'error') ? diagnostics : [...diagnostics, { severity: 'error' as const, message: String(result.takeError() ?? 'Typst failed without a message') }];
    throw new TypstError(found);
  }
  const document = result.result as { numOfPages: number };
  const pdf = api.pdf(document, creationDate === undefined ? {} : { creationTimestamp: creationDate });
  api.evictCache(10);
  return { pdf, pages: document.numOfPages, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}
