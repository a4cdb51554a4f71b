/**
 * `html`: `tei-edition html` in a fresh process over the synthetic corpus converted to TEI (300
 * texts): the texts' summaries, then one page per text and the index and registers (worker
 * threads). Target (issue 5): under 10 s for the 300 documents on this machine. Side by side
 * (issue 18), when Java and Saxon-HE are installed: the TEI Consortium's stylesheets
 * (../shared/peers/tei-stylesheets/html/html.xsl) on the same 300 TEI texts, one JVM for the
 * folder, the runs alternating (ours, theirs; again). Target: ours / theirs ≤ 1.0, our whole
 * site (index and registers too) against their one page per text.
 *
 * Then the same work phase by phase in this process, one thread, on the first texts, in CPU time
 * (wall-clock time is noisy on a shared machine): a text's summary, a text page, the reading order
 * and the collection pages.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EditionConfig } from '../../src/lib/config/types.js';
import { rawSources } from '../../src/lib/config/sources.js';
import {
  neighboursByText,
  parseSummaries,
  readingOrder,
  renderCollectionPages,
  renderContext,
  renderTextPage,
  summariseTexts,
} from '../../src/publish/html/render-pages.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { HTML_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { formatMs, round, timing } from '../measure.js';
import type { BenchSection, Json } from '../section.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';
import { type MeasuredRun, spawnMeasured, teiEditionMeasured, teiEditionTimed } from '../spawn-timed.js';
import { peerMissing, SAXON_JAR, summaryTasks, verdict } from './real.js';
import { repositoryRoot } from '../corpus/samples.js';
import type { SiteText } from '../../src/publish/edition/published-documents.js';

const TARGET_MS = 10_000;
/** Texts measured phase by phase (in process). */
const PHASE_TEXTS = 36;

