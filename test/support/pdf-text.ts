/**
 * The text of a PDF, page by page and line by line, as a reader's tools see it (pdfjs-dist):
 * each line with its font size, so the tests can tell the text block (body size) and the
 * footnotes (smaller) apart; the margin markers ([p. N]) are in the items, not in the lines.
 */
import { readFileSync } from 'node:fs';

export interface PdfLine {
  readonly text: string;
  /** Font size in points (the text matrix's scale). */
  readonly size: number;
  /** Position of the line's first item, in points from the page's bottom left. */
  readonly x: number;
  readonly y: number;
}

export interface PdfItem {
  readonly text: string;
  readonly size: number;
  readonly x: number;
  readonly y: number;
}

export interface PdfPage {
  readonly number: number;
  /** The text items as the PDF draws them (a run of text in one font, at one place). */
  readonly items: PdfItem[];
  readonly lines: PdfLine[];
  /** Every line joined by spaces, soft hyphens at line ends removed (the words joined). */
  readonly text: string;
}

interface TextItem {
  readonly str: string;
  readonly transform: number[];
  readonly width: number;
  readonly hasEOL: boolean;
}

/** The pages of a PDF (the first `maxPages` of them, when given). */
const MARKER = /^\[p\.\s/u;

export async function pdfPages(path: string, maxPages?: number): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= Math.min(doc.numPages, maxPages ?? doc.numPages); n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const lines: PdfLine[] = [];
    const items: PdfItem[] = [];
    let current: { parts: string[]; size: number; x: number; y: number } | undefined;
    const raws = content.items.filter((i): i is typeof i & TextItem => 'str' in i);
    for (const [index, item] of raws.entries()) {
      const [a = 0, , , , x = 0, y = 0] = item.transform;
      if (item.str !== '') items.push({ text: item.str, size: Math.abs(a), x, y });
      // Margin markers ([p. N]) are items, not part of the lines; nor is the space pdfjs infers
      // before one drawn inside a word (the word goes on where that space starts).
      if (MARKER.test(item.str)) continue;
      const resumes = raws[index + 2]?.transform[4];
      if (item.str.trim() === '' && MARKER.test(raws[index + 1]?.str ?? '') && resumes !== undefined && Math.abs(resumes - x) < 0.5)
        continue;
      if (current === undefined || Math.abs(y - current.y) > 2) {
        if (current !== undefined && current.parts.join('').trim() !== '')
          lines.push({ text: current.parts.join(''), size: current.size, x: current.x, y: current.y });
        current = { parts: [], size: Math.abs(a), x, y };
      }
      current.parts.push(item.str);
    }
    if (current !== undefined && current.parts.join('').trim() !== '')
      lines.push({ text: current.parts.join(''), size: current.size, x: current.x, y: current.y });
    pages.push({ number: n, items, lines, text: joinLines(lines.map((l) => l.text)) });
  }
  await doc.destroy();
  return pages;
}

/** Lines as running text: a line ending with a (soft) hyphen break joins the next without a space. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (text.endsWith('\u00AD')) text = text.slice(0, -1) + line;
    else text += (text === '' ? '' : ' ') + line;
  }
  return text.replace(/\s+/gu, ' ');
}
