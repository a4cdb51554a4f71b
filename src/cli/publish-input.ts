/**
 * What `html` and `pdf` render and where they write, for both ways into an edition:
 * - with a config (`edition.json`): its texts (raw sources' TEI in `tei/`, TEI sources as they
 *   are) and registers; the output goes to `<out>/html` or `<out>/print` (`--out`, default
 *   `output/` beside the config);
 * - with TEI files or folders named on the command line (no config, as `teitohtml5`): those
 *   texts; the output goes to `--out` itself (default `output/html` or `output/print` here).
 * `build` makes the same thing from the documents it converted and validated.
 */
import { dirname, join, resolve } from 'node:path';
import { isRule, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { checkOutputRoot } from '../lib/io/output-folders.js';
import { textOverrides, type EditionText } from '../publish/edition/edition-text.js';
import { readEditionDocuments } from '../publish/edition/edition-documents.js';
import { readTeiSourceTexts } from '../publish/edition/tei-source-texts.js';
import type { HeaderSummary } from '../publish/xslt/header-summary.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import { loadEdition } from './load-edition.js';
import { outputRoot, refusalDiagnostic } from './output-root.js';
import type { PublishedMetadata, SiteRegister } from '../publish/edition/published-documents.js';

export type OutputKind = 'html' | 'print';

/** An edition ready to render. */
export interface PublishInput {
  /** The edition's metadata: the config's, or what the command line gives (`--title`). */
  readonly edition: PublishedMetadata;
  readonly texts: readonly EditionText[];
  readonly registers: readonly SiteRegister[];
  /** The folder the output goes to (html/ or print/), as it will be once published. */
  readonly targetDir: string;
  /** Where a failed print keeps its Typst source (beside the target). */
  readonly failedDir: string;
  readonly messages: Diagnostic[];
}

export interface PublishOptions {
  /** The edition config (used when `files` is empty). */
  readonly config: string;
  /** TEI files or folders named on the command line: an edition without a config. */
  readonly files?: readonly string[];
  /** The edition's title, for files named on the command line. */
  readonly title?: string;
  readonly out?: string;
}

/** The input to publish, or the messages that refuse the run (a config, a source or an output folder that cannot be used). */
export type Prepared = { readonly input: PublishInput } | { readonly refused: Diagnostic[] };

export async function preparePublishing(kind: OutputKind, options: PublishOptions, io: CliIO): Promise<Prepared> {
  return options.files !== undefined && options.files.length > 0
    ? fromFiles(kind, options.files, options, io)
    : fromConfig(kind, options, io);
}

async function fromConfig(kind: OutputKind, options: PublishOptions, io: CliIO): Promise<Prepared> {
  const loaded = await loadEdition(options.config, io);
  if (!('config' in loaded) || loaded.messages.some((m) => m.severity === 'error')) return { refused: loaded.messages };
  const where = outputRoot(
    { config: loaded.config, configPath: loaded.configPath, registerFiles: Object.values(loaded.registers.files) },
    options.out,
    io,
  );
  if ('refusal' in where) return { refused: [...loaded.messages, where.refusal] };
  const documents = await readEditionDocuments(loaded, io.cwd, (p) => display(io, p), kind === 'html' ? 'html' : 'pdf');
  // A TEI source the config names that is not there is a config error.
  if (documents.messages.some((m) => isRule(m, 'tei-source-missing'))) return { refused: [...loaded.messages, ...documents.messages] };
  const edition = {
    ...(documents.corpusTitle === undefined ? {} : { title: documents.corpusTitle }),
    ...loaded.config.edition,
    ...textOverrides(documents.texts),
  };
  return {
    input: {
      edition,
      texts: documents.texts,
      registers: documents.registers,
      targetDir: join(where.root, kind),
      failedDir: join(where.root, 'print-failed'),
      messages: [...loaded.messages, ...documents.messages],
    },
  };
}

async function fromFiles(kind: OutputKind, files: readonly string[], options: PublishOptions, io: CliIO): Promise<Prepared> {
  const shown = (p: string): string => display(io, p);
  const paths = files.map((f) => resolve(io.cwd, f));
  const read = await readTeiSourceTexts(
    paths.map((path) => ({ path, at: { file: shown(path) } })),
    shown,
  );
  // A path that names nothing is a usage error; a file that is not TEI is an error in the input.
  if (read.messages.some((m) => isRule(m, 'tei-source-missing'))) return { refused: read.messages };
  const targetDir = resolve(io.cwd, options.out ?? join('output', kind));
  // The output may not hold an input (a file named, or one found in a folder named).
  const inputs = [...new Set([...paths.filter((p) => !p.includes('*')), ...read.texts.map((t) => t.path)])];
  const refusal = checkOutputRoot(targetDir, { files: inputs, folders: [] }, shown);
  if (refusal !== undefined) return { refused: [...read.messages, refusalDiagnostic(refusal)] };
  return {
    input: {
      edition: metadataOfFiles(read.texts, read.corpusHeader, options.title, await folderName(paths)),
      texts: read.texts,
      registers: [],
      targetDir,
      failedDir: join(dirname(targetDir), `${kind}-failed`),
      messages: read.messages,
    },
  };
}

/**
 * The edition's metadata without a config. One text: its header says everything. The texts of one
 * teiCorpus: the corpus header is the edition's. Texts from several files: the edition has no
 * editors, publisher or licence of its own (each text page and chapter shows its text's), rather
 * than the first text's standing for all, and the folder named is its title. `--title` names the
 * edition in every case.
 */
function metadataOfFiles(
  texts: readonly EditionText[],
  corpus: HeaderSummary | undefined,
  title: string | undefined,
  folder: string | undefined,
): PublishedMetadata {
  const named = title === undefined ? {} : { title };
  if (texts.length <= 1) return named;
  if (corpus !== undefined && new Set(texts.map((t) => t.path)).size === 1) {
    return {
      ...(corpus.title === undefined ? {} : { title: corpus.title }),
      editors: corpus.editors.map((name, i) => ({ id: `editor-${i + 1}`, name })),
      publisher: corpus.publisher ?? null,
      licence: corpus.licence ?? null,
      ...named,
    };
  }
  return { editors: [], publisher: null, licence: null, ...(folder === undefined ? {} : { title: folder }), ...named };
}

/** The name of the one folder named on the command line, as a default title for texts of several origins. */
async function folderName(paths: readonly string[]): Promise<string | undefined> {
  if (paths.length !== 1) return undefined;
  const { stat } = await import('node:fs/promises');
  const { basename } = await import('node:path');
  return (await stat(paths[0] as string).then(
    (s) => s.isDirectory(),
    () => false,
  ))
    ? basename(paths[0] as string)
    : undefined;
}
