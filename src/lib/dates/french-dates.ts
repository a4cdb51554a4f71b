/**
 * French date expressions in a paragraph's reading text, with the attributes of their TEI
 * `<date>`: `@when`, `@from`/`@to`, `@notBefore`/`@notAfter` (att.datable.w3c, Gregorian) and,
 * for Old Style dates, `@when-custom`/`@from-custom`/`@to-custom` with `@datingMethod="#julian"`
 * (att.datable.custom), pointing to the `calendar` the header declares. TEI P5 Guidelines 3.6.4
 * (Dates and Times) and 13.4 (Dates).
 *
 * The text is a JS string whose line ends are already spaces and whose hyphenated words are
 * already joined. Offsets are UTF-16 offsets into it. The module is pure: no I/O, and problems
 * come back as `warning` on the match, for the caller to turn into diagnostics.
 *
 * What is found (a span covers day, month and year, never a preceding "le", "du", "en"):
 * - day + month (+ year): "29 octobre 1917", "1er novembre", "le 4 novembre";
 * - days sharing a month: "entre le 20 et 30 octobre", "du 20 au 30 octobre": one match per day;
 * - dual dates, Old Style then New Style in brackets: "5 (18) octobre 1917",
 *   "25 octobre (7 novembre) 1917", "31 décembre 1917 (13 janvier 1918)", "les 5 (18) et
 *   6 (19) octobre": one match per pair;
 * - month + year: "août 1917"; month ranges: "novembre-décembre 1929";
 * - bare years after a cue word ("en 1848", "depuis 1903", "année 1905").
 * Not found: a month alone ("en octobre"), relative expressions ("hier", "le lendemain",
 * "dimanche dernier"), numbers that are not dates ("pp. 6 à 8", "10 voix contre 4", "75 %").
 */

import { readExpression, type DateContext, type Expression, type Written } from './date-attributes.js';

export type { DateContext } from './date-attributes.js';