export const htmlSection: BenchSection = {
  name: 'html',
  describe: '`tei-edition html` in a fresh process: the HTML edition of the corpus converted to TEI; then its phases in CPU time',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-'));
    try {
      const written = await writeCorpusEdition(
        dir,
        ctx.corpus,
        ctx.samples,
        `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`,
      );
      ctx.progress('html: converting the corpus to TEI');
      await teiEditionTimed(['convert', '--config', written.config, '--quiet']);
      const runs: MeasuredRun[] = [];
      const theirs: MeasuredRun[] = [];
      const xsl = join(repositoryRoot(), '..', 'shared', 'peers', 'tei-stylesheets', 'html', 'html.xsl');
      const missingPeer = peerMissing(xsl);
      // Their input: the texts' TEI alone (not the registers, which are no texts).
      const peerIn = join(dir, 'peer-tei');
      const peerOut = join(dir, 'peer-out');
      await mkdir(peerIn);
      const teiFiles = (await readdir(join(dir, 'tei'))).filter(
        (f) => f.endsWith('.xml') && !['persons.xml', 'places.xml', 'periodicals.xml', 'organisations.xml'].includes(f),
      );
      for (const f of teiFiles) await copyFile(join(dir, 'tei', f), join(peerIn, f));
      for (let i = 1; i <= ctx.runs; i++) {
        ctx.progress(`html: run ${i}/${ctx.runs}`);
        runs.push(await teiEditionMeasured(['html', '--config', written.config, '--quiet']));
        if (missingPeer !== undefined) continue;
        await rm(peerOut, { recursive: true, force: true });
        await mkdir(peerOut);
        ctx.progress(`html: run ${i}/${ctx.runs}, TEI stylesheets on Saxon-HE`);
        theirs.push(
          await spawnMeasured('java', ['-cp', SAXON_JAR, 'net.sf.saxon.Transform', `-s:${peerIn}/`, `-o:${peerOut}/`, `-xsl:${xsl}`]),
        );
      }
      const pages = (await readdir(join(dir, 'output', 'html'))).filter((f) => f.endsWith('.html')).length;
      const t = timing(runs.map((r) => r.ms));
      const perSecond = (ctx.corpus.length / (t.best / 1000)).toFixed(0);
      const cpu = medianOf(runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs])));
      const peerLines: string[] = [];
      const peerFigures: { [key: string]: Json } = {};
      if (missingPeer !== undefined) {
        peerLines.push(`    TEI stylesheets on Saxon-HE: ${missingPeer} — no comparison`);
        peerFigures.skipped = missingPeer;
      } else {
        const p = timing(theirs.map((r) => r.ms));
        const peerCpu = medianOf(theirs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs])));
        const written = (await readdir(peerOut)).length;
        const ratio = t.best / p.best;
        const medianRatio = t.median / p.median;
        peerLines.push(
          `    TEI stylesheets html.xsl on Saxon-HE (one JVM for the folder, ${teiFiles.length} texts → ${written} files): best ${formatMs(p.best)}, median ${formatMs(p.median)}${peerCpu === undefined ? '' : `; CPU ${formatMs(peerCpu)} (median)`}; exit ${theirs.map((r) => r.code).join(', ')}`,
          `    ratio tei-edition / TEI stylesheets, wall clock: ${ratio.toFixed(2)} best, ${medianRatio.toFixed(2)} median${cpu !== undefined && peerCpu !== undefined ? `; CPU time (medians) ${(cpu / peerCpu).toFixed(2)}` : ''} — target ≤ 1.0: ${verdict(ratio, medianRatio)}`,
        );
        Object.assign(peerFigures, {
          bestMs: round(p.best),
          medianMs: round(p.median),
          runsMs: p.runs.map((ms) => round(ms)),
          cpuMedianMs: peerCpu === undefined ? null : round(peerCpu),
          filesWritten: written,
          ratio: round(ratio, 3),
          medianRatio: round(medianRatio, 3),
          cpuRatio: cpu !== undefined && peerCpu !== undefined ? round(cpu / peerCpu, 3) : null,
        });
      }
      ctx.progress('html: phases in process');
      const phases = await measurePhases(dir, written.config);
      return {
        lines: [
          `tei-edition html: ${ctx.corpus.length} texts → ${pages} pages: best ${formatMs(t.best)}, median ${formatMs(t.median)} (${perSecond} documents/s)${cpu === undefined ? '' : `; CPU ${formatMs(cpu)} (median)`}; exit codes ${runs.map((r) => r.code).join(', ')}`,
          `    target (under 10 s): ${t.best < TARGET_MS ? 'met' : `missed by ${formatMs(t.best - TARGET_MS)}`}`,
          ...peerLines,
          `    phases, CPU in one thread (${phases.texts} texts): summary ${phases.summaryMs.toFixed(1)} ms/text, text page ${phases.pageMs.toFixed(1)} ms/text, reading order ${phases.orderMs.toFixed(0)} ms, collection pages ${phases.collectionMs.toFixed(0)} ms`,
        ],
        figures: {
          texts: ctx.corpus.length,
          pages,
          bestMs: round(t.best),
          medianMs: round(t.median),
          runsMs: t.runs.map((ms) => round(ms)),
          cpuMedianMs: cpu === undefined ? null : round(cpu),
          targetMet: t.best < TARGET_MS,
          teiStylesheets: peerFigures,
          phases: {
            texts: phases.texts,
            summaryMsPerText: round(phases.summaryMs),
            pageMsPerText: round(phases.pageMs),
            readingOrderMs: round(phases.orderMs),
            collectionMs: round(phases.collectionMs),
          },
        },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function medianOf(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : timing(values).median;
}

interface Phases {
  readonly texts: number;
  readonly summaryMs: number;
  readonly pageMs: number;
  readonly orderMs: number;
  readonly collectionMs: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function cpuTimed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = cpuMs();
  const value = await fn();
  return { ms: cpuMs() - start, value };
}

/** The phases of `tei-edition html` on the first texts of the converted corpus, in this thread. */
async function measurePhases(dir: string, configPath: string): Promise<Phases> {
  const config = JSON.parse(await readFile(configPath, 'utf8')) as EditionConfig;
  const texts: SiteText[] = await Promise.all(
    rawSources(config)
      .slice(0, PHASE_TEXTS)
      .map(async (s) => {
        const path = join(dir, 'tei', `${s.id}.xml`);
        return { id: s.id, xml: await readFile(path, 'utf8'), path };
      }),
  );
  const registers = await Promise.all(
    ['persons', 'places', 'periodicals', 'organisations'].map(async (name) => {
      const path = join(dir, 'tei', `${name}.xml`);
      return { file: basename(path), xml: await readFile(path, 'utf8'), path };
    }),
  );
  const { sef } = await compiledStylesheet(HTML_STYLESHEET);
  const context = await renderContext(
    sef,
    config.edition,
    registers,
    texts.map((t) => t.id),
  );
  await summariseTexts(context, texts.slice(0, 2));
  const summarised = await cpuTimed(async () => {
    const out = [];
    for (const task of summaryTasks(texts)) if (task.kind === 'summaries') out.push(await summariseTexts(context, task.texts));
    return out;
  });
  const order = await cpuTimed(async () => readingOrder(context, await parseSummaries(summarised.value.map((s) => s.keys))));
  const neighbours = neighboursByText(order.value);
  await renderTextPage(context, texts[0] as SiteText);
  const paged = await cpuTimed(async () => {
    for (const text of texts) await renderTextPage(context, text, neighbours.get(text.id) ?? {});
  });
  const collection = await cpuTimed(() =>
    renderCollectionPages(
      context,
      summarised.value.map((s) => s.summaries),
    ),
  );
  return {
    texts: texts.length,
    summaryMs: summarised.ms / texts.length,
    pageMs: paged.ms / texts.length,
    orderMs: order.ms,
    collectionMs: collection.ms,
  };
}
