/**
 * Dates and names in one pass over each inline sequence: one reading map, the spans of both
 * found on it, wrapped together (a name that would overlap a date is dropped: dates come first,
 * and names never contain one). TEI P5 §13.2 (names), §13.3.6 and §13.4 (dates, calendars).
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { findFrenchDates, type DateContext } from '../../lib/dates/french-dates.js';
import type { EditionDocument, Inline } from '../model/document.js';
import { elementFor, type Gazetteer } from './gazetteer.js';
import { originAt, readingMap, wrapSpans, type Span } from './reading-map.js';
import type { RegisterKind } from '../../lib/registers/read-register.js';
import { mapSequences } from './walk.js';

/** Where the TEI points for each kind of register: `persons.xml` → `ref="persons.xml#lenine"`. */
export type RegisterTargets = Readonly<Partial<Record<RegisterKind, string>>>;

/** Phrases whose words are the source's own (a salutation, a signature): names inside them are tagged too. */
const sourcePhrases = new Set(['salute', 'signed', 'q']);

export interface TaggingContext {
  readonly dates: DateContext;
  readonly gazetteer?: Gazetteer;
  readonly targets: RegisterTargets;
  readonly file: string;
}

export function tagNamesAndDates(doc: EditionDocument, ctx: TaggingContext): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  let julian = false;
  // One attributes object per register entry, shared by all its mentions (the model is immutable): a long text names the same places thousands of times.
  const attributesOf = new Map<string, Readonly<Record<string, string>>>();
  const tagSequence = (content: readonly Inline[]): readonly Inline[] => {
    const inner = content.map((inline) =>
      inline.kind === 'phrase' && sourcePhrases.has(inline.element) ? { ...inline, content: tagSequence(inline.content) } : inline,
    );
    const map = readingMap(inner);
    const spans: Span[] = [];
    for (const match of findFrenchDates(map.text, ctx.dates)) {
      const at = originAt(inner, map, match.start);
      if (match.warning)
        messages.push(
          diagnostic('warning', 'date-check', `“${match.text}”: ${match.warning}`, {
            file: ctx.file,
            line: at?.line ?? 0,
            column: at?.column ?? 1,
          }),
        );
      if (Object.keys(match.attributes).length === 0) continue;
      if (match.attributes.datingMethod === '#julian') julian = true;
      spans.push({
        start: match.start,
        end: match.end,
        wrap: (words) => ({ kind: 'phrase', element: 'date', attributes: match.attributes, content: words }),
      });
    }
    for (const mention of ctx.gazetteer?.find(map.text) ?? []) {
      if (spans.some((s) => s.start < mention.end && mention.start < s.end)) continue;
      const { element, attributes } = elementFor(mention.entry.kind);
      const key = `${mention.entry.kind}:${mention.entry.id}`;
      let shared = attributesOf.get(key);
      if (shared === undefined) {
        shared = { ...attributes, ref: `${ctx.targets[mention.entry.kind] ?? ''}#${mention.entry.id}` };
        attributesOf.set(key, shared);
      }
      const entryAttributes = shared;
      spans.push({
        start: mention.start,
        end: mention.end,
        wrap: (words) => ({ kind: 'phrase', element, attributes: entryAttributes, content: words }),
      });
    }
    return spans.length === 0 ? inner : wrapSpans(inner, map, spans).content;
  };
  const document = mapSequences(doc, tagSequence);
  return { document: julian ? { ...document, facts: { ...document.facts, julianDates: true } } : document, messages };
}
