/**
 * Where an element of a SaxonJS document is in the XML text. SaxonJS nodes carry no positions,
 * so, only when a document has messages: one saxes pass records the offset of each start tag's
 * `<` in document order, one walk of the SaxonJS tree numbers its elements in the same order, and
 * the element's number gives its offset (both parsers see the same elements, in the same order).
 */
import { SaxesParser } from 'saxes';
import { lineColumnLocator, type LineColumn } from '../../lib/diagnostics/location.js';
import type { DomNode } from './saxon.js';
import { forEachElement } from './element-walk.js';

const ELEMENT = 1;

export interface NodePlace {
  readonly line?: number;
  readonly column?: number;
  /** `/TEI/text[1]/body[1]/div[2]/p[3]` (names as written; the root without an index). */
  readonly xpath: string;
}

export class NodeLocator {
  private index?: Map<DomNode, number>;
  private offsets?: number[];
  private locate?: (offset: number) => LineColumn;

  constructor(
    private readonly xml: string,
    private readonly document: DomNode,
  ) {}

  place(element: DomNode): NodePlace {
    this.index ??= numberElements(this.document);
    this.offsets ??= startTagOffsets(this.xml);
    this.locate ??= lineColumnLocator(this.xml);
    const n = this.index.get(element);
    const offset = n === undefined ? undefined : this.offsets[n];
    const at = offset === undefined ? {} : this.locate(offset);
    return { ...at, xpath: elementPath(element) };
  }
}

function numberElements(document: DomNode): Map<DomNode, number> {
  const index = new Map<DomNode, number>();
  forEachElement(document, (element) => index.set(element, index.size));
  return index;
}

function startTagOffsets(xml: string): number[] {
  const offsets: number[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentagstart', () => {
    offsets.push(xml.lastIndexOf('<', parser.position - 1));
  });
  parser.write(xml).close();
  return offsets;
}

function elementPath(element: DomNode): string {
  const steps: string[] = [];
  let node: DomNode | null = element;
  while (node !== null && node.nodeType === ELEMENT) {
    const parent: DomNode | null = node.parentNode;
    const isRoot = parent === null || parent.nodeType !== ELEMENT;
    steps.push(isRoot ? node.nodeName : `${node.nodeName}[${sameNameBefore(node) + 1}]`);
    node = parent;
  }
  return `/${steps.reverse().join('/')}`;
}

function sameNameBefore(element: DomNode): number {
  let count = 0;
  let sibling = element.parentNode?.firstChild ?? null;
  while (sibling !== null && sibling !== element) {
    if (sibling.nodeType === ELEMENT && sibling.nodeName === element.nodeName) count += 1;
    sibling = sibling.nextSibling;
  }
  return count;
}
