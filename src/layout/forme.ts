/**
 * Forme work: running heads (`168 LE FEU`) and OCR noise lines. Both stay in the TEI, as `<fw>`,
 * and never count as text for the layout decisions.
 */
import type { Line } from '../lines/split-lines.js';
import type { Lexicon } from '../enrich/lexicon.js';

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
 * document), and it is not the end or start of a hyphenated word.
 */
export function isNoiseLine(line: Line, previous: Line | undefined, lexicon: Lexicon): boolean {
  const tokens = line.text.split(/\s+/u).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((t) => t !== '');
  const letterTokens = tokens.filter((t) => /\p{L}/u.test(t));
  if (letterTokens.length === 0) return !tokens.some((t) => /^\d+$/u.test(t)) || tokens.length === 0;
  const continues = previous !== undefined && /\p{L}-$/u.test(previous.text);
  let words = 0;
  letterTokens.forEach((token, i) => {
    if (i === 0 && continues) words += 1;
    else if (i === letterTokens.length - 1 && /\p{L}-$/u.test(line.text)) words += 1;
    else if (lexicon.hasWordForm(token)) words += 1;
  });
  return words / letterTokens.length < 0.5;
}
