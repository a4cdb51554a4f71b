/**
 * A publishing stage's stylesheet, compiled, or its compile error as a message with the
 * stylesheet's position (not an exception).
 */
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import { compiledStylesheet, StylesheetError, type CompiledStylesheet } from '../publish/xslt/compile-stylesheet.js';

export async function stageStylesheet(xslPath: string, io: CliIO): Promise<CompiledStylesheet | Diagnostic> {
  try {
    return await compiledStylesheet(xslPath);
  } catch (error) {
    const where =
      error instanceof StylesheetError
        ? { file: display(io, error.file), ...(error.line ? { line: error.line } : {}), ...(error.column ? { column: error.column } : {}) }
        : { file: display(io, xslPath) };
    return diagnostic('error', 'stylesheet', error instanceof Error ? error.message : String(error), where, { fatal: true });
  }
}
