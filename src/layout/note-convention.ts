/**
 * `notes.convention: "auto"`: which note convention a text uses, recognised from the matching of
 * calls and bodies (never from marks alone: a line that opens with `1.` is not a note until a
 * call `1` is found for it):
 *  - bracketed endnotes: a line that is the notes heading (`Notes`), followed by bodies `[n]. …`
 *    whose calls `[n]` stand in the text before the heading;
 *  - page footnotes (prose): bodies at the foot of a page whose marks match calls on that page or
 *    the previous one (layout/page-footnotes.ts);
 *  - parenthesised footnotes in blocks: lines opening with `(n) ` whose call `(n)` stands in the
 *    text (columns, or prose lines given the role `notes`).
 * The first that matches at least one body wins, in that order (an endnotes section also has
 * bodies at the foot of its last page). None: the text has no notes, and nothing is said.
 */
import type { Line } from '../lines/split-lines.js';
import { noteMarks } from './note-marks.js';
import { classifyOverrides } from './overrides.js';
import { findPageFootnotes } from './page-footnotes.js';
import type { LayoutSettings } from './types.js';

export type ResolvedNoteConvention = LayoutSettings['noteConvention'];

export interface NoteConventionChoice {
  readonly convention: ResolvedNoteConvention;
  /** How many bodies matched a call with it (0 for none). */
  readonly matched: number;
}

export function detectNoteConvention(lines: readonly Line[], settings: LayoutSettings): NoteConventionChoice {
  const roles = classifyOverrides(lines, settings.overrides);
  if (settings.profile === 'prose') {
    const endnotes = matchedEndnotes(lines, settings.notesHeading);
    if (endnotes > 0) return { convention: 'bracketed-endnotes', matched: endnotes };
    const forced = lines.filter((l) => roles.get(l.n) === 'notes');
    const blocks = matchedBlockFootnotes(lines.filter((l) => roles.get(l.n) !== 'notes'), forced);
    if (blocks > 0) return { convention: 'parenthesised-footnotes', matched: blocks };
    const foot = findPageFootnotes(lines, settings, roles).matches.length;
    if (foot > 0) return { convention: 'page-footnotes', matched: foot };
    return { convention: 'none', matched: 0 };
  }
  const marks = noteMarks['parenthesised-footnotes'];
  const bodies = lines.filter((l) => l.kind === 'text' && roles.get(l.n) !== 'body' && marks.body.test(l.text));
  const blocks = matchedBlockFootnotes(lines.filter((l) => !bodies.includes(l)), bodies);
  return blocks > 0 ? { convention: 'parenthesised-footnotes', matched: blocks } : { convention: 'none', matched: 0 };
}

/** Bodies `[n]. …` after the notes heading whose call `[n]` is in the text before it. */
function matchedEndnotes(lines: readonly Line[], heading: string): number {
  const wanted = heading.trim().toLowerCase();
  const at = lines.findIndex((l) => l.kind === 'text' && l.text.replace(/[\s.:]+$/u, '').toLowerCase() === wanted);
  if (at < 0) return 0;
  const marks = noteMarks['bracketed-endnotes'];
  const calls = new Set(lines.slice(0, at).flatMap((l) => [...l.text.matchAll(marks.calls)].map((m) => m[1])));
  return lines.slice(at + 1).filter((l) => { const m = marks.body.exec(l.text); return m !== null && calls.has(m[1]); }).length;
}

/** Lines opening with `(n) ` (among `bodies`) whose call `(n)` is in the text. */
function matchedBlockFootnotes(text: readonly Line[], bodies: readonly Line[]): number {
  const marks = noteMarks['parenthesised-footnotes'];
  const calls = new Set(text.flatMap((l) => [...l.text.matchAll(marks.calls)].map((m) => m[1])));
  return bodies.filter((l) => { const m = marks.body.exec(l.text); return m !== null && calls.has(m[1]); }).length;
}
