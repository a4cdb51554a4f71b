/**
 * The engine's only contact with saxon-js: parse a document (`SaxonJS.getResource`), evaluate an
 * XPath 3.1 expression (`SaxonJS.XPath.evaluate`). evaluate() compiles its expression on every
 * call (2 to 3 ms for the edition's schema); SaxonJS's undocumented precompiled form
 * (`XPath.compile`/`evaluateOnly`) is not used: it fails on functions that need a collation.
 */
import SaxonJS from 'saxon-js';

export type DomNode = SaxonJS.DomNode;
export type DomDocument = SaxonJS.DomDocument;

/** The state of the document cache the engine's `doc()` reads (see document-cache.ts). */
export interface EngineParams {
  readonly uris: readonly string[];
  readonly docs: readonly DomDocument[];
  readonly missing: readonly string[];
  /** Base URI for relative `doc()` URIs: the schema file, as for XSLT compiled from it. */
  readonly base: string;
}

/** Evaluates with `params` bound (by name or `Q{uri}local`); the result sequence as an array. */
export function evaluate(
  expression: string,
  context: DomNode,
  namespaces: Readonly<Record<string, string>>,
  params: Record<string, unknown>,
): unknown[] {
  const result = SaxonJS.XPath.evaluate(expression, context, { namespaceContext: { ...namespaces }, params, resultForm: 'array' });
  return Array.isArray(result) ? result : [result];
}

export function parseDocument(xml: string, baseURI: string): Promise<DomDocument> {
  return SaxonJS.getResource({ text: xml, type: 'xml', baseURI });
}

let placeholder: DomNode | undefined;

/** A one-element document, the context for checking expressions without running them. */
export function placeholderDocument(): DomNode {
  placeholder ??= SaxonJS.XPath.evaluate("parse-xml('<x/>')", null) as DomNode;
  return placeholder;
}

/** The XPath error code of a SaxonJS error (`XPST0003`, `Q{uri}local`), if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return code === undefined || text.includes(code) ? text : `${code}: ${text}`;
}

export function isDomNode(value: unknown): value is DomNode {
  return typeof value === 'object' && value !== null && 'nodeType' in value && typeof value.nodeType === 'number';
}
