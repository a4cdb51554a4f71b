/**
 * Footnotes at the foot of the pages (`page-footnotes`): the layout stage matched each body to
 * its call, by place (layout/page-footnotes.ts); here each body becomes `<note n place="foot">`
 * at that very call (TEI P5 §3.9.1), the call and the body's mark are removed, and how both were
 * printed is kept on the note (`printed`, written as `@rend`) so that the source can be read back.
 * With numbering that restarts on each page, the same call (`1`) stands on many pages: the place,
 * not the text, says which one.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { NoteConventions } from '../../lib/config/types.js';
import type { FootnoteMatch } from '../layout/types.js';
import {
  originOf,
  placedAfter,
  type Block,
  type Division,
  type EditionDocument,
  type Inline,
  type Note,
  type Paragraph,
} from '../model/document.js';
import { readEditorMarker } from './note-paragraphs.js';

export function attachPageFootnotes(
  doc: EditionDocument,
  conventions: NoteConventions | undefined,
  file: string,
): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const matches = new Map((doc.footnotes ?? []).map((m) => [m.bodyLine, m]));
  if (matches.size === 0) {
    messages.push(
      diagnostic(
        'warning',
        'notes-not-found',
        'the config declares page-footnotes, but no note bodies were found; expected lines at the foot of a page opening with the mark of a call on that page (“1 …”, “(1) …”, “* …”)',
        { file },
      ),
    );
  }
  const notes = groupBodies(doc.noteArea, matches).map(({ match, paragraphs }) => ({
    note: noteOf(match, paragraphs, conventions),
    call: match.call,
  }));
  const placed = new Set<Note>();
  let body = placeAtCalls(doc.body, notes, placed);
  for (const { note, call } of notes) {
    const at = { file, line: note.origin.line, column: note.origin.column };
    if (placed.has(note)) {
      messages.push(
        diagnostic('info', 'note-moved', `note ${note.n} moved from line ${note.origin.line} to its call at line ${call.line}`, at),
      );
      continue;
    }
    // The layout saw the call there; a stage before this one changed the text around it.
    messages.push(
      diagnostic(
        'warning',
        'note-unmatched-body',
        `note ${note.n}'s call “${call.text}” was not found at ${file}:${call.line}:${call.column}: attached to the text's heading with @anchored="false"`,
        at,
      ),
    );
    body = attachToHeading(body, { ...note, anchored: false });
  }
  return { document: { ...doc, body, noteArea: [] }, messages };
}

/** A paragraph that opens with a matched mark opens a note; the paragraphs after it are the same note's. */
function groupBodies(
  paragraphs: readonly Paragraph[],
  matches: ReadonlyMap<number, FootnoteMatch>,
): { match: FootnoteMatch; paragraphs: Paragraph[] }[] {
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
  const content = first.content.map((inline, i) =>
    i === index && inline.kind === 'text'
      ? { ...inline, value: inline.value.slice(match.mark.length), ...placedAfter(inline, [...match.mark].length) }
      : inline,
  );
  const { paragraphs: marked, resp } = readEditorMarker([{ ...first, content }, ...rest], conventions);
  return {
    kind: 'note',
    n: match.label,
    ...(resp ? { resp } : {}),
    anchored: true,
    paragraphs: marked,
    origin,
    printed: { call: match.call.text, glued: match.call.glued, mark: match.mark.trim() },
  };
}

/**
 * Puts each note at its call's place (line and column of the raw file), removing the call: one
 * walk through the text, the notes looked up by the lines of each block.
 */
function placeAtCalls(
  body: readonly Division[],
  notes: readonly { note: Note; call: FootnoteMatch['call'] }[],
  placed: Set<Note>,
): Division[] {
  const byLine = new Map<number, { note: Note; call: FootnoteMatch['call'] }[]>();
  for (const item of notes) byLine.set(item.call.line, [...(byLine.get(item.call.line) ?? []), item]);
  const visit = (blocks: readonly Block[]): Block[] =>
    blocks.map((block): Block => {
      if (block.kind === 'div') return { ...block, children: visit(block.children) };
      let content: readonly Inline[] = block.content;
      const lines = new Set(content.flatMap((i) => (i.kind === 'text' && i.line !== undefined ? [i.line] : [])));
      for (const line of lines) {
        for (const { note, call } of byLine.get(line) ?? []) {
          const next = insertAt(content, note, call);
          if (!next) continue;
          content = next;
          placed.add(note);
        }
      }
      return content === block.content ? block : { ...block, content: content as Inline[] };
    });
  return visit(body) as Division[];
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
  const children: Block[] =
    headIndex >= 0
      ? first.children.map((b, i) => (i === headIndex && b.kind === 'head' ? { ...b, content: [...b.content, note] } : b))
      : [{ kind: 'head', content: [note] }, ...first.children];
  return [{ ...first, children }, ...others];
}
