/**
 * Notes: each note body found by the layout stage is moved to its call as
 * `<note n place="foot">` and the call is removed (TEI P5 §3.9). Conventions:
 *  - parenthesised footnotes: call `(2)` in the text, body `(2) …`;
 *  - bracketed endnotes: call `[1]`, body `[1]. …` after a `Notes` heading, which may have a
 *    legend (kept in the header); a note ending with the editor's marker (`[N.E.]`) gets `@resp`.
 * No note is lost without a word: every call is matched to a body or reported, and every body
 * to a call or reported. A body without a call is attached to the text's heading
 * (`@anchored="false"`): an info when it is the first note of a text that prints no heading (the
 * call stood on the title the transcription lacks), a warning otherwise. A call left in the text
 * once the bodies are placed is a warning at its position.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { NoteConventions } from '../../lib/config/types.js';
import { noteMarks, type NoteMarks } from '../layout/note-marks.js';
import {
  originOf,
  placedAfter,
  type Block,
  type Division,
  type EditionDocument,
  type Head,
  type Inline,
  type Note,
  type Origin,
  type Paragraph,
} from '../model/document.js';
import { readingText } from './walk.js';
import { attachPageFootnotes } from './page-footnotes.js';
import { readEditorMarker, replaceText } from './note-paragraphs.js';

export function attachNotes(
  doc: EditionDocument,
  conventions: NoteConventions | undefined,
  file: string,
): { document: EditionDocument; messages: Diagnostic[] } {
  const requested = conventions?.convention ?? 'none';
  if (requested === 'page-footnotes') return attachPageFootnotes(doc, conventions, file);
  // `auto` is resolved before the layout stage (layout/note-convention.ts); here it found nothing.
  const convention = requested === 'auto' ? 'none' : requested;
  const messages: Diagnostic[] = [];
  if (convention !== 'none' && doc.noteArea.length === 0) {
    const where =
      convention === 'bracketed-endnotes'
        ? `a section headed “${conventions?.heading ?? 'Notes'}” with bodies “[1]. …”`
        : 'lines starting “(1) …”';
    messages.push(
      diagnostic('warning', 'notes-not-found', `the config declares ${convention}, but no note bodies were found; expected ${where}`, {
        file,
      }),
    );
  }
  if (convention === 'none') return { document: doc, messages };
  const marks = noteMarks[convention];
  const legend: string[] = [];
  let body = doc.body;
  const notes: Note[] = [];
  for (const noteBody of groupNoteBodies(doc.noteArea, marks.body)) {
    const note = parseNoteBody(noteBody, marks.body, conventions);
    if (!note) {
      legend.push(...noteBody.paragraphs.map((p) => readingText(p.content).trim()));
      continue;
    }
    notes.push(note);
    const placed = placeAtCall(body, note, marks.call(note.n));
    if (placed) {
      body = placed.body;
      messages.push(
        diagnostic('info', 'note-moved', `note ${note.n} moved from line ${note.origin.line} to its call at line ${placed.line}`, {
          file,
          line: note.origin.line,
          column: note.origin.column,
        }),
      );
    } else {
      messages.push(withoutCall(note, notes.length === 1 && printsNoHeading(body), marks, file));
      body = attachToHeading(body, { ...note, anchored: false });
    }
  }
  messages.push(...unmatchedCalls(body, notes, marks, convention, conventions?.heading ?? 'Notes', file));
  const facts = legend.length > 0 ? { ...doc.facts, notesLegend: legend } : doc.facts;
  return { document: { ...doc, body, noteArea: [], facts }, messages };
}

/**
 * A body without a call goes to the text's heading. The first note of a text that prints no
 * heading was called from the title the transcription lacks (003's note 1): a decision, info.
 * Any other is a call lost, or a mark misread: a warning.
 */
