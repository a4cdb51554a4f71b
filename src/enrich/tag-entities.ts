/**
 * Names: every mention of a register entry becomes `<persName ref>`, `<placeName ref>`,
 * `<title level="j" ref>` or `<orgName ref>` around the words as printed — line and page breaks
 * inside included. Only register forms are tagged: nothing is guessed from capitals (the
 * `entities` worklist shows what looks like a name and is not in a register).
 */
import type { EditionDocument, Inline } from '../model/document.js';
import type { RegisterKind } from '../registers/read-register.js';
import { elementFor, type Gazetteer } from './gazetteer.js';
import { readingMap, wrapSpans, type Span } from './reading-map.js';
import { mapSequences } from './walk.js';

/** Where the TEI points for each kind of register: `persons.xml` → `ref="persons.xml#lenine"`. */
export type RegisterTargets = Readonly<Partial<Record<RegisterKind, string>>>;

/** Phrases whose words are the source's own (an opener's salutation, a signature): names inside them are tagged too. */
const sourcePhrases = new Set(['salute', 'signed', 'q']);

export function tagEntities(doc: EditionDocument, gazetteer: Gazetteer, targets: RegisterTargets): EditionDocument {
  if (gazetteer.entries.length === 0) return doc;
  return mapSequences(doc, (content) => tagSequence(content, gazetteer, targets));
}

function tagSequence(content: readonly Inline[], gazetteer: Gazetteer, targets: RegisterTargets): Inline[] {
  const inner = content.map((inline) => (inline.kind === 'phrase' && sourcePhrases.has(inline.element)
    ? { ...inline, content: tagSequence(inline.content, gazetteer, targets) }
    : inline));
  const map = readingMap(inner);
  const spans: Span[] = gazetteer.find(map.text).map((mention) => {
    const { element, attributes } = elementFor(mention.entry.kind);
    const target = targets[mention.entry.kind] ?? '';
    return {
      start: mention.start,
      end: mention.end,
      wrap: (words) => ({ kind: 'phrase', element, attributes: { ...attributes, ref: `${target}#${mention.entry.id}` }, content: words }),
    };
  });
  return spans.length === 0 ? inner : wrapSpans(inner, map, spans).content;
}
