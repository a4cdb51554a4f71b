/**
 * Corrections of misprints, only those listed in the config: each becomes
 * `<choice><sic>do</sic><corr>de</corr></choice>` (TEI P5 §3.5.1). A listed correction that is
 * not found, or found more than once without a line to choose, is an error: nothing is guessed.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { Correction } from '../../lib/config/types.js';
import { originOf, type Choice, type EditionDocument, type Inline, type TextNode } from '../model/document.js';
import { forEachSequence, mapSequences } from './walk.js';

interface Hit {
  readonly line: number;
  readonly column: number;
}

export function applyCorrections(
  doc: EditionDocument,
  corrections: readonly Correction[],
  file: string,
  configFile: string,
): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  let document = doc;
  corrections.forEach((correction, index) => {
    const hits = findHits(document, correction);
    const where = `corrections[${index}] (“${correction.match}”)`;
    const chosen = correction.line === undefined ? hits : hits.filter((h) => h.line === correction.line);
    if (chosen.length === 0) {
      const also = correction.line !== undefined && hits.length > 0 ? `; it occurs at line ${hits.map((h) => h.line).join(', ')}` : '';
      messages.push(
        diagnostic(
          'error',
          'correction-not-found',
          `${where}: not found in the text${correction.line === undefined ? '' : ` at line ${correction.line}`}${also}; expected the exact text of one source line`,
          { file: configFile },
          { hint: 'the match is compared with each line of the source as transcribed (after joining hyphenated words)' },
        ),
      );
      return;
    }
    if (chosen.length > 1) {
      messages.push(
        diagnostic(
          'error',
          'correction-ambiguous',
          `${where}: found ${chosen.length} times (lines ${chosen.map((h) => h.line).join(', ')}); expected one: add "line" to the correction`,
          { file: configFile },
        ),
      );
      return;
    }
    const target = chosen[0] as Hit;
    document = mapSequences(document, (content) => correctIn(content, correction, target));
    messages.push(
      diagnostic('info', 'correction', `“${correction.sic}” corrected to “${correction.corr}” (listed in the config)`, {
        file,
        line: target.line,
        column: target.column,
      }),
    );
  });
  return { document, messages };
}

function findHits(doc: EditionDocument, correction: Correction): Hit[] {
  const hits: Hit[] = [];
  forEachSequence(doc, (content) => {
    for (const node of content) {
      if (node.kind !== 'text' || node.line === undefined) continue;
      let from = 0;
      for (;;) {
        const at = node.value.indexOf(correction.match, from);
        if (at < 0) break;
        const sicAt = at + correction.match.indexOf(correction.sic);
        hits.push({ line: node.line, column: (node.column ?? 1) + [...node.value.slice(0, sicAt)].length });
        from = at + 1;
      }
    }
  });
  return hits;
}

function correctIn(content: readonly Inline[], correction: Correction, target: Hit): readonly Inline[] {
  const index = content.findIndex((n) => n.kind === 'text' && n.line === target.line && n.value.includes(correction.match));
  const node = content[index];
  const origin = node?.kind === 'text' ? originOf(node) : undefined;
  if (node?.kind !== 'text' || !origin) return content;
  const start = [...node.value].slice(0, target.column - origin.column).join('').length;
  const end = start + correction.sic.length;
  const piece = (value: string, column: number): TextNode[] => (value === '' ? [] : [{ kind: 'text', value, line: origin.line, column }]);
  const choice: Choice = {
    kind: 'choice',
    variant: 'sic-corr',
    source: [{ kind: 'text', value: correction.sic }],
    edited: [{ kind: 'text', value: correction.corr }],
    origin: { line: origin.line, column: target.column },
  };
  const replaced: Inline[] = [
    ...piece(node.value.slice(0, start), origin.column),
    choice,
    ...piece(node.value.slice(end), target.column + [...correction.sic].length),
  ];
  return [...content.slice(0, index), ...replaced, ...content.slice(index + 1)];
}
