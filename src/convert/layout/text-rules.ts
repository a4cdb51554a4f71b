/** Small judgements on one line of text, shared by the layout profiles. */

const closingMarks = /[\s”»"’)\]]+$/u;
const noteCall = /\s*[([]\d{1,3}[)\]]\.?$/u;

/** The line's text without a trailing note call and closing quotes or brackets. */
function lineEndCore(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) t = t.replace(noteCall, '').replace(closingMarks, '');
  return t;
}

/** The line ends a sentence: `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets. */
export function closesSentence(text: string): boolean {
  const stripped = text.replace(/[\s”»"’)\]]+$/u, '');
  return /[.!?…]$/u.test(stripped);
}

/** A heading has no final punctuation and does not begin in lower case. */
export function looksLikeHeading(lines: readonly string[]): boolean {
  if (lines.length === 0 || lines.length > 3) return false;
  const first = lines[0] ?? '';
  if (/^[\p{Ll}]/u.test(first)) return false;
  // The end of the heading's text: a last line holding only the note call does not count.
  const last = lineEndCore(lines.join(' '));
  if (last === '') return false;
  return !/[.!?…:;,]$/u.test(last);
}

/** Starts like a new paragraph after a page break: capital letter, opening quote or dash. */
export function startsNewSentence(text: string): boolean {
  return /^[«“"—–-]?\s*[\p{Lu}]/u.test(text);
}

export function endsWithHyphen(text: string): boolean {
  return /\p{L}-$/u.test(text);
}

/** Lengths in code points (what a reader counts). */
export function lengthOf(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] ?? 0;
}
