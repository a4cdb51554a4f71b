/**
 * Scores one conversion of a generated book against the answer its layout recorded: notes at
 * their call, notes lost (and lost without a warning), page breaks between the right words,
 * paragraphs, cut words, false joins, words lost. The TEI is read as a reader would: source
 * readings (`orig`, `sic`), a line break is a space unless `@break="no"`, notes and forme work
 * (`fw`) set apart.
 */
import type { Diagnostic } from '../../../src/lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../../src/lib/diagnostics/format.js';
import { all, first, parseXml, type El } from '../xml-query.js';
import type { ExpectedBook, WordPosition } from './lay-out.js';

export interface BookScore {
  readonly notes: number;
  readonly notesAtCall: number;
  /** Notes not found at their call. */
  readonly notesLost: number;
  /** Of those, the ones no warning accounts for: no note warning at the call's line nor on the body's lines at the foot where it opens. */
  readonly notesLostSilently: number;
  readonly noteWarnings: number;
  readonly pageBreaks: number;
  readonly pageBreaksRight: number;
  /** Page breaks at the right place whose `@n` is the page's number (printed in a running head, else counted). */
  readonly pageNumbers: number;
  readonly pageNumbersRight: number;
  /** `pb` in the text that the answer does not have. */
  readonly pageBreaksExtra: number;
  readonly paragraphs: number;
  readonly paragraphsRight: number;
  readonly cuts: number;
  readonly cutsRight: number;
  readonly falseJoins: number;
  readonly words: number;
  readonly wordsLost: number;
  readonly warnings: number;
  /** What went wrong, a line each (the first few of each kind). */
  readonly failures: readonly string[];
}

const PB = '\uE000';

interface ReadText {
  readonly text: string;
  readonly notes: { readonly before: string; readonly el: El }[];
  /** Each page mark's `@n`, in order. */
  readonly pages: readonly string[];
}

/** The reading text of an element, with a mark where each `pb` stands; notes collected with the text before them. */
function readFlow(
  el: El,
  into: { parts: string[]; notes: { before: string; el: El }[]; pages: string[] } = { parts: [], notes: [], pages: [] },
): ReadText {
  for (const child of el.children) {
    if (typeof child === 'string') {
      into.parts.push(child);
      continue;
    }
    switch (child.name) {
      case 'lb':
        into.parts.push(child.attrs.break === 'no' ? '' : ' ');
        break;
      case 'pb':
        into.parts.push(PB);
        into.pages.push(child.attrs.n ?? '');
        break;
      case 'fw':
      case 'supplied':
      case 'corr':
      case 'reg':
        break;
      case 'note':
        into.notes.push({ before: into.parts.join('').slice(-200), el: child });
        break;
      case 'p':
      case 'head':
      case 'div':
      case 'opener':
      case 'closer':
        into.parts.push(' ');
        readFlow(child, into);
        into.parts.push(' ');
        break;
      default:
        readFlow(child, into);
    }
  }
  return { text: into.parts.join(''), notes: into.notes, pages: into.pages };
}

const tokens = (text: string): string[] => text.split(/[ \t\r\n]+/u).filter((t) => t !== '');
const bare = (word: string): string => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const normal = (text: string): string =>
  text
    .replaceAll(PB, '')
    .replace(/[ \t\r\n]+/gu, ' ')
    .trim();

/** Words, and where each page mark stands among them. */
function locate(stream: string): { words: string[]; marks: WordPosition[] } {
  const words: string[] = [];
  const marks: WordPosition[] = [];
  let current = '';
  const chars = [...stream];
  chars.forEach((ch, i) => {
    if (ch === PB) {
      const next = chars.slice(i + 1).find((c) => c !== PB);
      const inside = current !== '' && next !== undefined && !/[ \t\r\n]/u.test(next);
      marks.push(inside ? { word: words.length, offset: current.length } : { word: words.length + (current === '' ? 0 : 1), offset: -1 });
      return;
    }
    if (/[ \t\r\n]/u.test(ch)) {
      if (current !== '') words.push(current);
      current = '';
    } else current += ch;
  });
  if (current !== '') words.push(current);
  return { words, marks };
}

