/**
 * `html`: `tei-edition html` in a fresh process over the synthetic corpus converted to TEI (300
 * texts): one page per text by the XSLT (worker threads), the index and the register of persons.
 * Target (issue 5): under 10 s for the 300 documents on this machine.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMs, round, timing } from '../measure.js';
import type { BenchSection } from '../section.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';
import { teiEditionTimed } from '../spawn-timed.js';

const TARGET_MS = 10_000;

export const htmlSection: BenchSection = {
  name: 'html',
  describe: '`tei-edition html` in a fresh process: the HTML edition of the corpus converted to TEI',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-'));
    try {
      const written = await writeCorpusEdition(dir, ctx.corpus, ctx.samples, `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`);
      ctx.progress('html: converting the corpus to TEI');
      await teiEditionTimed(['convert', '--config', written.config, '--quiet']);
      const runs: { ms: number; code: number | null }[] = [];
      for (let i = 1; i <= ctx.runs; i++) {
        ctx.progress(`html: run ${i}/${ctx.runs}`);
        runs.push(await teiEditionTimed(['html', '--config', written.config, '--quiet']));
      }
      const pages = (await readdir(join(dir, 'output', 'html'))).filter((f) => f.endsWith('.html')).length;
      const t = timing(runs.map((r) => r.ms));
      const perSecond = (ctx.corpus.length / (t.best / 1000)).toFixed(0);
      return {
        lines: [
          `tei-edition html: ${ctx.corpus.length} texts → ${pages} pages: best ${formatMs(t.best)}, median ${formatMs(t.median)} (${perSecond} documents/s); exit codes ${runs.map((r) => r.code).join(', ')}`,
          `    target (under 10 s): ${t.best < TARGET_MS ? 'met' : `missed by ${formatMs(t.best - TARGET_MS)}`}`,
        ],
        figures: { texts: ctx.corpus.length, pages, bestMs: round(t.best), medianMs: round(t.median), runsMs: t.runs.map((ms) => round(ms)), targetMet: t.best < TARGET_MS },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
