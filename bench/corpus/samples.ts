/**
 * The sample edition (`edition.json` and `tei/raw/`) as material for the synthetic corpus: read
 * once (the only I/O of the corpus builder), then each source is taken apart into what a
 * generator can recombine — paragraphs of running text, the fixed opening and closing blocks,
 * the endnotes, or (for the columns article) its printed lines and the paragraphs of its last
 * column block.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readRegister, type RegisterEntry, type RegisterKind } from '../../src/lib/registers/read-register.js';
import { registerFiles } from '../../src/lib/registers/register-files.js';
import type { RegisterTargets } from '../../src/convert/enrich/tag-names-and-dates.js';
import { basename, join } from 'node:path';
import type { EditionConfig, EditionMetadata, SourceConfig } from '../../src/lib/config/types.js';
import { rawSources } from '../../src/lib/config/sources.js';
import { closesSentence, lengthOf, quantile, startsNewSentence } from '../../src/convert/layout/text-rules.js';
import { joinLines, vocabularyOf } from './rewrap.js';

export interface SampleSource {
  readonly config: SourceConfig;
  readonly text: string;
}

export interface SampleEdition {
  /** Folder of the sample `edition.json`. */
  readonly root: string;
  readonly edition: EditionMetadata;
  readonly sources: readonly SampleSource[];
  /** The sample's registers (tei/persons.xml …), as the CLI reads them: tagging is on in the benchmarks. */
  readonly registers: { readonly entries: readonly RegisterEntry[]; readonly targets: RegisterTargets };
}

/** The repository root, from `dist/bench/corpus/`. */
export function repositoryRoot(): string {
  return fileURLToPath(new URL('../../../', import.meta.url));
}

export function readSampleEdition(root: string = repositoryRoot()): SampleEdition {
  const parsed: unknown = JSON.parse(readFileSync(join(root, 'edition.json'), 'utf8'));
  const config = parsed as EditionConfig;
  const sources = rawSources(config).map((source) => ({ config: source, text: readFileSync(join(root, source.raw), 'utf8') }));
  const entries: RegisterEntry[] = [];
  const targets: Partial<Record<RegisterKind, string>> = {};
  for (const { kind, defaultPath } of registerFiles) {
    entries.push(...readRegister(readFileSync(join(root, defaultPath), 'utf8'), defaultPath).entries.filter((e) => e.kind === kind));
    targets[kind] = basename(defaultPath);
  }
  return { root, edition: config.edition, sources, registers: { entries, targets } };
}

export interface NotesModel {
  readonly heading: string;
  readonly legend: readonly string[];
  /** Sentences of the note bodies, markers removed, in order. */
  readonly sentences: readonly string[];
  readonly editorMarker?: string;
}

export interface ProseModel {
  readonly kind: 'prose';
  readonly leadingSpace: boolean;
  readonly trailingSpace: boolean;
  /** Short opening blocks (heading, form of address), as running text. */
  readonly prefix: readonly string[];
  /** The first paragraph of the text: always first. */
  readonly opening: string;
  readonly body: readonly string[];
  /** Short closing blocks (`Salut N. Lénine`). */
  readonly closing: readonly string[];
  readonly notes?: NotesModel;
}

export interface ColumnsModel {
  readonly kind: 'columns';
  /** The printed lines, extraction blank lines removed (indents kept). */
  readonly lines: readonly string[];
  /** Where lines of the last column block can be added: before its footnote bodies. */
  readonly insertAt: number;
  /** Measure of the last column block (75th percentile of its line lengths). */
  readonly width: number;
  /** Share of blank lines (PDF extraction artefacts) per printed line in the sample. */
  readonly blankRate: number;
  /** Paragraphs of the last column block, note calls removed. */
  readonly pool: readonly string[];
}

export type SampleModel = ProseModel | ColumnsModel;

export function modelOf(sample: SampleSource): SampleModel {
  return sample.config.layout.profile === 'columns' ? columnsModel(sample.text) : proseModel(sample);
}

type Section = string[][];

