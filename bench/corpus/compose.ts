/**
 * One synthetic raw text from a sample's model: prose sources are set again at another measure
 * with their paragraphs shuffled and repeated up to a target size, page gaps (three blank lines)
 * every 25–45 lines, a section break now and then, and — for the letter — a fresh endnotes
 * section with `[n].` bodies, some ending with the editor's marker, most with a call in the text.
 * The columns article is kept as printed, lightly varied: its last column runs on with more of
 * the speech, and the extraction blank lines fall elsewhere.
 */
import type { Random } from './prng.js';
import { wrap } from './rewrap.js';
import type { ColumnsModel, NotesModel, ProseModel } from './samples.js';

/** A `heading` gap is one blank line that never becomes a page gap (a page gap after a line without final punctuation would join it to the next block). */
type Unit = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'gap'; readonly gap: 'paragraph' | 'heading' | 'section' };

const encoder = new TextEncoder();
const byteLength = (s: string): number => encoder.encode(s).length;

export function composeProse(model: ProseModel, borrowed: readonly string[], targetBytes: number, random: Random): string {
  const width = random.int(45, 90);
  const hyphenRate = 0.3 + random.next() * 0.5;
  const set = (text: string, cut = true) => wrap(text, { width, hyphenRate: cut ? hyphenRate : 0 }, random);
  const notes = model.notes ? composeNotes(model.notes, targetBytes, random) : undefined;
  const fixed = [...model.prefix, model.opening, ...model.closing, ...(notes?.paragraphs ?? [])];
  const body = pickBody(model.body, borrowed, targetBytes - byteLength(fixed.join('\n\n')), random);
  const called = notes ? placeCalls(body, notes.calls, random) : body;

  const units: Unit[] = [];
  let afterHeading = false;
  const paragraph = (lines: readonly string[], heading = false) => {
    const last = units[units.length - 1];
    if (last?.kind === 'line') units.push({ kind: 'gap', gap: afterHeading ? 'heading' : 'paragraph' });
    for (const text of lines) units.push({ kind: 'line', text });
    afterHeading = heading;
  };
  for (const block of model.prefix) paragraph(set(block, false), true);
  paragraph(set(model.opening));
  const sectionEvery = random.int(8, 24);
  called.forEach((p, i) => {
    if (i > 0 && i % sectionEvery === 0 && random.chance(0.5)) units.push({ kind: 'gap', gap: 'section' });
    paragraph(set(p));
  });
  for (const block of model.closing) paragraph(set(block, false));
  if (notes && model.notes) {
    units.push({ kind: 'gap', gap: 'section' });
    paragraph([model.notes.heading], true);
    for (const p of notes.paragraphs) paragraph(set(p));
  }
  return render(units, { leadingSpace: model.leadingSpace, trailingSpace: model.trailingSpace }, random);
}

/** Body paragraphs in a new order, repeated (and some borrowed from the other prose sources) up to the size. */
function pickBody(own: readonly string[], borrowed: readonly string[], targetBytes: number, random: Random): string[] {
  const out: string[] = [];
  let size = 0;
  let deck: string[] = [];
  while (size < targetBytes) {
    if (deck.length === 0) deck = random.shuffle(own);
    const p = borrowed.length > 0 && random.chance(0.25) ? random.pick(borrowed) : deck.pop();
    if (p === undefined) break;
    out.push(p);
    size += byteLength(p) + 2;
  }
  return out;
}

interface ComposedNotes {
  /** The legend, then each note's paragraphs (the first starting with `[n]. `). */
  readonly paragraphs: string[];
  /** Note numbers whose call goes into the text. */
  readonly calls: number[];
}

function composeNotes(model: NotesModel, targetBytes: number, random: Random): ComposedNotes {
  const count = Math.min(12, 1 + Math.floor(targetBytes / random.int(6000, 12000)));
  const paragraphs = [...model.legend];
  const calls: number[] = [];
  for (let n = 1; n <= count; n++) {
    const parts = random.chance(0.3) ? 2 : 1;
    for (let k = 0; k < parts; k++) {
      const start = random.int(0, Math.max(0, model.sentences.length - 2));
      let text = model.sentences.slice(start, start + random.int(1, 4)).join(' ');
      if (k === 0) text = `[${n}]. ${text}`;
      if (k === parts - 1 && model.editorMarker && random.chance(0.6)) text = `${text} ${model.editorMarker}`;
      paragraphs.push(text);
    }
    if (random.chance(0.8)) calls.push(n);
  }
  return { paragraphs, calls };
}

/** Calls `[n]` at the end of body paragraphs, in the order of the notes. */
function placeCalls(body: readonly string[], calls: readonly number[], random: Random): string[] {
  if (body.length === 0) return [];
  const out = [...body];
  const slots = random
    .shuffle(body.map((_, i) => i))
    .slice(0, calls.length)
    .sort((a, b) => a - b);
  slots.forEach((slot, i) => {
    const p = out[slot] as string;
    const n = calls[i] as number;
    const withCall = p.replace(/([.!?…]+)(\s*[»”")]*)$/u, `[${n}]$1$2`);
    out[slot] = withCall === p ? `${p}[${n}]` : withCall;
  });
  return out;
}

/** Units → raw text; a page gap (three blank lines) every 25–45 printed lines. */
function render(units: readonly Unit[], style: { leadingSpace: boolean; trailingSpace: boolean }, random: Random): string {
  const out: string[] = [];
  let sincePage = 0;
  let pageAt = random.int(25, 45);
  let first = true;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    const pageDue = sincePage >= pageAt;
    const turnPage = () => {
      out.push('', '', '');
      sincePage = 0;
      pageAt = random.int(25, 45);
    };
    if (unit.kind === 'gap') {
      if (unit.gap === 'section') out.push('', ' ', '');
      else if (pageDue && unit.gap === 'paragraph') turnPage();
      else out.push('');
      continue;
    }
    if (pageDue && units[i - 1]?.kind === 'line') turnPage();
    const lead = first && style.leadingSpace ? ' ' : '';
    out.push(`${lead}${unit.text}${style.trailingSpace ? ' ' : ''}`);
    first = false;
    sincePage += 1;
  }
  return `${out.join('\n')}\n`;
}

/** The article as printed, its last column run on with `extraBytes` more of the speech, blank lines reshuffled. */
export function composeColumns(model: ColumnsModel, extraBytes: number, random: Random): string {
  const extension: string[] = [];
  let size = 0;
  let deck: string[] = [];
  while (size < extraBytes && model.pool.length > 0) {
    if (deck.length === 0) deck = random.shuffle(model.pool);
    const p = deck.pop() as string;
    extension.push(...wrap(p, { width: model.width, hyphenRate: 0.6 }, random));
    size += byteLength(p);
  }
  const lines = [...model.lines.slice(0, model.insertAt), ...extension, ...model.lines.slice(model.insertAt)];
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    if (random.chance(model.blankRate)) out.push('');
  }
  return `${out.join('\n')}\n`;
}
