/**
 * Letter calls (`a`, `b`, … as flattened superscripts): `mota`, `ici»b.`. Any word that ends in
 * `a` or `b` looks like one, so a letter is a candidate call only when the words say so: glued
 * to a word, the word without the letter is a word (the document's own, or the lexicon's) and the
 * word with it is not (`Boycea`: `Boyce` is written in the note, `Boycea` nowhere else; `icic`:
 * `ici` is French, `icic` is not); after a word's closing punctuation (`»b`, `,c`), nothing is
 * glued to it but not after an apostrophe (`l’a`). Being a candidate is not enough: the page
 * footnotes stage keeps a letter call only when a body with its mark stands at the foot of its
 * page (or the next), in the series a, b, c… of that page; an unmatched candidate stays text.
 */
import { type Lexicon, WordCounts, wordPattern } from '../../lib/lexicon/lexicon.js';
import type { Line } from '../lines/split-lines.js';

export interface LetterCallCandidate {
  /** UTF-16 index of the letter in the line's text. */
  readonly at: number;
  readonly letter: string;
  /**
   * `word`: the word without the letter is a word and with it is not (or the letter follows
   * punctuation); `name`: without it, it is only shaped like a name no list knows (`Shakespearea`,
   * `Palicea`); `word-too`: it is a word both ways, but written only here (`imaginera`: the
   * future of `imaginer`). The weaker ones are taken by a body only when no stronger candidate
   * with its letter is on the page.
   */
  readonly evidence: 'word' | 'name' | 'word-too';
}

/** What decides whether a letter glued to a word is a call: the lexicon and the document's words. */
export interface LetterCallWords {
  readonly lexicon: Lexicon;
  readonly document: WordCounts;
}

/** How often each word (letters with inner hyphens and apostrophes) is written in the text lines, note bodies included. */
export function documentWords(lines: readonly Line[]): WordCounts {
  const counts = new WordCounts();
  for (const line of lines) {
    if (line.kind !== 'text') continue;
    for (const m of line.text.matchAll(wordPattern)) counts.add(m[0]);
  }
  return counts;
}

/** After a call glued to a word: white space, punctuation or the line's end. */
const afterCall = /^(?:$|[\s.,;:!?…»”)\]])/u;
const afterPunctuation = /(?<=[\p{L}\p{N}][.,;:!?…]?\s?[»”)\]]|\p{L}[.,;:!?…])([a-z])(?=$|[\s.,;:!?…»”)\]])/gu;

/**
 * The letter calls a line may hold. `cutsBefore` are the first parts of a word cut at the end of
 * the line before (`pos-`), so that `siblea` is read as `possiblea`. One pass over the line's
 * words: most end in a letter, and each is looked up at most a few times.
 */
export function letterCallCandidates(text: string, cutsBefore: readonly string[], words: LetterCallWords): LetterCallCandidate[] {
  const found: LetterCallCandidate[] = [];
  if (text.includes('»') || text.includes('”') || text.includes(')') || text.includes(']') || /\p{L}[.,;:!?…][a-z]/u.test(text)) {
    for (const m of text.matchAll(afterPunctuation)) found.push({ at: m.index ?? 0, letter: m[1] ?? '', evidence: 'word' });
  }
  for (const m of text.matchAll(wordPattern)) {
    const word = m[0];
    const start = m.index ?? 0;
    const at = start + word.length - 1;
    const letter = word[word.length - 1] ?? '';
    if (letter < 'a' || letter > 'z' || word.length < 3 || !afterCall.test(text.slice(at + 1, at + 2))) continue;
    const wholes = start === 0 && cutsBefore.length > 0 ? cutsBefore.map((cut) => cut + word) : [word];
    const evidence = wholes.map((whole) => letterCallEvidence(whole, words));
    const best = (['word', 'name', 'word-too'] as const).find((e) => evidence.includes(e));
    if (best) found.push({ at, letter, evidence: best });
  }
  return found.sort((x, y) => x.at - y.at);
}

/** A name as printed: a capital, then lower-case letters (`Shakespeare`, `Palice`, `Saint-Just`). */
const nameShape = /^\p{Lu}\p{Ll}{2,}$/u;

/**
 * Whether `whole` ends in a call, and how sure that is. Never when without its last letter it is
 * not a word (of at least two letters: `ya` is not `y` + a call), nor when with it it is written a
 * second time in the document. `word` when the lexicon does not know it with the letter either;
 * `name` when without it it is only shaped like a name no list knows; `word-too` when it is a
 * word both ways. A compound is judged by its last part (`socialistes-révolutionnairesa`).
 */
export function letterCallEvidence(whole: string, words: LetterCallWords): LetterCallCandidate['evidence'] | undefined {
  const stem = whole.slice(0, -1);
  const lastPart = (w: string) => w.split('-').pop() ?? w;
  const isWord = (w: string) => words.lexicon.hasWordForm(w) || words.document.count(w) > 0;
  if (words.document.count(whole) >= 2) return undefined;
  const bare = lastPart(stem.replace(/^.*['’]/u, ''));
  if ([...bare].length < 2) return undefined;
  const stemIsWord = isWord(stem) || isWord(bare);
  if (words.lexicon.hasWordForm(whole) || words.lexicon.hasWordForm(lastPart(whole))) return stemIsWord ? 'word-too' : undefined;
  if (stemIsWord) return 'word';
  return nameShape.test(bare) ? 'name' : undefined;
}

/** The first part of a word cut at the end of `line` (`pos-` → `pos`), if it ends so. */
export function cutWordStart(line: Line | undefined): string | undefined {
  return line === undefined ? undefined : /(\p{L}+)-$/u.exec(line.text)?.[1];
}
