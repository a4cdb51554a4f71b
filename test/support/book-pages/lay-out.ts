/**
 * Lays a source text out as the pages a PDF extraction gives of a printed book: the title, then
 * paragraphs wrapped at the book's measure (a blank line between them, the first line maybe
 * indented), words cut at line ends where French allows it, pages of the book's length separated
 * by a page gap (three or four blank lines), running heads with page numbers, and the notes where
 * the style prints them. Pure: the same text, style and seed give the same bytes.
 *
 * The answer is recorded as the pages are made: the words of the text, its paragraphs, each note
 * with its text and the word its call follows, where each page starts (between which words, or
 * inside a cut word), and each word cut at a line's end.
 */
import type { Random } from '../../../bench/corpus/prng.js';
import { possibleCuts, type CutKind } from './french-cuts.js';
import type { SourceText } from './source-text.js';
import { bodyMarkText, callText, markOf, type BookStyle } from './styles.js';

/** A place in the text's words: before word `word` (`offset` −1) or inside it after `offset` characters. */
export interface WordPosition {
  readonly word: number;
  readonly offset: number;
}

export interface ExpectedNote {
  /** The mark as printed. */
  readonly n: string;
  /** The word the call follows (a page's first word included). */
  readonly word: number;
  readonly paragraphs: readonly string[];
  /**
   * Raw lines (1-based) of the call and of the body's first line: a warning about the note stands
   * at one of them, or on a line of its body at that page's foot (up to `bodyEndLine`: a note
   * whose rest is not found is reported at its last character there).
   */
  readonly callLine: number;
  readonly bodyLine: number;
  readonly bodyEndLine: number;
}

export interface ExpectedBook {
  /** The main text's words, the title's first. */
  readonly words: readonly string[];
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly notes: readonly ExpectedNote[];
  /** Where each page of the main text starts (the first page at word 0). */
  readonly pageBreaks: readonly WordPosition[];
  /** The number each page of the main text should get (`pb/@n`): printed in its running head, else counted from 1; undefined for an opening page that prints no head. */
  readonly pageNumbers: readonly (number | undefined)[];
  /** How often the layout did what the scorer must see handled. */
  readonly features: { readonly callsOnLastLine: number; readonly bodiesContinued: number; readonly notesWithParagraphs: number };
  /** Words of the main text cut at a line's end. */
  readonly cuts: readonly { readonly word: number; readonly at: number; readonly kind: CutKind }[];
}

export interface BookMeasures {
  readonly width: number;
  readonly pageLines: number;
  readonly indent: number;
  readonly firstPage: number;
  readonly runningHeads: readonly string[];
}

export interface LaidOutBook {
  /** The extracted text, LF line ends, UTF-8 (variants are encoded from it). */
  readonly text: string;
  /** Raw line numbers (1-based) of note bodies printed at page feet. */
  readonly noteLines: readonly number[];
  readonly measures: BookMeasures;
  readonly expected: ExpectedBook;
}

interface Call {
  readonly note: number;
  /** Characters of the token before the call. */
  readonly offset: number;
}

/** A piece of a word on a line: all of it, or one side of a cut. */
interface Fragment {
  readonly word: number;
  readonly text: string;
  readonly calls: readonly Call[];
  /** Where it starts in the word (a second half starts after the cut). */
  readonly from: number;
  /** Ends with a cut of this kind (a syllable cut prints a hyphen). */
  readonly cut?: CutKind;
}

interface Row {
  readonly kind: 'text' | 'blank' | 'raw';
  readonly fragments: readonly Fragment[];
  readonly indent: number;
  readonly raw?: string;
}

interface NoteBody {
  readonly paragraphs: readonly string[];
}

/** The widest call printed (` (99)`): lines are wrapped before the notes are numbered. */
const CALL_WIDTH = 5;

