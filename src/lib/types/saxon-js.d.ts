/**
 * The part of saxon-js 2.7 (SaxonJS for Node.js, https://www.saxonica.com/saxon-js/documentation2/)
 * that the toolkit uses; the package ships no types. Hand-written: keep it to what is called.
 */
declare module 'saxon-js' {
  namespace SaxonJS {
    /**
     * A node of SaxonJS's own DOM in Node.js: the W3C DOM properties used to walk a tree.
     * Elements returned by XPath are these very objects (same identity on every call).
     */
    interface DomNode {
      /** 1 element, 2 attribute, 3 text, 7 processing instruction, 8 comment, 9 document. */
      readonly nodeType: number;
      /** The qualified name as written (`persName`, `xml:id`). */
      readonly nodeName: string;
      readonly localName?: string | null;
      readonly namespaceURI?: string | null;
      readonly parentNode: DomNode | null;
      readonly firstChild: DomNode | null;
      readonly nextSibling: DomNode | null;
    }

    interface DomDocument extends DomNode {
      readonly nodeType: 9;
      readonly documentElement: DomNode | null;
    }

    interface XPathOptions {
      /** Values for external variables `$name` (strings, numbers, booleans, nodes, arrays of these). */
      params?: Record<string, unknown>;
      /** Prefix → namespace URI for the names in the expression. */
      namespaceContext?: Record<string, string>;
      xpathDefaultNamespace?: string;
      staticBaseURI?: string;
      /** `array`: the result sequence as a JavaScript array (atomic values converted, nodes as they are). */
      resultForm?: 'default' | 'array' | 'iterator' | 'xdm';
    }

    interface XPathApi {
      /** Compiles and evaluates an XPath 3.1 expression; throws an XError on a static or dynamic error. */
      evaluate(expression: string, contextItem: DomNode | null, options?: XPathOptions): unknown;
    }

    interface ResourceOptions {
      text: string;
      type: 'xml';
      /** Base URI of the parsed document (for `base-uri()`, `resolve-uri()`). */
      baseURI?: string;
    }

    /** Options of SaxonJS.transform (the ones the toolkit passes; see the SaxonJS documentation). */
    interface TransformOptions {
      /** The compiled stylesheet (SEF JSON, parsed). */
      stylesheetInternal?: unknown;
      sourceText?: string;
      sourceBaseURI?: string;
      initialTemplate?: string;
      stylesheetParams?: Record<string, unknown>;
      destination?: 'serialized' | 'raw' | 'document';
      resultForm?: string;
      [option: string]: unknown;
    }

    interface TransformOutput {
      readonly principalResult?: unknown;
      /** Secondary result documents by absolute URI. */
      readonly resultDocuments?: Record<string, unknown>;
    }

    /** SaxonJS's error: `code` is the XPath error code, `Q{uri}local` for user-defined codes. */
    interface XError extends Error {
      readonly code?: string;
    }
  }

  interface SaxonJSApi {
    readonly XPath: SaxonJS.XPathApi;
    /** Runs a compiled stylesheet; `async` returns a promise. */
    transform(options: SaxonJS.TransformOptions, execution: 'async'): Promise<SaxonJS.TransformOutput>;
    /** Parses `text` (type `xml`) into a document node. */
    getResource(options: SaxonJS.ResourceOptions): Promise<SaxonJS.DomDocument>;
  }

  const SaxonJS: SaxonJSApi;
  export = SaxonJS;
}
