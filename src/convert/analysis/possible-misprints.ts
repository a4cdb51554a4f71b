/**
 * `convert --report`: a worklist for the editor of tokens that look like misprints — words glued
 * together (`leVikjel`) and lower-case words that are neither in the French word list nor written
 * elsewhere in the document. Nothing is changed: corrections are made only from the config.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { EditionDocument } from '../model/document.js';
import { documentVocabulary } from '../enrich/hyphenation.js';
import type { Lexicon } from '../../lib/lexicon/lexicon.js';
import { forEachSequence } from '../enrich/walk.js';

const token = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

export function findPossibleMisprints(doc: EditionDocument, lexicon: Lexicon, file: string): Diagnostic[] {
  const vocabulary = documentVocabulary(doc);
  const messages: Diagnostic[] = [];
  forEachSequence(doc, (content) => {
    content.forEach((node, i) => {
      if (node.kind !== 'text' || node.line === undefined) return;
      const next = content[i + 1];
      const cutAtEnd = next?.kind === 'lb' && next.wordBreak !== 'none';
      for (const m of node.value.matchAll(token)) {
        const word = m[0];
        const index = m.index ?? 0;
        // Fragments of words cut at a line end are judged as whole words elsewhere.
        if (index === 0 && i > 0 && content[i - 1]?.kind === 'lb' && (content[i - 1] as { wordBreak: string }).wordBreak !== 'none')
          continue;
        if (cutAtEnd && index + word.length === node.value.length) continue;
        const reason = misprintReason(word, lexicon, vocabulary.count(word));
        if (!reason) continue;
        const column = (node.column ?? 1) + [...node.value.slice(0, index)].length;
        messages.push(
          diagnostic(
            'info',
            'possible-misprint',
            `“${word}”: ${reason}`,
            { file, line: node.line, column },
            { hint: 'if it is a misprint, add it to "corrections" in the edition config' },
          ),
        );
      }
    });
  });
  return messages;
}

function misprintReason(word: string, lexicon: Lexicon, occurrences: number): string | undefined {
  if (/\p{Ll}\p{Lu}/u.test(word)) return 'lower case followed by a capital: two words glued together?';
  if (!/^\p{Ll}/u.test(word)) return undefined;
  const parts = word.split('-');
  if (lexicon.hasWordForm(word) || parts.every((p) => lexicon.hasWordForm(p))) return undefined;
  if (occurrences > 1) return undefined;
  return 'not in the French word list and not found elsewhere in the document';
}
