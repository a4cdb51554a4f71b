/**
 * Words cut at a line end. A typographic hyphen is removed from the text and recorded on the
 * break (`Zino<lb break="no" rend="hyphen"/>viev`); a compound's own hyphen stays
 * (`socialistes-<lb break="no"/>révolutionnaires`). TEI P5 §3.2.2 (hyphenation) and the
 * `hyphenation` element of the editorial declaration.
 *
 * Evidence, strongest first: how the document itself writes the word elsewhere (hyphenated or
 * joined), then the French word list. Undecided cases are joined and reported as warnings.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { EditionDocument, Inline, LineBreak, PageBreak, TextNode } from '../model/document.js';
import { type Lexicon, lookupForm, WordCounts, wordPattern } from '../../lib/lexicon/lexicon.js';
import { forEachSequence, mapSequences } from './walk.js';

export type HyphenEvidence = 'document' | 'document-cut' | 'lexicon' | 'document-compound' | 'grammar' | 'document-stem' | 'capital';

export type HyphenDecision =
  | { readonly kind: 'soft' | 'hard'; readonly evidence: HyphenEvidence }
  | { readonly kind: 'soft' | 'hard'; readonly evidence: 'undecided'; readonly reason: string };

const cutAtEnd = /\p{L}-$/u;
const startsWithLetter = /^\p{L}/u;

/** What the whole document says about its words: written in full, cut at line ends, first parts of compounds. */
export interface DocumentEvidence {
  /** Word forms written out in full (not at a cut line end), and the parts of hyphenated ones. */
  readonly vocabulary: WordCounts;
  /** Each cut word read as one word (`antimi-` + `litariste` → `antimilitariste`), with the part before the cut. */
  readonly cuts?: CutReadings;
  /** First parts of hyphenated compounds written in full (`anti-patriotique` → `anti`). */
  readonly compoundStems?: WordCounts;
  /**
   * Two-part compounds written in full with either hyphen (`-`, or the non-breaking U+2011 that
   * `wordPattern` does not join), by their `compoundKey` (`socialistes‑révolutionnaires` →
   * `socialiste-révolutionnaire`).
   */
  readonly compounds?: WordCounts;
}

/** A compound's parts in the singular (a final `s` or `x` dropped), joined with `-`: the same compound in either number. */
export function compoundKey(left: string, right: string): string {
  const singular = (w: string) => ([...w].length > 3 ? w.replace(/[sx]$/u, '') : w);
  return `${singular(lookupForm(left))}-${singular(lookupForm(right))}`;
}

const writtenCompound = /(?<![\p{L}\p{M}])([\p{L}\p{M}]+)[-\u2011]([\p{L}\p{M}]+)(?![\p{L}\p{M}]|[-\u2011]\p{L})/gu;

export function resolveHyphenation(
  doc: EditionDocument,
  lexicon: Lexicon,
  file: string,
): { document: EditionDocument; messages: Diagnostic[] } {
  const evidence = documentEvidence(doc);
  const messages: Diagnostic[] = [];
  const document = mapSequences(doc, (content) =>
    joinCutWords(content, (left, right, at) => {
      const decision = decideHyphen(left, right, evidence, lexicon);
      if (decision.evidence === 'undecided') {
        messages.push(
          diagnostic(
            'warning',
            'hyphenation-undecided',
            `“${left}-” + “${right}” at a line end: ${decision.reason}; ${decision.kind === 'soft' ? `joined as “${left}${right}”` : `kept as “${left}-${right}”`}`,
            { file, line: at.line, column: at.column },
            { hint: 'if this is wrong, fix the encoding of this lb by hand in the TEI, or write the word once in full in the raw text' },
          ),
        );
      }
      return decision.kind;
    }),
  );
  return { document, messages };
}

