/**
 * An XML file as a small namespace-aware element tree with the position of each start tag: the
 * reader for the schema files (RELAX NG, Schematron), where every message about the schema must
 * point at the element it is about. One saxes pass. (Register and TEI files are read with
 * element-tree.ts; documents to validate are streamed, never built into a tree.)
 */
import { NamespaceParser } from './namespace-parser.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface NamespacedElement {
  /** Namespace URI ('' for none) and local name. */
  readonly ns: string;
  readonly name: string;
  /** Attributes in no namespace, by local name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Namespace prefixes in scope ('' is the default namespace). */
  readonly prefixes: ReadonlyMap<string, string>;
  readonly children: readonly NamespacedChild[];
  /** Position of the start tag's `<` (1-based; columns count code points). */
  readonly line: number;
  readonly column: number;
}

export type NamespacedChild = NamespacedElement | string;

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/** Parses a whole file; throws XmlSyntaxError (saxes's message, where it stopped) when it is not well-formed. */
export function parseNamespacedTree(text: string): NamespacedElement {
  const parser = new NamespaceParser();
  const stack: { element: NamespacedElement; children: NamespacedChild[] }[] = [];
  let root: NamespacedElement | undefined;
  // Where the start tag's `<` is: saxes reports the tag's start just after its name, on the same line.
  let at = { line: 1, column: 1 };
  parser.on('opentagstart', () => {
    const lessThan = text.lastIndexOf('<', parser.position - 1);
    at = { line: parser.line, column: parser.column - (parser.position - lessThan) + 1 };
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) if (attribute.uri === '') attributes[attribute.local] = attribute.value;
    const declared = Object.entries(tag.ns);
    const prefixes =
      declared.length === 0
        ? (parent?.element.prefixes ?? new Map([['xml', XML_NS]]))
        : new Map([...(parent?.element.prefixes ?? [['xml', XML_NS]]), ...declared]);
    const children: NamespacedChild[] = [];
    const element: NamespacedElement = { ns: tag.uri, name: tag.local, attributes, prefixes, children, line: at.line, column: at.column };
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push({ element, children });
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (value: string): void => {
    stack[stack.length - 1]?.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^(?:[^:]*:)?\d+:\d+: /u, '') : String(error);
    throw new XmlSyntaxError(message, parser.line, parser.column + 1);
  }
  if (root === undefined) throw new XmlSyntaxError('no root element', 1, 1);
  return root;
}

/** The text directly inside an element (its text children, concatenated). */
export function ownText(element: NamespacedElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}
