/**
 * A Schematron file as a small element tree with the position of each start tag, so that every
 * message about the schema points at the element it is about. One saxes pass (namespaces on).
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { type NamespacedChild, type NamespacedElement, parseNamespacedTree, XmlSyntaxError } from '../../lib/xml/namespaced-tree.js';

export const SCHEMATRON_NS = 'http://purl.oclc.org/dsdl/schematron';

export type SchElement = NamespacedElement;
export type SchChild = NamespacedChild;

/** Parses the schema; a schema that is not well-formed gives one error at the place saxes stopped. */
export function readSchTree(text: string, file: string): { root?: SchElement; messages: Diagnostic[] } {
  try {
    return { root: parseNamespacedTree(text), messages: [] };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const where = { file, line: error.line, column: error.column };
    return { messages: [diagnostic('error', 'schematron-schema', `the Schematron file is not well-formed XML: ${error.message}`, where)] };
  }
}

export function childElements(element: SchElement, name?: string): SchElement[] {
  return element.children.filter(
    (c): c is SchElement => typeof c !== 'string' && c.ns === SCHEMATRON_NS && (name === undefined || c.name === name),
  );
}

/** Elements of other namespaces among the children (foreign markup such as xsl:function). */
export function foreignChildren(element: SchElement): SchElement[] {
  return element.children.filter((c): c is SchElement => typeof c !== 'string' && c.ns !== SCHEMATRON_NS);
}