export function documentEvidence(doc: EditionDocument): DocumentEvidence {
  const vocabulary = documentVocabulary(doc);
  const compoundStems = new WordCounts();
  for (const [word, n] of vocabulary.entries()) {
    const hyphen = word.indexOf('-');
    if (hyphen > 0) compoundStems.add(word.slice(0, hyphen), n);
  }
  const compounds = new WordCounts();
  forEachSequence(doc, (content) => {
    for (const inline of content) {
      if (inline.kind !== 'text') continue;
      for (const m of inline.value.matchAll(writtenCompound)) compounds.add(compoundKey(m[1] ?? '', m[2] ?? ''));
    }
  });
  const cuts = new CutReadings();
  forEachSequence(doc, (content) => {
    joinCutWords(content, (left, right) => {
      cuts.add(left, right);
      return 'soft';
    });
  });
  return { vocabulary, cuts, compoundStems, compounds };
}

/** Words cut at line ends, read as one word, each with the part before its cut. */
export class CutReadings {
  private readonly byReading = new Map<string, string[]>();

  add(left: string, right: string): void {
    const reading = lookupForm(`${left}${right}`);
    const lefts = this.byReading.get(reading) ?? [];
    lefts.push(lookupForm(left));
    this.byReading.set(reading, lefts);
  }

