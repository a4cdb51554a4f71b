/**
 * The converter as one pure function: raw bytes of one source + its config → TEI text and
 * messages. Stages, in order (each a folder of `src/`):
 *   read (decode) → lines → layout → model → enrich → tei (write).
 * No file system here: the CLI reads and writes, so this runs in memory, in tests and in workers.
 */
import { diagnostic, FatalError, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import type { EditionConfig, NoteConvention, SourceConfig } from '../lib/config/types.js';
import { decodeRawText } from './read/decode.js';
import { splitLines, type Line } from './lines/split-lines.js';
import { detectNoteConvention } from './layout/note-convention.js';
import { analyseLayout } from './layout/analyse-layout.js';
import { parseLineRange } from './layout/overrides.js';
import type { LayoutSettings } from './layout/types.js';
import { buildDocument } from './model/build-document.js';
import type { EditionDocument, Inline } from './model/document.js';
import { forEachSequence } from './enrich/walk.js';
import { frenchLexicon, type Lexicon } from '../lib/lexicon/lexicon.js';
import { enrichDocument } from './enrich/enrich-document.js';
import { malformedTei, writeTei } from './tei/write-tei.js';
import { stampGeneratedChunks } from '../lib/xml/generated-stamp.js';
import { checkWellFormed } from '../lib/xml/check-well-formed.js';
import { toolVersion } from '../lib/tool-version.js';
import { findPossibleMisprints } from './analysis/possible-misprints.js';
import { findNameCandidates } from './analysis/name-candidates.js';
import type { RegisterEntry } from '../lib/registers/read-register.js';
import { buildGazetteer, type Gazetteer } from './enrich/gazetteer.js';
import type { RegisterTargets } from './enrich/tag-names-and-dates.js';
import type { DateContext } from '../lib/dates/french-dates.js';

export interface ConvertInput {
  readonly bytes: Uint8Array;
  /** The raw file's path as reported in messages (relative to the working directory). */
  readonly file: string;
  readonly source: SourceConfig;
  readonly edition: EditionConfig['edition'];
  readonly lexicon?: Lexicon;
  /** Add the misprint worklist (`convert --report`) to the messages. */
  readonly reportMisprints?: boolean;
  /** Add the names worklist (`entities`) to the messages. */
  readonly reportNames?: boolean;
  /** The config file, for messages about the config's corrections. */
  readonly configFile?: string;
  /** Tag dates and names (default true; the benchmark measures their cost by switching them off). */
  readonly tagging?: boolean;
  /** Register entries to tag, and the path each kind of register has from the TEI file. */
  readonly registers?: { readonly entries: readonly RegisterEntry[]; readonly targets: RegisterTargets };
}

export interface ConvertResult {
  /**
   * The TEI, stamped as generated, in UTF-8 — what goes to disk (a worker can transfer its
   * buffer, which is its own); absent when a fatal error stopped the conversion. (The document
   * model is not returned: it is as large as the text, and garbage once the text is written.)
   */
  readonly utf8?: Uint8Array;
  /** The same TEI as text, decoded at each access (a string of French text takes two bytes a character: prefer `utf8` for large files). */
  readonly xml?: string;
  readonly messages: Diagnostic[];
  /** Register entries the text mentions, as `kind:id` (for the `entities` worklist). */
  readonly mentioned?: string[];
}

/** Runs one stage; the benchmark passes one that times each (`stage` names it). */
export type StageObserver = <T>(stage: string, run: () => T) => T;

const unobserved: StageObserver = (_stage, run) => run();

export function convertSource(input: ConvertInput, observe: StageObserver = unobserved): ConvertResult {
  const messages: Diagnostic[] = [];
  try {
    const { chunks, mentioned } = writeDocument(input, messages, observe);
    // The document model is garbage from here: the TEI text is all that is left to hold.
    const stamped = observe('tei (stamp)', () => stampGeneratedChunks(chunks));
    observe('tei (well-formed)', () => assertWellFormed(stamped, input.file));
    return teiResult(
      observe('tei (join)', () => concatenated(stamped)),
      messages,
      mentioned,
    );
  } catch (error) {
    if (error instanceof FatalError) return { messages: [...messages, error.diagnostic] };
    throw error;
  }
}

/** Stages 1–6: raw bytes → enriched document → TEI text in chunks (and what the worklists need from the document). */
function writeDocument(input: ConvertInput, messages: Diagnostic[], observe: StageObserver): { chunks: Uint8Array[]; mentioned: string[] } {
  const lexicon = input.lexicon ?? frenchLexicon();
  const { model, source } = buildModel(input, lexicon, messages, observe);
  const { document, messages: enrichMessages } = enrichDocument(
    model,
    {
      source,
      file: input.file,
      lexicon,
      ...(input.configFile ? { configFile: input.configFile } : {}),
      ...(input.registers ? { gazetteer: cachedGazetteer(input.registers.entries), registerTargets: input.registers.targets } : {}),
      dates: dateContext(input.source, input.edition),
      tagging: input.tagging ?? true,
    },
    observe,
  );
  messages.push(...enrichMessages);
  if (input.reportMisprints) messages.push(...findPossibleMisprints(document, lexicon, input.file));
  if (input.reportNames) messages.push(...findNameCandidates(document, lexicon, input.file));
  const chunks = observe('tei (write)', () =>
    writeTei(document, { edition: input.edition, source, toolVersion, rawFile: input.source.raw }, input.file),
  );
  return { chunks, mentioned: mentionedEntries(document) };
}

/**
 * Stages 1–4: raw bytes → the document model. A function of its own so that the decoded text's
 * lines and the layout (as large as the model) are garbage once the model is built: only the
 * model is alive while it is enriched and written.
 */
function buildModel(
  input: ConvertInput,
  lexicon: Lexicon,
  messages: Diagnostic[],
  observe: StageObserver,
): { model: EditionDocument; source: SourceConfig } {
  const decoded = observe('read (decode)', () => decodeRawText(input.bytes, input.file));
  messages.push(...decoded.messages);
  const lines = observe('lines', () => splitLines(decoded.lines));
  const source = observe('layout (notes convention)', () => withNoteConvention(input.source, lines, input.file, lexicon, messages));
  const { layout, messages: layoutMessages } = observe('layout', () => analyseLayout(lines, layoutSettings(source), lexicon, input.file));
  messages.push(...layoutMessages);
  const model = observe('model', () =>
    buildDocument(layout, {
      textType: input.source.type ?? 'text',
      title: input.source.title,
      flows: input.source.layout.flows ?? [],
      pageNumbering: pageNumbering(input.source, layout.firstPage !== undefined),
    }),
  );
  return { model, source };
}

/**
 * `notes.convention` `auto` (the default) becomes the convention the text's calls and bodies
 * match (an info says which), or `none` without a word when the text has no notes; a convention
 * named in the config is kept as it is.
 */
function withNoteConvention(
  source: SourceConfig,
  lines: readonly Line[],
  file: string,
  lexicon: Lexicon,
  messages: Diagnostic[],
): SourceConfig {
  if ((source.notes?.convention ?? 'auto') !== 'auto') return source;
  const { convention, matched } = detectNoteConvention(lines, layoutSettings(source), lexicon);
  if (convention === 'none') return { ...source, notes: { ...source.notes, convention: 'none' } };
  messages.push(
    diagnostic(
      'info',
      'note-convention',
      `notes: “auto” chose ${convention} (${matched} note bod${matched === 1 ? 'y' : 'ies'} found${convention === 'bracketed-endnotes' ? ' after the notes heading' : ' matching calls'}); set notes.convention in the config to force another`,
      { file },
    ),
  );
  return { ...source, notes: { ...source.notes, convention } };
}

/** What the writer made is read back by a strict parser; a failure is a bug, reported on the source. */
function assertWellFormed(chunks: readonly Uint8Array[], file: string): void {
  const error = checkWellFormed(decodedChunks(chunks));
  if (error) throw malformedTei(file, `${error.message} (TEI line ${error.line}, column ${error.column})`);
}

function teiResult(utf8: Uint8Array, messages: Diagnostic[], mentioned: string[]): ConvertResult {
  return {
    utf8,
    get xml(): string {
      return Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8');
    },
    messages,
    mentioned,
  };
}

/** One buffer of its own (not a slice of Node's shared pool, so that it can be transferred). */
function concatenated(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Chunks end between characters, so each decodes on its own (one at a time: never the whole text). */
function* decodedChunks(chunks: readonly Uint8Array[]): Generator<string> {
  for (const chunk of chunks) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
}

function layoutSettings(source: SourceConfig): LayoutSettings {
  return {
    profile: source.layout.profile,
    firstPage: source.firstPage ?? null,
    runningHeads: source.layout.runningHeads ?? [],
    ocrNoise: source.layout.ocr ?? false,
    overrides: (source.layout.overrides ?? []).map((o) => ({ ...parseLineRange(o.lines), role: o.role })),
    noteConvention: resolvedConvention(source.notes?.convention),
    notesHeading: source.notes?.heading ?? 'Notes',
  };
}

/** The layout reads a named convention; `auto` not yet resolved reads as none (the detector's own call). */
function resolvedConvention(convention: NoteConvention | undefined): LayoutSettings['noteConvention'] {
  return convention === undefined || convention === 'auto' ? 'none' : convention;
}

function pageNumbering(source: SourceConfig, hasPages: boolean): EditionDocument['facts']['pageNumbering'] {
  if (!hasPages) return 'none';
  return source.firstPage != null || (source.layout.runningHeads ?? []).length > 0 ? 'printed' : 'counted';
}

/**
 * Dates without a year take the source's year; the source's calendar is its date's, else the
 * edition's; Julian dating stops where the edition says (Russia: 14 February 1918, Gregorian).
 */
function dateContext(source: SourceConfig, edition: EditionConfig['edition']): DateContext {
  const year = source.date ? Number((source.date.gregorian ?? source.date.value).slice(0, 4)) : undefined;
  return {
    ...(year === undefined ? {} : { defaultYear: year }),
    sourceCalendar: source.date?.calendar ?? edition.calendar.sourceCalendar,
    ...(edition.calendar.julianUntil ? { julianUntil: edition.calendar.julianUntil } : {}),
  };
}

let gazetteerCache: { key: string; gazetteer: Gazetteer } | undefined;

/** Compiling the registers' forms is done once per process for the same registers (workers get copies). */
function cachedGazetteer(entries: readonly RegisterEntry[]): Gazetteer {
  const key = entries.map((e) => `${e.kind}:${e.id}:${e.forms.join('|')}`).join('\n');
  if (gazetteerCache?.key !== key) gazetteerCache = { key, gazetteer: buildGazetteer(entries) };
  return gazetteerCache.gazetteer;
}

const kindOfElement: Readonly<Record<string, string>> = {
  persName: 'person',
  placeName: 'place',
  title: 'periodical',
  orgName: 'organisation',
};

function mentionedEntries(document: EditionDocument): string[] {
  const found = new Set<string>();
  const visit = (content: readonly Inline[]) => {
    for (const inline of content) {
      if (inline.kind === 'phrase') {
        const ref = inline.attributes.ref;
        const kind = kindOfElement[inline.element];
        if (ref !== undefined && kind !== undefined) found.add(`${kind}:${ref.slice(ref.indexOf('#') + 1)}`);
        visit(inline.content);
      } else if (inline.kind === 'note') inline.paragraphs.forEach((p) => visit(p.content));
    }
  };
  forEachSequence(document, (content) => visit(content));
  return [...found];
}
