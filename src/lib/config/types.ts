/**
 * The edition config (`edition.json`). These types mirror `schemas/edition.schema.json`, the one
 * source of truth for what is allowed; `test/config/schema-drift.test.ts` checks that the two agree
 * (every property named here is in the schema and the reverse, with the same required keys).
 */

/** An ISO 8601 calendar date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type IsoDate = string;

export interface EditionConfig {
  /** Path to the JSON Schema, for editors' autocompletion; ignored by the tool. */
  $schema?: string;
  edition: EditionMetadata;
  /** The texts: raw transcriptions to convert (`raw`), or TEI the editor already has (`tei`). */
  sources: (SourceConfig | TeiSource)[];
}

export interface EditionMetadata {
  title: string;
  subtitle?: string;
  /** The people or bodies who prepared this edition. */
  editors: Person[];
  /** Null when there is no publisher (say so rather than invent one). */
  publisher: string | null;
  /** Year (or date) the edition is issued. */
  date?: IsoDate;
  licence: Licence;
  /** BCP 47 language tag of the texts, e.g. `fr`. */
  language: string;
  /** BCP 47 language tag of the notes the editors write in this config (a source's `bibl.note` and `bibl.unknown`) when it is not `language`, e.g. `en`: the TEI marks those notes with xml:lang, so that they are not shown with the typography of the texts. */
  editorialLanguage?: string;
  calendar: CalendarPolicy;
  /** Short introduction, one paragraph per string (used by the HTML index). */
  introduction?: string[];
  /** The registers the converter tags names from (paths relative to the config file). */
  registers?: RegisterFiles;
  /** Where the HTML edition is published (its stable URL, for the "how to cite" lines). */
  url?: string;
  /** How the HTML and print editions label and number the notes. */
  notes?: NoteDisplay;
  /** The print edition's page and type (`tei-edition pdf`). */
  print?: PrintOptions;
  /** The HTML edition's pages (`tei-edition html`). */
  html?: HtmlPages;
}

/** How the HTML edition cuts very long texts into pages. */
export interface HtmlPages {
  /** A text whose body holds more characters than this is a contents page and one page per part; default 400000. */
  splitThreshold?: number;
  /** The level of the divisions that make the parts (1: the body's divisions); default 1. */
  splitLevel?: number;
}

/** The print edition's page and type. */
export interface PrintOptions {
  /** Page size: `a5` (default), `b5` or `a4`; the margins follow. */
  paper?: 'a5' | 'b5' | 'a4';
  /** Font families for the text, in order of preference, before the bundled Libertinus Serif; only fonts Typst has (bundled: Libertinus Serif, New Computer Modern, DejaVu Sans Mono). */
  fonts?: string[];
  /** Body text size in points, 6 to 20; default 10.5. */
  fontSize?: number;
}

/** How editions show notes. */
export interface NoteDisplay {
  /** Label of the editor's notes (`note/@resp`), default `N.d.É.`. */
  editorLabel?: string;
  /** Number the editor's notes in their own series instead of with the author's notes; default false. */
  editorSeries?: boolean;
}

/** TEI registers: default `tei/persons.xml`, `tei/places.xml`, `tei/periodicals.xml`, `tei/organisations.xml`, used when they exist. */
export interface RegisterFiles {
  /** A TEI file with a `listPerson`: mentions become `persName`. */
  persons?: string;
  /** A TEI file with a `listPlace`: mentions become `placeName`. */
  places?: string;
  /** A TEI file with a `listBibl` of periodicals: mentions become `title level="j"`. */
  periodicals?: string;
  /** A TEI file with a `listOrg`: mentions become `orgName`. */
  organisations?: string;
}

export interface Person {
  /** XML id used for `@resp` pointers: `[a-z][a-z0-9-]*`. */
  id: string;
  name: string;
  /** What they did, e.g. `edition`, `encoding`. */
  role?: string;
}

export interface Licence {
  name: string;
  url?: string;
  /** Free text shown with the licence (rights in the source texts, for instance). */
  note?: string;
}

export interface CalendarPolicy {
  /** The calendar in which the sources date their events. */
  sourceCalendar: 'gregorian' | 'julian';
  /** Until this (Gregorian) date, dates in the sources are Old Style (Russia: 1918-02-14). */
  julianUntil?: IsoDate;
  /** How dual dates are shown: Old Style with New Style in brackets, as the sources do. */
  display: 'old-style-first' | 'new-style-first' | 'new-style-only';
}

