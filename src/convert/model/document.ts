/**
 * The typed document model that the converter's stages pass along: a tree of blocks and
 * inlines that maps one to one onto the TEI the writer produces. Only the TEI writer knows
 * XML syntax. Each kind is a member of a discriminated union on `kind`.
 */

import type { FootnoteMatch } from '../layout/types.js';

/** A place in the raw file (1-based line; column in code points), for diagnostics. */
export interface Origin {
  readonly line: number;
  readonly column: number;
}

// ---------------------------------------------------------------- inlines

export interface TextNode {
  readonly kind: 'text';
  readonly value: string;
  /**
   * Where `value` begins in the raw file, when it comes from there: its line, and its column in
   * code points (both or neither). Two numbers on the node rather than an Origin object: a long
   * text has a text node or more a line, and an object each costs 40 bytes (see originOf).
   */
  readonly line?: number;
  readonly column?: number;
}

/** Where a text node begins in the raw file, if it comes from there. */
export function originOf(node: TextNode): Origin | undefined {
  return node.line === undefined ? undefined : { line: node.line, column: node.column ?? 1 };
}

/** The position fields of text that starts `codePoints` code points after `node` does (none when `node` has none), to spread into a TextNode. */
export function placedAfter(node: TextNode, codePoints: number): { line?: number; column?: number } {
  return node.line === undefined ? {} : { line: node.line, column: (node.column ?? 1) + codePoints };
}

/**
 * A source line break, `<lb n="…"/>` with `n` the raw file's line number (so text put back in
 * reading order can still be put back in file order). TEI P5 §3.11.3 (milestone elements).
 *  - `none`: between words;
 *  - `soft-hyphen`: a word cut by a typographic hyphen, joined in the text (`break="no" rend="hyphen"`);
 *  - `hard-hyphen`: a compound's own hyphen fell at the line end; it stays in the text (`break="no"`);
 *  - `no-space`: nothing separates what comes before and after (a note call wrapped to the next
 *    line, removed: `Jizn<note/>` + `, mais`), also `break="no"`.
 */
export interface LineBreak {
  readonly kind: 'lb';
  readonly n: number;
  readonly wordBreak: 'none' | 'soft-hyphen' | 'hard-hyphen' | 'no-space';
}

/** A page boundary, `<pb n="…"/>`; `inWord` when it falls inside a word (`break="no"`). */
export interface PageBreak {
  readonly kind: 'pb';
  readonly n: string;
  readonly inWord: boolean;
}

/** Forme work (running head) or material kept apart from the text (OCR noise, ignored lines): `<fw>`. */
export interface FormeWork {
  readonly kind: 'fw';
  readonly type: 'header' | 'noise' | 'ignored' | 'footnote-rule';
  /** Raw line number. */
  readonly line: number;
  readonly text: string;
}

/** A note at its call, `<note n place="foot">`; `resp` points to a declared responsibility. */
export interface Note {
  readonly kind: 'note';
  readonly n: string;
  readonly resp?: string;
  /** False when the source prints no call for the note (`@anchored="false"`, att.anchoring). */
  readonly anchored: boolean;
  readonly paragraphs: readonly Paragraph[];
  /** Where the note's body began in the raw file. */
  readonly origin: Origin;
  /** A footnote at a page's foot: its call and mark as printed (written as `@rend`, so the source can be read back). */
  readonly printed?: PrintedMarks;
}

/** How a footnote's call and body mark were printed: `révolution1` … `1. …` is `{ call: '1', glued: true, mark: '1.' }`. */
export interface PrintedMarks {
  readonly call: string;
  readonly glued: boolean;
  readonly mark: string;
}

/**
 * An editorial intervention that keeps the source reading: `sic`/`corr` for a corrected
 * misprint, `orig`/`reg` for a normalised form (drop caps). TEI P5 §3.5.1 and §11.3.1.
 */
export interface Choice {
  readonly kind: 'choice';
  readonly variant: 'sic-corr' | 'orig-reg';
  readonly source: readonly Inline[];
  readonly edited: readonly Inline[];
  readonly origin?: Origin;
}

/** Phrase-level elements that wrap inline content. */
export type PhraseElement = 'salute' | 'signed' | 'supplied' | 'persName' | 'placeName' | 'orgName' | 'date' | 'title' | 'q';

export interface Phrase {
  readonly kind: 'phrase';
  readonly element: PhraseElement;
  readonly attributes: Readonly<Record<string, string>>;
  readonly content: readonly Inline[];
}

export type Inline = TextNode | LineBreak | PageBreak | FormeWork | Note | Choice | Phrase;

// ---------------------------------------------------------------- blocks

export interface Paragraph {
  readonly kind: 'p';
  readonly content: readonly Inline[];
  /** The paragraph opens a text block of the source (where drop caps are printed). */
  readonly opensTextBlock?: boolean;
}

export interface Head {
  readonly kind: 'head';
  readonly content: readonly Inline[];
  readonly opensTextBlock?: boolean;
}

/** Letter parts: `<opener>` (salutation) and `<closer>` (salutation, signature). TEI P5 §4.2.2. */
export interface Opener {
  readonly kind: 'opener';
  readonly content: readonly Inline[];
}

export interface Closer {
  readonly kind: 'closer';
  readonly content: readonly Inline[];
}

export interface Division {
  readonly kind: 'div';
  readonly type: string;
  readonly n?: string;
  readonly resp?: string;
  readonly children: readonly Block[];
}

export type Block = Paragraph | Head | Opener | Closer | Division;

// ---------------------------------------------------------------- document

/** What the conversion learnt about the source that belongs in the TEI header. */
export interface ConversionFacts {
  /** `printed` (config gives the first page, or running heads), `counted` (from 1), `none` (unknown). */
  readonly pageNumbering: 'printed' | 'counted' | 'none';
  /** The heading of the source's endnotes section, as printed. */
  readonly notesHeading?: string;
  /** Legend paragraphs of the notes section, as printed (e.g. the `[N.E.]` legend). */
  readonly notesLegend?: readonly string[];
  /** Raw line of a heading moved to the start of its text. */
  readonly movedHeadFromLine?: number;
  /** Some dates in the text are Julian (`@datingMethod="#julian"`): the header declares the calendar. */
  readonly julianDates?: boolean;
}

export interface EditionDocument {
  readonly front: readonly Block[];
  /** The texts, in reading order (one per flow). */
  readonly body: readonly Division[];
  /** Forme work after the last line of text. */
  readonly trailing: readonly FormeWork[];
  /**
   * The paragraphs of the source's notes area (footnote blocks, endnotes section), in file
   * order, before the notes stage reads their markers and moves each note to its call.
   */
  readonly noteArea: readonly Paragraph[];
  /** Footnotes at the foot of the pages: each body's mark and the place of its call (layout/page-footnotes.ts). */
  readonly footnotes?: readonly FootnoteMatch[];
  readonly facts: ConversionFacts;
}
