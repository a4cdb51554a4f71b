/**
 * A text of the edition as the publishing stages take it: its TEI (the bytes that are validated
 * and published) and where it came from.
 */
import type { SiteText } from '../html/render-pages.js';
import type { EditionMetadata, Licence } from '../config/types.js';

/**
 * - `converted`: made by tei-edition from a raw text (`tei/<id>.xml` as convert wrote it);
 * - `hand-edited`: made by tei-edition and edited by hand since (kept as it is);
 * - `tei`: TEI the editor brought (a `tei` source, or a file named on the command line).
 */
export type TextOrigin = 'converted' | 'hand-edited' | 'tei';

export interface EditionText extends SiteText {
  readonly origin: TextOrigin;
  /** The file the editor corrects, as messages show it. */
  readonly shown: string;
  /** TEI brought as it is: the RELAX NG schema its source names, that build validates it against (absolute); none: well-formedness only. */
  readonly schema?: string;
}

/**
 * The edition's metadata as the stylesheets take it: the config's, or what is known without one.
 * A key present with nothing (`licence: null`, `editors: []`, `publisher: null`) says the edition
 * has none of its own: the stylesheets then take no text's header for the edition's.
 */
export type PublishedMetadata = Omit<Partial<EditionMetadata>, 'licence'> & { licence?: Licence | null };
