/**
 * The text a book is made from: a bounded slice of a real TEI file's body, as words and notes.
 * The TEI is read with a small tag scanner (no whole-file parse: the largest file is 3.5 MB and
 * only a slice is needed). Notes are taken where the edition encodes them: a `note` inside the
 * paragraph, or a `ref`/`ptr` pointing to a note kept elsewhere (Sévigné's notes in `notesStmt`).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** A note of the source, and where its call stands: after `offset` characters of word `word`. */
export interface SourceNote {
  readonly word: number;
  readonly offset: number;
  /** The note's paragraphs, white space normalised. */
  readonly paragraphs: readonly string[];
}

export interface SourceParagraph {
  /** Words as printed (split at spaces; a no-break space stays inside its word). */
  readonly words: readonly string[];
  readonly notes: readonly SourceNote[];
}

export interface SourceText {
  readonly file: string;
  readonly title: string;
  readonly author: string;
  readonly paragraphs: readonly SourceParagraph[];
}

interface Node {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (Node | string)[];
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/gu, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? whole;
  });
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) out[m[1] ?? ''] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/**
 * Elements named `wanted` that are not inside another of them, from `start` on, as small trees.
 */
function* scanElements(xml: string, start: number, wanted: ReadonlySet<string>): Generator<Node> {
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gu;
  token.lastIndex = start;
  const stack: Node[] = [];
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    const [, cdata, close, name, attrText, selfClose, text] = m;
    if (text !== undefined || cdata !== undefined) {
      stack[stack.length - 1]?.children.push(cdata ?? decodeEntities(text ?? ''));
      continue;
    }
    if (name === undefined) continue;
    if (close) {
      const done = stack.pop();
      if (done && stack.length === 0) yield done;
      continue;
    }
    if (stack.length === 0 && !wanted.has(name)) continue;
    const node: Node = { name, attrs: attributes(attrText ?? ''), children: [] };
    stack[stack.length - 1]?.children.push(node);
    if (selfClose) {
      if (stack.length === 0) yield node;
    } else stack.push(node);
  }
}

function textOf(node: Node | string): string {
  if (typeof node === 'string') return node;
  if (node.name === 'note') return '';
  return node.children.map(textOf).join(node.name === 'lb' ? ' ' : '');
}

/** White space as a reader sees it; soft hyphens and zero-width characters are not printed. */
function clean(text: string): string {
  return text
    .replace(/[\u00AD\u200B\u200C\u200D\uFEFF]/gu, '')
    .replace(/[\t\n\r ]+/gu, ' ')
    .trim();
}

function noteParagraphs(note: Node): string[] {
  const blocks = note.children.filter((c): c is Node => typeof c !== 'string' && c.name === 'p');
  const paragraphs = (blocks.length > 0 ? blocks : [note]).map((b) => clean(b.children.map(textOf).join('')));
  return paragraphs.filter((p) => p !== '');
}

/** Elements whose paragraph is not running prose (a book lays them out otherwise). */
const notProse = new Set(['table', 'figure', 'list', 'lg', 'l', 'formula', 'graphic', 'cell', 'row', 'item']);

function hasNotProse(node: Node): boolean {
  return node.children.some((c) => typeof c !== 'string' && (notProse.has(c.name) || hasNotProse(c)));
}