  /** Cuts elsewhere that read as `word`, not at the place `left` ends (the same cut proves nothing). */
  countElsewhere(word: string, left: string): number {
    const at = lookupForm(left);
    return (this.byReading.get(lookupForm(word)) ?? []).filter((l) => l !== at).length;
  }
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

/**
 * French prefixes and stems that form compounds with a hyphen (`anti-militariste`, `néo-kantien`,
 * `social-démocrate`, `sous-préfet`): with a word after them and no other evidence, the hyphen is
 * the compound's own.
 */
const hyphenatingStems = new Set(
  [
    'anti',
    'archi',
    'arrière',
    'auto',
    'avant',
    'contre',
    'demi',
    'entre',
    'ex',
    'extra',
    'franco',
    'germano',
    'anglo',
    'russo',
    'austro',
    'gréco',
    'hispano',
    'italo',
    'judéo',
    'mi',
    'néo',
    'non',
    'outre',
    'post',
    'pré',
    'pro',
    'proto',
    'pseudo',
    'quasi',
    'semi',
    'social',
    'sous',
    'sur',
    'super',
    'ultra',
    'vice',
  ].map(lookupForm),
);

/**
 * Pronouns and particles joined to the word before them by a hyphen (TLFi; Grevisse §109):
 * `rappelons-le`, `font-ils`, `va-t-en`, `celui-ci`, `ce jour-là`. French typography never leaves
 * fewer than three letters after a typographic cut, and a word whose end is one of these is in the
 * word list (`belles`), so after the word list a part like this is the compound's own.
 */
const followsWithHyphen = new Set(
  [
    'je',
    'tu',
    'il',
    'elle',
    'on',
    'nous',
    'vous',
    'ils',
    'elles',
    'le',
    'la',
    'les',
    'moi',
    'toi',
    'lui',
    'leur',
    'leurs',
    'y',
    'en',
    'ce',
    't',
    'ci',
    'là',
    'même',
    'mêmes',
  ].map(lookupForm),
);

/**
 * The rules, in order (docs/converter.md, “Lines and hyphenation”, states them with examples):
 * 1. the word written in full elsewhere in the document, with or without its hyphen (majority);
 * 2. the same word cut elsewhere in the document at another place, which shows its spelling;
 * 3. the word list: only the joined form, or only the hyphenated form (both: joined, warned);
 * 3b. the same compound written in full elsewhere in the other number or with the non-breaking
 *    hyphen (`socialistes‑révolutionnaires` for `socialiste-` + `révolutionnaire`), and neither
 *    form as it is here: its hyphen;
 * 4. a pronoun or particle after the hyphen (`rappelons-le`, `font-ils`, `celui-ci`), or an elided
 *    word (`chefs-d’œuvre`, `tire-d’aile`): the compound's hyphen;
 * 5. the first part written at least twice elsewhere in the document as the first part of
 *    hyphenated compounds, and a word after it;
 * 6. two capitalised parts: a compound name;
 * 7. a prefix that forms hyphenated compounds, followed by a word: the compound's hyphen (warned);
 * 8. otherwise: joined (warned).
 */
export function decideHyphen(left: string, right: string, evidence: DocumentEvidence, lexicon: Lexicon): HyphenDecision {
  const { vocabulary, cuts, compoundStems, compounds } = evidence;
  const hyphenated = `${left}-${right}`;
  const joined = `${left}${right}`;
  // A compound's own hyphen may be the non-breaking one (U+2011, `sont‑elles`): the part cut is after it.
  const leftPart = left.split(/[-\u2011]/u).pop() ?? left;
  const rightPart = right.split(/[-\u2011]/u)[0] ?? right;
  const partsHyphenated = `${leftPart}-${rightPart}`;
  const partsJoined = `${leftPart}${rightPart}`;
  const docHyphen = vocabulary.count(hyphenated) + (hyphenated === partsHyphenated ? 0 : vocabulary.count(partsHyphenated));
  const docJoined = vocabulary.count(joined) + (joined === partsJoined ? 0 : vocabulary.count(partsJoined));
  if (docHyphen > docJoined) return { kind: 'hard', evidence: 'document' };
  if (docJoined > docHyphen) return { kind: 'soft', evidence: 'document' };
  if (cuts) {
    const cutHyphen = cuts.countElsewhere(hyphenated, left);
    const cutJoined = cuts.countElsewhere(joined, left);
    if (cutHyphen > cutJoined) return { kind: 'hard', evidence: 'document-cut' };
    if (cutJoined > cutHyphen) return { kind: 'soft', evidence: 'document-cut' };
  }
  const lexHyphen = lexicon.hasWordForm(hyphenated) || lexicon.hasWordForm(partsHyphenated);
  const lexJoined = lexicon.hasWordForm(joined) || lexicon.hasWordForm(partsJoined);
  if (lexHyphen && !lexJoined) return { kind: 'hard', evidence: 'lexicon' };
  if (lexJoined && !lexHyphen) return { kind: 'soft', evidence: 'lexicon' };
  if (lexJoined && lexHyphen)
    return { kind: 'soft', evidence: 'undecided', reason: 'both the joined and the hyphenated form are French words' };
  // Only where the document writes neither form as it is here (a tie of both, `Sala-belle` once and
  // `Salabelle` once, stays undecided).
  if (docJoined === 0 && compounds && compounds.count(compoundKey(leftPart, rightPart)) > 0)
    return { kind: 'hard', evidence: 'document-compound' };
  const rightIsWord = lexicon.hasWordForm(rightPart) || vocabulary.count(rightPart) > 0;
  const leftLetters = leftPart.replace(/^\p{L}{1,6}['’]/u, '');
  const nameThenWord = /^\p{Lu}/u.test(leftLetters) && /^\p{Ll}/u.test(rightPart);
  if (followsWithHyphen.has(lookupForm(rightPart)) || /^(?:d|l|qu)['’]\p{L}/iu.test(rightPart))
    return { kind: 'hard', evidence: 'grammar' };
  if (compoundStems && compoundStems.count(leftPart) >= 2 && rightIsWord && !nameThenWord)
    return { kind: 'hard', evidence: 'document-stem' };
  if (/^\p{Lu}/u.test(rightPart) && /^\p{Lu}/u.test(leftLetters)) return { kind: 'hard', evidence: 'capital' };
  if (hyphenatingStems.has(lookupForm(leftPart)) && /^\p{Ll}/u.test(rightPart) && lexicon.hasWordForm(rightPart)) {
    return {
      kind: 'hard',
      evidence: 'undecided',
      reason: `neither form is attested, and “${leftPart}-” is a prefix that forms compounds with a hyphen`,
    };
  }
  return {
    kind: 'soft',
    evidence: 'undecided',
    reason: 'neither the joined nor the hyphenated form is attested in the document or the word list',
  };
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
