/**
 * The `columns` layout profile (source 002, a magazine page extracted from PDF): every line of
 * the file is a printed line; blank lines are extraction artefacts. Text blocks start at an
 * indented line, at a footnote body `(n) …`, or where lines get clearly wider than the block's.
 * Blocks of about the same width belong to the same text (flow); flows are put back in reading
 * order. A paragraph ends on a line that closes a sentence and is clearly shorter than its column.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { Line } from '../lines/split-lines.js';
import { classifyOverrides } from './overrides.js';
import { PageCounter } from './page-counter.js';
import { closesSentence, lengthOf, looksLikeHeading, quantile } from './text-rules.js';
import type { FormeLine, Layout, LayoutBlock, LayoutFlow, LayoutLine, LayoutSettings } from './types.js';

/** A line that closes a sentence and is at most this share of the column's width ends a paragraph. */
export const PARAGRAPH_END_RATIO = 0.85;
/** A line this much wider than the widest line so far in its block starts another block. */
const WIDER_BLOCK_RATIO = 1.3;
/** Blocks whose widths differ by less than this ratio are columns of the same text. */
const SAME_FLOW_RATIO = 1.25;

const footnoteBody = /^\((\d{1,3})\)\s+\S/u;

interface TextBlock {
  lines: Line[];
  kind: 'text' | 'note';
  indented: boolean;
  forme: FormeLine[][];
}

export function analyseColumns(lines: readonly Line[], settings: LayoutSettings, file: string, messages: Diagnostic[]): Layout {
  const roles = classifyOverrides(lines, settings.overrides);
  const front: LayoutBlock[] = [];
  const blocks: TextBlock[] = [];
  let block: TextBlock | undefined;
  let forme: FormeLine[] = [];
  let widest = 0;

  for (const line of lines) {
    if (line.kind !== 'text') continue;
    const role = roles.get(line.n);
    if (role === 'ignore') {
      forme.push({ kind: 'ignored', line });
      continue;
    }
    if (role === 'front') {
      front.push({ role: 'p', lines: [{ line }], opensTextBlock: false });
      continue;
    }
    const width = lengthOf(line.text);
    const isNote =
      role === 'notes' || (role !== 'body' && settings.noteConvention === 'parenthesised-footnotes' && footnoteBody.test(line.text));
    // Notes are short: two lines tell their width; a text block needs three.
    const known = block !== undefined && block.lines.length >= (block.kind === 'note' ? 2 : 3);
    const wider = known && width > widest * WIDER_BLOCK_RATIO;
    if (!block || line.indented || isNote || wider || (role === 'head' && block.kind === 'note')) {
      block = { lines: [], kind: isNote ? 'note' : 'text', indented: line.indented, forme: [] };
      blocks.push(block);
      widest = 0;
    }
    block.lines.push(line);
    block.forme.push(forme);
    forme = [];
    widest = Math.max(widest, width);
  }

  const flows = assignFlows(blocks.filter((b) => b.kind === 'text'));
  const layoutFlows = flows.map((flowBlocks, i) => buildFlow(flowBlocks, i + 1, roles, file, messages));
  const notes = blocks
    .filter((b) => b.kind === 'note')
    .map((b): LayoutBlock => ({ role: 'p', lines: toLayoutLines(b), opensTextBlock: true }));
  const pages = new PageCounter(settings.firstPage);
  const firstText = lines.find((l) => l.kind === 'text')?.n ?? 1;
  return {
    flows: layoutFlows,
    front,
    notes: { blocks: notes },
    // The transcription records no page boundaries: a first page only when the config knows its number.
    ...(settings.firstPage != null ? { firstPage: pages.first(firstText) } : {}),
    trailingForme: forme,
  };
}

function toLayoutLines(block: TextBlock): LayoutLine[] {
  return block.lines.map((line, i) => {
    const forme = block.forme[i] ?? [];
    return forme.length > 0 ? { line, formeBefore: forme } : { line };
  });
}

function blockWidth(block: TextBlock): number {
  return quantile(
    block.lines.map((l) => lengthOf(l.text)),
    0.75,
  );
}