type Hunk = { exp: [number, number]; got: [number, number] };

/**
 * Output word index → expected word index for the words both have in the same order (a shortest
 * edit script, Myers 1986), and the stretches where they differ. Past `MAX_EDITS` differences
 * (a conversion gone badly wrong) a greedy resynchronisation takes over.
 */
function align(expected: readonly string[], got: readonly string[]): { map: Map<number, number>; hunks: Hunk[] } {
  const pairs = shortestEditPairs(expected, got) ?? greedyPairs(expected, got);
  const map = new Map<number, number>();
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [x, y] of [...pairs, [expected.length, got.length] as const]) {
    if (x > i || y > j) hunks.push({ exp: [i, x], got: [j, y] });
    if (x < expected.length && y < got.length) map.set(y, x);
    i = x + 1;
    j = y + 1;
  }
  return { map, hunks };
}

const MAX_EDITS = 3000;

/** The matched pairs (expected index, output index) in order, or undefined past MAX_EDITS. */
function shortestEditPairs(a: readonly string[], b: readonly string[]): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const trace: Int32Array[] = [];
  let prev = new Int32Array(1);
  let edits = -1;
  for (let d = 0; d <= Math.min(n + m, MAX_EDITS) && edits < 0; d++) {
    const cur = new Int32Array(2 * d + 1);
    const at = (k: number) => prev[k + d - 1] ?? 0;
    for (let k = -d; k <= d; k += 2) {
      let x = d === 0 ? 0 : k === -d || (k !== d && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      cur[k + d] = x;
      if (x >= n && y >= m) edits = d;
    }
    trace.push(cur);
    prev = cur;
  }
  if (edits < 0) return undefined;
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const before = trace[d - 1] ?? new Int32Array(0);
    const at = (k: number) => before[k + d - 1] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const startX = down ? prevX : prevX + 1;
    while (x > startX) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevX - prevK;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    pairs.push([x, y]);
  }
  return pairs.reverse();
}

/** Equal words in step, and after a difference the nearest place where three words agree again. */
function greedyPairs(expected: readonly string[], got: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  const runs = new Map<string, number[]>();
  for (let k = 0; k + 2 < got.length; k++) {
    const key = `${got[k]} ${got[k + 1]} ${got[k + 2]}`;
    const list = runs.get(key);
    if (list) list.push(k);
    else runs.set(key, [k]);
  }
  let i = 0;
  let j = 0;
  while (i < expected.length && j < got.length) {
    if (expected[i] === got[j]) {
      pairs.push([i++, j++]);
      continue;
    }
    let found: [number, number] | undefined;
    for (let a = 0; i + a + 2 < expected.length && (found === undefined || a < found[0] + found[1]); a++) {
      const at = runs.get(`${expected[i + a]} ${expected[i + a + 1]} ${expected[i + a + 2]}`)?.find((k) => k >= j);
      if (at !== undefined && (found === undefined || a + at - j < found[0] + found[1])) found = [a, at - j];
    }
    if (!found) break;
    i += found[0];
    j += found[1];
  }
  return pairs;
}

const letters = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();

