/**
 * Stage 5: enrichment, a fixed sequence of small pure stages over the document model. Each
 * records what it changes (choice, lb/@break, note/@resp) and reports with source positions.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceConfig } from '../config/types.js';
import type { EditionDocument } from '../model/document.js';
import { applyCorrections } from './corrections.js';
import { normaliseDropCaps } from './drop-caps.js';
import { resolveHyphenation } from './hyphenation.js';
import type { Lexicon } from './lexicon.js';
import { markLetterParts } from './letter-parts.js';
import { attachNotes } from './notes.js';

export interface EnrichContext {
  readonly source: SourceConfig;
  /** The raw file, for messages. */
  readonly file: string;
  /** The config file, for messages about the config's corrections. */
  readonly configFile?: string;
  readonly lexicon: Lexicon;
}

type Stage = (doc: EditionDocument, ctx: EnrichContext) => { document: EditionDocument; messages: Diagnostic[] };

export const enrichmentStages: readonly (readonly [string, Stage])[] = [
  ['drop-caps', (doc, ctx) => normaliseDropCaps(doc, ctx.lexicon, ctx.file)],
  ['hyphenation', (doc, ctx) => resolveHyphenation(doc, ctx.lexicon, ctx.file)],
  ['letter-parts', (doc, ctx) => markLetterParts(doc, ctx.file)],
  ['notes', (doc, ctx) => attachNotes(doc, ctx.source.notes, ctx.file)],
  ['corrections', (doc, ctx) => applyCorrections(doc, ctx.source.corrections ?? [], ctx.file, ctx.configFile ?? 'edition.json')],
];

export function enrichDocument(doc: EditionDocument, ctx: EnrichContext): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  let document = doc;
  for (const [, stage] of enrichmentStages) {
    const result = stage(document, ctx);
    document = result.document;
    messages.push(...result.messages);
  }
  return { document, messages };
}