function withoutCall(note: Note, titleNote: boolean, marks: NoteMarks, file: string): Diagnostic {
  const at = { file, line: note.origin.line, column: note.origin.column };
  if (titleNote)
    return diagnostic(
      'info',
      'note-without-call',
      `the call of note ${note.n} is not in the text: the note is attached to the text's heading`,
      at,
    );
  return diagnostic(
    'warning',
    'note-unmatched-body',
    `note ${note.n}'s body has no call in the text (expected “${marks.call(note.n)}” after the word it annotates): attached to the text's heading with @anchored="false"`,
    at,
    { hint: 'check the printed source: a call lost by the transcription, or a mark that is not this note’s' },
  );
}

/** The text's heading is the config's title, supplied: the source prints none. */
function printsNoHeading(body: readonly Division[]): boolean {
  const head = body[0]?.children.find((b): b is Head => b.kind === 'head');
  return (
    head === undefined ||
    head.content.every((i) => i.kind === 'phrase' && i.element === 'supplied' && i.attributes.reason === 'title-not-in-source')
  );
}

/**
 * Calls still in the text once every body is placed have no body: one warning each, at the
 * call. A line of the text that opens like a body (`[5]. …`) was not read as one: a warning of
 * its own says so. When a line inside another note opens with the call's mark, the body was
 * read as part of that note (no blank line between them): the call's hint says where.
 */
function unmatchedCalls(
  body: readonly Division[],
  notes: readonly Note[],
  marks: NoteMarks,
  convention: keyof typeof noteMarks,
  heading: string,
  file: string,
): Diagnostic[] {
  const inside = marksInsideNotes(notes, marks);
  const left: { mark: string; n: string; at: Origin; opensBody: boolean }[] = [];
  forEachTextOutsideNotes(body, (value, origin, opensLine) => {
    for (const m of value.matchAll(marks.calls)) {
      const at = { line: origin.line, column: origin.column + [...value.slice(0, m.index)].length };
      left.push({ mark: m[0], n: m[1] ?? '', at, opensBody: opensLine && m.index === 0 && marks.body.test(value) });
    }
  });
  const bodiesInText = new Map(
    left
      .filter((c) => c.opensBody)
      .reverse()
      .map((c) => [c.n, c.at]),
  );
  const where = (at: Origin) => `${file}:${at.line}:${at.column}`;
  return left.map(({ mark, n, at, opensBody }) => {
    if (opensBody) {
      return diagnostic(
        'warning',
        'note-body-in-text',
        `a line opens with the note mark “${mark}” but was not read as a note body (expected ${bodyPlace(convention, heading)}): left as text`,
        { file, ...at },
        {
          hint:
            convention === 'bracketed-endnotes'
              ? `put the notes in a section of their own: a blank line, a line of spaces and a blank line before the “${heading}” heading`
              : 'give the note lines the role "notes" in layout.overrides',
        },
      );
    }
    const merged = inside.get(n);
    const inText = bodiesInText.get(n);
    const hint = merged
      ? `a line opening with “${marks.call(n)}” at ${where(merged.at)} was read as part of note ${merged.note}: separate the two bodies with a blank line`
      : inText
        ? `a line opening with “${marks.call(n)}” at ${where(inText)} was not read as a note body`
        : 'check the printed source: a note body lost by the transcription, or text that is not a call';
    return diagnostic(
      'warning',
      'note-unmatched-call',
      `note call “${mark}” has no note body (expected ${bodyPlace(convention, heading, marks.bodyExample(n))}): left as text`,
      { file, ...at },
      { hint },
    );
  });
}

/** Where the convention expects note bodies, for messages. */
function bodyPlace(convention: keyof typeof noteMarks, heading: string, example?: string): string {
  return convention === 'bracketed-endnotes'
    ? `${example ? `a note body “${example}”` : 'note bodies'} after the “${heading}” heading, in a section of its own`
    : `${example ? `a footnote body “${example}”` : 'footnote bodies'} in a block of footnotes, read in the columns profile or on lines with the role "notes"`;
}

