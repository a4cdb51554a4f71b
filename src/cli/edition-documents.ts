/**
 * What the publishing stages (html, pdf) start from: the edition's TEI documents (one file per
 * source in `tei/` beside the config, and the registers the config names, each with the file
 * name the texts' `@ref` point to) and their compiled stylesheet. A missing text file or a
 * stylesheet that does not compile is an error message, not an exception.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteRegister, SiteText } from '../html/render-pages.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import type { LoadedEdition } from './load-edition.js';
import { compiledStylesheet, StylesheetError, type CompiledStylesheet } from '../xslt/compile-stylesheet.js';

export interface EditionDocuments {
  readonly texts: SiteText[];
  readonly registers: SiteRegister[];
  readonly messages: Diagnostic[];
}

export async function readEditionDocuments(loaded: LoadedEdition, io: CliIO, stage: string): Promise<EditionDocuments> {
  const base = dirname(loaded.configPath);
  const messages: Diagnostic[] = [];
  const texts: SiteText[] = [];
  for (const source of loaded.config.sources) {
    const path = resolve(base, 'tei', `${source.id}.xml`);
    try {
      texts.push({ id: source.id, xml: await readFile(path, 'utf8'), path });
    } catch {
      messages.push(diagnostic('error', `${stage}-missing-tei`, `no TEI file for source “${source.id}”: expected ${display(io, path)}`, { file: display(io, path) }, { hint: 'run `tei-edition convert` (or `build`) first' }));
    }
  }
  const registers: SiteRegister[] = [];
  for (const [kind, shown] of Object.entries(loaded.registers.files)) {
    const path = resolve(io.cwd, shown);
    const target = loaded.registers.targets[kind as keyof typeof loaded.registers.targets] ?? basename(path);
    registers.push({ file: basename(target), xml: await readFile(path, 'utf8'), path });
  }
  return { texts, registers, messages };
}

/** A publishing stage's stylesheet, compiled (or its compile error as a message with the stylesheet's position). */
export async function stageStylesheet(xslPath: string, io: CliIO): Promise<CompiledStylesheet | Diagnostic> {
  try {
    return await compiledStylesheet(xslPath);
  } catch (error) {
    const where = error instanceof StylesheetError ? { file: display(io, error.file), ...(error.line ? { line: error.line } : {}), ...(error.column ? { column: error.column } : {}) } : { file: display(io, xslPath) };
    return diagnostic('error', 'stylesheet', error instanceof Error ? error.message : String(error), where, { fatal: true });
  }
}
