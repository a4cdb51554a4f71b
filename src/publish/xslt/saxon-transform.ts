/**
 * The one adapter around SaxonJS's XSLT: runs a compiled stylesheet (SEF) on a source document
 * or from a named template, with parameters, and returns the serialized result documents
 * (principal and `xsl:result-document` ones). Dynamic errors become TransformError with the
 * stylesheet position SaxonJS gives.
 */
import type SaxonJSModule from 'saxon-js';

type SaxonJS = typeof SaxonJSModule;
let loading: Promise<SaxonJS> | undefined;
let loaded: SaxonJS | undefined;

/** SaxonJS, loaded on first use: a build that takes every page from its cache never loads it. */
export function saxonJs(): Promise<SaxonJS> {
  loading ??= import('saxon-js').then((m) => (loaded = m.default));
  return loading;
}

/** SaxonJS, for code that works on its documents (made by parseForTransform, so it is loaded). */
export function loadedSaxonJs(): SaxonJS {
  if (loaded === undefined) throw new Error('SaxonJS is used before it is loaded (a document not made by parseForTransform?)');
  return loaded;
}

export interface TransformRequest {
  readonly sef: unknown;
  /** The source as text (parsed by SaxonJS), or none for a named initial template. */
  readonly sourceText?: string;
  /** The source already parsed (parseForTransform), instead of sourceText. */
  readonly sourceDocument?: unknown;
  /** Base URI of the source (resolves relative references in the stylesheet's doc() calls). */
  readonly sourceBaseUri?: string;
  readonly initialTemplate?: string;
  /** Stylesheet parameters by name (strings, numbers, arrays of them, SaxonJS documents). */
  readonly params?: Record<string, unknown>;
}

export interface TransformResult {
  /** The principal result, serialized. */
  readonly principal: string;
  /** Secondary results (`xsl:result-document`), serialized, by their absolute href (RESULT_BASE_URI + href). */
  readonly documents: Record<string, string>;
}

export class TransformError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TransformError';
  }
}

/** The base URI of the secondary results (`documents` is keyed by their absolute href). */
export const RESULT_BASE_URI = 'file:///tei-edition-results/';

export async function transform(request: TransformRequest): Promise<TransformResult> {
  const options: Record<string, unknown> = {
    stylesheetInternal: request.sef,
    destination: 'serialized',
    stylesheetParams: request.params ?? {},
    resultForm: 'string',
    // xsl:result-document: kept in memory (resultDocuments), never written by SaxonJS; hrefs resolve against this.
    deliverResultDocument: () => ({ destination: 'serialized' }),
    baseOutputURI: RESULT_BASE_URI,
  };
  if (request.sourceDocument !== undefined) options.sourceNode = request.sourceDocument;
  else if (request.sourceText !== undefined) {
    options.sourceText = request.sourceText;
    if (request.sourceBaseUri !== undefined) options.sourceBaseURI = request.sourceBaseUri;
  }
  if (request.initialTemplate !== undefined) options.initialTemplate = request.initialTemplate;
  try {
    const output = await (await saxonJs()).transform(options, 'async');
    const documents: Record<string, string> = {};
    for (const [href, value] of Object.entries(output.resultDocuments ?? {})) documents[href] = String(value);
    return {
      principal: output.principalResult === undefined || output.principalResult === null ? '' : String(output.principalResult),
      documents,
    };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
    throw new TransformError(error instanceof Error ? error.message : String(error), code);
  }
}

/** Parses XML into a SaxonJS document, for parameters shared by many transforms (registers, texts). */
export async function parseForTransform(xml: string, baseUri: string): Promise<unknown> {
  return (await saxonJs()).getResource({ text: xml, type: 'xml', baseURI: baseUri });
}
