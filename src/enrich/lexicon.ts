/**
 * Word lists: the French lexicon from npm (`an-array-of-french-words`, ~336,000 forms, MIT) and
 * the document's own vocabulary. Lookups ignore case, typographic apostrophes, the œ/æ ligatures
 * (the list spells `oeuvre`) and elided articles and pronouns (`l’avant-garde` → `avant-garde`).
 */
import { createRequire } from 'node:module';

export interface Lexicon {
  hasWordForm(word: string): boolean;
}

const elision = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]/iu;

/** The form a word is looked up under. */
export function lookupForm(word: string): string {
  return word
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(elision, '')
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae');
}

let french: Set<string> | undefined;

/** The French word list, loaded once per process (or worker). */
export function frenchLexicon(): Lexicon {
  if (french === undefined) {
    const require = createRequire(import.meta.url);
    const words = require('an-array-of-french-words') as string[];
    french = new Set(words.map((w) => lookupForm(w)));
  }
  const set = french;
  return { hasWordForm: (word) => set.has(lookupForm(word)) };
}

/** A lexicon of the given words (tests, other languages). */
export function lexiconOf(words: Iterable<string>): Lexicon {
  const set = new Set([...words].map(lookupForm));
  return { hasWordForm: (word) => set.has(lookupForm(word)) };
}

/** Counts of word forms, for the document's own vocabulary. */
export class WordCounts {
  private readonly counts = new Map<string, number>();

  add(word: string): void {
    const form = lookupForm(word);
    this.counts.set(form, (this.counts.get(form) ?? 0) + 1);
  }

  count(word: string): number {
    return this.counts.get(lookupForm(word)) ?? 0;
  }
}

/** Letters with inner hyphens and apostrophes: `l’avant-garde`, `socialistes-révolutionnaires`. */
export const wordPattern = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
