/**
 * Reads a RELAX NG schema in XML syntax into a small tree of RELAX NG elements (foreign elements
 * and annotations dropped), keeping for each element its position and the inherited `ns`,
 * `datatypeLibrary` and namespace prefixes that simplification needs (RELAX NG §4.3, §4.4, §4.10).
 */
import { type NamespacedElement, ownText, parseNamespacedTree, XmlSyntaxError } from '../../lib/xml/namespaced-tree.js';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';

export interface RngElement {
  readonly local: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: RngElement[];
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Inherited `ns` attribute (the default namespace for element names). */
  readonly ns: string;
  readonly datatypeLibrary: string;
  readonly prefixes: ReadonlyMap<string, string>;
}

export class SchemaError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SchemaError';
  }
}

export function parseRngTree(xml: string, file: string): RngElement {
  let root: NamespacedElement;
  try {
    root = parseNamespacedTree(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new SchemaError(`schema is not well-formed XML: ${e.message}`, file, e.line, e.column);
    throw e;
  }
  if (root.ns !== RNG_NS)
    throw new SchemaError('not a RELAX NG schema: the root element is not in the RELAX NG namespace', file, root.line, root.column);
  return toRng(root, file, undefined);
}

function toRng(element: NamespacedElement, file: string, parent: RngElement | undefined): RngElement {
  const attributes = new Map(Object.entries(element.attributes).map(([k, v]) => [k, v.trim()]));
  const rng: RngElement = {
    local: element.name,
    attributes,
    children: [],
    text: ownText(element),
    file,
    line: element.line,
    column: element.column,
    ns: attributes.get('ns') ?? parent?.ns ?? '',
    datatypeLibrary: attributes.get('datatypeLibrary') ?? parent?.datatypeLibrary ?? '',
    prefixes: element.prefixes,
  };
  for (const child of element.children) if (typeof child !== 'string' && child.ns === RNG_NS) rng.children.push(toRng(child, file, rng));
  return rng;
}

export function requiredAttribute(element: RngElement, name: string): string {
  const value = element.attributes.get(name);
  if (value === undefined)
    throw new SchemaError(`<${element.local}> needs a "${name}" attribute`, element.file, element.line, element.column);
  return value;
}
