/**
 * Notes: each note body found by the layout stage is moved to its call as
 * `<note n place="foot">` and the call is removed (TEI P5 §3.9). Conventions:
 *  - parenthesised footnotes: call `(2)` in the text, body `(2) …`;
 *  - bracketed endnotes: call `[1]`, body `[1]. …` after a `Notes` heading, which may have a
 *    legend (kept in the header); a note ending with the editor's marker (`[N.E.]`) gets `@resp`.
 * A note whose call is not found is attached to the text's heading, with an info message.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { NoteConventions } from '../config/types.js';
import { originOf, placedAfter, type Block, type Division, type EditionDocument, type Head, type Inline, type Note, type Origin, type Paragraph } from '../model/document.js';
import { readingText } from './walk.js';

const markers = {
  'parenthesised-footnotes': { body: /^\((\d{1,3})\)\s+/u, call: (n: string) => `(${n})` },
  'bracketed-endnotes': { body: /^\[(\d{1,3})\]\.?\s+/u, call: (n: string) => `[${n}]` },
} as const;

export function attachNotes(doc: EditionDocument, conventions: NoteConventions | undefined, file: string): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const convention = conventions?.convention ?? 'none';
  if (convention !== 'none' && doc.noteArea.length === 0) {
    const where = convention === 'bracketed-endnotes' ? `a section headed “${conventions?.heading ?? 'Notes'}” with bodies “[1]. …”` : 'lines starting “(1) …”';
    messages.push(diagnostic('warning', 'notes-not-found', `the config declares ${convention}, but no note bodies were found; expected ${where}`, { file }));
  }
  if (convention === 'none') return { document: doc, messages };
  const marker = markers[convention];
  const legend: string[] = [];
  let body = doc.body;
  for (const noteBody of groupNoteBodies(doc.noteArea, marker.body)) {
    const note = parseNoteBody(noteBody, marker.body, conventions);
    if (!note) {
      legend.push(...noteBody.paragraphs.map((p) => readingText(p.content).trim()));
      continue;
    }
    const placed = placeAtCall(body, note, marker.call(note.n));
    if (placed) {
      body = placed.body;
      messages.push(diagnostic('info', 'note-moved', `note ${note.n} moved from line ${note.origin.line} to its call at line ${placed.line}`,
        { file, line: note.origin.line, column: note.origin.column }));
    } else {
      body = attachToHeading(body, { ...note, anchored: false });
      messages.push(diagnostic('info', 'note-without-call', `the call of note ${note.n} is not in the text: the note is attached to the text's heading`,
        { file, line: note.origin.line, column: note.origin.column }));
    }
  }
  const facts = legend.length > 0 ? { ...doc.facts, notesLegend: legend } : doc.facts;
  return { document: { ...doc, body, noteArea: [], facts }, messages };
}

interface NoteBody {
  readonly paragraphs: readonly Paragraph[];
  readonly origin: Origin;
}

/**
 * A paragraph that starts with a note marker opens a note; the paragraphs after it, up to the
 * next marker, belong to it (multi-paragraph notes). Paragraphs before the first marker form a
 * body without a marker: the legend of the notes section.
 */
function groupNoteBodies(paragraphs: readonly Paragraph[], bodyMarker: RegExp): NoteBody[] {
  const bodies: { paragraphs: Paragraph[]; origin: Origin }[] = [];
  for (const p of paragraphs) {
    const first = p.content.find((x) => x.kind === 'text');
    const origin = (first?.kind === 'text' ? originOf(first) : undefined) ?? { line: 0, column: 1 };
    const opensNote = first?.kind === 'text' && bodyMarker.test(first.value);
    const last = bodies[bodies.length - 1];
    if (opensNote || !last) bodies.push({ paragraphs: [p], origin });
    else last.paragraphs.push(p);
  }
  return bodies;
}

