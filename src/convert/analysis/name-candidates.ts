/**
 * `tei-edition entities`: what looks like a name and is in no register. A candidate is a
 * capitalised word, or a group of them (`Léonide Krassine`), that is
 *  - not already tagged (register forms are tagged before this runs),
 *  - not at the start of a sentence (a capital there proves nothing),
 *  - not a French word written with a capital (`Parti`, `Comité`, `Soviets`),
 *  - not a Roman numeral (`IIe`) or an abbreviation in capitals (`CEC`).
 * The editor adds real names to a register, and the next conversion tags them.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { EditionDocument } from '../model/document.js';
import type { Lexicon } from '../../lib/lexicon/lexicon.js';
import { BARRIER, originAt, readingMap } from '../enrich/reading-map.js';
import { forEachSequence } from '../enrich/walk.js';

const capitalised = /\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*/gu;

export function findNameCandidates(doc: EditionDocument, lexicon: Lexicon, file: string): Diagnostic[] {
  const messages: Diagnostic[] = [];
  forEachSequence(doc, (content, context) => {
    if (context.block === 'head' && content.some((i) => i.kind === 'phrase' && i.element === 'supplied')) return;
    const map = readingMap(content);
    for (const group of capitalisedGroups(map.text)) {
      if (sentenceInitial(map.text, group.start)) continue;
      const words = group.text.split(/[\s-]+/u);
      if (words.every((w) => lexicon.hasWordForm(w) || /^[IVXLC]+e?$/u.test(w))) continue;
      const at = originAt(content, map, group.start);
      messages.push(
        diagnostic(
          'info',
          'unknown-name',
          `“${group.text}” looks like a name but is in no register`,
          { file, line: at?.line ?? 0, column: at?.column ?? 1 },
          {
            hint: 'a person: add it to tei/persons.xml (a place, periodical or organisation: to its register); then convert again',
            actual: group.text,
          },
        ),
      );
    }
  });
  return messages;
}

/** Capitalised words, grouped when only a space or a hyphen separates them. */
function capitalisedGroups(text: string): { start: number; text: string }[] {
  const groups: { start: number; end: number }[] = [];
  for (const m of text.matchAll(capitalised)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const last = groups[groups.length - 1];
    if (last && /^[\s-]$/u.test(text.slice(last.end, start))) last.end = end;
    else groups.push({ start, end });
  }
  return groups.map((g) => ({ start: g.start, text: text.slice(g.start, g.end) }));
}

/** At the start of the text, or after a sentence end or a colon, past opening quotes and dashes. */
function sentenceInitial(text: string, at: number): boolean {
  const before = text.slice(0, at).replace(/[\s«“"(—–\-\u00a0]+$/u, '');
  if (before === '' || before.endsWith(BARRIER)) return true;
  // Elided article glued to the word (`l’Europe`) is part of the sentence, not its start.
  if (/['’]$/u.test(before)) return false;
  return /[.!?…:]$/u.test(before);
}
