/**
 * `print`: `tei-edition pdf` in a fresh process, from the TEI to edition.typ and edition.pdf:
 * for the sample edition (3 texts; target under 2 s) and for the synthetic corpus converted to TEI
 * (300 texts, a book of some thousands of pages; target under 60 s). Also the split between the
 * XSLT (`--typst-only`) and Typst, for the corpus.
 */
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../corpus/samples.js';
import { formatMs, round, timing } from '../measure.js';
import type { BenchSection } from '../section.js';
import { teiEditionTimed } from '../spawn-timed.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';

const SAMPLE_TARGET_MS = 2_000;
const CORPUS_TARGET_MS = 60_000;

function pagesOf(stdout: string): number {
  return Number(/\((\d+) pages\)/u.exec(stdout)?.[1] ?? 0);
}

export const printSection: BenchSection = {
  name: 'print',
  describe: '`tei-edition pdf` in a fresh process: the print edition (Typst source and PDF) of the sample and of the corpus',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-'));
    try {
      // The sample edition, converted once.
      const sample = join(dir, 'sample');
      await cp(join(repositoryRoot(), 'edition.json'), join(sample, 'edition.json'));
      await cp(join(repositoryRoot(), 'tei'), join(sample, 'tei'), {
        recursive: true,
        filter: (src) => !/\/tei\/1917-[^/]*\.xml$/u.test(src),
      });
      ctx.progress('print: converting the sample');
      await teiEditionTimed(['convert', '--config', join(sample, 'edition.json'), '--quiet']);
      const sampleRuns = [];
      for (let i = 1; i <= ctx.runs; i++) {
        ctx.progress(`print: sample, run ${i}/${ctx.runs}`);
        sampleRuns.push(await teiEditionTimed(['pdf', '--config', join(sample, 'edition.json')]));
      }
      const s = timing(sampleRuns.map((r) => r.ms));
      const samplePages = pagesOf(sampleRuns[0]?.stdout ?? '');

      // The corpus, converted once; one run each (a run takes most of a minute).
      const corpus = join(dir, 'corpus');
      const written = await writeCorpusEdition(
        corpus,
        ctx.corpus,
        ctx.samples,
        `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`,
      );
      ctx.progress('print: converting the corpus to TEI');
      await teiEditionTimed(['convert', '--config', written.config, '--quiet']);
      ctx.progress('print: corpus, Typst source only');
      const typstOnly = await teiEditionTimed(['pdf', '--config', written.config, '--typst-only']);
      ctx.progress('print: corpus, Typst source and PDF');
      const full = await teiEditionTimed(['pdf', '--config', written.config]);
      const pdfBytes = (await stat(join(corpus, 'output', 'print', 'edition.pdf'))).size;
      const corpusPages = pagesOf(full.stdout);
      return {
        lines: [
          `sample (3 texts → ${samplePages} pages): best ${formatMs(s.best)}, median ${formatMs(s.median)}; exit codes ${sampleRuns.map((r) => r.code).join(', ')}`,
          `    target (under 2 s): ${s.best < SAMPLE_TARGET_MS ? 'met' : `missed by ${formatMs(s.best - SAMPLE_TARGET_MS)}`}`,
          `corpus (${ctx.corpus.length} texts → ${corpusPages} pages, PDF ${(pdfBytes / 1e6).toFixed(1)} MB): ${formatMs(full.ms)} (one run; exit ${full.code}), of which the XSLT to edition.typ ${formatMs(typstOnly.ms)} and Typst about ${formatMs(full.ms - typstOnly.ms)}; ${(corpusPages / (full.ms / 1000)).toFixed(0)} pages/s`,
          `    target (under 60 s): ${full.ms < CORPUS_TARGET_MS ? 'met' : `missed by ${formatMs(full.ms - CORPUS_TARGET_MS)}`}`,
        ],
        figures: {
          sample: {
            pages: samplePages,
            bestMs: round(s.best),
            medianMs: round(s.median),
            runsMs: s.runs.map((ms) => round(ms)),
            targetMet: s.best < SAMPLE_TARGET_MS,
          },
          corpus: {
            texts: ctx.corpus.length,
            pages: corpusPages,
            ms: round(full.ms),
            typstSourceMs: round(typstOnly.ms),
            pdfBytes,
            targetMet: full.ms < CORPUS_TARGET_MS,
          },
        },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
