/**
 * Drop caps. A text block that opens with a word in capitals glued to what follows, as PDF
 * extraction leaves a drop cap (`LE29 octobre`, `JE ne`), gets the normalised form in the
 * reading text and keeps the transcribed one: `<choice><orig>LE29</orig><reg>Le 29</reg></choice>`.
 * TEI P5 §3.5.2 (regularization).
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { originOf, placedAfter, type Choice, type EditionDocument, type Inline, type TextNode } from '../model/document.js';
import type { Lexicon } from '../../lib/lexicon/lexicon.js';
import { mapSequences } from './walk.js';

const openingCapitals = /^(\p{Lu}{2,})(\S*)/u;

export function normaliseDropCaps(
  doc: EditionDocument,
  lexicon: Lexicon,
  file: string,
): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const document = mapSequences(doc, (content, context) => {
    if (!context.opensTextBlock) return content;
    const index = content.findIndex((i) => i.kind === 'text');
    const node = content[index];
    if (node?.kind !== 'text') return content;
    const found = findDropCap(node.value, lexicon);
    if (!found) return content;
    const origin = originOf(node);
    const choice: Choice = {
      kind: 'choice',
      variant: 'orig-reg',
      source: [{ kind: 'text', value: found.orig }],
      edited: [{ kind: 'text', value: found.reg }],
      ...(origin ? { origin } : {}),
    };
    const rest: TextNode = { kind: 'text', value: node.value.slice(found.orig.length), ...placedAfter(node, [...found.orig].length) };
    messages.push(
      diagnostic('info', 'drop-cap', `drop cap “${found.orig}” normalised to “${found.reg}”`, {
        file,
        line: node.line ?? 0,
        column: node.column ?? 1,
      }),
    );
    const replaced: Inline[] = [...content.slice(0, index), choice, rest, ...content.slice(index + 1)];
    return replaced;
  });
  return { document, messages };
}

/** `LE29 octobre` → orig `LE29`, reg `Le 29`; `JE ne` → orig `JE`, reg `Je`. */
export function findDropCap(text: string, lexicon: Lexicon): { orig: string; reg: string } | undefined {
  const m = openingCapitals.exec(text);
  if (!m) return undefined;
  const capitals = m[1] ?? '';
  const glued = m[2] ?? '';
  const word = capitals.toLowerCase();
  if (!lexicon.hasWordForm(word)) return undefined;
  const reg = capitals.charAt(0) + word.slice(1);
  if (glued === '') {
    // Only when the text goes on in lower case: a heading in capitals is not a drop cap.
    const after = text.slice(capitals.length).trimStart();
    return /^\p{Ll}/u.test(after) ? { orig: capitals, reg } : undefined;
  }
  if (/^[\d\p{Ll}]/u.test(glued)) return { orig: capitals + glued, reg: `${reg} ${glued}` };
  return undefined;
}
