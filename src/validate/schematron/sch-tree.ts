/**
 * A Schematron file as a small element tree with the position of each start tag, so that every
 * message about the schema points at the element it is about. One saxes pass (namespaces on).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { lineColumnLocator } from '../../diagnostics/location.js';

export const SCHEMATRON_NS = 'http://purl.oclc.org/dml/schematron';

export interface SchElement {
  readonly ns: string;
  readonly name: string;
  /** Attributes in no namespace, by local name. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly SchChild[];
  readonly line: number;
  readonly column: number;
}

export type SchChild = SchElement | string;

interface OpenElement {
  readonly element: SchElement;
  readonly children: SchChild[];
}

/** Parses the schema; a schema that is not well-formed gives one error at the place saxes stopped. */
export function readSchTree(text: string, file: string): { root?: SchElement; messages: Diagnostic[] } {
  const locate = lineColumnLocator(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: OpenElement[] = [];
  let root: SchElement | undefined;
  let start = 0;
  parser.on('opentagstart', () => {
    start = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    const element = newElement(tag, locate(start));
    const open = { element, children: element.children as SchChild[] };
    if (stack.length === 0) root = element;
    else stack[stack.length - 1]?.children.push(element);
    stack.push(open);
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
    const where = { file, line: parser.line, column: parser.column + 1 };
    return { messages: [diagnostic('error', 'schematron-schema', `the Schematron file is not well-formed XML: ${message}`, where)] };
  }
  return { ...(root === undefined ? {} : { root }), messages: [] };
}

function newElement(tag: SaxesTagNS, at: { line: number; column: number }): SchElement {
  const attributes: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.uri === '') attributes[attribute.local] = attribute.value;
  }
  return { ns: tag.uri, name: tag.local, attributes, children: [], line: at.line, column: at.column };
}

export function childElements(element: SchElement, name?: string): SchElement[] {
  return element.children.filter((c): c is SchElement => typeof c !== 'string' && c.ns === SCHEMATRON_NS && (name === undefined || c.name === name));
}

/** Elements of other namespaces among the children (foreign markup such as xsl:function). */
export function foreignChildren(element: SchElement): SchElement[] {
  return element.children.filter((c): c is SchElement => typeof c !== 'string' && c.ns !== SCHEMATRON_NS);
}
