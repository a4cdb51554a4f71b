/**
 * Lays paragraphs out as a PDF extraction gives a printed book's pages: lines wrapped at a measure
 * (in characters, or in glyph widths as a proportional face sets them, so that full lines vary in
 * length), one blank line between paragraphs, and a page gap (three blank lines) every `pageLines`
 * lines, wherever it falls: inside a paragraph, after a sentence, after a colon, at a paragraph's
 * end. What the layout stage must find again is known: the line that starts each paragraph.
 */
import { all, first, parseXml, text } from './xml-query.js';

export interface BookLayout {
  /** Measure: characters (monospace) or glyph widths in ems (proportional). */
  readonly measure: number;
  readonly face: 'monospace' | 'proportional';
  readonly pageLines: number;
  /** Indent each paragraph's first line by two spaces. */
  readonly indent: boolean;
}

export interface LaidOutText {
  readonly raw: string;
  /** 1-based raw line numbers where a paragraph starts. */
  readonly paragraphStarts: ReadonlySet<number>;
  /** Raw line numbers of the first line after each page gap. */
  readonly pageStarts: readonly number[];
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
  if (' ,.;:!’\'ilIjtf|()[]'.includes(c)) return 0.3;
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

export function wrapParagraph(paragraph: string, layout: BookLayout): string[] {
  const lines: string[] = [];
  let line = layout.indent ? '  ' : '';
  for (const word of paragraph.split(' ')) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (line.trim() === '' || widthOf(candidate, layout.face) <= layout.measure) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

export function layOutPages(paragraphs: readonly string[], layout: BookLayout): LaidOutText {
  const out: string[] = [];
  const starts = new Set<number>();
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
      out.push(line);
      onPage += 1;
    });
  });
  return { raw: `${out.join('\n')}\n`, paragraphStarts: starts, pageStarts };
}
