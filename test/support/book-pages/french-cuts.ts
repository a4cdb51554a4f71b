/**
 * Where a French book may cut a word at a line's end: between syllables (a consonant goes with
 * the vowel after it, two consonants are parted unless they are an inseparable pair, `bl`, `tr`,
 * `ch`, `gn`…), never between two vowels, never next to an `x` or `y` between vowels, with at
 * least two letters before the cut and three after; and a compound after its own hyphen
 * (`avant-|garde`; not before a one-letter part, `va-t-il`). Proper names and words in capitals are not cut.
 */

export type CutKind = 'syllable' | 'compound';

export interface Cut {
  /** Characters of the word before the cut (a compound's own hyphen included). */
  readonly at: number;
  readonly kind: CutKind;
}

const vowel = /[aeiouyàâäéèêëîïôöùûüÿœæ]/u;
const inseparable = new Set([
  'bl',
  'cl',
  'fl',
  'gl',
  'pl',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'vr',
  'ch',
  'ph',
  'th',
  'gn',
  'qu',
  'gu',
]);

/** Cuts inside one run of lower-case letters, as offsets within the run. */
function syllableCuts(run: string): number[] {
  const out: number[] = [];
  const isV = (i: number) => vowel.test(run[i] ?? '');
  for (let i = 2; i <= run.length - 3; i++) {
    const before = run.slice(0, i);
    const after = run.slice(i);
    if (!vowel.test(before) || !vowel.test(after)) continue;
    if (/[xy]/u.test(`${run[i - 1]}${run[i]}`)) continue;
    // A syllable opens with its consonants (one, or an inseparable pair) and a vowel: never cut before a vowel.
    if (isV(i)) continue;
    let c = i;
    while (c < run.length && !isV(c)) c++;
    const cluster = run.slice(i, c);
    if (c >= run.length || !(cluster.length === 1 || (cluster.length === 2 && inseparable.has(cluster)))) continue;
    // The consonants that close this syllable: at most two, and not an inseparable pair split.
    let b = i;
    while (b > 0 && !isV(b - 1)) b--;
    const closing = run.slice(b, i);
    if (closing.length > 2 || inseparable.has(`${run[i - 1]}${run[i]}`)) continue;
    out.push(i);
  }
  return out;
}

/** Every place a book may cut `word` (a printed token: letters, maybe punctuation around). */
export function possibleCuts(word: string): Cut[] {
  if (/\d|^\P{L}*\p{Lu}/u.test(word) || word.includes('\u00A0') || word.includes('\u202F')) return [];
  const cuts: Cut[] = [];
  for (const m of word.matchAll(/\p{Ll}+/gu)) {
    const start = m.index ?? 0;
    const run = m[0];
    const before = word[start - 1];
    const after = word[start + run.length];
    // A compound: a run that ends at its own hyphen, followed by letters.
    if (after === '-' && /^\p{L}{2}/u.test(word.slice(start + run.length + 1)) && run.length >= 2)
      cuts.push({ at: start + run.length + 1, kind: 'compound' });
    // Elided articles and pronouns (`l’`, `qu’`) and suffixes after a hyphen (`-ce`, `-il`) are not cut inside.
    if (after === '’' || after === "'" || (before === '-' && run.length < 6)) continue;
    for (const at of syllableCuts(run)) cuts.push({ at: start + at, kind: 'syllable' });
  }
  return cuts.sort((a, b) => a.at - b.at);
}
