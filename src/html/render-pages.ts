/**
 * The HTML reading edition's pages, made by the XSLT 3.0 stylesheet `xslt/html/edition.xsl`
 * (SaxonJS): one page per text, the index and the registers. HTML is known only to the
 * stylesheet; this module passes it the documents and the edition's metadata and returns the
 * pages as text. Pure apart from the transformation engine.
 */
import { pathToFileURL } from 'node:url';
import type { EditionMetadata } from '../config/types.js';
import { parseForTransform, transform } from '../xslt/saxon-transform.js';

export interface SiteText {
  /** The source id: the page is `<id>.html`, the TEI download `tei/<id>.xml`. */
  readonly id: string;
  readonly xml: string;
  /** Absolute path of the TEI file (its base URI in the transformation). */
  readonly path: string;
}

export interface SiteRegister {
  /** The file name the texts' `@ref` point to (`persons.xml`). */
  readonly file: string;
  readonly xml: string;
  readonly path: string;
}

/** What every page's transformation gets, parsed once per thread. */
export interface RenderContext {
  readonly sef: unknown;
  readonly editionJson: string;
  readonly registers: readonly unknown[];
  readonly textIds: readonly string[];
}

export const COLLECTION_PAGES = [
  { template: 'index', file: 'index.html' },
  { template: 'persons', file: 'persons.html' },
  { template: 'places', file: 'places.html' },
] as const;

/** The edition's metadata for the stylesheet (`edition-json`): the config's `edition`, with `url` as the stylesheet's `baseUrl`. */
export function editionJson(edition: EditionMetadata | undefined): string {
  return JSON.stringify({ ...(edition ?? {}), ...(edition?.url === undefined ? {} : { baseUrl: edition.url }) });
}

export async function renderContext(sef: unknown, edition: EditionMetadata | undefined, registers: readonly SiteRegister[], textIds: readonly string[]): Promise<RenderContext> {
  const parsed = await Promise.all(registers.map((r) => parseForTransform(r.xml, pathToFileURL(r.path).href)));
  return { sef, editionJson: editionJson(edition), registers: parsed, textIds };
}

export async function renderTextPage(context: RenderContext, text: SiteText): Promise<string> {
  const result = await transform({
    sef: context.sef,
    sourceText: text.xml,
    sourceBaseUri: pathToFileURL(text.path).href,
    params: { 'edition-json': context.editionJson, registers: [...context.registers], 'text-id': text.id, 'text-ids': [...context.textIds] },
  });
  return result.principal;
}

/** The index and the register pages: they need every text. */
export async function renderCollectionPages(context: RenderContext, texts: readonly SiteText[]): Promise<{ file: string; html: string }[]> {
  const parsed = await Promise.all(texts.map((t) => parseForTransform(t.xml, pathToFileURL(t.path).href)));
  const pages: { file: string; html: string }[] = [];
  for (const page of COLLECTION_PAGES) {
    const result = await transform({
      sef: context.sef,
      initialTemplate: page.template,
      params: { 'edition-json': context.editionJson, registers: [...context.registers], texts: parsed, 'text-ids': texts.map((t) => t.id) },
    });
    pages.push({ file: page.file, html: result.principal });
    for (const [href, html] of Object.entries(result.documents)) pages.push({ file: href.split('/').pop() ?? href, html });
  }
  return pages;
}
