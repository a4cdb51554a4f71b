/**
 * Re-wraps a prose source at another width and page length, from the TEI of its first
 * conversion: the same paragraphs, notes and words, other line and page breaks (and other
 * words cut at line ends). Page gaps are put only where the text obviously goes on, so that
 * the layout stays unambiguous.
 */
import type { Lexicon } from '../../src/lib/lexicon/lexicon.js';
import { all, first, text, type El } from './xml-query.js';

export interface WrapOptions {
  readonly width: number;
  /** Lines per page (a page gap after at least this many lines, where the sentence goes on). */
  readonly pageLines: number;
  /** Cut long words at line ends with a typographic hyphen. */
  readonly hyphenate: boolean;
  readonly lexicon: Lexicon;
}

interface Unit {
  readonly kind: 'head' | 'para' | 'section-break';
  readonly text: string;
}

/** The source's paragraphs as printed (source readings, words whole), in order. */
export function sourceUnits(tei: El, noteCall: (note: El) => string): Unit[] {
  const units: Unit[] = [];
  const body = first(tei, 'body');
  const visit = (el: El) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'div') {
        if (child.attrs.type === 'section' && child.attrs.n !== '1') units.push({ kind: 'section-break', text: '' });
        visit(child);
        continue;
      }
      if (!['head', 'p', 'opener', 'closer'].includes(child.name)) continue;
      const printed = sourceText(child, noteCall).replace(/\s+/gu, ' ').trim();
      if (printed === '') continue;
      const startsOnOwnLine = child.children.some((c) => typeof c !== 'string' && c.name === 'lb') && firstIsBreak(child);
      const last = units[units.length - 1];
      if (!startsOnOwnLine && last && last.kind !== 'section-break') units[units.length - 1] = { ...last, text: `${last.text} ${printed}` };
      else units.push({ kind: child.name === 'head' ? 'head' : 'para', text: printed });
    }
  };
  visit(body);
  return units;
}

function firstIsBreak(el: El): boolean {
  for (const c of el.children) {
    if (typeof c === 'string') {
      if (c.trim() !== '') return false;
      continue;
    }
    if (c.name === 'lb') return true;
    if (c.name === 'pb' || c.name === 'fw') continue;
    return firstIsBreak(c);
  }
  return false;
}

/** Text as printed: source readings, hyphens of cut words dropped (the words are whole again). */
export function sourceText(el: El, noteCall: (note: El) => string): string {
  return el.children
    .map((c) => {
      if (typeof c === 'string') return c;
      if (['corr', 'reg', 'supplied', 'fw', 'pb'].includes(c.name)) return '';
      if (c.name === 'note') return noteCall(c);
      if (c.name === 'lb') return c.attrs.break === 'no' ? '' : ' ';
      return sourceText(c, noteCall);
    })
    .join('');
}

export function wrapUnits(units: readonly Unit[], options: WrapOptions): string[] {
  const out: string[] = [];
  let linesOnPage = 0;
  const pushLine = (line: string) => {
    const previous = out[out.length - 1];
    if (linesOnPage >= options.pageLines && previous !== undefined && previous !== '' && goesOn(previous, line)) {
      out.push('', '', '');
      linesOnPage = 0;
    }
    out.push(line);
    linesOnPage += 1;
  };
  units.forEach((unit, i) => {
    if (i > 0) out.push(unit.kind === 'section-break' ? '' : '');
    if (unit.kind === 'section-break') {
      out.push(' ');
      return;
    }
    for (const line of wrapText(unit.text, options)) pushLine(line);
  });
  return out;
}

function goesOn(previous: string, next: string): boolean {
  return /\p{L}-$/u.test(previous) || (!/[.!?…:;,»”)]$/u.test(previous) && /^\p{Ll}/u.test(next));
}

export function wrapText(text: string, options: WrapOptions): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length <= options.width || line === '') {
      line = candidate;
      continue;
    }
    const cut = options.hyphenate ? cutWord(word, options.width - [...line].length - 2, options.lexicon) : undefined;
    if (cut) {
      lines.push(`${line} ${cut[0]}-`);
      line = cut[1];
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Cut only plain lower-case words of the word list whose hyphenated form is not a word. */
function cutWord(word: string, room: number, lexicon: Lexicon): [string, string] | undefined {
  if (!/^\p{Ll}{8,}$/u.test(word) || !lexicon.hasWordForm(word)) return undefined;
  const at = Math.min(room, word.length - 3);
  if (at < 3) return undefined;
  const left = word.slice(0, at);
  const right = word.slice(at);
  if (lexicon.hasWordForm(`${left}-${right}`)) return undefined;
  return [left, right];
}

/** What must not change: each block's reading text, in order, and the notes. */
export function readingSummary(tei: El): { blocks: string[]; notes: string[] } {
  const body = first(tei, 'body');
  const skip = ['note', 'sic', 'orig'];
  const blocks: string[] = [];
  const visit = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (['head', 'opener', 'p', 'closer'].includes(c.name) && c.parent?.name !== 'note')
        blocks.push(`${c.name}: ${text(c, skip).replace(/\s+/gu, ' ').trim()}`);
      else if (c.name === 'div') visit(c);
    }
  };
  visit(body);
  const notes = all(body, 'note').map(
    (n) => `${n.attrs.n} ${n.attrs.resp ?? ''} ${n.attrs.anchored ?? ''}: ${text(n, skip).replace(/\s+/gu, ' ').trim()}`,
  );
  return { blocks, notes };
}
