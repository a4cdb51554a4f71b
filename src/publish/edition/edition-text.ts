/**
 * A text of the edition as the publishing stages take it: its TEI (the bytes that are validated
 * and published) and where it came from.
 */
import type { SiteText } from './published-documents.js';

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
  /** TEI brought as it is: what the config says of it, over its header. */
  readonly title?: string;
  readonly author?: string;
  /** TEI brought as it is: the RELAX NG schema its source names, that build validates it against (absolute); none: well-formedness only. */
  readonly schema?: string;
}

/** The config's title and author of TEI sources, by text id, for the stylesheets (`texts` of the edition's metadata). */
export function textOverrides(texts: readonly EditionText[]): { texts?: Record<string, { title?: string; author?: string }> } {
  const found = texts
    .filter((t) => t.title !== undefined || t.author !== undefined)
    .map(
      (t) =>
        [t.id, { ...(t.title === undefined ? {} : { title: t.title }), ...(t.author === undefined ? {} : { author: t.author }) }] as const,
    );
  return found.length === 0 ? {} : { texts: Object.fromEntries(found) };
}
