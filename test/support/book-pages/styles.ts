/**
 * The ways a book prints its notes, and the config each needs. Styles whose config is `none` but
 * print notes rely on the converter finding them by itself (`notes.convention: "auto"`, the
 * default issue 16 asks for) and, at a page's foot, on page footnotes (issue 16, part 1): their
 * config declares no convention, as a user of the default would.
 */
import type { SourceConfig } from '../../../src/lib/config/types.js';

export type CallForm = 'bracket' | 'paren' | 'digits' | 'asterisks' | 'daggers' | 'letters';

export interface BookStyle {
  readonly name: string;
  readonly describe: string;
  /** Where the bodies are printed: nowhere (the notes are left out), after a `Notes` heading, at each page's foot. */
  readonly notes: 'none' | 'endnotes' | 'foot';
  readonly call: CallForm;
  /** A space between the word and its call (`mot (1)`), or glued (`mot1`). */
  readonly callSpace: boolean;
  /** Glued after the word's punctuation (`mot,2`) rather than before it (`mot2,`). */
  readonly callAfterPunctuation: boolean;
  /** The body's mark: as the call (`(1) `, `[1] `, `* `, `1 `), or with a full stop (`1. `, `[1]. `). */
  readonly bodyMark: 'same' | 'dot';
  readonly numbering: 'running' | 'page';
  /** Between a page's text and its notes. */
  readonly separator: 'blank' | 'rule' | 'blank-and-rule' | 'none';
  readonly runningHeads: 'never' | 'always' | 'alternate';
  /** What the config declares. */
  readonly config: 'none' | 'bracketed-endnotes' | 'parenthesised-footnotes-with-overrides';
}

const base = {
  callSpace: false,
  callAfterPunctuation: false,
  bodyMark: 'same',
  numbering: 'running',
  separator: 'none',
  runningHeads: 'never',
} as const;

export const bookStyles: readonly BookStyle[] = [
  {
    ...base,
    name: 'no-notes',
    describe: "a book without notes (the source's notes left out)",
    notes: 'none',
    call: 'bracket',
    config: 'none',
  },
  {
    ...base,
    name: 'endnotes',
    describe: 'calls “ [1]”, bodies “[1]. …” after a “Notes” heading (bracketed-endnotes)',
    notes: 'endnotes',
    call: 'bracket',
    callSpace: true,
    bodyMark: 'dot',
    config: 'bracketed-endnotes',
  },
  {
    ...base,
    name: 'endnotes-running-heads',
    describe: 'the same, with running heads and page numbers',
    notes: 'endnotes',
    call: 'bracket',
    callSpace: true,
    bodyMark: 'dot',
    runningHeads: 'always',
    config: 'bracketed-endnotes',
  },
  {
    ...base,
    name: 'footnotes-in-blocks',
    describe:
      "calls “ (1)”, bodies “(1) …” at each page's foot, numbered through, their lines given the role notes (parenthesised-footnotes)",
    notes: 'foot',
    call: 'paren',
    callSpace: true,
    separator: 'blank',
    config: 'parenthesised-footnotes-with-overrides',
  },
  {
    ...base,
    name: 'endnotes-auto',
    describe: 'endnotes as above, no convention declared',
    notes: 'endnotes',
    call: 'bracket',
    callSpace: true,
    bodyMark: 'dot',
    config: 'none',
  },
  {
    ...base,
    name: 'foot-paren-per-page',
    describe: 'footnotes at the page foot: “mot (1)”, “(1) …”, numbers restart on each page, a blank line before',
    notes: 'foot',
    call: 'paren',
    callSpace: true,
    numbering: 'page',
    separator: 'blank',
    runningHeads: 'alternate',
    config: 'none',
  },
  {
    ...base,
    name: 'foot-bracket-running',
    describe: 'footnotes at the page foot: “mot[1]”, “[1] …”, numbered through, a rule before',
    notes: 'foot',
    call: 'bracket',
    separator: 'rule',
    runningHeads: 'alternate',
    config: 'none',
  },
  {
    ...base,
    name: 'foot-digits-per-page',
    describe: 'footnotes at the page foot: superscripts flattened, “révolution1”, “1 …”, numbers restart on each page, nothing before',
    notes: 'foot',
    call: 'digits',
    numbering: 'page',
    runningHeads: 'alternate',
    config: 'none',
  },
  {
    ...base,
    name: 'foot-digits-after-punctuation',
    describe: 'footnotes at the page foot: “mot,2”, “2. …”, numbered through, a blank line and a rule before',
    notes: 'foot',
    call: 'digits',
    callAfterPunctuation: true,
    bodyMark: 'dot',
    separator: 'blank-and-rule',
    runningHeads: 'alternate',
    config: 'none',
  },
  {
    ...base,
    name: 'foot-asterisks',
    describe: 'footnotes at the page foot: “mot*”, “mot**”, “* …”, restarting on each page, a blank line before',
    notes: 'foot',
    call: 'asterisks',
    numbering: 'page',
    separator: 'blank',
    runningHeads: 'alternate',
    config: 'none',
  },
  {
    ...base,
    name: 'foot-daggers',
    describe: 'footnotes at the page foot: “mot†”, “mot††”, “† …”, restarting on each page, a rule before',
    notes: 'foot',
    call: 'daggers',
    numbering: 'page',
    separator: 'rule',
    runningHeads: 'alternate',
    config: 'none',
  },
  {
    ...base,
    name: 'foot-letters',
    describe: 'footnotes at the page foot: “mota”, “a …”, restarting on each page, a blank line before',
    notes: 'foot',
    call: 'letters',
    numbering: 'page',
    separator: 'blank',
    runningHeads: 'alternate',
    config: 'none',
  },
];

/** The style declares its note convention (or prints no notes): it does not depend on notes being found by themselves. */
export function declaresItsNotes(style: BookStyle): boolean {
  return style.notes === 'none' || style.config !== 'none';
}

/** The mark of the `k`-th note (1-based) in a style's numbering. */
export function markOf(call: CallForm, k: number): string {
  switch (call) {
    case 'asterisks':
      return '*'.repeat(k);
    case 'daggers':
      return '†'.repeat(k);
    case 'letters':
      return 'abcdefghijklmnopqrstuvwxyz'[(k - 1) % 26] ?? 'z';
    default:
      return String(k);
  }
}

/** The call as printed after its word. */
export function callText(style: BookStyle, mark: string): string {
  const printed = style.call === 'bracket' ? `[${mark}]` : style.call === 'paren' ? `(${mark})` : mark;
  return style.callSpace ? ` ${printed}` : printed;
}

/** The mark that opens a note body, with the space after it. */
export function bodyMarkText(style: BookStyle, mark: string): string {
  const printed = style.call === 'bracket' ? `[${mark}]` : style.call === 'paren' ? `(${mark})` : mark;
  return `${printed}${style.bodyMark === 'dot' ? '.' : ''} `;
}

/** The source config a text in this style is converted with (overrides are added per text). */
export function styleConfig(style: BookStyle, runningHeads: readonly string[]): Partial<SourceConfig> {
  const layout: SourceConfig['layout'] = { profile: 'prose', ...(runningHeads.length > 0 ? { runningHeads: [...runningHeads] } : {}) };
  if (style.config === 'bracketed-endnotes') return { layout, notes: { convention: 'bracketed-endnotes' } };
  if (style.config === 'parenthesised-footnotes-with-overrides') return { layout, notes: { convention: 'parenthesised-footnotes' } };
  return { layout };
}
