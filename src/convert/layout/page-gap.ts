/**
 * Does a paragraph end at a page gap? Punctuation alone cannot say: a paragraph may end with `:`
 * before quoted speech, a letter or a list, and a sentence may end at a full line in the middle of
 * a paragraph. A printed page gives more evidence, and the document its own statistics:
 *
 * - the **measure**: a paragraph's last line is usually short. Inside a paragraph, a line ends
 *   because the next word did not fit: the document's full lines (followed by another line of their
 *   paragraph), each with a space and the next line's first word, overflow the measure. A line that,
 *   with the next page's first word, is shorter than nearly all of those overflows had room for it:
 *   it ended its paragraph. In a proportional face the overflows spread (a line of wide letters
 *   holds fewer characters), and the threshold with them;
 * - the **indentation**: when the document indents the first line of its paragraphs and no other,
 *   an indented line opens one and a flush line goes on;
 * - the **document's own boundaries** inside its pages: after a full line that ends with final
 *   punctuation, before a capital, how often does a paragraph end? That decides the cases the page
 *   cannot, and they are reported (`page-break-paragraph`).
 */
import type { Line } from '../lines/split-lines.js';
import { lengthOf, quantile } from './text-rules.js';

export interface PageEvidence {
  /** A line that, with a space and the next word, is shorter than this ended its paragraph (0: not known). */
  readonly shortLine: number;
  /** The same, for lines without final punctuation: shorter than the smallest overflows (0: not known). */
  readonly veryShortLine: number;
  /** The document marks paragraph openings by indentation (and nothing else is indented). */
  readonly indentsParagraphs: boolean;
  /**
   * Inside pages, after a full line with final punctuation and before a capital: paragraphs
   * ended, paragraphs went on; counted apart after a sentence's end (`.`, `!`, `?`, `…`) and after
   * a pause (`:`, `;`), which end paragraphs at very different rates.
   */
  readonly afterFullLine: Readonly<Record<LineEnding, { readonly paragraph: number; readonly goesOn: number }>>;
}

/** What a page gap after `previous` and before `next` is, once word cuts and note marks are ruled out. */
export type PageGapReading =
  | { readonly kind: 'paragraph' | 'continue'; readonly doubt?: undefined }
  | { readonly kind: 'paragraph' | 'continue'; readonly doubt: string };

/** Fewer full lines than this: the measure is not known. */
const minFullLines = 20;
/** The share of overflows the threshold leaves below it (lines of wide letters). */
const measureQuantile = 0.05;
/** Lines without final punctuation need more: they are short only below the smallest overflows. */
const strictMeasureQuantile = 0.01;

/** The page's evidence, learnt once from the document's lines (blank runs of one or two lines are paragraph breaks). */
export function learnPageEvidence(lines: readonly Line[]): PageEvidence {
  const overflows: number[] = [];
  const opening = { lines: 0, indented: 0 };
  const inside = { lines: 0, indented: 0 };
  forEachNeighbours(lines, (previous, next, blanks) => {
    const counts = blanks > 0 ? opening : inside;
    counts.lines += 1;
    counts.indented += next.indented ? 1 : 0;
    if (blanks === 0 && !/\p{L}-$/u.test(previous.text)) overflows.push(withNextWord(previous, next));
  });
  const shortLine = overflows.length >= minFullLines ? quantile(overflows, measureQuantile) : 0;
  const veryShortLine = overflows.length >= minFullLines ? quantile(overflows, strictMeasureQuantile) : 0;
  const indentsParagraphs =
    opening.lines >= 5 && inside.lines >= 10 && opening.indented / opening.lines >= 0.8 && inside.indented / inside.lines <= 0.05;
  const afterFullLine = { sentence: { paragraph: 0, goesOn: 0 }, pause: { paragraph: 0, goesOn: 0 } };
  if (shortLine > 0) {
    forEachNeighbours(lines, (previous, next, blanks) => {
      if (!endsWithFinalPunctuation(previous.text) || !opensLikeParagraph(next.text) || isShort(previous, next, shortLine)) return;
      const counts = afterFullLine[lineEnding(previous.text)];
      if (blanks > 0) counts.paragraph += 1;
      else counts.goesOn += 1;
    });
  }
  return { shortLine, veryShortLine, indentsParagraphs, afterFullLine };
}

/** Each two text lines that follow each other on a page: in a paragraph (no blank) or across a paragraph break (one or two). */
function forEachNeighbours(lines: readonly Line[], visit: (previous: Line, next: Line, blanks: number) => void): void {
  let previous: Line | undefined;
  let blanks = 0;
  let spaceOnly = false;
  for (const line of lines) {
    if (line.kind !== 'text') {
      blanks += 1;
      spaceOnly ||= line.kind === 'space-only';
      continue;
    }
    if (previous && !spaceOnly && blanks < 3) visit(previous, line, blanks);
    previous = line;
    blanks = 0;
    spaceOnly = false;
  }
}

/** `.`, `!`, `?`, `…`, `:` or `;` at the end, maybe followed by closing quotes, brackets or a note call. */
export function endsWithFinalPunctuation(text: string): boolean {
  return /[.!?…:;]$/u.test(lineEndCore(text));
}

