/**
 * The elements of a SaxonJS document in document order, without recursion (a deeply nested
 * document must not overflow the stack): the one walk the node locator and the rule-context index
 * share.
 */
import type { DomNode } from './saxon.js';

const ELEMENT = 1;

export function forEachElement(document: DomNode, visit: (element: DomNode) => void): void {
  const stack: DomNode[] = [];
  let node: DomNode | null = document.firstChild;
  while (node !== null) {
    if (node.nodeType === ELEMENT) {
      visit(node);
      if (node.firstChild !== null) {
        stack.push(node);
        node = node.firstChild;
        continue;
      }
    }
    node = nextInOrder(node, stack);
  }
}

/** The next node after `node` and its descendants, climbing out of finished elements. */
function nextInOrder(node: DomNode, stack: DomNode[]): DomNode | null {
  let current: DomNode | undefined = node;
  while (current !== undefined) {
    if (current.nextSibling !== null) return current.nextSibling;
    current = stack.pop();
  }
  return null;
}
