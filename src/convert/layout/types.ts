/**
 * The layout stage's result: where the paragraphs, headings, sections, page breaks, note bodies
 * and interleaved texts (flows) are, as groups of raw lines. No text is changed here.
 */
import type { Line } from '../lines/split-lines.js';

export interface PageBreakMark {
  /** Page number for `pb/@n`. */
  readonly n: string;
  /** Raw line where the page boundary was seen (first blank line of the run, or the running head). */
  readonly atLine: number;
}

/**
 * Lines that are on the page but not part of the text: running heads, OCR noise, lines an
 * override told us to ignore, the rule printed above a page's footnotes. They are kept (as
 * `<fw>`) just before the next line of text.
 */
export type FormeKind = 'running-head' | 'noise' | 'ignored' | 'footnote-rule';

export interface FormeLine {
  readonly kind: FormeKind;
  readonly line: Line;
}

export interface LayoutLine {
  readonly line: Line;
  /** A page boundary falls just before this line. */
  readonly pageBreak?: PageBreakMark;
  /** Forme work met since the previous line of text, in file order. */
  readonly formeBefore?: readonly FormeLine[];
}

export type BlockRole = 'p' | 'head';

export interface LayoutBlock {
  readonly role: BlockRole;
  readonly lines: readonly LayoutLine[];
  /** The block opens a text block in the source (indented first line, start of a flow): drop caps live here. */
  readonly opensTextBlock: boolean;
}

export interface LayoutSection {
  readonly blocks: readonly LayoutBlock[];
}

/** One continuous text in reading order (the whole text in prose; one of the interleaved texts in columns). */
export interface LayoutFlow {
  /** 1-based order of first appearance in the file. */
  readonly appearance: number;
  readonly sections: readonly LayoutSection[];
  /** The flow's heading when it was found away from the flow's start and moved there (columns). */
  readonly movedHeadFromLine?: number;
}

export interface LayoutNoteArea {
  /** The line that heads an endnotes section (`Notes`). */
  readonly heading?: LayoutLine;
  /** Note paragraphs in file order; a note's first paragraph starts with its marker. */
  readonly blocks: readonly LayoutBlock[];
  /** Footnotes at the foot of the pages (`page-footnotes`): each body's mark and the call it matched. */
  readonly footnotes?: readonly FootnoteMatch[];
}

/** A footnote body at a page's foot and the call it belongs to, as printed. */
export interface FootnoteMatch {
  /** Raw line where the body opens (with its mark). */
  readonly bodyLine: number;
  /** The mark's label, `@n`: `1`, `*`, `a`. */
  readonly label: string;
  /** The body's mark as printed, with the white space after it (`1. `, `(1) `). */
  readonly mark: string;
  /** The call: raw line, column (code points, 1-based) and text as printed (`1`, `(1)`, `*`). */
  readonly call: { readonly line: number; readonly column: number; readonly text: string; readonly glued: boolean };
}

export interface Layout {
  readonly flows: readonly LayoutFlow[];
  readonly front: readonly LayoutBlock[];
  readonly notes: LayoutNoteArea;
  /** Page break before the first line, when the source's pages are known or counted. */
  readonly firstPage?: PageBreakMark;
  /** Forme work after the last line of text. */
  readonly trailingForme: readonly FormeLine[];
}

/** What the layout stage needs to know from the config. */
export interface LayoutSettings {
  readonly profile: 'prose' | 'columns';
  readonly firstPage?: number | null;
  readonly runningHeads: readonly string[];
  /** Report and set apart lines that are OCR noise (needs the lexicon). */
  readonly ocrNoise: boolean;
  readonly overrides: readonly {
    readonly from: number;
    readonly to: number;
    readonly role: 'front' | 'body' | 'head' | 'notes' | 'ignore';
  }[];
  readonly noteConvention: 'page-footnotes' | 'parenthesised-footnotes' | 'bracketed-endnotes' | 'none';
  readonly notesHeading: string;
}
