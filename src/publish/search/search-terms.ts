/**
 * The words of the search index, the same at build time (Node) and in the reader's browser: the
 * browser gets this very function's source (`searchTermsScript`, written to
 * `assets/search-terms.js`), so that a query is cut, folded and stemmed exactly as the texts were.
 * `searchTermsFactory` must therefore stay self-contained: no import, no closure over this module.
 *
 * - Folding: Unicode NFD without the combining marks, lower case, œ → oe, æ → ae, ß → ss
 *   (`Kérenski` and `Kerenski` are one word).
 * - Cutting: runs of letters, digits and combining marks; anything else (spaces, hyphens, the
 *   apostrophe in every form: ' ’ ʼ) separates words, so `l'insurrection` and `l’insurrection`
 *   give the same words.
 * - Stop words: the commonest French grammatical words and one-letter words are not indexed.
 * - Stemming: J. Savoy's light French stemmer (as Lucene's FrenchLightStemmer implements it:
 *   plurals, feminine forms, common derivational suffixes, doubled letters), on folded words.
 */
export interface SearchTerms {
  /** Folded form of a string (accents, case, ligatures). */
  fold(text: string): string;
  /** The words of a text with their offsets (UTF-16 units, for highlighting). */
  words(text: string): { word: string; start: number; end: number }[];
  /** The index term of a word, or '' when the word is not indexed (stop word, one letter). */
  term(word: string): string;
  /**
   * What the index terms of a word being typed begin with: its folded form, and that form with its
   * doubled letters made single (as the stemmer makes them in words of more than four letters).
   */
  prefixes(word: string): string[];
}

export function searchTermsFactory(): SearchTerms {
  const STOP = new Set(
    'au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous est sont ete etait etaient y'.split(
      ' ',
    ),
  );
  const WORD = /[\p{L}\p{N}\p{M}]+/gu;
  const MARKS = /[\u0300-\u036f]/g;
  const fold = (text: string): string =>
    text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
  // Savoy's normalisation: doubled letters, then a final -ie, -r, -e, -e and a doubled letter.
  const single = (s: string): string => {
    let out = s[0] ?? '';
    for (let i = 1; i < s.length; i++) if (!(s[i] === s[i - 1] && isLetter(s[i]))) out += s[i];
    return out;
  };
  const norm = (w: string): string => {
    let s = w;
    if (s.length > 4) s = single(s);
    if (s.length > 4 && s.endsWith('ie')) s = s.slice(0, -2);
    if (s.length > 4) {
      if (s.endsWith('r')) s = s.slice(0, -1);
      if (s.endsWith('e')) s = s.slice(0, -1);
      if (s.endsWith('e')) s = s.slice(0, -1);
      if (s.length > 1 && s[s.length - 1] === s[s.length - 2] && isLetter(s[s.length - 1])) s = s.slice(0, -1);
    }
    return s;
  };
  const ends = (s: string, suffix: string, min: number): boolean => s.length > min && s.endsWith(suffix);
  const cut = (s: string, n: number, add = ''): string => s.slice(0, s.length - n) + add;
  const stem = (word: string): string => {
    let s = word;
    if (s.length > 5 && s.endsWith('x')) {
      if (s.endsWith('aux') && s[s.length - 4] !== 'e') s = cut(s, 2, 'l');
      else s = cut(s, 1);
    }
    if (ends(s, 'x', 3) || ends(s, 's', 3)) s = cut(s, 1);
    if (ends(s, 'issement', 9)) return norm(cut(s, 7, 'r'));
    if (ends(s, 'issant', 8)) return norm(cut(s, 5, 'r'));
    if (ends(s, 'ement', 6)) {
      s = cut(s, 4);
      if (ends(s, 'ive', 3)) s = cut(s, 2, 'f');
      return norm(s);
    }
    if (ends(s, 'ficatrice', 11)) return norm(cut(s, 7, 'er'));
    if (ends(s, 'ficateur', 10)) return norm(cut(s, 6, 'er'));
    if (ends(s, 'catrice', 9)) return norm(cut(s, 7, 'quer'));
    if (ends(s, 'cateur', 8)) return norm(cut(s, 6, 'quer'));
    if (ends(s, 'atrice', 8)) return norm(cut(s, 6, 'er'));
    if (ends(s, 'ateur', 7)) return norm(cut(s, 5, 'er'));
    if (ends(s, 'trice', 6)) s = cut(s, 4, 'eur');
    if (ends(s, 'ieme', 5)) return norm(cut(s, 4));
    if (ends(s, 'teuse', 7)) return norm(cut(s, 3, 'r'));
    if (ends(s, 'teur', 6)) return norm(cut(s, 2, 'r'));
    if (ends(s, 'euse', 5)) return norm(cut(s, 2));
    if (ends(s, 'ere', 8)) return norm(cut(s, 1));
    if (ends(s, 'ive', 7)) return norm(cut(s, 2, 'f'));
    if (ends(s, 'folle', 4) || ends(s, 'molle', 4)) return norm(cut(s, 3, 'u'));
    if (ends(s, 'nnelle', 9)) return norm(cut(s, 5));
    if (ends(s, 'nnel', 7)) return norm(cut(s, 3));
    if (ends(s, 'ete', 4)) s = cut(s, 1);
    if (ends(s, 'ique', 8)) s = cut(s, 4);
    if (ends(s, 'esse', 8)) return norm(cut(s, 3));
    if (ends(s, 'inage', 7)) return norm(cut(s, 3));
    if (ends(s, 'isation', 9)) {
      s = cut(s, 7);
      if (ends(s, 'ual', 5)) s = cut(s, 2, 'el');
      return norm(s);
    }
    if (ends(s, 'isateur', 9)) return norm(cut(s, 7));
    if (ends(s, 'ation', 8) || ends(s, 'ition', 8)) return norm(cut(s, 5));
    return norm(s);
  };
  return {
    fold,
    words(text: string) {
      const found: { word: string; start: number; end: number }[] = [];
      // (The modifier letter apostrophe ʼ is a letter to Unicode: an apostrophe here, one unit for one.)
      for (const m of text.replace(/\u02bc/g, "'").matchAll(WORD))
        found.push({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
      return found;
    },
    prefixes(word: string) {
      const folded = fold(word);
      const collapsed = folded.length > 4 ? single(folded) : folded;
      return collapsed === folded ? [folded] : [folded, collapsed];
    },
    term(word: string) {
      const folded = fold(word);
      if (folded.length < 2 || STOP.has(folded)) return '';
      return /^\p{N}+$/u.test(folded) ? folded : stem(folded);
    },
  };
}

/** The browser's copy (assets/search-terms.js): a classic script that defines `TeiEditionSearchTerms`. */
export function searchTermsScript(): string {
  return (
    `/* tei-edition: the words of the search index (made from src/publish/search/search-terms.ts; do not edit). */\n` +
    `var TeiEditionSearchTerms = (${searchTermsFactory.toString()})();\n`
  );
}
