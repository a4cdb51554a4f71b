/**
 * Footnotes at the foot of each page (`page-footnotes`, prose profile). A PDF extraction leaves
 * a printed page as its text lines, then (after a blank line, a rule of `_`/`-`/`—`, or nothing)
 * the bodies of the page's footnotes, then the page gap. A line at a page's end is read as a note
 * body only when its mark matches a call on that page (or on the previous one, for a call on its
 * last line), in the order of the calls: that matching is what makes it safe. Lines of the foot
 * without a mark go on the note above (or open a new paragraph of it when indented or after a
 * blank line); at the top of the next page's foot, after a rule or a blank line, they go on the
 * previous page's last note when it is unfinished, or when the book sets its feet off and the
 * page's first mark is not (or, with nothing between, when they open in lower case after the
 * end of a sentence); a note plainly cut (`comi-`) whose rest is not found is reported.
 *
 * This stage only finds the lines: `analyseProse` takes them out of the text flow (so a word cut
 * at a page's last line is joined across the notes), and the notes stage puts each body at its
 * call (TEI P5 §3.9.1, note[@place="foot"]).
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { Lexicon } from '../../lib/lexicon/lexicon.js';
import type { Line } from '../lines/split-lines.js';
import { matchRunningHead } from './forme.js';
import { cutWordStart, documentWords, letterCallCandidates, type LetterCallCandidate } from './letter-calls.js';
import { lengthOf } from './text-rules.js';
import type { OverrideRoles } from './overrides.js';
import type { FootnoteMatch, LayoutSettings } from './types.js';

/** How a line of a page's foot goes into the notes. */
export type FootLineRole = 'opens-note' | 'opens-paragraph' | 'goes-on';

export interface UnmatchedMark {
  /** A call without a body, a body's mark without a call, or a note cut off at a page's foot whose rest was not found. */
  readonly kind: 'call' | 'body' | 'cut-note';
  readonly line: number;
  readonly column: number;
  /** The mark as printed. */
  readonly text: string;
  readonly label: string;
  /** For a body read as part of another note: that note's label. */
  readonly inNote?: string;
}

export interface PageFootnotes {
  readonly lines: ReadonlyMap<number, FootLineRole>;
  /** Rules printed above a page's footnotes. */
  readonly rules: ReadonlySet<number>;
  readonly matches: readonly FootnoteMatch[];
  readonly unmatched: readonly UnmatchedMark[];
}

type CallShape = 'plain' | 'paren' | 'bracket';

interface CallSite {
  readonly index: number;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly label: string;
  readonly glued: boolean;
  readonly shape: CallShape;
  readonly page: number;
  /**
   * A letter glued to a word shaped like a name no list knows, or to a word that stays one
   * without it (layout/letter-calls.ts): taken only when no stronger call fits, in that order.
   */
  readonly weak?: 'name' | 'word-too';
}

interface PageLine {
  readonly line: Line;
  /** Blank lines just before it, on the same page. */
  readonly blankBefore: number;
}

interface Zone {
  readonly start: number;
  readonly roles: Map<number, FootLineRole>;
  readonly matched: FootnoteMatch[];
  readonly used: Set<CallSite>;
  readonly unmatchedBodies: UnmatchedMark[];
  /**
   * The label of the note the foot ends in, whether its last line is unfinished, and where it
   * is when it is plainly cut (a hyphen or a comma at its end: its rest must be on the next page).
   */
  readonly last?: { label: string; open: boolean; cut?: UnmatchedMark };
}

/** A page has at most this many lines of footnotes: it bounds the search on pages with no gap. */
const MAX_FOOT_LINES = 80;

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (s: string) => [...s].map((c) => String(superscripts.indexOf(c))).join('');
const symbol = String.raw`\*{1,4}|†{1,4}|‡{1,4}`;
const numberOrLetter = String.raw`\d{1,3}|[a-z]|${symbol}`;

/**
 * Calls: `(1)`, `[1]` (not after a day: `5 (18) octobre` is a date), a number glued to a word or
 * after its punctuation (`révolution1`, `mot,2`: a flattened superscript; not after a digit,
 * `1,5`), `¹`, and `*`, `**`, `†`, `‡` after a word.
 */
