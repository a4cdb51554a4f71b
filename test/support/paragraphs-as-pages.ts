/**
 * Lays paragraphs out as a PDF extraction gives a printed book's pages: lines wrapped at a measure
 * (in characters, or in glyph widths as a proportional face sets them, so that full lines vary in
 * length), one blank line between paragraphs, and a page gap (three blank lines) every `pageLines`
 * lines, wherever it falls: inside a paragraph, after a sentence, after a colon, at a paragraph's
 * end. What the layout stage must find again is known: the line that starts each paragraph.
 *
 * Paragraphs only (no notes, heads or running heads), for the page-gap and hyphenation tests; the
 * real-books generator (`book-pages/`) lays out whole books with notes and scores a conversion.
 */
import { all, first, parseXml, text } from './xml-query.js';

export interface BookLayout {
  /** Measure: characters (monospace) or glyph widths in ems (proportional). */
  readonly measure: number;
  readonly face: 'monospace' | 'proportional';
  readonly pageLines: number;
  /** Indent each paragraph's first line by two spaces. */
  readonly indent: boolean;
  /** Cut words at line ends: at a syllable (typographic hyphen) or at a compound's own hyphen. */
  readonly hyphenate?: boolean;
}

/** A word cut at the end of a raw line: by a typographic hyphen (`soft`) or at the compound's own (`hard`). */
export type CutKind = 'soft' | 'hard';

export interface LaidOutText {
  readonly raw: string;
  /** 1-based raw line numbers where a paragraph starts. */
  readonly paragraphStarts: ReadonlySet<number>;
  /** Raw line numbers of the first line after each page gap. */
  readonly pageStarts: readonly number[];
  /** Raw lines that end with a cut word, and how the word was cut. */
  readonly cuts: ReadonlyMap<number, CutKind>;
}

/** The paragraphs of a TEI text's body, as printed (notes left out), at least `minWords` words each. */
export function teiParagraphs(xml: string, limit: number, minWords = 1): string[] {
  const body = first(parseXml(xml), 'body');
  return all(body, 'p')
    .filter((p) => !['note', 'quote', 'cit', 'sp', 'lg'].some((n) => hasAncestor(p, n)))
    .map((p) => text(p, ['note', 'fw', 'pb', 'corr', 'reg', 'del']).replace(/\s+/gu, ' ').trim())
    .filter((p) => p.split(' ').length >= minWords && !/^\d+$/u.test(p))
    .slice(0, limit);
}

function hasAncestor(el: { parent?: unknown; name: string }, name: string): boolean {
  for (let p = el.parent as { parent?: unknown; name: string } | undefined; p; p = p.parent as typeof p) if (p.name === name) return true;
  return false;
}

/** Glyph widths of a book face, in ems (roughly Times): narrow punctuation and i l t f, wide m w and capitals. */
function glyphWidth(c: string): number {
  if (" ,.;:!’'ilIjtf|()[]".includes(c)) return 0.3;
  if ('rsJ-«»'.includes(c)) return 0.42;
  if ('mw—'.includes(c)) return 0.78;
  if ('MW'.includes(c)) return 0.92;
  if (/\p{Lu}/u.test(c)) return 0.68;
  return 0.5;
}

function widthOf(line: string, face: BookLayout['face']): number {
  let w = 0;
  for (const c of line) w += face === 'monospace' ? 1 : glyphWidth(c);
  return w;
}

export interface WrappedLine {
  readonly text: string;
  readonly cut?: CutKind;
}

export function wrapParagraph(paragraph: string, layout: BookLayout): WrappedLine[] {
  const lines: WrappedLine[] = [];
  let line = layout.indent ? '  ' : '';
  const words = paragraph.split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (line.trim() === '' || widthOf(candidate, layout.face) <= layout.measure) {
      line = candidate;
      continue;
    }
    const cut = layout.hyphenate ? cutToFit(word, (head) => widthOf(`${line} ${head}-`, layout.face) <= layout.measure) : undefined;
    if (cut) {
      lines.push({ text: `${line} ${cut.head}-`, cut: cut.kind });
      line = cut.tail;
    } else {
      lines.push({ text: line });
      line = word;
    }
  }
  if (line.trim() !== '') lines.push({ text: line });
  return lines;
}

/** French syllables, roughly: a cut before a consonant and a vowel, or between two consonants that do not go together. */
const vowel = /[aeiouyàâäéèêëîïôöùûüœæ]/iu;
const inseparable = new Set(['ch', 'ph', 'gn', 'th', 'bl', 'br', 'cl', 'cr', 'dr', 'fl', 'fr', 'gl', 'gr', 'pl', 'pr', 'tr', 'vr']);

/** The longest head of `word` that fits, cut at a syllable or after the compound's own hyphen. */
function cutToFit(word: string, fits: (head: string) => boolean): { head: string; tail: string; kind: CutKind } | undefined {
  const m = /^([\p{L}’'-]+)([,.;:!?»”)]*)$/u.exec(word);
  if (!m) return undefined;
  const letters = [...(m[1] as string)];
  const trail = m[2] ?? '';
  const isVowel = (c: string | undefined) => c !== undefined && vowel.test(c);
  const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  for (let at = letters.length - 3; at >= 2; at--) {
    const head = letters.slice(0, at).join('');
    const tail = `${letters.slice(at).join('')}${trail}`;
    const [before2, before, after, next] = [letters[at - 2], letters[at - 1], letters[at], letters[at + 1]];
    if (before === '-') {
      // The compound's own hyphen ends the line: `social-` + `démocratie`.
      const stem = head.slice(0, -1);
      if (/\p{L}{2}$/u.test(stem) && isLetter(after) && fits(stem)) return { head: stem, tail, kind: 'hard' };
      continue;
    }
    if (![before2, before, after, next].every(isLetter) || /[’']\p{L}?$/u.test(head)) continue;
    const pair = `${before}${after}`.toLowerCase();
    const vowelThenConsonant = isVowel(before) && !isVowel(after) && isVowel(next);
    const twoConsonants =
      isVowel(before2) &&
      !isVowel(before) &&
      !isVowel(after) &&
      !inseparable.has(pair) &&
      (isVowel(next) || inseparable.has(`${after}${next}`.toLowerCase()));
    if ((vowelThenConsonant || twoConsonants) && fits(head)) return { head, tail, kind: 'soft' };
  }
  return undefined;
}

export function layOutPages(paragraphs: readonly string[], layout: BookLayout): LaidOutText {
  const out: string[] = [];
  const starts = new Set<number>();
  const cuts = new Map<number, CutKind>();
  const pageStarts: number[] = [];
  let onPage = 0;
  const newPage = () => {
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    out.push('', '', '');
    onPage = 0;
    pageStarts.push(out.length + 1);
  };
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) {
      if (onPage >= layout.pageLines) newPage();
      else {
        out.push('');
        onPage += 1;
      }
    }
    wrapParagraph(paragraph, layout).forEach((line, j) => {
      if (j > 0 && onPage >= layout.pageLines) newPage();
      if (j === 0) starts.add(out.length + 1);
      out.push(line.text);
      if (line.cut) cuts.set(out.length, line.cut);
      onPage += 1;
    });
  });
  return { raw: `${out.join('\n')}\n`, paragraphStarts: starts, pageStarts, cuts };
}