/** TEI the editor already has, used as it is (not converted): its title, author and date are read from its `teiHeader`. */
export interface TeiSource {
  /** A TEI file, a folder of TEI files (`*.xml`, not its subfolders), or a glob such as `letters/*.xml`, relative to the config file; a `teiCorpus` file gives one text per `TEI` in it. */
  tei: string;
  /** Id of the text (its page is `<id>.html`), only when `tei` names one file that holds one text; default: the file name without `.xml` (in a corpus: the text's `xml:id`). */
  id?: string;
  /** The text's title, over the one its header gives (for one text). */
  title?: string;
  /** The author of the texts, over the one their headers give. */
  author?: string;
  /** RELAX NG schema (XML syntax) that `build` validates these texts against, relative to the config file (for example a `tei_all.rng` you have, or your project's customisation); default: well-formedness only. */
  schema?: string;
}

/** A raw transcription, converted to TEI (`tei/<id>.xml`) by `convert` and `build`. */
export interface SourceConfig {
  /** File name stem of the TEI file: `[a-z0-9-]+`, at most 200 characters (file systems allow 255 bytes per name, and the toolkit adds suffixes such as `.xml` and its temporary files' `.tmp-…`). */
  id: string;
  /** Path of the raw text, relative to the config file. */
  raw: string;
  title: string;
  author: string;
  /** Kind of text, used as the main `div/@type` (letter, appeal, article…). */
  type?: string;
  date?: SourceDate;
  /** Bibliographic description of the source, as `sourceDesc/bibl`. */
  bibl: SourceBibl;
  layout: LayoutConfig;
  /** Printed page number of the first page, when known; otherwise pages are counted from 1. */
  firstPage?: number | null;
  notes?: NoteConventions;
  /** People or bodies responsible for parts of this source (introductions, notes). */
  responsibilities?: Responsibility[];
  corrections?: Correction[];
}

export interface SourceDate {
  calendar: 'gregorian' | 'julian';
  /** The date in `calendar`. */
  value: IsoDate;
  /** The Gregorian equivalent; required when `calendar` is `julian`. */
  gregorian?: IsoDate;
  /** What the date is the date of (written, delivered, published). */
  event?: string;
  /** The date as the edition prints it, e.g. `5 (18) novembre 1917`. */
  label?: string;
}

export interface SourceBibl {
  /** The full citation as one line of text. */
  text: string;
  title?: string;
  author?: string;
  /** Title of the larger work (book, periodical) the text appeared in. */
  in?: string;
  volume?: string;
  pages?: string;
  date?: IsoDate;
  /** Facts we do not know, stated rather than invented (e.g. `periodical not identified`). */
  unknown?: string[];
  note?: string;
}

export type LayoutProfile = 'prose' | 'columns';

export interface LayoutConfig {
  profile: LayoutProfile;
  /** Columns profile: the interleaved texts, in reading order, matched to flows by first appearance. */
  flows?: FlowConfig[];
  /** Running titles printed at the head of pages (OCR), e.g. `LE FEU`. */
  runningHeads?: string[];
  /** The text is raw OCR: report lines that are noise and keep them apart from the text (as `<fw type="noise">`). */
  ocr?: boolean;
  /** Explicit line roles where the heuristics fail. */
  overrides?: LayoutOverride[];
}

export interface FlowConfig {
  /** `div/@type` of this flow, e.g. `introduction`, `speech`. */
  type: string;
  /** Responsibility id (see `responsibilities`) for a flow written by someone else. */
  resp?: string;
  /** Position of this flow in reading order, counted in order of first appearance in the file (1-based). */
  appearance?: number;
}

export type OverrideRole = 'front' | 'body' | 'head' | 'notes' | 'ignore';

export interface LayoutOverride {
  /** Raw line range, `12` or `12-20` (1-based, inclusive). */
  lines: string;
  role: OverrideRole;
  /** Why the heuristics fail here (kept in the TEI header). */
  reason?: string;
}

export type NoteConvention = 'auto' | 'page-footnotes' | 'parenthesised-footnotes' | 'bracketed-endnotes' | 'none';

export interface NoteConventions {
  /** How notes are written: `auto` (default: recognised from the matching of calls and bodies), `page-footnotes`, `parenthesised-footnotes`, `bracketed-endnotes` or `none`. */
  convention?: NoteConvention;
  /** Heading that opens the endnotes section (bracketed-endnotes), default `Notes`. */
  heading?: string;
  /** Marker at the end of a note written by an editor, e.g. `[N.E.]`. */
  editorMarker?: string;
  /** Responsibility id the marker stands for. */
  editorResp?: string;
}

export interface Responsibility {
  /** XML id, `[a-z][a-z0-9-]*`. */
  id: string;
  /** What they are responsible for, e.g. `introduction and footnotes`. */
  resp: string;
  name: string;
}

export interface Correction {
  /** The text around the misprint, as it reads in the source (one line, or joined across a hyphen). */
  match: string;
  /** The misprinted reading inside `match`. */
  sic: string;
  /** The corrected reading. */
  corr: string;
  /** Raw line where `match` begins; required when `match` occurs more than once. */
  line?: number;
  /** Why, for the header. */
  note?: string;
}
