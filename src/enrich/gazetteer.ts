/**
 * One gazetteer engine for every register (persons, places, periodicals, organisations): the
 * register's name forms, compiled once into one pattern, matched on the reading text.
 *  - accents present or not (`Kamenev`/`Kaménev`), typographic or straight apostrophes;
 *  - case-sensitive: names are written with a capital, and a capital alone proves nothing;
 *  - whole words only: `korniloviens` is not `Kornilov`; a hyphen separates (`Liber-Dan`);
 *  - the longest form wins: `N. Lénine` over `Lénine`, `Léonide Krassine` over `Krassine`.
 */
import type { RegisterEntry, RegisterKind } from '../registers/read-register.js';

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

/** Folds one UTF-16 unit at a time, so offsets in the folded text are offsets in the original. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    let f = foldCache.get(c);
    if (f === undefined) {
      f = c === '’' || c === 'ʼ' ? "'" : (c.normalize('NFD')[0] ?? c);
      if (f.length !== 1) f = c;
      foldCache.set(c, f);
    }
    out += f;
  }
  return out;
}

export function buildGazetteer(entries: readonly RegisterEntry[]): Gazetteer {
  const byForm = new Map<string, RegisterEntry>();
  for (const entry of entries) for (const form of entry.forms) byForm.set(fold(form).replace(/\s+/gu, ' '), entry);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return { entries, find: () => [] };
  const alternation = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+')).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    entries,
    find(text) {
      const folded = fold(text);
      const mentions: Mention[] = [];
      for (const m of folded.matchAll(pattern)) {
        const entry = byForm.get(m[0].replace(/\s+/gu, ' '));
        if (entry) mentions.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, entry });
      }
      return mentions;
    },
  };
}

/** The element and attributes a mention is tagged with. TEI P5 §13.2 (names). */
export function elementFor(kind: RegisterKind): { element: 'persName' | 'placeName' | 'title' | 'orgName'; attributes: Record<string, string> } {
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