/** Lays `source` out in `style`; `random` decides the measures and every choice. */
export function layOutBook(source: SourceText, style: BookStyle, random: Random, headsWanted: boolean): LaidOutBook {
  const measures: BookMeasures = {
    width: random.int(56, 72),
    pageLines: random.int(30, 44),
    indent: random.chance(0.5) ? 0 : random.int(2, 4),
    firstPage: random.int(5, 240),
    runningHeads: headsWanted ? runningHeadTitles(source) : [],
  };
  const words: string[] = [];
  const paragraphs: string[] = [];
  const notes: NoteBody[] = [];
  const callWord: number[] = [];
  const rows: Row[] = [];
  const cuts: { word: number; at: number; kind: CutKind }[] = [];
  const titleWords = source.title.split(' ');
  titleWords.forEach((w) => words.push(w));
  rows.push(
    ...wrap(
      titleWords.map((w, i) => ({ word: i, text: w, calls: [], from: 0 })),
      measures.width,
      0,
      random,
      'none',
    ),
    { kind: 'blank', fragments: [], indent: 0 },
  );
  for (const paragraph of source.paragraphs) {
    const tokens = paragraph.words.map((w, i) => {
      const calls =
        style.notes === 'none'
          ? []
          : paragraph.notes
              .filter((n) => n.word === i)
              .map((n) => {
                notes.push({ paragraphs: n.paragraphs });
                callWord.push(words.length + i);
                return { note: notes.length - 1, offset: callOffset(w, n.offset, style) };
              });
      return { word: words.length + i, text: w, calls, from: 0 };
    });
    paragraph.words.forEach((w) => words.push(w));
    paragraphs.push(paragraph.words.join(' '));
    rows.push(...wrap(tokens, measures.width, measures.indent, random, cuts), { kind: 'blank', fragments: [], indent: 0 });
  }
  const paged = paginate(rows, notes, style, measures, random);
  const expected: ExpectedBook = {
    words,
    title: source.title,
    paragraphs,
    notes: notes.map((n, i) => ({
      n: paged.marks[i] ?? '',
      word: callWord[i] ?? -1,
      paragraphs: n.paragraphs,
      callLine: paged.callLines[i] ?? 0,
      bodyLine: paged.bodyLines[i] ?? 0,
      bodyEndLine: paged.bodyEndLines[i] || (paged.bodyLines[i] ?? 0),
    })),
    pageBreaks: paged.pageStarts,
    pageNumbers: paged.pageStarts.map((_, i) =>
      measures.runningHeads.length === 0 ? i + 1 : i === 0 ? undefined : measures.firstPage + i,
    ),
    features: {
      callsOnLastLine: paged.callsOnLastLine,
      bodiesContinued: paged.bodiesContinued,
      notesWithParagraphs: notes.filter((n) => n.paragraphs.length > 1).length,
    },
    cuts,
  };
  return { text: paged.lines.join('\n') + '\n', noteLines: paged.noteLines, measures, expected };
}

