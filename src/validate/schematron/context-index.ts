/**
 * The candidates of each rule context the engine matches by index (context-pattern.ts), for a
 * batch of documents: one walk of each SaxonJS tree in JavaScript, in document order, records
 * the elements by local name and the elements that carry each attribute (by local name); each
 * rule's candidates are then read from those lists (merged in document order when a context
 * has several branches). Namespaces and predicates are left to XPath, which keeps the
 * candidates that match, so the lists may hold more than the matches but never fewer.
 * Walking the tree here costs a small part of what walking it in SaxonJS does for every rule.
 */
import type { CandidateSpec } from './context-pattern.js';
import type { DomNode } from './saxon.js';
import { forEachElement } from './element-walk.js';
import { stringLiteral } from './xpath-text.js';

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** The elements of one document by local name and by attribute, as indexes into `elements`. */
interface DocumentIndex {
  readonly elements: DomNode[];
  readonly byName: Map<string, number[]>;
  readonly byAttribute: Map<string, number[]>;
  /** Elements that carry at least one attribute (namespace declarations are not attributes). */
  readonly withAttributes: number[];
}

interface DomAttribute {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly name: string;
}

interface DomAttributes {
  readonly length: number;
  item(index: number): DomAttribute | null;
}

function indexDocument(document: DomNode): DocumentIndex {
  const index: DocumentIndex = { elements: [], byName: new Map(), byAttribute: new Map(), withAttributes: [] };
  forEachElement(document, (element) => record(index, element));
  return index;
}

function record(index: DocumentIndex, element: DomNode): void {
  const n = index.elements.length;
  index.elements.push(element);
  push(index.byName, element.localName as string, n);
  const attributes = (element as unknown as { attributes?: DomAttributes }).attributes;
  let carries = false;
  for (let k = 0; k < (attributes?.length ?? 0); k++) {
    const attribute = attributes!.item(k);
    if (attribute === null || attribute.namespaceURI === XMLNS || attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:'))
      continue;
    const names = index.byAttribute.get(attribute.localName);
    if (names === undefined) index.byAttribute.set(attribute.localName, [n]);
    else if (names[names.length - 1] !== n) names.push(n);
    carries = true;
  }
  if (carries) index.withAttributes.push(n);
}

function push(map: Map<string, number[]>, key: string, n: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [n]);
  else list.push(n);
}

const everyElement = (index: DocumentIndex): number[] => index.elements.map((_e, n) => n);

function candidatesOf(index: DocumentIndex, spec: CandidateSpec): number[] {
  if (spec.kind === 'attribute') return spec.local === '*' ? index.withAttributes : (index.byAttribute.get(spec.local) ?? []);
  if (spec.anyAttribute.length > 0) {
    const carrying = merge(spec.anyAttribute.map((a) => index.byAttribute.get(a) ?? []));
    return spec.local === '*' ? carrying : carrying.filter((n) => index.elements[n]!.localName === spec.local);
  }
  return spec.local === '*' ? everyElement(index) : (index.byName.get(spec.local) ?? []);
}

/** Sorted lists of element numbers as one sorted list without repeats. */
function merge(lists: readonly number[][]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return [...new Set(nonEmpty.flat())].sort((a, b) => a - b);
}

/**
 * The engine's `index` parameter for a batch: for the document at position `i` (1-based) and
 * each indexed context, the key `"<i> <context>"` gives its candidate elements in document order.
 */
export function contextIndex(
  documents: readonly DomNode[],
  contexts: ReadonlyMap<string, readonly CandidateSpec[]>,
): Record<string, DomNode[]> {
  const param: Record<string, DomNode[]> = {};
  if (contexts.size === 0) return param;
  documents.forEach((document, i) => {
    const index = indexDocument(document);
    for (const [context, specs] of contexts) {
      param[indexKey(i + 1, context)] = merge(specs.map((spec) => candidatesOf(index, spec))).map((n) => index.elements[n]!);
    }
  });
  return param;
}

function indexKey(position: number, context: string): string {
  return `${position} ${context}`;
}

/** The same key in XPath, for the document whose position is the value of `position`. */
export function indexKeyExpression(position: string, context: string): string {
  return `${position} || ${stringLiteral(` ${context}`)}`;
}