export interface DateMatch {
  /** UTF-16 offsets into the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Attributes of the TEI `<date>`; empty for a day that does not exist (see `warning`). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly warning?: string;
}

/** How far an expression reaches from one of its digits (cue words before, months and brackets after). */
const WINDOW = 80;

export function findFrenchDates(text: string, context: DateContext): DateMatch[] {
  // Every expression handled here has a digit (a day or a year): the grammar runs only on windows
  // around digits, so a long paragraph is not tokenized whole (npm run bench).
  const matches: DateMatch[] = [];
  for (const [from, to] of windowsAroundDigits(text)) {
    const window = text.slice(from, to);
    for (const m of findInWindow(window, context)) matches.push({ ...m, start: m.start + from, end: m.end + from });
  }
  return matches;
}

function windowsAroundDigits(text: string): [number, number][] {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(/\d+/gu)) {
    const at = m.index ?? 0;
    let from = Math.max(0, at - WINDOW);
    let to = Math.min(text.length, at + m[0].length + WINDOW);
    // Never cut a word: widen to white space.
    while (from > 0 && !/\s/u.test(text[from - 1] ?? ' ')) from--;
    while (to < text.length && !/\s/u.test(text[to] ?? ' ')) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

function findInWindow(text: string, context: DateContext): DateMatch[] {
  const tokens = tokenize(text);
  const matches: DateMatch[] = [];
  let lastBareYear = -2;
  for (let i = 0; i < tokens.length;) {
    // Every expression starts with a day, a month or a year: skip the other tokens cheaply.
    const key = tokens[i]?.key ?? '';
    if (!(key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) && MONTHS.get(key) === undefined) {
      i += 1;
      continue;
    }
    const chained = lastBareYear === i - 2 && YEAR_CHAIN.has(tokens[i - 1]?.lower ?? '');
    const parsed = parseDual(tokens, i) ?? parseDays(tokens, i) ?? parseMonths(tokens, i) ?? parseBareYear(tokens, i, chained);
    if (parsed === undefined) {
      i += 1;
      continue;
    }
    for (const expression of parsed.expressions) {
      const start = tokenAt(tokens, expression.first).start;
      const end = tokenAt(tokens, expression.last).end;
      const reading = readExpression(expression, context);
      matches.push({
        start,
        end,
        text: text.slice(start, end),
        attributes: reading.attributes,
        ...(reading.warning === undefined ? {} : { warning: reading.warning }),
      });
      if (expression.kind === 'year') lastBareYear = expression.last;
    }
    i = parsed.next;
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Tokens: runs of letters and digits, or single other characters; the gaps are only whitespace.

interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower case, NFC: for cue words, whose accents matter ("dès" is not "des"). */
  readonly lower: string;
  /** Lower case without accents, compatibility forms folded ("1ᵉʳ" → "1er", "Août" → "aout"). */
  readonly key: string;
}

function tokenize(text: string): Token[] {
  // Letters of the Latin, Greek and Cyrillic blocks and combining marks, spelled out: several times
  // faster than \p{L}\p{M}\p{N} on long paragraphs (npm run bench), and French needs no more.
  return Array.from(
    text.matchAll(
      /[A-Za-z0-9\u00aa\u00b2\u00b3\u00b9\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u02b0-\u02ff\u0300-\u036f\u0370-\u03ff\u0400-\u04ff\u1d00-\u1dbf\u1e00-\u1eff]+|\S/g,
    ),
    (m) => {
      const lower = m[0].toLowerCase();
      // Plain ASCII (most tokens) needs no normalisation: a fast path, the paragraph is long.
      if (/^[\x20-\x7e]*$/u.test(lower)) return { start: m.index, end: m.index + m[0].length, lower, key: lower };
      const nfc = lower.normalize('NFC');
      return { start: m.index, end: m.index + m[0].length, lower: nfc, key: nfc.normalize('NFKD').replace(/\p{M}/gu, '') };
    },
  );
}

function tokenAt(tokens: readonly Token[], index: number): Token {
  const token = tokens[index];
  if (token === undefined) throw new RangeError(`no token ${index}`);
  return token;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['janvier', 1],
  ['fevrier', 2],
  ['mars', 3],
  ['avril', 4],
  ['mai', 5],
  ['juin', 6],
  ['juillet', 7],
  ['aout', 8],
  ['septembre', 9],
  ['octobre', 10],
  ['novembre', 11],
  ['decembre', 12],
]);

function monthOf(token: Token | undefined): number | undefined {
  return token === undefined ? undefined : MONTHS.get(token.key);
}

/** A number that can be a day of a month: 1 to 31, "1er" for the first. */
function dayOf(token: Token | undefined): number | undefined {
  if (token === undefined) return undefined;
  if (token.key === '1er') return 1;
  if (!/^\d{1,2}$/.test(token.key)) return undefined;
  const day = Number(token.key);
  return day >= 1 && day <= 31 ? day : undefined;
}

/** Years are four digits from 1000 to 2100: smaller or larger numbers are counts or pages. */
function yearOf(token: Token | undefined): number | undefined {
  if (token === undefined || !/^\d{4}$/.test(token.key)) return undefined;
  const year = Number(token.key);
  return year >= 1000 && year <= 2100 ? year : undefined;
}

// ---------------------------------------------------------------------------------------------
// Grammar: each parser reads expressions from token `i` on, or returns undefined.

interface Parsed {
  readonly expressions: readonly Expression[];
  /** Token to go on from. */
  readonly next: number;
}

/** Words between two days that share the month after them: "le 20 et 30", "du 20 au 30". */
const DAY_LINKS = new Set(['et', 'ou', 'au', 'à', ',', '-', '–']);
/** Words after which a four-digit number stands as a year. */
const YEAR_CUES = new Set(['en', 'de', 'depuis', 'dès', 'in', 'an', 'année', 'vers', 'avant', 'après']);
/** "plus de 1500 soldats": a quantity, not a year. */
const QUANTITY_WORDS = new Set([
  'plus',
  'moins',
  'près',
  'environ',
  'quelque',
  'dizaines',
  'centaines',
  'milliers',
  'millions',
  'nombre',
  'total',
  'chiffre',
]);
/** A bare year followed by one of these and a year makes that one a year too: "en 1905 et 1907". */
const YEAR_CHAIN = new Set(['et', 'ou', 'à', ',', '-', '–']);
const DASHES = new Set(['-', '–', '—']);

/** `D (D) M [Y]`, `D M (D M) [Y]`, `D M Y (D M Y)`: the bracket holds the New Style date. */
function parseDual(tokens: readonly Token[], i: number): Parsed | undefined {
  const oldStyle = readDayMonthYear(tokens, i);
  if (oldStyle === undefined || tokens[oldStyle.next]?.key !== '(') return undefined;
  const newStyle = readDayMonthYear(tokens, oldStyle.next + 1);
  if (newStyle === undefined || tokens[newStyle.next]?.key !== ')') return undefined;
  const close = newStyle.next;
  if (oldStyle.month === undefined && newStyle.month === undefined)
    return parseSharedMonthDual(tokens, i, oldStyle.day, newStyle.day, close);
  if (oldStyle.month === undefined || newStyle.month === undefined) return undefined;
  let last = close;
  let sharedYear: number | undefined;
  if (oldStyle.year === undefined && newStyle.year === undefined) {
    sharedYear = yearOf(tokens[close + 1]);
    if (sharedYear !== undefined) last += 1;
  }
  // Across a new year, "31 décembre (13 janvier) 1918": the year written once is the New
  // Style one, the Old Style year is one less.
  const wrap = oldStyle.month > newStyle.month ? 1 : 0;
  const newYear = newStyle.year ?? sharedYear ?? (oldStyle.year === undefined ? undefined : oldStyle.year + wrap);
  const oldYear = oldStyle.year ?? (newYear === undefined ? undefined : newYear - wrap);
  const expression: Expression = {
    kind: 'dual',
    first: i,
    last,
    oldStyle: withYear({ day: oldStyle.day, month: oldStyle.month }, oldYear),
    newStyle: withYear({ day: newStyle.day, month: newStyle.month }, newYear),
  };
  return { expressions: [expression], next: last + 1 };
}

/** `D (D) M [Y]`, and the pairs before it that share its month: "les 5 (18) et 6 (19) octobre". */
function parseSharedMonthDual(tokens: readonly Token[], i: number, oldDay: number, newDay: number, close: number): Parsed | undefined {
  const dual = (last: number, month: number, year: number | undefined): Expression => ({
    kind: 'dual',
    first: i,
    last,
    oldStyle: withYear({ day: oldDay, month }, year),
    newStyle: withYear({ day: newDay, month }, year),
  });
  const month = monthOf(tokens[close + 1]);
  if (month !== undefined) {
    const year = yearOf(tokens[close + 2]);
    const last = year === undefined ? close + 1 : close + 2;
    return { expressions: [dual(last, month, year)], next: last + 1 };
  }
  if (!DAY_LINKS.has(tokens[close + 1]?.lower ?? '')) return undefined;
  const rest = parseDual(tokens, tokens[close + 2]?.lower === 'le' ? close + 3 : close + 2);
  const following = rest?.expressions[0];
  if (rest === undefined || following?.kind !== 'dual' || following.oldStyle.month !== following.newStyle.month) return undefined;
  return { expressions: [dual(close, following.newStyle.month, following.newStyle.year), ...rest.expressions], next: rest.next };
}

function readDayMonthYear(tokens: readonly Token[], i: number): { day: number; month?: number; year?: number; next: number } | undefined {
  const day = dayOf(tokens[i]);
  if (day === undefined) return undefined;
  const month = monthOf(tokens[i + 1]);
  if (month === undefined) return { day, next: i + 1 };
  const year = yearOf(tokens[i + 2]);
  return year === undefined ? { day, month, next: i + 2 } : { day, month, year, next: i + 3 };
}

/** `D M [Y]`, or `D et D M [Y]`, `D au D M [Y]`, `D, D et D M [Y]`: one expression per day. */
function parseDays(tokens: readonly Token[], i: number): Parsed | undefined {
  if (dayOf(tokens[i]) === undefined) return undefined;
  const days = [i];
  let j = i + 1;
  while (monthOf(tokens[j]) === undefined) {
    if (!DAY_LINKS.has(tokens[j]?.lower ?? '')) return undefined;
    const k = tokens[j + 1]?.lower === 'le' ? j + 2 : j + 1;
    if (dayOf(tokens[k]) === undefined) return undefined;
    days.push(k);
    j = k + 1;
  }
  const month = monthOf(tokens[j]) ?? 0;
  const year = yearOf(tokens[j + 1]);
  const last = year === undefined ? j : j + 1;
  const expressions = days.map((index, n): Expression => ({
    kind: 'day',
    first: index,
    last: n === days.length - 1 ? last : index,
    date: withYear({ day: dayOf(tokens[index]) ?? 0, month }, year),
  }));
  return { expressions, next: last + 1 };
}

/** `M Y` or `M-M Y`; a month without a year is not a date. */
function parseMonths(tokens: readonly Token[], i: number): Parsed | undefined {
  const month = monthOf(tokens[i]);
  if (month === undefined) return undefined;
  const to = monthOf(tokens[i + 2]);
  const rangeYear = yearOf(tokens[i + 3]);
  if (DASHES.has(tokens[i + 1]?.key ?? '') && to !== undefined && to !== month && rangeYear !== undefined) {
    return { expressions: [{ kind: 'month-range', first: i, last: i + 3, from: month, to, year: rangeYear }], next: i + 4 };
  }
  const year = yearOf(tokens[i + 1]);
  if (year === undefined) return undefined;
  return { expressions: [{ kind: 'month', first: i, last: i + 1, month, year }], next: i + 2 };
}

/**
 * A four-digit number is a year only where a historian would read one: after a cue word
 * ("en 1848", "depuis 1903", "l'année 1905"), or linked to a bare year just found ("en 1905 et
 * 1907"). Page numbers, votes, percentages and ordinals never qualify.
 */
function parseBareYear(tokens: readonly Token[], i: number, chained: boolean): Parsed | undefined {
  const year = yearOf(tokens[i]);
  if (year === undefined || ['%', '‰'].includes(tokens[i + 1]?.key ?? '')) return undefined;
  const cue = tokens[i - 1]?.lower ?? '';
  const cued = YEAR_CUES.has(cue) && !(cue === 'de' && QUANTITY_WORDS.has(tokens[i - 2]?.lower ?? ''));
  if (!cued && !chained) return undefined;
  return { expressions: [{ kind: 'year', first: i, last: i, year }], next: i + 1 };
}

function withYear(date: { day: number; month: number }, year: number | undefined): Written {
  return year === undefined ? date : { ...date, year };
}
