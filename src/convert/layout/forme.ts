/**
 * Forme work: running heads (`168 LE FEU`) and OCR noise lines. Both stay in the TEI, as `<fw>`,
 * and never count as text for the layout decisions.
 */
import type { Line } from '../lines/split-lines.js';
import { type Lexicon, WordCounts } from '../../lib/lexicon/lexicon.js';
import { closesSentence } from './text-rules.js';

export interface RunningHeadMatch {
  /** The printed page number, when the head carries one. */
  readonly pageNumber?: number;
}

/** `168 LE FEU`, `LE FEU 169`, `168 LE FEU 10` (trailing OCR debris of up to 3 characters allowed). */
export function matchRunningHead(line: Line, titles: readonly string[]): RunningHeadMatch | undefined {
  for (const title of titles) {
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const re = new RegExp(`^(?:(\\d{1,4})\\s+)?${escaped}(?:\\s+(\\d{1,4}))?(?:\\s+\\S{1,3})?$`, 'u');
    const m = re.exec(line.text);
    if (!m) continue;
    const number = m[1] ?? m[2];
    return number === undefined ? {} : { pageNumber: Number(number) };
  }
  return undefined;
}

/**
 * An OCR noise line: fewer than half of its letter tokens are words of the lexicon (or the
 * document), and it is not the end or start of a hyphenated word, nor a sentence's last words
 * holding a name (`Poterloo.`; see `endsSentenceWithName`).
 */
export function isNoiseLine(line: Line, previous: Line | undefined, lexicon: Lexicon, documentWords?: WordCounts): boolean {
  const tokens = lineTokens(line.text);
  const letterTokens = tokens.filter((t) => /\p{L}/u.test(t));
  if (letterTokens.length === 0) return !tokens.some((t) => /^\d+$/u.test(t)) || tokens.length === 0;
  const continues = previous !== undefined && /\p{L}-$/u.test(previous.text);
  let words = 0;
  letterTokens.forEach((token, i) => {
    if (i === 0 && continues) words += 1;
    else if (i === letterTokens.length - 1 && /\p{L}-$/u.test(line.text)) words += 1;
    else if (lexicon.hasWordForm(token)) words += 1;
  });
  if (words / letterTokens.length >= 0.5) return false;
  return !endsSentenceWithName(line, letterTokens, previous, lexicon, documentWords);
}

function lineTokens(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t !== '');
}

/** A name as printed: a capital, then at least two lower-case letters (`Poterloo`, `Jaurès`, `Saint-Just`). */
const nameShape = /^\p{Lu}\p{Ll}{2,}(?:[-’']\p{Lu}?\p{Ll}+)*$/u;

/**
 * A paragraph's short last line holding a name and its final punctuation (`Poterloo.`, `dit
 * Bertrand.`) is text, not noise, though the name is in no word list. Not in the word list is weak
 * evidence for such a line; it needs: sentence punctuation at its end, letters for at least three
 * quarters of its printed characters (noise is mostly symbols and stray capitals), every unknown
 * token shaped like a name, and either a sentence that goes on into it (the line before does not
 * end one) or the name written elsewhere in the document.
 */
function endsSentenceWithName(
  line: Line,
  letterTokens: readonly string[],
  previous: Line | undefined,
  lexicon: Lexicon,
  documentWords: WordCounts | undefined,
): boolean {
  if (!closesSentence(line.text) || letterTokens.length > 4) return false;
  const printed = [...line.text.replace(/\s+/gu, '')];
  const letters = printed.filter((c) => /\p{L}/u.test(c)).length;
  if (letters / printed.length < 0.75) return false;
  const unknown = letterTokens.filter((t) => !lexicon.hasWordForm(t));
  if (unknown.length === 0 || !unknown.every((t) => nameShape.test(t))) return false;
  const sentenceGoesOn = previous !== undefined && !closesSentence(previous.text);
  const seenElsewhere = documentWords !== undefined && unknown.every((t) => documentWords.count(t) >= 2);
  return sentenceGoesOn || seenElsewhere;
}

/** How often each token is written in the document's text lines (a name seen elsewhere is not noise). */
export function documentLineWords(lines: readonly Line[]): WordCounts {
  const counts = new WordCounts();
  for (const line of lines) if (line.kind === 'text') for (const token of lineTokens(line.text)) counts.add(token);
  return counts;
}