const callPatterns: readonly { shape: CallShape; re: RegExp; label: (m: RegExpExecArray) => string }[] = [
  { shape: 'paren', re: new RegExp(String.raw`(?<!\b\d{1,2}(?:er)?\s?)\((${numberOrLetter})\)`, 'gu'), label: (m) => m[1] ?? '' },
  { shape: 'bracket', re: new RegExp(String.raw`\[(${numberOrLetter})\]`, 'gu'), label: (m) => m[1] ?? '' },
  { shape: 'plain', re: /(?<=[\p{L}.,;:!?»”’)\]])(?<!\d[.,;:])(\d{1,3})(?![\p{L}\p{N}])/gu, label: (m) => m[1] ?? '' },
  { shape: 'plain', re: new RegExp(`(?<=\\S)([${superscripts}]{1,3})`, 'gu'), label: (m) => fromSuperscript(m[1] ?? '') },
  { shape: 'plain', re: new RegExp(String.raw`(?<=[^\s*†‡(\[]\s?)(${symbol})(?![*†‡])`, 'gu'), label: (m) => m[1] ?? '' },
];

/** A body's mark: `1 `, `1. `, `1) `, `(1) `, `[1] `, `[1]. `, `¹ `, `* `, and with letters `a `, `a. `, `a) `. Group 1 is the mark, the others its label. */
const bodyMark = new RegExp(
  String.raw`^(\((${numberOrLetter})\)|\[(${numberOrLetter})\]\.?|(\d{1,3})[.)]?|([${superscripts}]{1,3})|(${symbol})|([a-z])[.)]?)\s+(?=\S)`,
  'u',
);

/** A rule above the notes: `_____`, `-----`, `———`. */
const ruleLine = /^[_\-—–]{3,}$/u;

/** Ends a sentence: a note that ends so is finished. */
const finished = /[.!?…»”)\]]$/u;

/**
 * The mark opening a body, if the line opens with one. A bare letter (`a `, `a) `) is a mark only
 * where `letters` says so: where it must match a letter call (`a été …` opens many a line).
 */
export function readBodyMark(text: string, letters = false): { mark: string; label: string } | undefined {
  const m = bodyMark.exec(text);
  if (!m || (m[7] !== undefined && !letters)) return undefined;
  const label = m[2] ?? m[3] ?? m[4] ?? (m[5] !== undefined ? fromSuperscript(m[5]) : undefined) ?? m[6] ?? m[7] ?? '';
  return { mark: m[0], label };
}

export function findPageFootnotes(lines: readonly Line[], settings: LayoutSettings, roles: OverrideRoles, lexicon: Lexicon): PageFootnotes {
  const pages = splitPages(lines, settings, roles);
  const words = { lexicon, document: documentWords(lines) };
  const isWord: IsWord = (w) => lexicon.hasWordForm(w) || words.document.count(w) > 0;
  // Letter calls are the last resort: a book whose feet match numbers or symbols is read without
  // them (a word's last letter is too often a candidate), one whose feet match nothing with them.
  const withoutLetters = readBook(pages, undefined, isWord);
  if (withoutLetters.matches.length > 0) return withoutLetters;
  // Each line's candidates are found once, for the several readings of the book.
  const cache = new Map<number, LetterCallCandidate[]>();
  const letters: LetterCalls = (line, cuts) => {
    const known = cache.get(line.n);
    if (known) return known;
    const found = letterCallCandidates(line.text, cuts, words);
    cache.set(line.n, found);
    return found;
  };
  const withLetters = readBook(pages, letters, isWord);
  return withLetters.matches.length > 0 ? withLetters : withoutLetters;
}

/** The letter calls a line may hold, given the first parts of a word cut just above it. */
type LetterCalls = (line: Line, cutsBefore: readonly string[]) => LetterCallCandidate[];

/** A word of the lexicon or of the document. */
type IsWord = (word: string) => boolean;

function readBook(pages: readonly PageLine[][], words: LetterCalls | undefined, isWord: IsWord): PageFootnotes {
  // The book's own habit: when most feet are set off by a blank line or a rule, a foot that is
  // not opens with the rest of the previous page's last note (the separator stands above it).
  const first = readFeet(pages, false, words, isWord);
  return first.separated > first.unseparated ? readFeet(pages, true, words, isWord).feet : first.feet;
}