/** Reads the marker off the first paragraph and the editor's marker off the last one. */
function parseNoteBody(body: NoteBody, bodyMarker: RegExp, conventions: NoteConventions | undefined): Note | undefined {
  const paragraphs = [...body.paragraphs];
  const first = paragraphs[0];
  if (!first) return undefined;
  const firstText = first.content.findIndex((i) => i.kind === 'text');
  const node = first.content[firstText];
  const m = node?.kind === 'text' ? bodyMarker.exec(node.value) : null;
  if (!m || node?.kind !== 'text') return undefined;
  paragraphs[0] = { ...first, content: replaceText(first.content, firstText, node.value.slice(m[0].length), m[0].length) };
  let resp: string | undefined;
  const editorMarker = conventions?.editorMarker;
  if (editorMarker) {
    const lastIndex = paragraphs.length - 1;
    const last = paragraphs[lastIndex] as Paragraph;
    const textIndex = findLastIndex(last.content, (i) => i.kind === 'text');
    const lastNode = last.content[textIndex];
    if (lastNode?.kind === 'text' && lastNode.value.trimEnd().endsWith(editorMarker)) {
      const trimmed = lastNode.value.trimEnd();
      paragraphs[lastIndex] = { ...last, content: replaceText(last.content, textIndex, trimmed.slice(0, trimmed.length - editorMarker.length).trimEnd(), 0) };
      resp = conventions?.editorResp ?? 'editor';
    }
  }
  return { kind: 'note', n: m[1] ?? '', ...(resp ? { resp } : {}), anchored: true, paragraphs, origin: body.origin };
}

function replaceText(content: readonly Inline[], index: number, value: string, shift: number): Inline[] {
  return content.map((inline, i) => {
    if (i !== index || inline.kind !== 'text') return inline;
    return { ...inline, value, ...placedAfter(inline, shift) };
  });
}

/** Puts the note at the first occurrence of its call in the text, removing the call. */
function placeAtCall(body: readonly Division[], note: Note, call: string): { body: Division[]; line: number } | undefined {
  let found: number | undefined;
  const visit = (blocks: readonly Block[]): Block[] => blocks.map((block): Block => {
    if (found !== undefined) return block;
    if (block.kind === 'div') return { ...block, children: visit(block.children) };
    const content = insertAtCall(block.content, note, call);
    if (!content) return block;
    found = content.line;
    return { ...block, content: content.content };
  });
  const next = body.map((div) => (found === undefined ? (visit([div])[0] as Division) : div));
  return found === undefined ? undefined : { body: next, line: found };
}

function insertAtCall(content: readonly Inline[], note: Note, call: string): { content: Inline[]; line: number } | undefined {
  for (let i = 0; i < content.length; i++) {
    const node = content[i];
    if (node?.kind !== 'text') continue;
    const at = node.value.indexOf(call);
    if (at < 0) continue;
    const before = node.value.slice(0, at).replace(/\s+$/u, '');
    const after = node.value.slice(at + call.length);
    const rest: Inline[] = after === '' ? [] : [{ kind: 'text', value: after, ...placedAfter(node, [...node.value.slice(0, at + call.length)].length) }];
    const previous = content[i - 1];
    if (before === '' && previous?.kind === 'lb' && previous.wordBreak === 'none' && i > 1) {
      // The call was wrapped to the start of a line: the note stays where the call was, and the
      // break before it separates nothing (`Jizn<lb break="no"/><note/>, mais`).
      const joined: Inline = { ...previous, wordBreak: 'no-space' };
      return { content: [...content.slice(0, i - 1), joined, note, ...rest, ...content.slice(i + 1)], line: node.line ?? 0 };
    }
    const parts: Inline[] = [];
    if (before !== '') parts.push({ ...node, value: before });
    parts.push(note, ...rest);
    return { content: [...content.slice(0, i), ...parts, ...content.slice(i + 1)], line: node.line ?? 0 };
  }
  return undefined;
}

/** No call: the note goes at the end of the first text's heading (its title). */
function attachToHeading(body: readonly Division[], note: Note): Division[] {
  const [first, ...rest] = body;
  if (!first) return [];
  const headIndex = first.children.findIndex((b) => b.kind === 'head');
  const children: Block[] = headIndex >= 0
    ? first.children.map((b, i) => (i === headIndex ? { ...(b as Head), content: [...(b as Head).content, note] } : b))
    : [{ kind: 'head', content: [note] }, ...first.children];
  return [{ ...first, children }, ...rest];
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
