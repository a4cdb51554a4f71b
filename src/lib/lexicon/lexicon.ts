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
  let form = word.toLowerCase();
  // Most words have no apostrophe and no ligature: skip the replacements (a hot path).
  if (form.includes("'") || form.includes('’')) form = form.replace(/’/gu, "'").replace(elision, '');
  if (form.includes('œ') || form.includes('æ')) form = form.replace(/œ/gu, 'oe').replace(/æ/gu, 'ae');
  return form;
}

let french: Set<string> | undefined;

/**
 * The French word list, loaded once per process (or worker). Its entries are already in lookup
 * form (lower case, no ligature, no elision: a test checks it), so they go into the set as they are.
 */
export function frenchLexicon(): Lexicon {
  if (french === undefined) french = new Set(frenchWordList());
  const set = french;
  return { hasWordForm: (word) => set.has(lookupForm(word)) };
}

export function frenchWordList(): string[] {
  const require = createRequire(import.meta.url);
  return require('an-array-of-french-words') as string[];
}

/** A lexicon of the given words (tests, other languages). */
export function lexiconOf(words: Iterable<string>): Lexicon {
  const set = new Set([...words].map(lookupForm));
  return { hasWordForm: (word) => set.has(lookupForm(word)) };
}

/** Counts of word forms, for the document's own vocabulary. Words are normalised once each, when first asked. */
export class WordCounts {
  private readonly raw = new Map<string, number>();
  private normalised: Map<string, number> | undefined;

  add(word: string, times = 1): void {
    this.raw.set(word, (this.raw.get(word) ?? 0) + times);
    this.normalised = undefined;
  }

  /** The forms as written, with their counts. */
  entries(): IterableIterator<[string, number]> {
    return this.raw.entries();
  }

  count(word: string): number {
    if (this.normalised === undefined) {
      this.normalised = new Map();
      for (const [w, n] of this.raw) {
        const form = lookupForm(w);
        this.normalised.set(form, (this.normalised.get(form) ?? 0) + n);
      }
    }
    return this.normalised.get(lookupForm(word)) ?? 0;
  }
}

/** Letters with inner hyphens and apostrophes: `l’avant-garde`, `socialistes-révolutionnaires`. */
export const wordPattern = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
