/**
 * Footnotes at the foot of the pages (`page-footnotes`): the layout stage matched each body to
 * its call, by place (layout/page-footnotes.ts); here each body becomes `<note n place="foot">`
 * at that very call (TEI P5 §3.9.1), the call and the body's mark are removed, and how both were
 * printed is kept on the note (`printed`, written as `@rend`) so that the source can be read back.
 * With numbering that restarts on each page, the same call (`1`) stands on many pages: the place,
 * not the text, says which one.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { NoteConventions } from '../config/types.js';
import type { FootnoteMatch } from '../layout/types.js';
import { originOf, placedAfter, type Block, type Division, type EditionDocument, type Inline, type Note, type Paragraph } from '../model/document.js';
import { readEditorMarker } from './notes.js';

export function attachPageFootnotes(doc: EditionDocument, conventions: NoteConventions | undefined, file: string): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const matches = new Map((doc.footnotes ?? []).map((m) => [m.bodyLine, m]));
  if (matches.size === 0) {
    messages.push(diagnostic('warning', 'notes-not-found', 'the config declares page-footnotes, but no note bodies were found; expected lines at the foot of a page opening with the mark of a call on that page (“1 …”, “(1) …”, “* …”)', { file }));
  }
  let body: readonly Division[] = doc.body;
  for (const { match, paragraphs } of groupBodies(doc.noteArea, matches)) {
    const note = noteOf(match, paragraphs, conventions);
    const placed = placeAtCall(body, note, match.call);
    if (placed) {
      body = placed;
      messages.push(diagnostic('info', 'note-moved', `note ${note.n} moved from line ${note.origin.line} to its call at line ${match.call.line}`,
        { file, line: note.origin.line, column: note.origin.column }));
    } else {
      // The layout saw the call there; a stage before this one changed the text around it.
      messages.push(diagnostic('warning', 'note-unmatched-body', `note ${note.n}'s call “${match.call.text}” was not found at ${file}:${match.call.line}:${match.call.column}: attached to the text's heading with @anchored="false"`,
        { file, line: note.origin.line, column: note.origin.column }));
      body = attachToHeading(body, { ...note, anchored: false });
    }
  }
  return { document: { ...doc, body, noteArea: [] }, messages };
}

/** A paragraph that opens with a matched mark opens a note; the paragraphs after it are the same note's. */
function groupBodies(paragraphs: readonly Paragraph[], matches: ReadonlyMap<number, FootnoteMatch>): { match: FootnoteMatch; paragraphs: Paragraph[] }[] {
  const notes: { match: FootnoteMatch; paragraphs: Paragraph[] }[] = [];
  for (const p of paragraphs) {
    const first = p.content.find((x) => x.kind === 'text');
    const match = first?.kind === 'text' && first.line !== undefined ? matches.get(first.line) : undefined;
    const last = notes[notes.length - 1];
    if (match) notes.push({ match, paragraphs: [p] });
    else if (last) last.paragraphs.push(p);
  }
  return notes;
}

function noteOf(match: FootnoteMatch, paragraphs: readonly Paragraph[], conventions: NoteConventions | undefined): Note {
  const [first, ...rest] = paragraphs as [Paragraph, ...Paragraph[]];
  const index = first.content.findIndex((i) => i.kind === 'text');
  const node = first.content[index];
  const origin = (node?.kind === 'text' ? originOf(node) : undefined) ?? { line: match.bodyLine, column: 1 };
  const content = first.content.map((inline, i) => (i === index && inline.kind === 'text'
    ? { ...inline, value: inline.value.slice(match.mark.length), ...placedAfter(inline, [...match.mark].length) }
    : inline));
  const { paragraphs: marked, resp } = readEditorMarker([{ ...first, content }, ...rest], conventions);
  return {
    kind: 'note', n: match.label, ...(resp ? { resp } : {}), anchored: true, paragraphs: marked, origin,
    printed: { call: match.call.text, glued: match.call.glued, mark: match.mark.trim() },
  };
}

/** Puts the note at the call's place (line and column of the raw file), removing the call. */
function placeAtCall(body: readonly Division[], note: Note, call: FootnoteMatch['call']): Division[] | undefined {
  let done = false;
  const visit = (blocks: readonly Block[]): Block[] => blocks.map((block): Block => {
    if (done) return block;
    if (block.kind === 'div') return { ...block, children: visit(block.children) };
    const content = insertAt(block.content, note, call);
    if (!content) return block;
    done = true;
    return { ...block, content };
  });
  const next = visit(body) as Division[];
  return done ? next : undefined;
}

function insertAt(content: readonly Inline[], note: Note, call: FootnoteMatch['call']): Inline[] | undefined {
  for (let i = 0; i < content.length; i++) {
    const node = content[i];
    if (node?.kind !== 'text' || node.line !== call.line) continue;
    const chars = [...node.value];
    const offset = call.column - (node.column ?? 1);
    const callChars = [...call.text];
    if (offset < 0 || chars.slice(offset, offset + callChars.length).join('') !== call.text) continue;
    const beforeRaw = chars.slice(0, offset).join('');
    const before = call.glued ? beforeRaw : beforeRaw.replace(/\s+$/u, '');
    const afterAt = offset + callChars.length;
    const after = chars.slice(afterAt).join('');
    const rest: Inline[] = after === '' ? [] : [{ kind: 'text', value: after, ...placedAfter(node, afterAt) }];
    const previous = content[i - 1];
    if (before === '' && previous?.kind === 'lb' && previous.wordBreak === 'none' && i > 1) {
      // The call was wrapped to the start of a line: the break before it separates nothing.
      return [...content.slice(0, i - 1), { ...previous, wordBreak: 'no-space' }, note, ...rest, ...content.slice(i + 1)];
    }
    return [...content.slice(0, i), ...(before === '' ? [] : [{ ...node, value: before }]), note, ...rest, ...content.slice(i + 1)];
  }
  return undefined;
}

function attachToHeading(body: readonly Division[], note: Note): Division[] {
  const [first, ...others] = body;
  if (!first) return [];
  const headIndex = first.children.findIndex((b) => b.kind === 'head');
  const children: Block[] = headIndex >= 0
    ? first.children.map((b, i) => (i === headIndex && b.kind === 'head' ? { ...b, content: [...b.content, note] } : b))
    : [{ kind: 'head', content: [note] }, ...first.children];
  return [{ ...first, children }, ...others];
}