export function scoreBook(xml: string | undefined, messages: readonly Diagnostic[], expected: ExpectedBook): BookScore {
  const failures: string[] = [];
  const fail = (kind: string, text: string) => {
    if (failures.filter((f) => f.startsWith(kind)).length < 3) failures.push(`${kind}: ${text}`);
  };
  const noteWarnings = messages.filter((m) => m.severity === 'warning' && /note/u.test(m.rule)).length;
  const warnings = messages.filter((m) => m.severity !== 'info').length;
  if (xml === undefined) {
    fail('no TEI', messages.map(formatDiagnostic).join(' | '));
    return {
      notes: expected.notes.length,
      notesAtCall: 0,
      notesLost: expected.notes.length,
      notesLostSilently: 0,
      noteWarnings,
      pageBreaks: expected.pageBreaks.length,
      pageBreaksRight: 0,
      pageNumbers: 0,
      pageNumbersRight: 0,
      pageBreaksExtra: 0,
      paragraphs: expected.paragraphs.length,
      paragraphsRight: 0,
      cuts: expected.cuts.length,
      cutsRight: 0,
      falseJoins: 0,
      words: expected.words.length,
      wordsLost: expected.words.length,
      warnings,
      failures,
    };
  }
  const body = first(parseXml(xml), 'body');
  const flow = readFlow(body);
  const { words, marks } = locate(flow.text);
  const { map, hunks } = align(expected.words, words);

  // Words lost: an expected word of a differing stretch whose letters the output's stretch does not hold.
  let wordsLost = 0;
  let falseJoins = 0;
  const cutWords = new Map(expected.cuts.map((c) => [c.word, c]));
  for (const h of hunks) {
    const gotText = letters(words.slice(h.got[0], h.got[1]).join(' '));
    const expWords = expected.words.slice(h.exp[0], h.exp[1]);
    for (const [k, w] of expWords.entries()) {
      const cut = cutWords.get(h.exp[0] + k);
      // A word cut at a line's end and parted by something put between its halves is a cut word wrong, not a word lost.
      const halves = cut === undefined ? [w] : [w.slice(0, cut.at), w.slice(cut.at)];
      if (letters(w) !== '' && !gotText.includes(letters(w)) && !halves.every((half) => gotText.includes(letters(half)))) {
        wordsLost += 1;
        fail(
          'word lost',
          `“${w}” (word ${h.exp[0] + k}) — the text there reads “${words.slice(h.got[0], h.got[1]).join(' ').slice(0, 120)}”`,
        );
      }
    }
    for (const g of words.slice(h.got[0], h.got[1])) {
      for (let e = h.exp[0]; e < h.exp[1]; e++) {
        const w = expected.words[e] ?? '';
        const joinedTwo = e + 1 < h.exp[1] && g === `${w}${expected.words[e + 1] ?? ''}`;
        const lostHyphen = cutWords.get(e)?.kind === 'compound' && g === w.replace('-', '') && w.includes('-');
        if (joinedTwo || lostHyphen) {
          falseJoins += 1;
          fail('false join', `“${g}” for “${w}${joinedTwo ? ` ${expected.words[e + 1]}` : ''}”`);
        }
      }
    }
  }
  const matchedExpected = new Set(map.values());
  let cutsRight = 0;
  for (const c of expected.cuts) {
    if (matchedExpected.has(c.word)) cutsRight += 1;
    else {
      const h = hunks.find((x) => c.word >= x.exp[0] && c.word < x.exp[1]);
      fail(
        'cut word',
        `${c.kind} cut of “${expected.words[c.word]}” came out as “${h ? words.slice(h.got[0], h.got[1]).join(' ').slice(0, 80) : '?'}”`,
      );
    }
  }

  // Page breaks: each expected start of a page, among the output's page marks (mapped onto the expected words).
  const mapped = new Map(
    marks.map((m, k) => {
      const e = m.word === words.length ? expected.words.length : map.get(m.word);
      return [e === undefined ? 'unmatched' : `${e}:${m.offset}`, flow.pages[k] ?? ''];
    }),
  );
  let pageBreaksRight = 0;
  let pageNumbers = 0;
  let pageNumbersRight = 0;
  for (const [k, pb] of expected.pageBreaks.entries()) {
    const n = mapped.get(`${pb.word}:${pb.offset}`);
    const wanted = expected.pageNumbers[k];
    if (n !== undefined && wanted !== undefined) {
      pageNumbers += 1;
      if (n === String(wanted)) pageNumbersRight += 1;
      else fail('page number', `page ${k + 1} has n="${n}", printed ${wanted}`);
    }
    if (n !== undefined) pageBreaksRight += 1;
    else
      fail(
        'page break',
        `expected ${pb.offset < 0 ? 'before' : `inside (after ${pb.offset} characters)`} “${expected.words[pb.word] ?? '(end)'}” (word ${pb.word}), context “${expected.words.slice(Math.max(0, pb.word - 4), pb.word + 3).join(' ')}”`,
      );
  }

  // Paragraphs: the text's `p` (outside notes), as a multiset of texts.
  const gotParagraphs = new Map<string, number>();
  for (const p of all(body, 'p').filter((p) => !insideNote(p))) {
    const t = normal(readFlow(p).text);
    gotParagraphs.set(t, (gotParagraphs.get(t) ?? 0) + 1);
  }
  let paragraphsRight = 0;
  for (const p of expected.paragraphs) {
    const left = gotParagraphs.get(p) ?? 0;
    if (left > 0) {
      paragraphsRight += 1;
      gotParagraphs.set(p, left - 1);
    } else fail('paragraph', `not found as one <p>: “${p.slice(0, 60)}…${p.slice(-40)}”`);
  }

  // Notes: at their call (the word before the note is the word the call follows) with their text.
  const gotNotes = flow.notes.map((n) => ({
    word: bare(tokens(n.before.replaceAll(PB, '')).pop() ?? ''),
    text: letters(readFlow(n.el).text),
    el: n.el,
  }));
  const used = new Set<number>();
  let notesAtCall = 0;
  const lostNotes: ExpectedBook['notes'][number][] = [];
  for (const note of expected.notes) {
    const word = bare(expected.words[note.word] ?? '');
    const text = letters(note.paragraphs.join(' '));
    const k = gotNotes.findIndex((g, i) => !used.has(i) && g.word === word && g.text === text);
    if (k >= 0) {
      used.add(k);
      notesAtCall += 1;
      continue;
    }
    lostNotes.push(note);
    fail(
      'note',
      `note ${note.n} after “${word}” (word ${note.word}) not found at its call: “${note.paragraphs.join(' ').slice(0, 60)}”${describeNear(gotNotes, word, text)}`,
    );
  }
  const notesLost = expected.notes.length - notesAtCall;
  const warnedLines = new Set(messages.filter((m) => m.severity !== 'info' && /note/u.test(m.rule)).map((m) => m.position.line));
  const warnedBody = (n: ExpectedBook['notes'][number]) =>
    [...warnedLines].some((line) => line !== undefined && line >= n.bodyLine && line <= n.bodyEndLine);
  const notesLostSilently = lostNotes.filter((n) => !warnedLines.has(n.callLine) && !warnedBody(n)).length;
  return {
    notes: expected.notes.length,
    notesAtCall,
    notesLost,
    notesLostSilently,
    noteWarnings,
    pageBreaks: expected.pageBreaks.length,
    pageBreaksRight,
    pageNumbers,
    pageNumbersRight,
    pageBreaksExtra: Math.max(0, marks.length - pageBreaksRight),
    paragraphs: expected.paragraphs.length,
    paragraphsRight,
    cuts: expected.cuts.length,
    cutsRight,
    falseJoins,
    words: expected.words.length,
    wordsLost,
    warnings,
    failures,
  };
}

