/**
 * The cost of tagging names and dates: the same corpus converted in-process with tagging (the
 * sample's registers, as `tei-edition convert` does) and without, best of the runs each.
 */
import { performance } from 'node:perf_hooks';
import { frenchLexicon } from '../../src/lib/lexicon/lexicon.js';
import { convertSource, type ConvertInput } from '../../src/convert/convert-source.js';
import type { BenchContext, BenchSection, SectionReport } from '../section.js';

const TARGET_RATIO = 1.5;

export const taggingSection: BenchSection = {
  name: 'tagging',
  describe: 'convert with names and dates tagged vs without tagging',
  run: async (ctx: BenchContext): Promise<SectionReport> => {
    const lexicon = frenchLexicon();
    const base = ctx.corpus.map((d): ConvertInput => ({
      bytes: d.bytes,
      file: d.source.raw,
      source: d.source,
      edition: ctx.samples.edition,
      lexicon,
      tagging: false,
    }));
    const tagged = base.map((i) => ({ ...i, tagging: true, registers: ctx.samples.registers }));
    const time = (inputs: readonly ConvertInput[]) => {
      const start = performance.now();
      let tags = 0;
      for (const input of inputs)
        tags += (convertSource(input).xml?.match(/<(?:persName|placeName|orgName|title level="j") ref=/gu) ?? []).length;
      return { ms: performance.now() - start, tags };
    };
    time(tagged.slice(0, 10));
    const withTags: number[] = [];
    const without: number[] = [];
    let tags = 0;
    for (let run = 0; run < ctx.runs; run++) {
      ctx.progress(`tagging: run ${run + 1}/${ctx.runs}`);
      const a = time(base);
      const b = time(tagged);
      without.push(a.ms);
      withTags.push(b.ms);
      tags = b.tags;
    }
    const best = (xs: number[]) => Math.min(...xs);
    // Each run converts without, then with, tagging back to back: the median of those pairs'
    // ratios resists the host's changing load better than a ratio of two best times.
    const pairRatios = withTags.map((w, i) => w / (without[i] as number)).sort((a, b) => a - b);
    const ratio = pairRatios[Math.floor(pairRatios.length / 2)] as number;
    return {
      lines: [
        `[tagging] names and dates (${ctx.samples.registers.entries.length} register entries, ${tags} names tagged in the corpus)`,
        `  without tagging: best ${(best(without) / 1000).toFixed(2)} s; with tagging: best ${(best(withTags) / 1000).toFixed(2)} s; ratio per run ${pairRatios.map((r) => r.toFixed(2)).join(', ')} — median ${ratio.toFixed(2)}×`,
        `  target (issue): tagging costs no more than ${TARGET_RATIO}× the time without — ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
      ],
      figures: {
        withoutMs: Math.round(best(without)),
        withTaggingMs: Math.round(best(withTags)),
        ratios: pairRatios.map((r) => Number(r.toFixed(3))),
        ratio: Number(ratio.toFixed(3)),
        tags,
      },
    };
  },
};
