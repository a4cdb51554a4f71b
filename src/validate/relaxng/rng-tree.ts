/**
 * Reads a RELAX NG schema in XML syntax into a small tree of RELAX NG elements (foreign elements
 * and annotations dropped), keeping for each element its position and the inherited `ns`,
 * `datatypeLibrary` and namespace prefixes that simplification needs (RELAX NG §4.3, §4.4, §4.10).
 */
import { SaxesParser } from 'saxes';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface RngElement {
  readonly local: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: RngElement[];
  text: string;
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
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: (RngElement | null)[] = [];
  let root: RngElement | undefined;
  let foreignDepth = 0;
  parser.on('opentag', (tag) => {
    const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (foreignDepth > 0 || tag.uri !== RNG_NS) {
      foreignDepth += 1;
      stack.push(null);
      return;
    }
    const attributes = new Map<string, string>();
    for (const attr of Object.values(tag.attributes)) {
      if (typeof attr === 'string') continue;
      if (attr.uri === '' && attr.prefix === '' && attr.local !== 'xmlns') attributes.set(attr.local, attr.value.trim());
    }
    const prefixes = new Map(parent?.prefixes ?? [['xml', XML_NS]]);
    for (const [prefix, uri] of Object.entries(tag.ns)) prefixes.set(prefix, uri);
    const element: RngElement = {
      local: tag.local,
      attributes,
      children: [],
      text: '',
      file,
      line: parser.line,
      column: parser.column + 1,
      ns: attributes.get('ns') ?? parent?.ns ?? '',
      datatypeLibrary: attributes.get('datatypeLibrary') ?? parent?.datatypeLibrary ?? '',
      prefixes,
    };
    if (parent) parent.children.push(element);
    else if (root === undefined) root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    if (stack.pop() === null) foreignDepth -= 1;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new SchemaError(`schema is not well-formed XML: ${e instanceof Error ? e.message.replace(/^[^:]*:\d+:\d+: /, '') : String(e)}`, file, parser.line, parser.column + 1);
  }
  if (root === undefined) throw new SchemaError('not a RELAX NG schema: no element in the RELAX NG namespace', file, 1, 1);
  return root;
}

export function requiredAttribute(element: RngElement, name: string): string {
  const value = element.attributes.get(name);
  if (value === undefined) throw new SchemaError(`<${element.local}> needs a "${name}" attribute`, element.file, element.line, element.column);
  return value;
}