function insideNote(el: El): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.name === 'note') return true;
  return false;
}

function describeNear(got: readonly { word: string; text: string }[], word: string, text: string): string {
  const byText = got.find((g) => g.text === text);
  if (byText) return ` — its text is in a note after “${byText.word}”`;
  const byWord = got.find((g) => g.word === word);
  if (byWord) return ` — the note after “${word}” reads “${byWord.text.slice(0, 50)}…” (letters only)`;
  const holding = got.find((g) => g.text.includes(text.slice(0, 30)));
  if (holding) return ` — merged into the note after “${holding.word}”`;
  return ' — its text is in no note';
}

/** Scores summed over several books. */
export function sumScores(scores: readonly BookScore[]): Omit<BookScore, 'failures'> {
  const keys = [
    'notes',
    'notesAtCall',
    'notesLost',
    'notesLostSilently',
    'noteWarnings',
    'pageBreaks',
    'pageBreaksRight',
    'pageNumbers',
    'pageNumbersRight',
    'pageBreaksExtra',
    'paragraphs',
    'paragraphsRight',
    'cuts',
    'cutsRight',
    'falseJoins',
    'words',
    'wordsLost',
    'warnings',
  ] as const;
  const out = Object.fromEntries(keys.map((k) => [k, scores.reduce((n, s) => n + s[k], 0)]));
  return out as Omit<BookScore, 'failures'>;
}

/** `right` of `total` as a percentage (100 when there is nothing to get right). */
export function percent(right: number, total: number): number {
  return total === 0 ? 100 : (100 * right) / total;
}
