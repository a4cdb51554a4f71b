/**
 * One gazetteer engine for every register (persons, places, periodicals, organisations): the
 * register's name forms, compiled once into one pattern, matched on the reading text.
 *  - accents present or not (`Kamenev`/`Kaménev`), typographic or straight apostrophes;
 *  - case-sensitive: names are written with a capital, and a capital alone proves nothing;
 *  - whole words only: `korniloviens` is not `Kornilov`; a hyphen separates (`Liber-Dan`);
 *  - the longest form wins: `N. Lénine` over `Lénine`, `Léonide Krassine` over `Krassine`.
 */
import type { RegisterEntry, RegisterKind } from '../../lib/registers/read-register.js';

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly entry: RegisterEntry;
}

export interface Gazetteer {
  readonly entries: readonly RegisterEntry[];
  find(text: string): Mention[];
}

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f === undefined) {
    f = c === '’' || c === 'ʼ' ? "'" : (c.normalize('NFD')[0] ?? c);
    if (f.length !== 1) f = c;
    foldCache.set(c, f);
  }
  return f;
}

/** Folds accents and apostrophes one UTF-16 unit at a time (offsets are kept); ASCII is left as it is. */
export function fold(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, foldChar);
}

interface CompiledForm {
  readonly entry: RegisterEntry;
  /** Sticky pattern of the whole form (white space flexible), tried where its first word starts. */
  readonly pattern: RegExp;
}

// Folded text is mostly ASCII: an explicit class of Latin, Greek and Cyrillic letters scans it
// several times faster than \p{L} (npm run bench).
const word = /[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+/g;
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * Forms are indexed by their first word: the text is read word by word, and only the forms that
 * begin with that word are tried there (longest first). Linear in the text, whatever the register's size.
 */
export function buildGazetteer(entries: readonly RegisterEntry[]): Gazetteer {
  const byFirstWord = new Map<string, CompiledForm[]>();
  for (const entry of entries) {
    for (const form of entry.forms) {
      const folded = fold(form).replace(/\s+/gu, ' ');
      const first = folded.match(word)?.[0];
      if (first === undefined || !folded.startsWith(first)) continue;
      const source = folded.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+');
      const list = byFirstWord.get(first) ?? [];
      list.push({ entry, pattern: new RegExp(source, 'uy') });
      byFirstWord.set(first, list);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  const firstCodes = new Set([...byFirstWord.keys()].map((w) => w.charCodeAt(0)));
  return {
    entries,
    find(text) {
      const folded = fold(text);
      const mentions: Mention[] = [];
      // Scan word starts by character code: no match object per word (most words are not names).
      for (let i = 0; i < folded.length; i++) {
        if (!isWordCode(folded.charCodeAt(i)) || (i > 0 && isWordCode(folded.charCodeAt(i - 1)))) continue;
        if (!firstCodes.has(folded.charCodeAt(i))) continue;
        let end = i + 1;
        while (end < folded.length && isWordCode(folded.charCodeAt(end))) end++;
        for (const form of byFirstWord.get(folded.slice(i, end)) ?? []) {
          form.pattern.lastIndex = i;
          const hit = form.pattern.exec(folded);
          if (!hit) continue;
          const stop = i + hit[0].length;
          // Whole words only: `korniloviens` is not `Kornilov`.
          if (stop < folded.length && letterOrDigit.test(folded[stop] ?? '')) continue;
          mentions.push({ start: i, end: stop, entry: form.entry });
          i = stop - 1;
          break;
        }
      }
      return mentions;
    },
  };
}

/** Letters and digits of the Latin, Greek and Cyrillic blocks (folded text is mostly ASCII). */
function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x4ff)
  );
}

/** The element and attributes a mention is tagged with. TEI P5 §13.2 (names). */
export function elementFor(kind: RegisterKind): {
  element: 'persName' | 'placeName' | 'title' | 'orgName';
  attributes: Record<string, string>;
} {
  // One case per register kind: the compiler checks that none is forgotten.
  switch (kind) {
    case 'person':
      return { element: 'persName', attributes: {} };
    case 'place':
      return { element: 'placeName', attributes: {} };
    case 'periodical':
      return { element: 'title', attributes: { level: 'j' } };
    case 'organisation':
      return { element: 'orgName', attributes: {} };
  }
}