/** The line, a space and the next line's first word fit within the measure: the line ended early. */
function isShort(previous: Line, next: Line, shortLine: number): boolean {
  return withNextWord(previous, next) < shortLine;
}

function withNextWord(previous: Line, next: Line): number {
  const space = next.text.search(/\s/u);
  return codePoints(previous.text) + 1 + codePoints(space < 0 ? next.text : next.text.slice(0, space));
}

/** Length in code points; most lines have no astral character, and their length is their UTF-16 length. */
function codePoints(text: string): number {
  return /[\uD800-\uDBFF]/u.test(text) ? lengthOf(text) : text.length;
}

/**
 * A page gap between `previous` and `next`, once a word cut and a note mark are ruled out. The
 * rules, in order:
 * 1. the document indents its paragraphs: an indented line opens one, a flush line goes on;
 * 2. a line with final punctuation before a line that opens like a paragraph (a capital, an opening
 *    quote or dash, a list or section mark): a short line ended its paragraph; a full line is read by
 *    the document's own boundaries inside its pages (or, with too few, by the punctuation) and
 *    reported, because the page cannot say;
 * 3. a line without final punctuation goes on, unless it is so short that even the shortest full
 *    lines would have held the next word (a list, verse, a title) and the next line opens like a
 *    paragraph;
 * 4. anything else goes on: the next line starts in lower case or with a digit.
 */
export function readPageGap(previous: Line, next: Line, evidence: PageEvidence): PageGapReading {
  if (evidence.indentsParagraphs) return { kind: next.indented ? 'paragraph' : 'continue' };
  if (!opensLikeParagraph(next.text)) return { kind: 'continue' };
  if (!endsWithFinalPunctuation(previous.text)) {
    return { kind: evidence.veryShortLine > 0 && isShort(previous, next, evidence.veryShortLine) ? 'paragraph' : 'continue' };
  }
  if (evidence.shortLine > 0 && isShort(previous, next, evidence.shortLine)) return { kind: 'paragraph' };
  const { paragraph, goesOn } = evidence.afterFullLine[lineEnding(previous.text)];
  const ending = endingOf(previous.text);
  if (paragraph + goesOn >= 5) {
    const kind = paragraph > goesOn ? 'paragraph' : 'continue';
    const figures = `in this text, after a full line ending like this one, ${paragraph} of ${paragraph + goesOn} paragraphs end inside a page`;
    return {
      kind,
      doubt:
        kind === 'paragraph'
          ? `a page break follows a full line ending with “${ending}” and the next page starts like a paragraph: assumed to start a new paragraph (${figures})`
          : `a page break follows a full line ending with “${ending}” and the next page starts like a paragraph: assumed the paragraph goes on (${figures})`,
    };
  }
  // Nothing learnt from the document: a sentence end starts a paragraph, a colon or semicolon goes on.
  if (/[.!?…]/u.test(ending))
    return {
      kind: 'paragraph',
      doubt: 'a page break follows the end of a sentence and the next page starts with a capital: assumed to start a new paragraph',
    };
  return {
    kind: 'continue',
    doubt: `a page break follows a line ending with “${ending}” and the next page starts with a capital: assumed the paragraph goes on`,
  };
}

/**
 * Opens like a paragraph: a capital, maybe after an opening quote (or the `»` that opens each
 * further paragraph of a quotation in French), a dialogue dash (`—`, `―`, `--`) or an elision
 * mark opening a quoted excerpt (`« […] L'enracinement`); or a list or section mark (`1°`, `2.`,
 * `3e cas`, `§ 1.`, `II.`, `a)`).
 */
export function opensLikeParagraph(text: string): boolean {
  return (
    /^(?:[«“"»]|[—–―]|--?)?\s*(?:\[…\]|\(…\)|\[\.\.\.\]|…)?\s*\p{Lu}/u.test(text) ||
    /^(?:§\s*\d|\d{1,3}(?:°|\.|\)|e\s|er\s)|[IVXLC]{1,6}\.\s|\p{Ll}\)\s)/u.test(text)
  );
}

type LineEnding = 'sentence' | 'pause';

/** A line with final punctuation ends a sentence (`.`, `!`, `?`, `…`) or pauses (`:`, `;`). */
function lineEnding(text: string): LineEnding {
  return /[:;]/u.test(endingOf(text)) ? 'pause' : 'sentence';
}

function endingOf(text: string): string {
  return lineEndCore(text).slice(-1);
}

/** The line without what may follow its last punctuation: closing quotes and brackets, a note call, format characters (U+200C…). */
function lineEndCore(text: string): string {
  // Only the line's last characters can match: test them, not the whole line (a hot path).
  const tail = text.slice(-24);
  const stripped = tail.replace(/(?:\s*[([]\d{1,3}[)\]]|[\s\p{Cf}”»"’)\]*†])+$/u, '');
  return stripped.length === tail.length ? text : text.slice(0, text.length - tail.length + stripped.length);
}
