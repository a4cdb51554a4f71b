/**
 * Matching on the reading text, tagging in the tree. A sequence of inlines is read as the
 * reader sees it (line ends as spaces, cut words joined, corrections and regularisations
 * applied), every character remembering the node it came from; a span found in that text is
 * then wrapped back into the sequence — across `<lb/>` and `<pb/>`, so that
 * `Zino<lb break="no" rend="hyphen"/>viev` becomes one `<persName>` containing the break.
 */
import type { Inline, Phrase, TextNode } from '../model/document.js';

/** Stands for what a span must not enter (a note, a phrase with its own content): not a letter, not a space. */
export const BARRIER = '\uFFFC';

interface Piece {
  /** Index of the inline in the sequence. */
  readonly node: number;
  readonly start: number;
  readonly end: number;
  /** Text nodes can be split inside; everything else is wrapped whole or not at all. */
  readonly splittable: boolean;
  /** A barrier cannot be inside a span. */
  readonly barrier: boolean;
}

export interface ReadingMap {
  readonly text: string;
  readonly pieces: readonly Piece[];
}

export function readingMap(content: readonly Inline[]): ReadingMap {
  let text = '';
  const pieces: Piece[] = [];
  content.forEach((inline, node) => {
    const start = text.length;
    let barrier = false;
    switch (inline.kind) {
      case 'text':
        text += inline.value;
        break;
      case 'lb':
        if (inline.wordBreak === 'none') text += ' ';
        break;
      case 'choice':
        text += plain(inline.edited);
        break;
      case 'note':
      case 'phrase':
        text += BARRIER;
        barrier = true;
        break;
      case 'pb':
      case 'fw':
        break;
    }
    pieces.push({ node, start, end: text.length, splittable: inline.kind === 'text', barrier });
  });
  return { text, pieces };
}

function plain(content: readonly Inline[]): string {
  return content
    .map((i) => (i.kind === 'text' ? i.value : i.kind === 'choice' ? plain(i.edited) : i.kind === 'phrase' ? plain(i.content) : ''))
    .join('');
}

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly wrap: (inner: readonly Inline[]) => Phrase;
}

/**
 * Wraps each span (non-overlapping, in any order) around the inlines it covers. A span that
 * starts or ends inside an unsplittable node (a choice) is widened to take it whole; a span
 * that would take in a barrier, or overlaps an earlier one, is dropped and returned in `skipped`.
 */
export function wrapSpans(content: readonly Inline[], map: ReadingMap, spans: readonly Span[]): { content: Inline[]; skipped: Span[] } {
  const skipped: Span[] = [];
  const accepted: { span: Span; start: number; end: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const widened = widen(span, map);
    const last = accepted[accepted.length - 1];
    if (!widened || (last && widened.start < last.end)) skipped.push(span);
    else accepted.push({ span, ...widened });
  }
  if (accepted.length === 0) return { content: [...content], skipped };
  // Cut text nodes at every boundary (both lists are in text order: one pass each).
  const cuts = [...new Set(accepted.flatMap((a) => [a.start, a.end]))].sort((a, b) => a - b);
  const flat: { inline: Inline; start: number; end: number }[] = [];
  let c = 0;
  for (const piece of map.pieces) {
    const inline = content[piece.node] as Inline;
    if (!piece.splittable || inline.kind !== 'text') {
      flat.push({ inline, start: piece.start, end: piece.end });
      continue;
    }
    while (c < cuts.length && (cuts[c] as number) <= piece.start) c++;
    let from = piece.start;
    for (let k = c; k < cuts.length && (cuts[k] as number) < piece.end; k++) {
      const to = cuts[k] as number;
      flat.push({ inline: slice(inline, from - piece.start, to - piece.start), start: from, end: to });
      from = to;
    }
    flat.push({
      inline: from === piece.start ? inline : slice(inline, from - piece.start, piece.end - piece.start),
      start: from,
      end: piece.end,
    });
  }
  // Each cut piece goes into the span that covers it. A zero-width node (lb inside a word, pb)
  // belongs to a span only strictly inside it: at its edges it stays outside.
  const out: Inline[] = [];
  let a = 0;
  let open: { index: number; inner: Inline[] } | undefined;
  const close = () => {
    // A copy of exactly its length: an array grown by push keeps room for 17 (a long text has a phrase per name).
    if (open) out.push((accepted[open.index] as { span: Span }).span.wrap(open.inner.slice()));
    open = undefined;
  };
  for (const item of flat) {
    while (a < accepted.length && (accepted[a] as { end: number }).end <= item.start) {
      if (open?.index === a) close();
      a++;
    }
    const span = accepted[a];
    const inside =
      span !== undefined &&
      (item.end > item.start ? item.start >= span.start && item.end <= span.end : item.start > span.start && item.start < span.end);
    if (!inside) {
      close();
      out.push(item.inline);
      continue;
    }
    if (open?.index !== a) {
      close();
      open = { index: a, inner: [] };
    }
    open.inner.push(item.inline);
  }
  close();
  return { content: out.slice(), skipped };
}

/** Widens a span to whole unsplittable pieces; undefined if it would take in a barrier. */
function widen(span: Span, map: ReadingMap): { start: number; end: number } | undefined {
  let { start, end } = span;
  for (const piece of map.pieces) {
    if (piece.end <= start || piece.start >= end) continue;
    if (piece.barrier) return undefined;
    if (!piece.splittable) {
      start = Math.min(start, piece.start);
      end = Math.max(end, piece.end);
    }
  }
  return start < end ? { start, end } : undefined;
}

function slice(node: TextNode, from: number, to: number): TextNode {
  const value = node.value.slice(from, to);
  if (node.line === undefined) return { kind: 'text', value };
  return { kind: 'text', value, line: node.line, column: (node.column ?? 1) + (from === 0 ? 0 : [...node.value.slice(0, from)].length) };
}

/** The raw-file position of a reading-text offset (for messages). */
export function originAt(content: readonly Inline[], map: ReadingMap, offset: number): { line: number; column: number } | undefined {
  for (const piece of map.pieces) {
    if (offset < piece.start || offset >= Math.max(piece.end, piece.start + 1)) continue;
    const inline = content[piece.node];
    if (inline?.kind === 'text' && inline.line !== undefined)
      return { line: inline.line, column: (inline.column ?? 1) + [...inline.value.slice(0, offset - piece.start)].length };
    if (inline?.kind === 'choice' && inline.origin) return inline.origin;
  }
  return undefined;
}
