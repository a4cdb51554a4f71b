/**
 * Stage 5: enrichment, a fixed sequence of small pure stages over the document model. Each
 * records what it changes (choice, lb/@break, note/@resp) and reports with source positions.
 */
import type { Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { SourceConfig } from '../../lib/config/types.js';
import type { EditionDocument } from '../model/document.js';
import { applyCorrections } from './corrections.js';
import { normaliseDropCaps } from './drop-caps.js';
import { resolveHyphenation } from './hyphenation.js';
import type { Lexicon } from '../../lib/lexicon/lexicon.js';
import { markLetterParts } from './letter-parts.js';
import { attachNotes } from './notes.js';
import type { Gazetteer } from './gazetteer.js';
import type { RegisterTargets } from './tag-names-and-dates.js';
import { tagNamesAndDates } from './tag-names-and-dates.js';
import type { DateContext } from '../../lib/dates/french-dates.js';

export interface EnrichContext {
  readonly source: SourceConfig;
  /** The raw file, for messages. */
  readonly file: string;
  /** The config file, for messages about the config's corrections. */
  readonly configFile?: string;
  readonly lexicon: Lexicon;
  /** The registers' names, and where the TEI points for each kind. */
  readonly gazetteer?: Gazetteer;
  readonly registerTargets?: RegisterTargets;
  readonly dates: DateContext;
  /** Dates and names are tagged (the last two stages). */
  readonly tagging: boolean;
}

type Stage = (doc: EditionDocument, ctx: EnrichContext) => { document: EditionDocument; messages: Diagnostic[] };

const enrichmentStages: readonly (readonly [string, Stage])[] = [
  ['drop-caps', (doc, ctx) => normaliseDropCaps(doc, ctx.lexicon, ctx.file)],
  ['hyphenation', (doc, ctx) => resolveHyphenation(doc, ctx.lexicon, ctx.file)],
  ['letter-parts', (doc, ctx) => markLetterParts(doc, ctx.file)],
  ['notes', (doc, ctx) => attachNotes(doc, ctx.source.notes, ctx.file)],
  ['corrections', (doc, ctx) => applyCorrections(doc, ctx.source.corrections ?? [], ctx.file, ctx.configFile ?? 'edition.json')],
  // Dates and names read the corrected text, so they come last.
  [
    'names and dates',
    (doc, ctx) =>
      ctx.tagging
        ? tagNamesAndDates(doc, {
            dates: ctx.dates,
            ...(ctx.gazetteer ? { gazetteer: ctx.gazetteer } : {}),
            targets: ctx.registerTargets ?? {},
            file: ctx.file,
          })
        : { document: doc, messages: [] },
  ],
];

export function enrichDocument(
  doc: EditionDocument,
  ctx: EnrichContext,
  observe: <T>(stage: string, run: () => T) => T = (_stage, run) => run(),
): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  // `doc` itself takes each stage's result, so no variable keeps an earlier version alive.
  for (const [name, stage] of enrichmentStages) {
    const current = doc;
    const result = observe(`enrich: ${name}`, () => stage(current, ctx));
    doc = result.document;
    messages.push(...result.messages);
  }
  return { document: doc, messages };
}
