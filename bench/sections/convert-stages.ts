/**
 * Where the converter's time goes: the stages of `convertSource` (src/pipeline/convert-source.ts)
 * called one by one with a clock around each, the enrichment stages from their own table. This
 * mirrors `convertSource`; the result says whether its XML is still the same (if not, the
 * pipeline changed and this file should follow).
 */
import { performance } from 'node:perf_hooks';
import type { SourceConfig } from '../../src/config/types.js';
import { enrichmentStages, type EnrichContext } from '../../src/enrich/enrich-document.js';
import { frenchLexicon } from '../../src/enrich/lexicon.js';
import { analyseLayout } from '../../src/layout/analyse-layout.js';
import { splitLines } from '../../src/lines/split-lines.js';
import { buildDocument } from '../../src/model/build-document.js';
import type { EditionDocument } from '../../src/model/document.js';
import { convertSource, layoutSettings, type ConvertInput } from '../../src/pipeline/convert-source.js';
import { decodeRawText } from '../../src/read/decode.js';
import { stampGenerated } from '../../src/tei/generated-stamp.js';
import { writeTei } from '../../src/tei/write-tei.js';
import { toolVersion } from '../../src/tool-version.js';

export interface StageTimes {
  /** Milliseconds per stage over the whole corpus, in pipeline order. */
  readonly stages: readonly { readonly stage: string; readonly ms: number }[];
  readonly totalMs: number;
  /** The stage-by-stage XML equals `convertSource`'s for every file. */
  readonly mirrorsConvertSource: boolean;
}

export function timeStages(inputs: readonly Omit<ConvertInput, 'lexicon'>[]): StageTimes {
  const lexicon = frenchLexicon();
  const totals = new Map<string, number>();
  let mirrors = true;
  const clock = <T>(stage: string, fn: () => T): T => {
    const start = performance.now();
    const value = fn();
    totals.set(stage, (totals.get(stage) ?? 0) + performance.now() - start);
    return value;
  };
  for (const input of inputs) {
    const decoded = clock('read (decode)', () => decodeRawText(input.bytes, input.file));
    const lines = clock('lines', () => splitLines(decoded.text));
    const { layout } = clock('layout', () => analyseLayout(lines, layoutSettings(input.source), lexicon, input.file));
    const built = clock('model', () => buildDocument(layout, {
      textType: input.source.type ?? 'text',
      title: input.source.title,
      flows: input.source.layout.flows ?? [],
      pageNumbering: pageNumbering(input.source, layout.firstPage !== undefined),
    }));
    const ctx: EnrichContext = { source: input.source, file: input.file, lexicon, ...(input.configFile ? { configFile: input.configFile } : {}) };
    let document: EditionDocument = built;
    for (const [name, stage] of enrichmentStages) document = clock(`enrich: ${name}`, () => stage(document, ctx).document);
    const xml = clock('tei (write)', () => writeTei(document, { edition: input.edition, source: input.source, toolVersion, rawFile: input.source.raw }));
    const stamped = clock('tei (stamp)', () => stampGenerated(xml));
    mirrors &&= stamped === convertSource({ ...input, lexicon }).xml;
  }
  const stages = [...totals].map(([stage, ms]) => ({ stage, ms }));
  return { stages, totalMs: stages.reduce((n, s) => n + s.ms, 0), mirrorsConvertSource: mirrors };
}

/** As in convert-source.ts (not exported there). */
function pageNumbering(source: SourceConfig, hasPages: boolean): EditionDocument['facts']['pageNumbering'] {
  if (!hasPages) return 'none';
  return source.firstPage != null || (source.layout.runningHeads ?? []).length > 0 ? 'printed' : 'counted';
}
