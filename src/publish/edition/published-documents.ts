/**
 * The documents both outputs (the HTML reading edition and the print edition) start from: the
 * texts' TEI, the registers, the edition's metadata; and the pages the HTML stage gives the
 * stages after it (search) and the reading order.
 */
import type { EditionMetadata, Licence } from '../../lib/config/types.js';

export interface SiteText {
  /** The source id: the page is `<id>.html`, the TEI download `tei/<id>.xml`. */
  readonly id: string;
  readonly xml: string;
  /** Absolute path of the TEI file (its base URI in the transformation). */
  readonly path: string;
  /** Its local images, address as written → the copy's path in the output (the stylesheets' `local-images`). */
  readonly images?: Readonly<Record<string, string>>;
}

export interface SiteRegister {
  /** The file name the texts' `@ref` point to (`persons.xml`). */
  readonly file: string;
  readonly xml: string;
  readonly path: string;
}

/**
 * The edition's metadata as the stylesheets take it: the config's, or what is known without one.
 * A key present with nothing (`licence: null`, `editors: []`, `publisher: null`) says the edition
 * has none of its own: the stylesheets then take no text's header for the edition's.
 */
export type PublishedMetadata = Omit<Partial<EditionMetadata>, 'licence'> & {
  licence?: Licence | null;
  /** What the config says of some texts, over their headers, by text id. */
  texts?: Readonly<Record<string, { readonly title?: string; readonly author?: string }>>;
};

/** The edition's metadata for the stylesheet (`edition-json`): the config's `edition`, with `url` as the stylesheet's `baseUrl`. */
export function editionJson(edition: PublishedMetadata | undefined): string {
  return JSON.stringify({ ...(edition ?? {}), ...(edition?.url === undefined ? {} : { baseUrl: edition.url }) });
}

export interface SitePage {
  readonly file: string;
  readonly html: string;
}

/** A text in reading order, as the pager shows it. */
export interface ReadingEntry {
  readonly id: string;
  readonly title: string;
}