function readFeet(
  pages: readonly PageLine[][],
  separatedStyle: boolean,
  words: LetterCalls | undefined,
  isWord: IsWord,
): { feet: PageFootnotes; separated: number; unseparated: number } {
  const out = {
    lines: new Map<number, FootLineRole>(),
    rules: new Set<number>(),
    matches: [] as FootnoteMatch[],
    unmatched: [] as UnmatchedMark[],
  };
  let carried: CallSite[] = [];
  let previousLast: Zone['last'];
  const allCalls: CallSite[] = [];
  const used = new Set<CallSite>();
  let separated = 0;
  let unseparated = 0;
  pages.forEach((page, p) => {
    const calls = page.flatMap((pl, i) => callsOn(pl.line, i, p, words ? (line) => words(line, cutsBefore(pages, p, i)) : undefined));
    allCalls.push(...calls);
    const measure = Math.max(...page.map((pl) => lengthOf(pl.line.text)));
    const zone = bestZone(page, carried, calls, measure, previousLast?.open === true);
    const end = zone?.start ?? page.length;
    if (zone && end > 0) {
      // The rest of an unfinished note may stand between the separator and the page's first mark.
      const footTop = blockStart(page, end);
      if (isSeparated(page, end) || (previousLast?.open === true && footTop > 0)) separated += 1;
      else unseparated += 1;
    }
    const continued = continuation(page, end, zone !== undefined, previousLast, separatedStyle, { next: pages[p + 1]?.[0]?.line, isWord });
    if (previousLast?.cut && continued.length === 0) out.unmatched.push(previousLast.cut);
    continued.forEach((pl, i) => out.lines.set(pl.line.n, i > 0 && pl.line.indented ? 'opens-paragraph' : 'goes-on'));
    if (zone) {
      for (const [n, role] of zone.roles) out.lines.set(n, role);
      out.matches.push(...zone.matched);
      out.unmatched.push(...zone.unmatchedBodies);
      zone.used.forEach((c) => used.add(c));
    } else if (continued.length === 0) {
      const lone = loneBody(page);
      if (lone) out.unmatched.push(lone);
    }
    const rule = page[end - continued.length - 1];
    const ruled = rule !== undefined && ruleLine.test(rule.line.text) && (zone !== undefined || continued.length > 0);
    if (ruled) out.rules.add(rule.line.n);
    // A call on the page's last line of text may have its body at the foot of the next page.
    const lastTextLine = end - continued.length - (ruled ? 2 : 1);
    carried = calls.filter((c) => !used.has(c) && c.index === lastTextLine);
    previousLast =
      zone?.last ?? (continued.length > 0 && previousLast ? ending(previousLast.label, page[page.length - 1], measure) : undefined);
  });
  const inFoot = (c: CallSite) => out.lines.has(c.line);
  out.unmatched.push(
    ...unmatchedCalls(
      allCalls.filter((c) => !inFoot(c)),
      used,
      out.matches,
    ),
  );
  out.matches.sort((a, b) => a.bodyLine - b.bodyLine);
  return { feet: out, separated, unseparated };
}

/** A blank line or a rule stands just above line `at` of the page. */
function isSeparated(page: readonly PageLine[], at: number): boolean {
  return (page[at]?.blankBefore ?? 0) > 0 || ruleLine.test(page[at - 1]?.line.text ?? '');
}

/**
 * Pages: a run of three blank lines or more ends one (the `prose` page gap), and so does a
 * running head. Lines with an override role are not the layout's to read.
 */
function splitPages(lines: readonly Line[], settings: LayoutSettings, roles: OverrideRoles): PageLine[][] {
  const pages: PageLine[][] = [];
  let page: PageLine[] = [];
  let blanks = 0;
  const close = () => {
    if (page.length > 0) pages.push(page);
    page = [];
  };
  for (const line of lines) {
    if (line.kind !== 'text') {
      blanks += 1;
      continue;
    }
    if (roles.has(line.n)) {
      blanks = 0;
      continue;
    }
    if (settings.runningHeads.length > 0 && matchRunningHead(line, settings.runningHeads)) {
      close();
      blanks = 0;
      continue;
    }
    if (blanks >= 3) close();
    page.push({ line, blankBefore: blanks });
    blanks = 0;
  }
  close();
  return pages;
}