/** Verso: the book's title; recto: its author (or the title again), in capitals. */
function runningHeadTitles(source: SourceText): string[] {
  const title = source.title
    .toUpperCase()
    .replace(/[^\p{L}\p{N}’' -]/gu, '')
    .split(' ')
    .slice(0, 5)
    .join(' ')
    .trim();
  const surname = /^([^,(]+)/u.exec(source.author)?.[1]?.trim().split(' ').pop()?.toUpperCase() ?? '';
  return surname !== '' && surname !== title ? [title, surname] : [title];
}

/** Where a call is printed in its word: after its letters, or (glued styles that say so) after the punctuation too. */
function callOffset(word: string, offset: number, style: BookStyle): number {
  if (!style.callAfterPunctuation) return offset;
  const rest = word.slice(offset);
  return /^[\p{P}\u00A0\u202F]*$/u.test(rest) ? word.length : offset;
}

function printedWidth(fragment: Fragment): number {
  return [...fragment.text].length + fragment.calls.length * CALL_WIDTH + (fragment.cut === 'syllable' ? 1 : 0);
}

/**
 * Paragraph → rows at the measure, cutting a word at the line's end where French allows (most of
 * the time: a book's lines are justified). `cuts` receives the cuts of the main text; `'unrecorded'`
 * cuts without recording (note bodies), `'none'` does not cut (the title).
 */
function wrap(
  tokens: readonly Fragment[],
  width: number,
  indent: number,
  random: Random,
  cuts: { word: number; at: number; kind: CutKind }[] | 'unrecorded' | 'none',
): Row[] {
  const rows: Row[] = [];
  let line: Fragment[] = [];
  let used = indent;
  let lineIndent = indent;
  const close = () => {
    rows.push({ kind: 'text', fragments: line, indent: lineIndent });
    line = [];
    used = 0;
    lineIndent = 0;
  };
  for (let token of tokens) {
    const space = line.length > 0 ? 1 : 0;
    if (used + space + printedWidth(token) <= width) {
      line.push(token);
      used += space + printedWidth(token);
      continue;
    }
    const room = width - used - space;
    const cut =
      cuts !== 'none' && random.chance(0.85)
        ? possibleCuts(token.text)
            .filter(
              (c) =>
                c.at + (c.kind === 'syllable' ? 1 : 0) + token.calls.filter((k) => k.offset <= c.at).length * CALL_WIDTH <= room &&
                token.calls.every((k) => k.offset >= c.at),
            )
            .pop()
        : undefined;
    if (cut && line.length > 0) {
      line.push({ word: token.word, text: token.text.slice(0, cut.at), calls: [], from: 0, cut: cut.kind });
      if (Array.isArray(cuts)) cuts.push({ word: token.word, at: cut.at, kind: cut.kind });
      close();
      token = {
        word: token.word,
        text: token.text.slice(cut.at),
        calls: token.calls.map((k) => ({ ...k, offset: k.offset - cut.at })),
        from: cut.at,
      };
    } else if (line.length > 0) close();
    line.push(token);
    used += printedWidth(token);
  }
  if (line.length > 0) close();
  return rows;
}

interface Page {
  readonly lines: string[];
  text: number;
  /** The notes area's bodies (a body cut at the page's foot goes on at the next page's). */
  readonly noteQueue: QueuedBody[];
  count: number;
  /** Page line index → the notes whose calls it prints, or whose body it opens. */
  readonly calls: Map<number, readonly number[]>;
  readonly bodies: Map<number, number>;
}

interface QueuedBody {
  readonly note: number;
  readonly lines: readonly string[];
  /** The body's first lines are in it (not a continuation). */
  readonly opens: boolean;
}

interface Paged {
  callsOnLastLine: number;
  bodiesContinued: number;
  readonly lines: string[];
  readonly noteLines: number[];
  readonly marks: string[];
  readonly pageStarts: WordPosition[];
  readonly callLines: number[];
  readonly bodyLines: number[];
  /** The last line of each note's body at the foot where it opens. */
  readonly bodyEndLines: number[];
}

/** Rows → pages: text from the top, the notes whose calls the page prints at its foot, then the page gap. */
function paginate(rows: readonly Row[], notes: readonly NoteBody[], style: BookStyle, measures: BookMeasures, random: Random): Paged {
  const out: Paged = {
    lines: [],
    noteLines: [],
    marks: notes.map(() => ''),
    pageStarts: [],
    callsOnLastLine: 0,
    bodiesContinued: 0,
    callLines: notes.map(() => 0),
    bodyLines: notes.map(() => 0),
    bodyEndLines: notes.map(() => 0),
  };
  let lastRowCalls = 0;
  let pageNumber = measures.firstPage;
  let capacity = measures.pageLines;
  const newPage = (): Page => ({ lines: [], text: 0, noteQueue: [], count: 0, calls: new Map(), bodies: new Map() });
  let page = newPage();
  let carried: QueuedBody[] = [];
  let running = 0;
  const separator =
    style.separator === 'blank'
      ? ['']
      : style.separator === 'rule'
        ? [rule(random)]
        : style.separator === 'blank-and-rule'
          ? ['', rule(random)]
          : [];
  const emit = (final: boolean) => {
    while (page.lines[page.lines.length - 1] === '') page.lines.pop();
    const queue = [...carried, ...page.noteQueue];
    const room = Math.max(0, capacity - page.lines.length - separator.length);
    const area: string[] = [];
    const areaOpens = new Map<number, number>();
    const rest: QueuedBody[] = [];
    for (const body of queue) {
      const fits = final ? body.lines.length : Math.max(0, Math.min(body.lines.length, room - area.length));
      if (fits > 0 && body.opens) areaOpens.set(area.length, body.note);
      area.push(...body.lines.slice(0, fits));
      if (fits < body.lines.length) rest.push({ note: body.note, lines: body.lines.slice(fits), opens: body.opens && fits === 0 });
    }
    carried = rest;
    if (!final && rest.length > 0) out.bodiesContinued += 1;
    if (lastRowCalls > 0 && page.text > 0) out.callsOnLastLine += 1;
    lastRowCalls = 0;
    if (out.lines.length > 0) out.lines.push(...Array.from({ length: random.chance(0.8) ? 3 : 4 }, () => ''));
    const heads = measures.runningHeads;
    if (heads.length > 0 && out.lines.length > 0) {
      const title = heads[pageNumber % 2 === 0 || heads.length === 1 ? 0 : 1] ?? '';
      const gap = ' '.repeat(random.int(4, 12));
      out.lines.push(pageNumber % 2 === 0 ? `${pageNumber}${gap}${title}` : `${title}${gap}${pageNumber}`, '');
    }
    const top = out.lines.length;
    out.lines.push(...page.lines);
    page.calls.forEach((notesCalled, i) => notesCalled.forEach((n) => (out.callLines[n] = top + i + 1)));
    page.bodies.forEach((n, i) => (out.bodyLines[n] = top + i + 1));
    if (area.length > 0) {
      out.lines.push(...separator);
      let current: number | undefined;
      area.forEach((l, i) => {
        out.lines.push(l);
        if (l !== '') out.noteLines.push(out.lines.length);
        const opened = areaOpens.get(i);
        if (opened !== undefined) out.bodyLines[opened] = out.lines.length;
        current = opened ?? current;
        if (current !== undefined && l !== '') out.bodyEndLines[current] = out.lines.length;
      });
    }
    pageNumber += 1;
    capacity = measures.pageLines + (random.chance(0.2) ? random.pick([-1, 1]) : 0);
    page = newPage();
  };
  const noteArea = () => [...carried, ...page.noteQueue].reduce((n, b) => n + b.lines.length, 0);
  for (const row of rows) {
    if (row.kind === 'blank') {
      if (page.lines.length > 0) page.lines.push('');
      continue;
    }
    const calls = row.fragments.flatMap((f) => f.calls);
    const attempt = (): QueuedBody[] | undefined => {
      const bodies =
        style.notes === 'foot'
          ? calls.map((c, i) => ({
              note: c.note,
              lines: footBody(notes[c.note], markFor(page, i), style, measures.width, random),
              opens: true,
            }))
          : [];
      const withNotes = noteArea() + bodies.length > 0;
      // The notes already on the page stay whole; a new long note may run on to the next page's foot (three lines at least here).
      const used =
        page.lines.length +
        1 +
        (withNotes ? separator.length : 0) +
        noteArea() +
        bodies.reduce((n, b) => n + Math.min(b.lines.length, 3), 0);
      return used <= capacity || page.text < 4 ? bodies : undefined;
    };
    const markFor = (p: Page, i: number): string => markOf(style.call, style.numbering === 'page' ? p.count + i + 1 : running + i + 1);
    let bodies = attempt();
    if (bodies === undefined) {
      emit(false);
      bodies = attempt() ?? [];
    }
    if (page.lines.length === 0) out.pageStarts.push(startOf(row));
    calls.forEach((c, i) => {
      out.marks[c.note] = style.notes === 'none' ? '' : markFor(page, i);
    });
    if (calls.length > 0)
      page.calls.set(
        page.lines.length,
        calls.map((c) => c.note),
      );
    page.lines.push(renderRow(row, (note) => callText(style, out.marks[note] ?? '')));
    page.noteQueue.push(...bodies);
    page.count += calls.length;
    running += calls.length;
    page.text += 1;
    lastRowCalls = calls.length;
  }
  if (style.notes === 'endnotes' && notes.length > 0)
    endnoteRows(notes, out.marks, style, measures, random).forEach(({ text, opens }) => {
      if (page.lines.length >= capacity && text !== '') emit(false);
      if (opens !== undefined) page.bodies.set(page.lines.length, opens);
      if (!(text === '' && page.lines.length === 0)) page.lines.push(text);
    });
  emit(true);
  while (carried.length > 0) {
    // Bodies held over past the last page of text: a page of notes alone.
    emit(true);
  }
  return out;
}

function rule(random: Random): string {
  return random.pick(['_', '-', '—']).repeat(random.int(8, 20));
}

function startOf(row: Row): WordPosition {
  const first = row.fragments[0];
  if (!first) return { word: 0, offset: -1 };
  return { word: first.word, offset: first.from > 0 ? first.from : -1 };
}

function renderRow(row: Row, printCall: (note: number) => string): string {
  const text = row.fragments
    .map((f) => {
      let printed = f.text;
      for (const call of [...f.calls].sort((a, b) => b.offset - a.offset))
        printed = `${printed.slice(0, call.offset)}${printCall(call.note)}${printed.slice(call.offset)}`;
      return f.cut === 'syllable' ? `${printed}-` : printed;
    })
    .join(' ');
  return `${' '.repeat(row.indent)}${text}`;
}

/** A note body at a page's foot: the mark, the text at the measure; a further paragraph on a new, indented line. */
function footBody(note: NoteBody | undefined, mark: string, style: BookStyle, width: number, random: Random): string[] {
  const lines: string[] = [];
  (note?.paragraphs ?? []).forEach((paragraph, i) => {
    lines.push(...fill(i === 0 ? `${bodyMarkText(style, mark)}${paragraph}` : paragraph, width, i === 0 ? 0 : 3, random));
  });
  return lines;
}

/** Endnotes after a `Notes` heading, in a section of their own (a blank, a line of spaces, a blank before it). */
function endnoteRows(
  notes: readonly NoteBody[],
  marks: readonly string[],
  style: BookStyle,
  measures: BookMeasures,
  random: Random,
): { text: string; opens?: number }[] {
  const lines: { text: string; opens?: number }[] = ['', ' ', '', 'Notes', ''].map((text) => ({ text }));
  notes.forEach((note, i) => {
    note.paragraphs.forEach((paragraph, j) => {
      fill(`${j === 0 ? bodyMarkText(style, marks[i] ?? '') : ''}${paragraph}`, measures.width, 0, random).forEach((text, k) =>
        lines.push(k === 0 && j === 0 ? { text, opens: i } : { text }),
      );
      lines.push({ text: '' });
    });
  });
  return lines;
}

/** A note's paragraph at the measure, its words cut as the text's are (the scorer compares note texts by their letters). */
function fill(text: string, width: number, indent: number, random: Random): string[] {
  const tokens = text.split(' ').map((w, i) => ({ word: i, text: w, calls: [], from: 0 }));
  return wrap(tokens, width, indent, random, 'unrecorded').map((row) => renderRow(row, () => ''));
}
