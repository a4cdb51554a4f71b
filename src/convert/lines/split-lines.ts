/**
 * Stage 2: the decoded lines → described lines. Each line keeps its 1-based number in the raw
 * file, its text without leading and trailing white space, whether it began with white space (an
 * indent opens a new block in the columns profile), and what kind of line it is. Blank lines are kept: their runs carry the
 * layout (paragraph, page and section breaks).
 */

export type LineKind = 'text' | 'blank' | 'space-only';

export interface Line {
  /** 1-based line number in the raw file. */
  readonly n: number;
  /** The text, leading and trailing white space removed. */
  readonly text: string;
  /** Code-point column where `text` starts in the raw line (1-based). */
  readonly column: number;
  readonly indented: boolean;
  readonly kind: LineKind;
}

/** `rawLines`: the decoded lines, without their line ends (src/read). */
export function splitLines(rawLines: readonly string[]): Line[] {
  return rawLines.map((rawLine, i) => describeLine(rawLine, i + 1));
}

function describeLine(rawLine: string, n: number): Line {
  const trimmedStart = rawLine.replace(/^[\s\u00a0]+/u, '');
  const body = trimmedStart.replace(/[\s\u00a0]+$/u, '');
  // White space is in the BMP: its UTF-16 length is its length in code points.
  const lead = rawLine.length - trimmedStart.length;
  const kind: LineKind = body !== '' ? 'text' : rawLine === '' ? 'blank' : 'space-only';
  return { n, text: body, column: lead + 1, indented: lead > 0 && body !== '', kind };
}