/**
 * The first parts of a word that line `i` of page `p` may finish: the line above's, or on a
 * page's first line, the previous page's text's last line (just above its foot, or its last line).
 */
function cutsBefore(pages: readonly PageLine[][], p: number, i: number): string[] {
  const page = pages[p] ?? [];
  if (i > 0) return [cutWordStart(page[i - 1]?.line)].filter((c): c is string => c !== undefined);
  const previous = pages[p - 1] ?? [];
  return previous
    .filter((_, k) => k === previous.length - 1 || isSeparated(previous, k + 1))
    .map((pl) => cutWordStart(pl.line))
    .filter((c): c is string => c !== undefined);
}

function callsOn(line: Line, index: number, page: number, letters: ((line: Line) => LetterCallCandidate[]) | undefined): CallSite[] {
  const printed: { shape: CallShape; at: number; text: string; label: string; weak?: CallSite['weak'] }[] = callPatterns.flatMap(
    ({ shape, re, label }) =>
      [...line.text.matchAll(re)].map((m) => ({ shape, at: m.index ?? 0, text: m[0], label: label(m as RegExpExecArray) })),
  );
  // Letters last: a letter is never read inside a call found by its shape (`(a)`, `[a]`).
  for (const c of letters ? letters(line) : [])
    printed.push({ shape: 'plain', at: c.at, text: c.letter, label: c.letter, ...(c.evidence === 'word' ? {} : { weak: c.evidence }) });
  const found: CallSite[] = [];
  for (const { shape, at, text, label, weak } of printed) {
    if (at === 0) continue;
    if (found.some((f) => at >= f.column - line.column && at < f.column - line.column + [...f.text].length)) continue;
    found.push({
      index,
      line: line.n,
      column: line.column + [...line.text.slice(0, at)].length,
      text,
      label,
      glued: !/\s/u.test(line.text[at - 1] ?? ' '),
      shape,
      page,
      ...(weak ? { weak } : {}),
    });
  }
  return found.sort((a, b) => a.column - b.column);
}

/**
 * The foot of a page: the zone from a line whose mark matches an earlier call to the page's end,
 * which matches the most bodies; on a tie, the one after a blank line or a rule, then the
 * shortest (a line that opens with `1.` in the text is not taken with it).
 */
function bestZone(
  page: readonly PageLine[],
  carried: readonly CallSite[],
  calls: readonly CallSite[],
  measure: number,
  previousOpen: boolean,
): Zone | undefined {
  let best: Zone | undefined;
  let bestScore = -1;
  for (let s = Math.max(0, page.length - MAX_FOOT_LINES); s < page.length; s++) {
    const pl = page[s] as PageLine;
    const mark = readBodyMark(pl.line.text, true);
    if (!mark) continue;
    // A letter call is read in the text, never in the foot above the zone (the rest of a note,
    // after the page's blank line or rule: `Fermo`, `patria` are no calls).
    const footTop = blockStart(page, s);
    // Letters open a foot only where it is set off: after a blank line or a rule, or after the
    // rest of the previous page's unfinished note that is (`a été …` opens many a line of text).
    if (/^[a-z]$/u.test(mark.label) && !isSeparated(page, s) && !(previousOpen && footTop > 0)) continue;
    const available = [...carried, ...calls.filter((c) => c.index < s && !(isLetter(c) && c.index >= footTop))];
    if (!available.some((c) => c.label === mark.label)) continue;
    if (s === 0 && carried.length === 0) continue;
    const zone = walkZone(page, s, available, measure);
    const separated = s > 0 && (pl.blankBefore > 0 || ruleLine.test(page[s - 1]?.line.text ?? ''));
    const score = zone.matched.length * 4 + (separated ? 2 : 0);
    if (score >= bestScore) {
      best = zone;
      bestScore = score;
    }
  }
  return best;
}

/** The first line of the run of lines, without a blank line or a rule between them, that holds line `at`. */
function blockStart(page: readonly PageLine[], at: number): number {
  let i = at;
  while (i > 0 && !isSeparated(page, i)) i--;
  return i;
}

