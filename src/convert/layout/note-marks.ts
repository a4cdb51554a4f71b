/**
 * The marks of each note convention, in one place: the layout stage must not join a line that
 * opens with a note mark to the paragraph before it, and the notes stage matches calls to bodies
 * with the same marks.
 */
import type { LayoutSettings } from './types.js';

/** The conventions whose bodies are read in blocks (the notes stage reads their marks here). */
export type NoteConvention = 'parenthesised-footnotes' | 'bracketed-endnotes';

export interface NoteMarks {
  /** A note body's opening mark and the white space after it; group 1 is the number. */
  readonly body: RegExp;
  /** A line that opens with the mark (the body may start on the next line). */
  readonly opensLine: RegExp;
  /** Every call in a text (global); group 1 is the number. */
  readonly calls: RegExp;
  /** The call of note `n` as printed. */
  readonly call: (n: string) => string;
  /** What a body of note `n` looks like, for messages. */
  readonly bodyExample: (n: string) => string;
}

/**
 * A day just before a number in parentheses makes it a date, not a call: `5 (18) octobre`, `1er
 * (14) novembre` (a dual date's New Style day). A year does not: `en 1917 (3)` is a call.
 */
const notAfterNumber = String.raw`(?<!\b\d{1,2}(?:er)?\s?)`;

export const noteMarks: Readonly<Record<NoteConvention, NoteMarks>> = {
  'parenthesised-footnotes': {
    body: /^\((\d{1,3})\)\s+/u,
    opensLine: /^\((\d{1,3})\)(?=\s|$)/u,
    calls: new RegExp(`${notAfterNumber}\\((\\d{1,3})\\)`, 'gu'),
    call: (n) => `(${n})`,
    bodyExample: (n) => `(${n}) …`,
  },
  'bracketed-endnotes': {
    body: /^\[(\d{1,3})\]\.?\s+/u,
    opensLine: /^\[(\d{1,3})\]\.?(?=\s|$)/u,
    calls: /\[(\d{1,3})\]/gu,
    call: (n) => `[${n}]`,
    bodyExample: (n) => `[${n}]. …`,
  },
};

/** The line opens with a note mark of the text's convention (`[5].`, `[5]`, `(5)`). */
export function opensWithNoteMark(text: string, convention: LayoutSettings['noteConvention']): boolean {
  // Page footnotes are set apart before the page-gap rule sees a line (layout/page-footnotes.ts).
  return (
    (convention === 'parenthesised-footnotes' || convention === 'bracketed-endnotes') &&
    noteMarks[convention].opensLine.test(text.trimStart())
  );
}
