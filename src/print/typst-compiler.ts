/**
 * The one adapter around the Typst compiler (`@myriaddreamin/typst-ts-node-compiler`, Typst
 * compiled to a Node addon, with its fonts in the package: nothing is fetched). Compiles Typst
 * source text to a PDF in process; Typst's errors become TypstError with the line and column in
 * the source.
 */
import { createRequire } from 'node:module';

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
  compile(args: { mainFileContent: string }): CompileResult;
  pdf(document: unknown, options?: { creationTimestamp?: number }): Buffer;
  fetchDiagnostics(error: unknown): RawDiagnostic[];
  evictCache(maxAge: number): void;
}

interface TypstModule {
  NodeCompiler: { create(args?: { workspace?: string }): NodeCompilerApi };
}

let compiler: NodeCompilerApi | undefined;

function typst(): NodeCompilerApi {
  if (compiler === undefined) {
    const require = createRequire(import.meta.url);
    const module = require('@myriaddreamin/typst-ts-node-compiler') as TypstModule;
    // The workspace is where Typst would read files from: the book reads none.
    compiler = module.NodeCompiler.create({ workspace: '/nonexistent-tei-edition-workspace' });
  }
  return compiler;
}

/** A diagnostic's range "startLine:startCol-endLine:endCol" (0-based) as a 1-based position. */
function position(range: unknown): { line?: number; column?: number } {
  const m = typeof range === 'string' ? /^(\d+):(\d+)/.exec(range) : null;
  return m ? { line: Number(m[1]) + 1, column: Number(m[2]) + 1 } : {};
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
 * Compiles a Typst document to a PDF. `creationDate` (seconds) fixes the PDF's date, so the same
 * source makes the same bytes.
 */
export function compileTypstToPdf(source: string, creationDate?: number): TypstPdf {
  const api = typst();
  const result = api.compile({ mainFileContent: source });
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
