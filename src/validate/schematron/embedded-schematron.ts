/**
 * The Schematron embedded in a RELAX NG schema, as TEI's ODD-generated schemas carry it (TEI
 * Guidelines §22.5.3 "Constraint specifications": each constraintSpec in the ISO Schematron
 * scheme becomes an `sch:pattern` inside the grammar, with the `sch:ns` declarations it needs).
 * RELAX NG validators ignore these foreign elements (jing does); oXygen runs them, and so does
 * `tei-edition validate --schema file.rng`.
 *
 * Every `ns`, `let`, `pattern` and `diagnostics` element of the ISO namespace, wherever it sits in
 * the grammar, becomes a child of one `schema` element (queryBinding xslt2, as the TEI
 * stylesheets generate it), in document order, with its position in the .rng file. Only the
 * schema file itself is read: rules in files it includes are not (a limit, said in the docs).
 */
import { type NamespacedElement, parseNamespacedTree, XmlSyntaxError } from '../../lib/xml/namespaced-tree.js';
import { SCHEMATRON_NS, type SchElement } from './sch-tree.js';

/** Top-level Schematron elements that can sit in a grammar (phase and title are not needed to run the rules). */
const embeddedElements = new Set(['ns', 'let', 'pattern', 'diagnostics']);

/** The embedded rules as one Schematron schema, or undefined when the schema has no pattern. */
export function embeddedSchematron(rngText: string): SchElement | undefined {
  let root: NamespacedElement;
  try {
    root = parseNamespacedTree(rngText);
  } catch (error) {
    // The RELAX NG compiler reports a schema that is not well-formed.
    if (error instanceof XmlSyntaxError) return undefined;
    throw error;
  }
  const found: SchElement[] = [];
  collect(root, found);
  if (!found.some((e) => e.name === 'pattern')) return undefined;
  return {
    ns: SCHEMATRON_NS,
    name: 'schema',
    attributes: { queryBinding: 'xslt2' },
    prefixes: root.prefixes,
    children: found,
    line: root.line,
    column: root.column,
  };
}

function collect(element: NamespacedElement, found: SchElement[]): void {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.ns === SCHEMATRON_NS && embeddedElements.has(child.name)) found.push(child);
    else collect(child, found);
  }
}
