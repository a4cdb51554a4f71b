/**
 * Where the converter's time goes: `convertSource` run with a stage observer that puts a clock
 * around each stage (read, lines, layout, model, each enrichment stage, TEI writing).
 */
import { performance } from 'node:perf_hooks';
import { frenchLexicon } from '../../src/lib/lexicon/lexicon.js';
import { convertSource, type ConvertInput } from '../../src/convert/convert-source.js';

export interface StageTimes {
  /** Milliseconds per stage over the whole corpus, in pipeline order. */
  readonly stages: readonly { readonly stage: string; readonly ms: number }[];
  readonly totalMs: number;
}

export function timeStages(inputs: readonly Omit<ConvertInput, 'lexicon'>[]): StageTimes {
  const lexicon = frenchLexicon();
  const totals = new Map<string, number>();
  const observe = <T>(stage: string, run: () => T): T => {
    const start = performance.now();
    const value = run();
    totals.set(stage, (totals.get(stage) ?? 0) + performance.now() - start);
    return value;
  };
  for (const input of inputs) convertSource({ ...input, lexicon }, observe);
  const stages = [...totals].map(([stage, ms]) => ({ stage, ms }));
  return { stages, totalMs: stages.reduce((n, s) => n + s.ms, 0) };
}
