/**
 * `incremental` (issue 18): `tei-edition build --no-print` in a fresh process on the synthetic
 * corpus as an edition (raw texts and the sample's registers), with its cache: a clean build,
 * then rebuilds after no change, after editing one TEI text (by hand, kept), one raw text, and the
 * persons register. Each prints its wall-clock time, the texts rendered again (from `--json`), and
 * peak memory. Targets (HTML and validation, the PDF apart): nothing changed ≤ 1 s, one text
 * changed ≤ 2 s. A last clean build with `--no-cache` is the reference the others save on.
 */
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMB, formatMs, round, timing } from '../measure.js';
import type { BenchSection, Json } from '../section.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';
import { teiEditionMeasured } from '../spawn-timed.js';

const NOTHING_TARGET_MS = 1_000;
const ONE_TEXT_TARGET_MS = 2_000;

interface Rebuild {
  readonly ms: number;
  readonly rendered: number | undefined;
  readonly rssBytes: number | undefined;
  readonly code: number | null;
}

export const incrementalSection: BenchSection = {
  name: 'incremental',
  describe:
    '`tei-edition build --no-print` with its cache on the corpus: clean, nothing changed, one TEI text, one raw text, the persons register edited',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-incremental-'));
    try {
      const written = await writeCorpusEdition(
        dir,
        ctx.corpus,
        ctx.samples,
        `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`,
      );
      const build = async (...more: string[]): Promise<Rebuild> => {
        const run = await teiEditionMeasured(['build', '--config', written.config, '--no-print', '--json', ...more]);
        let rendered: number | undefined;
        try {
          rendered = (JSON.parse(run.stdout ?? '{}') as { cache?: { rendered?: number } }).cache?.rendered;
        } catch {
          rendered = undefined;
        }
        return { ms: run.ms, rendered, rssBytes: run.maxRssBytes, code: run.code };
      };
      ctx.progress('incremental: clean build with the cache');
      const clean = await build();
      const series = async (label: string, edit: (i: number) => Promise<void>): Promise<Rebuild[]> => {
        const runs: Rebuild[] = [];
        for (let i = 1; i <= ctx.runs; i++) {
          ctx.progress(`incremental: ${label} ${i}/${ctx.runs}`);
          await edit(i);
          runs.push(await build());
        }
        return runs;
      };
      const teiFiles = (await readdir(join(dir, 'tei')))
        .filter((f) => f.endsWith('.xml') && !/^(persons|places|periodicals|organisations)\.xml$/u.test(f))
        .sort();
      const nothing = await series('nothing changed', async () => undefined);
      const tei = await series('one TEI text edited', async (i) => {
        const file = join(dir, 'tei', teiFiles[i % teiFiles.length] ?? '');
        // A correction in the text's first paragraph (the body's, not the header's).
        const xml = await readFile(file, 'utf8');
        const body = xml.indexOf('<body');
        const p = xml.indexOf('>', xml.indexOf('<p', body)) + 1;
        await writeFile(file, `${xml.slice(0, p)}Correction ${i}. ${xml.slice(p)}`);
      });
      const sources = (JSON.parse(await readFile(written.config, 'utf8')) as { sources: { raw: string }[] }).sources;
      const raw = await series('one raw text edited', async (i) => {
        await appendFile(join(dir, sources[(i * 7) % sources.length]?.raw ?? ''), `\nPhrase ajoutée ${i} pour la mesure.\n`);
      });
      const persons = join(dir, 'tei', 'persons.xml');
      const register = await series('persons register edited', async (i) => {
        // Dan's note: a person few texts name.
        await writeFile(persons, (await readFile(persons, 'utf8')).replace('Menshevik leader', `Menshevik leader (${i})`));
      });
      ctx.progress('incremental: clean build without the cache');
      const noCache = await build('--no-cache');
      const row = (label: string, runs: readonly Rebuild[], target?: number): { line: string; figures: Json } => {
        const t = timing(runs.map((r) => r.ms));
        const rss = Math.max(...runs.map((r) => r.rssBytes ?? 0));
        const rendered = [...new Set(runs.map((r) => r.rendered ?? -1))].join(', ');
        const verdict =
          target === undefined
            ? ''
            : ` (target ≤ ${formatMs(target)}: ${t.best <= target ? 'met' : 'missed'} on the best, ${t.median <= target ? 'met' : 'missed'} on the median)`;
        return {
          line: `  ${label}: best ${formatMs(t.best)}, median ${formatMs(t.median)}; texts rendered again: ${rendered}; peak RSS ${formatMB(rss)}; exit ${[...new Set(runs.map((r) => r.code))].join(', ')}${verdict}`,
          figures: {
            bestMs: round(t.best),
            medianMs: round(t.median),
            runsMs: t.runs.map((ms) => round(ms)),
            rendered: runs.map((r) => r.rendered ?? null),
            peakRssBytes: rss,
            ...(target === undefined ? {} : { targetMs: target }),
          },
        };
      };
      const rows = {
        clean: row('clean build, cache filled', [clean]),
        nothing: row('nothing changed', nothing, NOTHING_TARGET_MS),
        tei: row('one TEI text edited', tei, ONE_TEXT_TARGET_MS),
        raw: row('one raw text edited', raw, ONE_TEXT_TARGET_MS),
        register: row('persons register edited (one person)', register),
        noCache: row('clean build, --no-cache', [noCache]),
      };
      return {
        lines: [
          `tei-edition build --no-print on ${ctx.corpus.length} texts (fresh process each; the cache in output/.tei-edition-cache):`,
          ...Object.values(rows).map((r) => r.line),
        ],
        figures: { texts: ctx.corpus.length, ...Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, r.figures])) },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