/** Lines inside a note's body (not its first) that open with a note mark: n → where, and in which note. */
function marksInsideNotes(notes: readonly Note[], marks: NoteMarks): Map<string, { at: Origin; note: string }> {
  const found = new Map<string, { at: Origin; note: string }>();
  for (const note of notes) {
    for (const p of note.paragraphs) {
      p.content.forEach((inline, i) => {
        if (inline.kind !== 'text' || p.content[i - 1]?.kind !== 'lb') return;
        const m = marks.opensLine.exec(inline.value);
        const at = originOf(inline);
        if (m && at && !found.has(m[1] ?? '')) found.set(m[1] ?? '', { at, note: note.n });
      });
    }
  }
  return found;
}

/** Every text node of the text that comes from the raw file, notes left out, and whether it opens a line. */
function forEachTextOutsideNotes(blocks: readonly Block[], visit: (value: string, origin: Origin, opensLine: boolean) => void): void {
  const inline = (content: readonly Inline[]): void => {
    content.forEach((node, i) => {
      if (node.kind === 'text') {
        const origin = originOf(node);
        const before = content[i - 1];
        if (origin) visit(node.value, origin, before === undefined || before.kind === 'lb' || before.kind === 'pb');
      } else if (node.kind === 'phrase') inline(node.content);
      else if (node.kind === 'choice') inline(node.source);
    });
  };
  for (const block of blocks) {
    if (block.kind === 'div') forEachTextOutsideNotes(block.children, visit);
    else inline(block.content);
  }
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
  for (const p of paragraphs.flatMap((p) => splitAtNextBodies(p, bodyMarker))) {
    const first = p.content.find((x) => x.kind === 'text');
    const origin = (first?.kind === 'text' ? originOf(first) : undefined) ?? { line: 0, column: 1 };
    const opensNote = first?.kind === 'text' && bodyMarker.test(first.value);
    const last = bodies[bodies.length - 1];
    if (opensNote || !last) bodies.push({ paragraphs: [p], origin });
    else last.paragraphs.push(p);
  }
  return bodies;
}

/**
 * A page's foot prints its bodies on consecutive lines, with no blank line between (`(1) …` then
 * `(2) …`): a line inside a body that opens with the next mark in the series (the number after
 * the body's own) opens the next body. Any other mark inside a body stays its text (an
 * enumeration, a reference), and an unmatched call still says where it was read.
 */
function splitAtNextBodies(paragraph: Paragraph, bodyMarker: RegExp): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  let current: number | undefined;
  const firstText = paragraph.content.findIndex((x) => x.kind === 'text');
  paragraph.content.forEach((inline, i) => {
    if (inline.kind !== 'text' || (current === undefined && i !== firstText)) return;
    const opensLine = i === 0 || paragraph.content[i - 1]?.kind === 'lb';
    const m = opensLine ? bodyMarker.exec(inline.value) : null;
    const n = m ? Number(m[1]) : NaN;
    if (!m || !Number.isInteger(n)) return;
    if (current !== undefined && n === current + 1 && i - 1 > start) {
      out.push({ ...paragraph, content: paragraph.content.slice(start, i - 1) });
      start = i - 1;
    }
    current = current === undefined || n === current + 1 ? n : current;
  });
  if (start === 0) return [paragraph];
  out.push({ kind: 'p', content: paragraph.content.slice(start) });
  return out;
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
  const marked = readEditorMarker(paragraphs, conventions);
  return {
    kind: 'note',
    n: m[1] ?? '',
    ...(marked.resp ? { resp: marked.resp } : {}),
    anchored: true,
    paragraphs: marked.paragraphs,
    origin: body.origin,
  };
}

/** Puts the note at the first occurrence of its call in the text, removing the call. */
function placeAtCall(body: readonly Division[], note: Note, call: string): { body: Division[]; line: number } | undefined {
  let found: number | undefined;
  const visit = (blocks: readonly Block[]): Block[] =>
    blocks.map((block): Block => {
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
    const rest: Inline[] =
      after === '' ? [] : [{ kind: 'text', value: after, ...placedAfter(node, [...node.value.slice(0, at + call.length)].length) }];
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
  const children: Block[] =
    headIndex >= 0
      ? first.children.map((b, i) => (i === headIndex ? { ...(b as Head), content: [...(b as Head).content, note] } : b))
      : [{ kind: 'head', content: [note] }, ...first.children];
  return [{ ...first, children }, ...rest];
}
