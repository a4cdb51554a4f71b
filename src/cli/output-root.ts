/**
 * Where a command publishes (`--out`, default `output/` beside the config), checked against the
 * edition's own files before anything is written: a usage error when the output would hold the
 * sources or lie inside their folders.
 */
import { dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionConfig } from '../config/types.js';
import { checkOutputRoot, type OutputRefusal } from '../io/output-folders.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';

export interface EditionFiles {
  readonly config: EditionConfig;
  readonly configPath: string;
  /** Register files, as messages show them (relative to the working directory). */
  readonly registerFiles: readonly string[];
}

/** The output root for `--out`, or the usage error that refuses it. */
export function outputRoot(edition: EditionFiles, out: string | undefined, io: CliIO): { readonly root: string } | { readonly refusal: Diagnostic } {
  const base = dirname(edition.configPath);
  const root = resolve(base, out ?? 'output');
  const raws = edition.config.sources.map((s) => resolve(base, s.raw));
  const teiDir = resolve(base, 'tei');
  const files = [edition.configPath, ...raws, ...edition.config.sources.map((s) => resolve(teiDir, `${s.id}.xml`)), ...edition.registerFiles.map((f) => resolve(io.cwd, f))];
  const folders = [...new Set([teiDir, ...raws.map((r) => dirname(r))])];
  const refusal = checkOutputRoot(root, { files, folders }, (p) => display(io, p));
  return refusal === undefined ? { root } : { refusal: refusalDiagnostic(refusal) };
}

export function refusalDiagnostic(refusal: OutputRefusal): Diagnostic {
  return diagnostic('error', 'output-refused', refusal.message, { file: refusal.path }, { hint: refusal.hint, fatal: true });
}
