/**
 * Dates: French date expressions become `<date>` with normalised values (`@when` Gregorian;
 * `@when-custom` and `@datingMethod="#julian"` for a Julian date; `@from`/`@to`,
 * `@notBefore`/`@notAfter` for ranges and Julian months). The expressions and the calendar rules
 * are in `src/dates/french-dates.ts`; this stage finds them in each paragraph's reading text and
 * wraps them in the tree. TEI P5 §13.3.6 (dates), §13.4 (calendars).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findFrenchDates, type DateContext } from '../dates/french-dates.js';
import type { EditionDocument, Inline } from '../model/document.js';
import { originAt, readingMap, wrapSpans, type Span } from './reading-map.js';
import { mapSequences } from './walk.js';

export function tagDates(doc: EditionDocument, context: DateContext, file: string): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  let julian = false;
  const document = mapSequences(doc, (content) => {
    const map = readingMap(content);
    const spans: Span[] = [];
    for (const match of findFrenchDates(map.text, context)) {
      const at = originAt(content, map, match.start);
      if (match.warning) messages.push(diagnostic('warning', 'date-check', `“${match.text}”: ${match.warning}`, { file, line: at?.line ?? 0, column: at?.column ?? 1 }));
      if (Object.keys(match.attributes).length === 0) continue;
      if (match.attributes.datingMethod === '#julian') julian = true;
      spans.push({ start: match.start, end: match.end, wrap: (words: readonly Inline[]) => ({ kind: 'phrase', element: 'date', attributes: match.attributes, content: words }) });
    }
    return spans.length === 0 ? content : wrapSpans(content, map, spans).content;
  });
  return { document: julian ? { ...document, facts: { ...document.facts, julianDates: true } } : document, messages };
}