/** A paragraph as words, with each note's call placed after the characters that precede it. */
function paragraphOf(p: Node, notesById: ReadonlyMap<string, Node>): SourceParagraph | undefined {
  let text = '';
  const calls: { at: number; note: Node }[] = [];
  const visit = (node: Node | string) => {
    if (typeof node === 'string') {
      text += node;
      return;
    }
    if (node.name === 'note') {
      calls.push({ at: text.length, note: node });
      return;
    }
    const target = node.attrs.target?.replace(/^#/u, '');
    const pointed = target === undefined ? undefined : notesById.get(target);
    if (pointed && (node.name === 'ref' || node.name === 'ptr')) {
      calls.push({ at: text.length, note: pointed });
      return;
    }
    if (node.name === 'lb') text += ' ';
    node.children.forEach(visit);
  };
  p.children.forEach(visit);
  // Cleaning keeps the calls where they are: mark them with a private-use character first.
  const marked = [...calls].reverse().reduce((t, c) => `${t.slice(0, c.at)}\uE001${t.slice(c.at)}`, text);
  const words: string[] = [];
  const notes: SourceNote[] = [];
  let call = 0;
  // A call after a space belongs to the word before it (a book glues it there).
  for (const raw of clean(marked)
    .replace(/ \uE001/gu, '\uE001 ')
    .split(' ')) {
    let offset = 0;
    for (const ch of raw) {
      if (ch !== '\uE001') {
        offset += ch.length;
        continue;
      }
      const note = calls[call++]?.note;
      // A call before the paragraph's first word has no word to follow: the note is left out.
      if (note && offset > 0) notes.push({ word: words.length, offset, paragraphs: noteParagraphs(note) });
      else if (note && words.length > 0)
        notes.push({ word: words.length - 1, offset: (words[words.length - 1] ?? '').length, paragraphs: noteParagraphs(note) });
    }
    const word = raw.replaceAll('\uE001', '');
    if (word !== '') words.push(word);
  }
  if (words.length === 0) return undefined;
  return { words, notes: notes.filter((n) => n.paragraphs.length > 0) };
}

export interface SliceOptions {
  /** Words to take (the slice ends with the paragraph that reaches it). */
  readonly words: number;
  /** Start a couple of paragraphs before the first note, so that a slice of an annotated text has notes. */
  readonly nearNotes: boolean;
}

/** A bounded slice of a TEI file's body, as a book would print it. */
export function readSourceText(path: string, options: SliceOptions): SourceText {
  const xml = readFileSync(path, 'utf8');
  const notesById = new Map<string, Node>();
  for (const note of scanElements(xml, 0, new Set(['note']))) if (note.attrs['xml:id']) notesById.set(note.attrs['xml:id'], note);
  const header = xml.slice(0, Math.max(0, xml.indexOf('</titleStmt>')));
  const title = clean(decodeEntities(/<title\b[^>]*>([\s\S]*?)<\/title>/u.exec(header)?.[1]?.replace(/<[^>]+>/gu, '') ?? basename(path)));
  const author = clean(decodeEntities(/<author\b[^>]*>([\s\S]*?)<\/author>/u.exec(header)?.[1]?.replace(/<[^>]+>/gu, ' ') ?? ''));
  const bodyAt = xml.search(/<body\b/u);
  const paragraphs: SourceParagraph[] = [];
  let firstNote = -1;
  const from = () => (options.nearNotes && firstNote >= 0 ? Math.max(0, firstNote - 2) : 0);
  const wordsFrom = (start: number) => paragraphs.slice(start).reduce((n, q) => n + q.words.length, 0);
  for (const p of scanElements(xml, bodyAt < 0 ? 0 : bodyAt, new Set(['p']))) {
    if (hasNotProse(p)) continue;
    const paragraph = paragraphOf(p, notesById);
    if (!paragraph || paragraph.words.length < 4) continue;
    paragraphs.push(paragraph);
    if (firstNote < 0 && paragraph.notes.length > 0) firstNote = paragraphs.length - 1;
    if (wordsFrom(from()) < options.words) continue;
    // Without a note so far, look a little further for one before settling for the opening pages.
    if (!options.nearNotes || firstNote >= 0 || wordsFrom(0) >= 20 * options.words) break;
  }
  const slice: SourceParagraph[] = [];
  for (const p of paragraphs.slice(from())) {
    if (slice.reduce((n, q) => n + q.words.length, 0) >= options.words) break;
    slice.push(p);
  }
  return { file: basename(path), title: shortTitle(title), author, paragraphs: slice };
}

/** A heading a book prints: the title without its subtitle or final punctuation. */
function shortTitle(title: string): string {
  const main = title.split(/\s*[:.;]\s+/u)[0] ?? title;
  const words = main.replace(/[\s.,;:!?]+$/u, '').split(' ');
  while (words.join(' ').length > 60 && words.length > 1) words.pop();
  return words.join(' ');
}
