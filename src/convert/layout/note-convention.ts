/**
 * `notes.convention: "auto"`: which note convention a text uses, recognised from the matching of
 * calls and bodies (never from marks alone: a line that opens with `1.` is not a note until a
 * call `1` is found for it):
 *  - bracketed endnotes: a line that is the notes heading (`Notes`), followed by bodies `[n]. …`
 *    (the heading is evidence enough: a text's only note may be called from its title, which the
 *    transcription lacks, as in the sample's letter);
 *  - page footnotes (prose): bodies at the foot of a page whose marks match calls on that page or
 *    the previous one (layout/page-footnotes.ts), more of them than marks at a foot that match
 *    nothing;
 *  - parenthesised footnotes in blocks: lines opening with `(n) ` whose call `(n)` stands in the
 *    text (columns, or prose lines given the role `notes`).
 * The first that matches at least one body wins, in that order (an endnotes section also has
 * bodies at the foot of its last page). None: the text has no notes, and nothing is said.
 */
import { frenchLexicon, type Lexicon } from '../../lib/lexicon/lexicon.js';
import type { Line } from '../lines/split-lines.js';
import { noteMarks } from './note-marks.js';
import { classifyOverrides } from './overrides.js';
import { findPageFootnotes } from './page-footnotes.js';
import type { LayoutSettings } from './types.js';

export type ResolvedNoteConvention = LayoutSettings['noteConvention'];

export interface NoteConventionChoice {
  readonly convention: ResolvedNoteConvention;
  /** How many bodies it found (matched to a call, or after the endnotes heading; 0 for none). */
  readonly matched: number;
}

/** `lexicon`: the one the conversion uses (letter calls are told from words with it). */
export function detectNoteConvention(
  lines: readonly Line[],
  settings: LayoutSettings,
  lexicon: Lexicon = frenchLexicon(),
): NoteConventionChoice {
  const roles = classifyOverrides(lines, settings.overrides);
  if (settings.profile === 'prose') {
    const endnotes = matchedEndnotes(lines, settings.notesHeading);
    if (endnotes > 0) return { convention: 'bracketed-endnotes', matched: endnotes };
    const forced = lines.filter((l) => roles.get(l.n) === 'notes');
    const blocks = matchedBlockFootnotes(
      lines.filter((l) => roles.get(l.n) !== 'notes'),
      forced,
    );
    if (blocks > 0) return { convention: 'parenthesised-footnotes', matched: blocks };
    // A numbered list after a word that ends in a digit (`F1`, then `1. …`, `2. …`) matches one
    // mark and leaves the next ones without a call: more bodies must match than not.
    const foot = findPageFootnotes(lines, settings, roles, lexicon);
    const strays = foot.unmatched.filter((u) => u.kind === 'body' && u.inNote !== undefined).length;
    if (foot.matches.length > strays) return { convention: 'page-footnotes', matched: foot.matches.length };
    return { convention: 'none', matched: 0 };
  }
  const marks = noteMarks['parenthesised-footnotes'];
  const bodies = lines.filter((l) => l.kind === 'text' && roles.get(l.n) !== 'body' && marks.body.test(l.text));
  const blocks = matchedBlockFootnotes(
    lines.filter((l) => !bodies.includes(l)),
    bodies,
  );
  return blocks > 0 ? { convention: 'parenthesised-footnotes', matched: blocks } : { convention: 'none', matched: 0 };
}

/** Bodies `[n]. …` after the notes heading. */
function matchedEndnotes(lines: readonly Line[], heading: string): number {
  const wanted = heading.trim().toLowerCase();
  const at = lines.findIndex((l) => l.kind === 'text' && l.text.replace(/[\s.:]+$/u, '').toLowerCase() === wanted);
  if (at < 0) return 0;
  const marks = noteMarks['bracketed-endnotes'];
  return lines.slice(at + 1).filter((l) => marks.body.test(l.text)).length;
}

/** Lines opening with `(n) ` (among `bodies`) whose call `(n)` is in the text. */
function matchedBlockFootnotes(text: readonly Line[], bodies: readonly Line[]): number {
  const marks = noteMarks['parenthesised-footnotes'];
  const calls = new Set(text.flatMap((l) => [...l.text.matchAll(marks.calls)].map((m) => m[1])));
  return bodies.filter((l) => {
    const m = marks.body.exec(l.text);
    return m !== null && calls.has(m[1]);
  }).length;
}
