/**
 * Pure traversal helpers: every stage that rewrites inline content maps over the document's
 * inline sequences (block contents and note paragraphs) and gets a new document back.
 */
import type { Block, EditionDocument, Inline, Note, Paragraph } from '../model/document.js';

export interface SequenceContext {
  readonly block: Block['kind'] | 'note';
  readonly opensTextBlock: boolean;
}

export type SequenceMapper = (content: readonly Inline[], context: SequenceContext) => readonly Inline[];

export function mapSequences(doc: EditionDocument, fn: SequenceMapper): EditionDocument {
  return {
    ...doc,
    front: doc.front.map((b) => mapBlock(b, fn)),
    body: doc.body.map((d) => mapBlock(d, fn) as typeof d),
    noteArea: doc.noteArea.map((p) => mapNoteParagraph(p, fn)),
  };
}

function mapBlock(block: Block, fn: SequenceMapper): Block {
  if (block.kind === 'div') return { ...block, children: block.children.map((c) => mapBlock(c, fn)) };
  const opens = (block.kind === 'p' || block.kind === 'head') && block.opensTextBlock === true;
  const content = fn(block.content, { block: block.kind, opensTextBlock: opens }).map((i) => mapInNotes(i, fn));
  return { ...block, content };
}

function mapNoteParagraph(p: Paragraph, fn: SequenceMapper): Paragraph {
  return { ...p, content: fn(p.content, { block: 'note', opensTextBlock: false }) };
}

function mapInNotes(inline: Inline, fn: SequenceMapper): Inline {
  if (inline.kind !== 'note') return inline;
  const note: Note = { ...inline, paragraphs: inline.paragraphs.map((p) => mapNoteParagraph(p, fn)) };
  return note;
}

/** Calls `visit` on every inline sequence, in document order (notes after the block that holds them). */
export function forEachSequence(doc: EditionDocument, visit: (content: readonly Inline[], context: SequenceContext) => void): void {
  const visitNotes = (content: readonly Inline[]) => {
    for (const inline of content) {
      if (inline.kind === 'note') for (const p of inline.paragraphs) visit(p.content, { block: 'note', opensTextBlock: false });
    }
  };
  const visitBlock = (block: Block) => {
    if (block.kind === 'div') {
      block.children.forEach(visitBlock);
      return;
    }
    const opens = (block.kind === 'p' || block.kind === 'head') && block.opensTextBlock === true;
    visit(block.content, { block: block.kind, opensTextBlock: opens });
    visitNotes(block.content);
  };
  doc.front.forEach(visitBlock);
  doc.body.forEach(visitBlock);
  for (const p of doc.noteArea) visit(p.content, { block: 'note', opensTextBlock: false });
}

/** The text of a sequence as read (line ends as spaces, joined words joined). */
export function readingText(content: readonly Inline[]): string {
  let out = '';
  for (const inline of content) {
    if (inline.kind === 'text') out += inline.value;
    else if (inline.kind === 'lb' && inline.wordBreak === 'none' && out !== '') out += ' ';
    else if (inline.kind === 'choice') out += readingText(inline.edited);
    else if (inline.kind === 'phrase') out += readingText(inline.content);
  }
  return out;
}
