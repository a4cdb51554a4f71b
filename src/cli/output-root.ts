/**
 * Where a command publishes (`--out`, default `output/` beside the config), checked against the
 * edition's own files before anything is written: a usage error when the output would hold the
 * sources or lie inside their folders.
 */
import { dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import type { EditionConfig } from '../lib/config/types.js';
import { checkOutputRoot, type OutputRefusal } from '../lib/io/output-folders.js';
import { rawSources, teiSources } from '../lib/config/sources.js';
import { isGlob, teiSourceFolder } from '../publish/edition/tei-source-texts.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';

export interface EditionFiles {
  readonly config: EditionConfig;
  readonly configPath: string;
  /** Register files, as messages show them (relative to the working directory). */
  readonly registerFiles: readonly string[];
}

/** The output root for `--out`, or the usage error that refuses it. */
export function outputRoot(
  edition: EditionFiles,
  out: string | undefined,
  io: CliIO,
): { readonly root: string } | { readonly refusal: Diagnostic } {
  const base = dirname(edition.configPath);
  const root = resolve(base, out ?? 'output');
  const raw = rawSources(edition.config);
  const raws = raw.map((s) => resolve(base, s.raw));
  // TEI sources: the file, or the folder (or a glob's folder) they are read from.
  const teiPaths = teiSources(edition.config).map(({ source }) => resolve(base, source.tei));
  const teiDir = resolve(base, 'tei');
  const files = [
    edition.configPath,
    ...raws,
    ...raw.map((s) => resolve(teiDir, `${s.id}.xml`)),
    ...teiPaths.filter((p) => !isGlob(p)),
    ...edition.registerFiles.map((f) => resolve(io.cwd, f)),
  ];
  const folders = [...new Set([teiDir, ...raws.map((r) => dirname(r)), ...teiPaths.map(teiSourceFolder)])];
  const refusal = checkOutputRoot(root, { files, folders }, (p) => display(io, p));
  return refusal === undefined ? { root } : { refusal: refusalDiagnostic(refusal) };
}

export function refusalDiagnostic(refusal: OutputRefusal): Diagnostic {
  return diagnostic('error', 'output-refused', refusal.message, { file: refusal.path }, { hint: refusal.hint, fatal: true });
}
