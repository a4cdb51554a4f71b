/**
 * The converter as one pure function: raw bytes of one source + its config → TEI text and
 * messages. Stages, in order (each a folder of `src/`):
 *   read (decode) → lines → layout → model → enrich → tei (write).
 * No file system here: the CLI reads and writes, so this runs in memory, in tests and in workers.
 */
import { FatalError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionConfig, SourceConfig } from '../config/types.js';
import { decodeRawText } from '../read/decode.js';
import { splitLines } from '../lines/split-lines.js';
import { analyseLayout } from '../layout/analyse-layout.js';
import { parseLineRange } from '../layout/overrides.js';
import type { LayoutSettings } from '../layout/types.js';
import { buildDocument } from '../model/build-document.js';
import type { EditionDocument, Inline } from '../model/document.js';
import { forEachSequence } from '../enrich/walk.js';
import { frenchLexicon, type Lexicon } from '../enrich/lexicon.js';
import { enrichDocument } from '../enrich/enrich-document.js';
import { malformedTei, writeTei } from '../tei/write-tei.js';
import { stampGeneratedChunks } from '../tei/generated-stamp.js';
import { checkWellFormed } from '../tei/check-well-formed.js';
import { toolVersion } from '../tool-version.js';
import { findPossibleMisprints } from '../analysis/possible-misprints.js';
import { findNameCandidates } from '../analysis/name-candidates.js';
import type { RegisterEntry } from '../registers/read-register.js';
import { buildGazetteer, type Gazetteer } from '../enrich/gazetteer.js';
import type { RegisterTargets } from '../enrich/tag-names-and-dates.js';
import type { DateContext } from '../dates/french-dates.js';

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
  /** The TEI text, stamped as generated; absent when a fatal error stopped the conversion. */
  readonly xml?: string;
  readonly document?: EditionDocument;
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
    const decoded = observe('read (decode)', () => decodeRawText(input.bytes, input.file));
    messages.push(...decoded.messages);
    const lines = observe('lines', () => splitLines(decoded.text));
    const lexicon = input.lexicon ?? frenchLexicon();
    const settings = layoutSettings(input.source);
    const { layout, messages: layoutMessages } = observe('layout', () => analyseLayout(lines, settings, lexicon, input.file));
    messages.push(...layoutMessages);
    const built = observe('model', () => buildDocument(layout, {
      textType: input.source.type ?? 'text',
      title: input.source.title,
      flows: input.source.layout.flows ?? [],
      pageNumbering: pageNumbering(input.source, layout.firstPage !== undefined),
    }));
    const { document, messages: enrichMessages } = enrichDocument(built, {
      source: input.source,
      file: input.file,
      lexicon,
      ...(input.configFile ? { configFile: input.configFile } : {}),
      ...(input.registers ? { gazetteer: cachedGazetteer(input.registers.entries), registerTargets: input.registers.targets } : {}),
      dates: dateContext(input.source, input.edition),
      tagging: input.tagging ?? true,
    }, observe);
    messages.push(...enrichMessages);
    if (input.reportMisprints) messages.push(...findPossibleMisprints(document, lexicon, input.file));
    if (input.reportNames) messages.push(...findNameCandidates(document, lexicon, input.file));
    const chunks = observe('tei (write)', () => writeTei(document, { edition: input.edition, source: input.source, toolVersion, rawFile: input.source.raw }, input.file));
    const stamped = observe('tei (stamp)', () => stampGeneratedChunks(chunks));
    observe('tei (well-formed)', () => assertWellFormed(stamped, input.file));
    return { xml: stamped.join(''), document, messages, mentioned: mentionedEntries(document) };
  } catch (error) {
    if (error instanceof FatalError) return { messages: [...messages, error.diagnostic] };
    throw error;
  }
}

/** What the writer made is read back by a strict parser; a failure is a bug, reported on the source. */
function assertWellFormed(chunks: readonly string[], file: string): void {
  const error = checkWellFormed(chunks);
  if (error) throw malformedTei(file, `${error.message} (TEI line ${error.line}, column ${error.column})`);
}

function layoutSettings(source: SourceConfig): LayoutSettings {
  return {
    profile: source.layout.profile,
    firstPage: source.firstPage ?? null,
    runningHeads: source.layout.runningHeads ?? [],
    ocrNoise: source.layout.ocr ?? false,
    overrides: (source.layout.overrides ?? []).map((o) => ({ ...parseLineRange(o.lines), role: o.role })),
    noteConvention: source.notes?.convention ?? 'none',
    notesHeading: source.notes?.heading ?? 'Notes',
  };
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

const kindOfElement: Readonly<Record<string, string>> = { persName: 'person', placeName: 'place', title: 'periodical', orgName: 'organisation' };

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