const isLetter = (call: CallSite) => call.shape === 'plain' && /^[a-z]$/u.test(call.label);

/** Reads the foot from line `start`: each mark that matches the next calls opens a note, in the calls' order. */
function walkZone(page: readonly PageLine[], start: number, available: readonly CallSite[], measure: number): Zone {
  const roles = new Map<number, FootLineRole>();
  const matched: FootnoteMatch[] = [];
  const used = new Set<CallSite>();
  const unmatchedBodies: UnmatchedMark[] = [];
  let pointer = 0;
  let current = '';
  for (let i = start; i < page.length; i++) {
    const { line, blankBefore } = page[i] as PageLine;
    const mark = readBodyMark(line.text, true);
    const j = mark ? nextCall(available, pointer, mark.label) : -1;
    const call = available[j];
    if (mark && call) {
      pointer = j + 1;
      used.add(call);
      current = mark.label;
      roles.set(line.n, 'opens-note');
      matched.push({
        bodyLine: line.n,
        label: mark.label,
        mark: mark.mark,
        call: { line: call.line, column: call.column, text: call.text, glued: call.glued },
      });
      continue;
    }
    if (mark && i > start && nextInSeries(current, mark.label)) {
      unmatchedBodies.push({ kind: 'body', line: line.n, column: line.column, text: mark.mark.trim(), label: mark.label, inNote: current });
    }
    roles.set(line.n, line.indented || blankBefore > 0 ? 'opens-paragraph' : 'goes-on');
  }
  return { start, roles, matched, used, unmatchedBodies, last: ending(current, page[page.length - 1], measure) };
}

