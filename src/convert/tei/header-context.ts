/** What the TEI header is written from: the edition and the source as configured, the document, the tool. */
import type { EditionConfig, SourceConfig } from '../../lib/config/types.js';
import type { EditionDocument } from '../model/document.js';

export interface HeaderContext {
  readonly edition: EditionConfig['edition'];
  readonly source: SourceConfig;
  readonly doc: EditionDocument;
  readonly toolVersion: string;
  /** The raw file as named in the config (relative path). */
  readonly rawFile: string;
}