/** Group blocks by width: each group is one text, in order of first appearance. */
function assignFlows(blocks: readonly TextBlock[]): TextBlock[][] {
  const flows: { width: number; blocks: TextBlock[] }[] = [];
  for (const block of blocks) {
    const width = blockWidth(block);
    const flow = flows.find((f) => Math.max(f.width, width) / Math.max(1, Math.min(f.width, width)) < SAME_FLOW_RATIO);
    if (flow) flow.blocks.push(block);
    else flows.push({ width, blocks: [block] });
  }
  return flows.map((f) => f.blocks);
}

interface Paragraph {
  lines: LayoutLine[];
  opensTextBlock: boolean;
  head: boolean;
}

function buildFlow(
  blocks: readonly TextBlock[],
  appearance: number,
  roles: ReadonlyMap<number, string>,
  file: string,
  messages: Diagnostic[],
): LayoutFlow {
  const all = blocks.flatMap((b) => b.lines);
  const column = quantile(
    all.map((l) => lengthOf(l.text)),
    0.75,
  );
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let endsParagraph = true;
  blocks.forEach((block, b) => {
    toLayoutLines(block).forEach((entry, i) => {
      const opens = i === 0 && (block.indented || b === 0);
      const forcedHead = roles.get(entry.line.n) === 'head';
      if (!current || endsParagraph || opens || forcedHead !== current.head) {
        current = { lines: [], opensTextBlock: opens, head: forcedHead };
        paragraphs.push(current);
      }
      current.lines.push(entry);
      endsParagraph = closesSentence(entry.line.text) && lengthOf(entry.line.text) <= column * PARAGRAPH_END_RATIO;
    });
    // A block that ends without closing its sentence goes on in the flow's next block.
    const last = block.lines[block.lines.length - 1];
    const next = blocks[b + 1];
    const lastParagraph = paragraphs[paragraphs.length - 1];
    if (last && next && !endsParagraph && next.indented && !(lastParagraph && isHeading(lastParagraph, column))) {
      messages.push(
        diagnostic(
          'warning',
          'columns-open-paragraph',
          `text block ends without closing its sentence, but the next block of the same text opens a new paragraph (line ${next.lines[0]?.n})`,
          { file, line: last.n, column: last.column },
        ),
      );
    }
  });
  return { appearance, ...placeHeading(paragraphs, column, file, messages) };
}

/** Headings are set on short lines (every line clearly shorter than the column) and have no final punctuation. */
function isHeading(p: Paragraph, column: number): boolean {
  const texts = p.lines.map((l) => l.line.text);
  return texts.every((t) => lengthOf(t) <= column * PARAGRAPH_END_RATIO) && looksLikeHeading(texts);
}

/**
 * A short paragraph without final punctuation is the flow's heading. When it was printed away
 * from the flow's start (a title set below the first column), it is moved to the start: the
 * reading order is restored, and `lb/@n` keeps the original line numbers.
 */
function placeHeading(
  paragraphs: Paragraph[],
  column: number,
  file: string,
  messages: Diagnostic[],
): Pick<LayoutFlow, 'sections' | 'movedHeadFromLine'> {
  const index = paragraphs.findIndex((p) => p.head || isHeading(p, column));
  const toBlock = (p: Paragraph, role: LayoutBlock['role']): LayoutBlock => ({ role, lines: p.lines, opensTextBlock: p.opensTextBlock });
  if (index < 0) return { sections: [{ blocks: paragraphs.map((p) => toBlock(p, 'p')) }] };
  const heading = paragraphs[index] as Paragraph;
  const rest = paragraphs.filter((_, i) => i !== index).map((p) => toBlock(p, 'p'));
  const blocks = [toBlock(heading, 'head'), ...rest];
  if (index === 0) return { sections: [{ blocks }] };
  const from = heading.lines[0]?.line;
  messages.push(
    diagnostic(
      'info',
      'columns-heading-moved',
      `heading “${heading.lines.map((l) => l.line.text).join(' ')}” printed after the text's first block; moved to the start of its text (reading order)`,
      { file, line: from?.n ?? 1, column: from?.column ?? 1 },
    ),
  );
  return { sections: [{ blocks }], movedHeadFromLine: from?.n ?? 0 };
}