/** The first call from `pointer` on with the label, a weak one only when no other has it. */
function nextCall(available: readonly CallSite[], pointer: number, label: string): number {
  const fits = (weak: CallSite['weak']) => available.findIndex((c, k) => k >= pointer && c.label === label && c.weak === weak);
  for (const weak of [undefined, 'name', 'word-too'] as const) {
    const at = fits(weak);
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * Words that never end a sentence in French (articles, prepositions, conjunctions, clitics): a
 * note whose last line ends with one (`Après les`, `Il s’agit de`) is plainly cut.
 */
const neverLast = new Set([
  'le',
  'la',
  'les',
  'un',
  'une',
  'des',
  'du',
  'de',
  'au',
  'aux',
  'à',
  'et',
  'ou',
  'ni',
  'mais',
  'car',
  'que',
  'qui',
  'dont',
  'dans',
  'par',
  'pour',
  'sur',
  'sous',
  'avec',
  'sans',
  'entre',
  'vers',
  'chez',
  'ce',
  'cette',
  'ces',
  'son',
  'sa',
  'ses',
  'leur',
  'notre',
  'votre',
  'mon',
  'ma',
  'mes',
  'ne',
  'se',
  'si',
  'en',
]);

/** A line at least this share of the page's measure (its longest line) is full: the next word did not fit. */
const fullLineShare = 0.9;

/**
 * How the note `label` ends on the page's last line. It is plainly cut when that line ends with a
 * cut word, a comma or a word that never ends a sentence, or when it is a full line (the page's
 * measure) without final punctuation: a note that ends so goes on at the next page's foot, and if
 * its rest is not found there it is reported rather than silently ended.
 */
function ending(label: string, last: PageLine | undefined, measure: number): Zone['last'] {
  const text = last?.line.text ?? '';
  const lastWord = /(?:^|\s)(\p{Ll}+)$/u.exec(text)?.[1];
  const byWord = !/[\p{L}][-,]$/u.test(text) && lastWord !== undefined && neverLast.has(lastWord);
  const open = !finished.test(text);
  const fullAndOpen =
    open && !/[\p{L}][-,]$/u.test(text) && /[\p{L}\p{N}]$/u.test(text) && measure > 0 && lengthOf(text) >= fullLineShare * measure;
  const wordMark = /\S+$/u.exec(text)?.[0] ?? '';
  const mark = byWord ? (lastWord ?? '') : fullAndOpen ? wordMark : text.slice(-1);
  const cut =
    last !== undefined && label !== '' && (byWord || fullAndOpen || /[\p{L}][-,]$/u.test(text))
      ? { kind: 'cut-note' as const, line: last.line.n, column: last.line.column + [...text].length - [...mark].length, text: mark, label }
      : undefined;
  return { label, open, ...(cut ? { cut } : {}) };
}

/** `2` after `1`, `**` after `*`, `b` after `a`: the mark a next note would have. */
function nextInSeries(previous: string, label: string): boolean {
  if (/^\d+$/u.test(previous) && /^\d+$/u.test(label)) return Number(label) === Number(previous) + 1;
  if (/^[*†‡]+$/u.test(previous)) return label.length === previous.length + 1 && label[0] === previous[0];
  if (/^[a-z]$/u.test(previous)) return label.charCodeAt(0) === previous.charCodeAt(0) + 1;
  return false;
}

/**
 * The top of a page's foot, before its first mark, goes on the previous page's last note: after
 * a rule always, after a blank line only when that note is unfinished (no final punctuation) and
 * the line opens in lower case (else it is the text's last paragraph).
 */
function continuation(
  page: readonly PageLine[],
  end: number,
  marksFollow: boolean,
  previous: Zone['last'],
  separatedStyle: boolean,
  after: NextPage,
): PageLine[] {
  if (previous === undefined || previous.label === '') return [];
  // A blank line or a rule just above the page's own first mark: nothing between goes on a note.
  if (marksFollow && isSeparated(page, end)) return [];
  let top = 1;
  for (let i = end - 1; i > 0; i--) {
    const pl = page[i] as PageLine;
    const afterRule = ruleLine.test((page[i - 1] as PageLine).line.text);
    if (!afterRule && pl.blankBefore === 0) continue;
    if (readBodyMark(pl.line.text)) return [];
    // In a book whose feet are set off, a foot that is not begins with the rest of a note; and a
    // paragraph never ends on a cut word (`pen-`), a comma or a small word (`du manque de`), nor
    // does a typesetter leave a heading at a page's foot: what a blank line parts from such a line
    // is a foot.
    const cutAbove = /(?:\p{L}-|,|\p{Ll})$/u.test((page[i - 1] as PageLine).line.text);
    const goesOn = afterRule || (separatedStyle && (marksFollow || cutAbove)) || (previous.open && /^\p{Ll}/u.test(pl.line.text));
    if (goesOn) return page.slice(i, end);
    top = i + 1;
    break;
  }
  if (!previous.open) return [];
  const rest = unseparatedRest(page, end, top);
  return rest.length > 0 ? rest : restAfterCutText(page, end, top, after);
}

/** The next page's first line, and what is a word: what finishes a word cut at this page's text's end. */
interface NextPage {
  readonly next: Line | undefined;
  readonly isWord: IsWord;
}

/**
 * Nothing separates the text from the foot, and the note above is unfinished: where the page's
 * text ends on a cut word (`com-`) that the line below does not finish (`comavoir` is no word)
 * but the next page's first line does (`com-` / `mande.`: `commande`), the text stops there and
 * the lines below, down to the page's first mark, are the note's rest (`avoir vus à l’œuvre…`).
 */
function restAfterCutText(page: readonly PageLine[], end: number, top: number, after: NextPage): PageLine[] {
  const nextWord = /^[\p{L}\p{M}]+/u.exec(after.next?.text ?? '')?.[0];
  if (nextWord === undefined || !/^\p{Ll}/u.test(nextWord)) return [];
  for (let i = Math.max(top, 1); i < end; i++) {
    const cut = /([\p{L}\p{M}]+)-$/u.exec((page[i - 1] as PageLine).line.text)?.[1];
    const below = /^[\p{L}\p{M}]+/u.exec((page[i] as PageLine).line.text)?.[0];
    if (cut === undefined || below === undefined || !/^\p{Ll}/u.test(below)) continue;
    if (!after.isWord(cut + below) && !after.isWord(`${cut}-${below}`) && after.isWord(cut + nextWord)) return page.slice(i, end);
  }
  return [];
}

/**
 * Nothing separates the text from the foot, and the note above is unfinished (`comi-`, or no
 * final punctuation): its rest is the run of lines just above the page's first mark (or at the
 * page's end) that opens in lower case after a line of the text that ends a sentence (a few
 * lines at most).
 */
function unseparatedRest(page: readonly PageLine[], end: number, top: number): PageLine[] {
  for (let i = end - 1; i >= top && i >= end - 6; i--) {
    const text = (page[i] as PageLine).line.text;
    if (readBodyMark(text)) return [];
    if (/^\p{Ll}/u.test(text) && /[.!?…»]$/u.test((page[i - 1] as PageLine).line.text)) return page.slice(i, end);
  }
  return [];
}

/** A page without footnotes whose last block, after a blank line, opens with a body's mark: reported, left as text. */
function loneBody(page: readonly PageLine[]): UnmatchedMark | undefined {
  for (let i = page.length - 1; i > 0; i--) {
    const pl = page[i] as PageLine;
    if (pl.blankBefore === 0 && !ruleLine.test(page[i - 1]?.line.text ?? '')) continue;
    const mark = readBodyMark(pl.line.text);
    const marked =
      mark && /^(?:[([]|[*†‡])/u.test(mark.mark)
        ? mark
        : mark && /^\d{1,3}\.?\s/u.test(mark.mark) && ruleLine.test(page[i - 1]?.line.text ?? '')
          ? mark
          : undefined;
    return marked ? { kind: 'body', line: pl.line.n, column: pl.line.column, text: marked.mark.trim(), label: marked.label } : undefined;
  }
  return undefined;
}

/**
 * Calls left without a body: `(n)`, `[n]` and symbols always; a number glued to a word only
 * where the text's numbering expects a call (the next number after the last matched call, or 1
 * on a later page), since `pp.6` or `XIV1` are not calls; a letter only when it is the next in
 * the series of its page's matched letter calls (`b` after `a`): a word's last letter is no call.
 */
function unmatchedCalls(calls: readonly CallSite[], used: ReadonlySet<CallSite>, matches: readonly FootnoteMatch[]): UnmatchedMark[] {
  if (matches.length === 0) return [];
  const out: UnmatchedMark[] = [];
  let last: CallSite | undefined;
  for (const call of calls) {
    if (used.has(call)) {
      last = call;
      continue;
    }
    if (call.weak) continue;
    const letter = isLetter(call);
    const bare = call.shape === 'plain' && /^\d+$/u.test(call.label);
    const expected = letter
      ? last !== undefined && last.page === call.page && /^[a-z]$/u.test(last.label) && nextInSeries(last.label, call.label)
      : !bare ||
        (last !== undefined && /^\d+$/u.test(last.label) && Number(call.label) === Number(last.label) + 1) ||
        (call.label === '1' && (last === undefined || last.page < call.page));
    if (expected) out.push({ kind: 'call', line: call.line, column: call.column, text: call.text, label: call.label });
  }
  return out;
}

/** Warnings for the marks that matched nothing, at their place in the raw file. */
export function footnoteMessages(foot: PageFootnotes, file: string): Diagnostic[] {
  return foot.unmatched.map((u) => {
    const at = { file, line: u.line, column: u.column };
    if (u.kind === 'cut-note') {
      return diagnostic(
        'warning',
        'note-continuation-missing',
        `note ${u.label} ends with “${u.text}” at the foot of the page, but its rest was not found at the foot of the next page (expected after a rule or a blank line, before the page's first mark): the note ends here`,
        at,
        { hint: 'check the printed source: the rest of the note may have been read as text at the end of the next page' },
      );
    }
    if (u.kind === 'call') {
      return diagnostic(
        'warning',
        'note-unmatched-call',
        `note call “${u.text}” has no note body (expected a footnote body opening with “${u.label}” at the foot of this page or the next): left as text`,
        at,
        { hint: 'check the printed source: a note body lost by the extraction, or text that is not a call' },
      );
    }
    const where = u.inNote === undefined ? 'left as text' : `read as part of note ${u.inNote}`;
    return diagnostic(
      'warning',
      'note-unmatched-body',
      `a line at the foot of the page opens with the note mark “${u.text}” but no call “${u.label}” is on this page or the previous one: ${where}`,
      at,
      { hint: 'check the printed source: a call lost by the extraction, or a line of text that opens with a number' },
    );
  });
}
