/**
 * Words cut at a line end. A typographic hyphen is removed from the text and recorded on the
 * break (`Zino<lb break="no" rend="hyphen"/>viev`); a compound's own hyphen stays
 * (`socialistes-<lb break="no"/>révolutionnaires`). TEI P5 §3.2.2 (hyphenation) and the
 * `hyphenation` element of the editorial declaration.
 *
 * Evidence, strongest first: how the document itself writes the word elsewhere (hyphenated or
 * joined), then the French word list. Undecided cases are joined and reported as warnings.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionDocument, Inline, LineBreak, PageBreak, TextNode } from '../model/document.js';
import { type Lexicon, WordCounts, wordPattern } from './lexicon.js';
import { forEachSequence, mapSequences } from './walk.js';

export type HyphenDecision =
  | { readonly kind: 'soft' | 'hard'; readonly evidence: 'document' | 'lexicon' | 'capital' }
  | { readonly kind: 'soft' | 'hard'; readonly evidence: 'undecided'; readonly reason: string };

const cutAtEnd = /\p{L}-$/u;
const startsWithLetter = /^\p{L}/u;

export function resolveHyphenation(doc: EditionDocument, lexicon: Lexicon, file: string): { document: EditionDocument; messages: Diagnostic[] } {
  const vocabulary = documentVocabulary(doc);
  const messages: Diagnostic[] = [];
  const document = mapSequences(doc, (content) => joinCutWords(content, (left, right, at) => {
    const decision = decideHyphen(left, right, vocabulary, lexicon);
    if (decision.evidence === 'undecided') {
      messages.push(diagnostic('warning', 'hyphenation-undecided',
        `“${left}-” + “${right}” at a line end: ${decision.reason}; ${decision.kind === 'soft' ? `joined as “${left}${right}”` : `kept as “${left}-${right}”`}`,
        { file, line: at.line, column: at.column },
        { hint: 'if this is wrong, fix the encoding of this lb by hand in the TEI, or write the word once in full in the raw text' }));
    }
    return decision.kind;
  }));
  return { document, messages };
}

/** Word forms written out in full in the document (not at a cut line end). */
export function documentVocabulary(doc: EditionDocument): WordCounts {
  const counts = new WordCounts();
  forEachSequence(doc, (content) => {
    let continuesCut = false;
    for (const inline of content) {
      if (inline.kind !== 'text') continue;
      const value = inline.value;
      const cutHere = cutAtEnd.test(value);
      // One pass over the words; the first (after a cut line) and the last (cut) are fragments.
      const firstWordEnd = continuesCut ? firstSpace(value) : -1;
      const lastWordStart = cutHere ? value.lastIndexOf(' ') + 1 : value.length + 1;
      for (const m of value.matchAll(wordPattern)) {
        const at = m.index ?? 0;
        if (at < firstWordEnd || at >= lastWordStart) continue;
        const word = m[0];
        counts.add(word);
        // Parts of a compound count too: `socialistes-révolutionnaires` attests `révolutionnaires`.
        if (word.includes('-')) for (const part of word.split('-')) counts.add(part);
      }
      continuesCut = cutHere;
    }
  });
  return counts;
}

function firstSpace(text: string): number {
  const i = text.search(/\s/u);
  return i < 0 ? text.length : i;
}

export function decideHyphen(left: string, right: string, vocabulary: WordCounts, lexicon: Lexicon): HyphenDecision {
  const hyphenated = `${left}-${right}`;
  const joined = `${left}${right}`;
  const leftPart = left.split('-').pop() ?? left;
  const rightPart = right.split('-')[0] ?? right;
  const docHyphen = vocabulary.count(hyphenated) + (hyphenated === `${leftPart}-${rightPart}` ? 0 : vocabulary.count(`${leftPart}-${rightPart}`));
  const docJoined = vocabulary.count(joined) + (joined === `${leftPart}${rightPart}` ? 0 : vocabulary.count(`${leftPart}${rightPart}`));
  if (docHyphen > docJoined) return { kind: 'hard', evidence: 'document' };
  if (docJoined > docHyphen) return { kind: 'soft', evidence: 'document' };
  const lexHyphen = lexicon.hasWordForm(hyphenated) || lexicon.hasWordForm(`${leftPart}-${rightPart}`);
  const lexJoined = lexicon.hasWordForm(joined) || lexicon.hasWordForm(`${leftPart}${rightPart}`);
  if (lexHyphen && !lexJoined) return { kind: 'hard', evidence: 'lexicon' };
  if (lexJoined && !lexHyphen) return { kind: 'soft', evidence: 'lexicon' };
  if (lexJoined && lexHyphen) return { kind: 'soft', evidence: 'undecided', reason: 'both the joined and the hyphenated form are French words' };
  if (/^\p{Lu}/u.test(rightPart) && /^\p{Lu}/u.test(leftPart)) return { kind: 'hard', evidence: 'capital' };
  const partsAreWords = lexicon.hasWordForm(leftPart) && lexicon.hasWordForm(rightPart) && leftPart.length > 1 && rightPart.length > 1;
  if (partsAreWords) return { kind: 'hard', evidence: 'undecided', reason: 'neither form is attested, and both parts are words' };
  return { kind: 'soft', evidence: 'undecided', reason: 'neither the joined nor the hyphenated form is attested in the document or the word list' };
}

type Decide = (left: string, right: string, at: { line: number; column: number }) => 'soft' | 'hard';

/** Finds `text-` [pb|fw]* `lb` `text` and rewrites the hyphen, the break and any page break between. */
function joinCutWords(content: readonly Inline[], decide: Decide): Inline[] {
  const out = [...content];
  for (let i = 0; i < out.length; i++) {
    const node = out[i];
    if (node?.kind !== 'text' || !cutAtEnd.test(node.value)) continue;
    let j = i + 1;
    while (j < out.length && (out[j]?.kind === 'pb' || out[j]?.kind === 'fw')) j++;
    const lb = out[j];
    const next = out[j + 1];
    if (lb?.kind !== 'lb' || lb.wordBreak !== 'none' || next?.kind !== 'text' || !startsWithLetter.test(next.value)) continue;
    const left = lastWord(node.value);
    const right = firstWord(next.value);
    const hyphenColumn = (node.column ?? 1) + [...node.value].length - 1;
    const kind = decide(left, right, { line: node.line ?? lb.n - 1, column: hyphenColumn });
    if (kind === 'soft') out[i] = { ...node, value: node.value.slice(0, -1) } satisfies TextNode;
    out[j] = { ...lb, wordBreak: kind === 'soft' ? 'soft-hyphen' : 'hard-hyphen' } satisfies LineBreak;
    for (let k = i + 1; k < j; k++) {
      const between = out[k];
      if (between?.kind === 'pb') out[k] = { ...between, inWord: true } satisfies PageBreak;
    }
  }
  return out;
}

/** `(ob-` → `ob`; `l’avant-` → `l’avant`. */
function lastWord(text: string): string {
  const token = text.split(/\s+/u).pop() ?? '';
  return token.slice(0, -1).replace(/^[^\p{L}]+/u, '');
}

/** `jectivement)` → `jectivement`; `tionalistes-unifiés` stays whole. */
function firstWord(text: string): string {
  const token = text.split(/\s+/u)[0] ?? '';
  const m = /^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/u.exec(token);
  return m ? m[0] : token;
}