/** Blocks by the prose profile's rules: blank line = paragraph, 3+ = page, a line of spaces = section. */
export function proseSections(text: string): Section[] {
  const sections: Section[] = [];
  let section: Section = [];
  let block: string[] = [];
  let blanks = 0;
  let spaceOnly = false;
  const flushBlock = () => {
    if (block.length > 0) section.push(block);
    block = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      blanks += 1;
      spaceOnly ||= raw !== '';
      continue;
    }
    const previous = block[block.length - 1];
    if (blanks > 0 && previous !== undefined) {
      const wordGoesOn = /\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(line);
      const pageOnly = blanks >= 3 && !spaceOnly && !(closesSentence(previous) && startsNewSentence(line));
      if (spaceOnly && !wordGoesOn) {
        flushBlock();
        if (section.length > 0) sections.push(section);
        section = [];
      } else if (!wordGoesOn && !pageOnly) {
        flushBlock();
      }
    }
    block.push(line);
    blanks = 0;
    spaceOnly = false;
  }
  flushBlock();
  if (section.length > 0) sections.push(section);
  return sections;
}

function proseModel(sample: SampleSource): ProseModel {
  const vocabulary = vocabularyOf(sample.text);
  const heading = sample.config.notes?.heading ?? 'Notes';
  const all = proseSections(sample.text);
  const isNotes = (s: Section) => s[0]?.length === 1 && (s[0][0] ?? '').replace(/[\s.:]+$/u, '') === heading;
  const notesSection = sample.config.notes?.convention === 'bracketed-endnotes' ? all.find(isNotes) : undefined;
  const paragraphs = all.filter((s) => s !== notesSection).map((s) => s.map((b) => joinLines(b, vocabulary)));
  const first = paragraphs[0] ?? [];
  const prefixLength = Math.max(
    0,
    first.findIndex((p) => p.length >= 100),
  );
  const prefix = first.slice(0, prefixLength);
  const rest = [...first.slice(prefixLength), ...paragraphs.slice(1).flat()];
  let closingStart = rest.length;
  while (closingStart > 1 && (rest[closingStart - 1] ?? '').length < 60) closingStart--;
  const textLines = sample.text.split('\n').filter((l) => l.trim() !== '');
  const notes = notesSection ? notesModel(notesSection, heading, vocabulary, sample.config.notes?.editorMarker) : undefined;
  return {
    kind: 'prose',
    leadingSpace: sample.text.startsWith(' '),
    trailingSpace: textLines.filter((l) => l.endsWith(' ')).length > textLines.length / 2,
    prefix,
    opening: rest[0] ?? '',
    body: rest.slice(1, closingStart),
    closing: rest.slice(closingStart),
    ...(notes ? { notes } : {}),
  };
}

const noteMarker = /^\[\d{1,3}\]\.?\s+/u;

function notesModel(section: Section, heading: string, vocabulary: ReadonlySet<string>, editorMarker: string | undefined): NotesModel {
  const paragraphs = section.slice(1).map((b) => joinLines(b, vocabulary));
  const firstNote = paragraphs.findIndex((p) => noteMarker.test(p));
  const legend = firstNote < 0 ? paragraphs : paragraphs.slice(0, firstNote);
  const bodies = firstNote < 0 ? [] : paragraphs.slice(firstNote);
  const sentences = bodies
    .map((p) => p.replace(noteMarker, ''))
    .map((p) => (editorMarker && p.endsWith(editorMarker) ? p.slice(0, -editorMarker.length).trimEnd() : p))
    .flatMap((p) => p.split(/(?<=\p{Ll}{2}[.!?])\s+(?=\p{Lu})/u));
  return { heading, legend, sentences, ...(editorMarker ? { editorMarker } : {}) };
}

const footnoteBody = /^\(\d{1,3}\)\s/u;

function columnsModel(text: string): ColumnsModel {
  const all = text.split('\n');
  const lines = all.filter((l) => l.trim() !== '').map((l) => l.trimEnd());
  const blankRate = (all.length - lines.length) / Math.max(1, lines.length);
  const lastIndent = lines.reduce((found, l, i) => (/^\s/u.test(l) ? i : found), 0);
  const footnote = lines.findIndex((l, i) => i > lastIndent && footnoteBody.test(l));
  const insertAt = footnote < 0 ? lines.length : footnote;
  const block = lines.slice(lastIndent, insertAt).map((l) => l.trim());
  const width = quantile(block.map(lengthOf), 0.75);
  const vocabulary = vocabularyOf(text);
  const pool: string[] = [];
  let current: string[] = [];
  for (const line of block) {
    current.push(line);
    if (closesSentence(line) && lengthOf(line) <= width * 0.85) {
      pool.push(joinLines(current, vocabulary));
      current = [];
    }
  }
  if (current.length > 0) pool.push(joinLines(current, vocabulary));
  const withoutCalls = pool.map((p) => p.replace(/\s*\(\d{1,3}\)/gu, '')).filter((p) => p.length >= 80);
  return { kind: 'columns', lines, insertAt, width, blankRate, pool: withoutCalls };
}
