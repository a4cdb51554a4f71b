/**
 * `real` (issue 15): any TEI — the real files of ../shared/reference/tei-real/, as they are.
 *   1. The HTML edition of the 27 files that need no DTD (the 3 `casebooks__*` files declare an
 *      external one), copied to a folder: `tei-edition html <folder> --out <site>` in a fresh
 *      process, with the worker pool's default and with `--jobs 1`, side by side with the TEI
 *      Consortium's stylesheets (../shared/peers/tei-stylesheets/html/html.xsl) on Saxon-HE, one
 *      JVM for the whole folder, as their users run them — when Java and Saxon-HE are installed.
 *      The runs alternate (ours, ours --jobs 1, theirs; again), so that a neighbour's load falls
 *      on the three alike. Target: ours / theirs ≤ 1.0 for the whole site (ours makes the index
 *      and the registers too; theirs one page per file and nothing else). The pages are counted:
 *      ours one per text (a teiCorpus gives one per TEI), theirs one per file.
 *   2. Where our time goes: the same work phase by phase in this process, one thread, in CPU time.
 *   3. The PDF of all 30 files: `tei-edition pdf <folder> --out <book>`, one run (it takes
 *      minutes): wall clock, CPU time and peak RSS (GNU time, or the process's own rusage), the
 *      pages; and one run of the XSLT alone (`--typst-only`) for the split.
 * Figures only: nothing here asserts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTeiSourceTexts, textIdOf } from '../../src/publish/edition/tei-source-texts.js';
import {
  neighboursByText,
  parseSummaries,
  parseText,
  readingOrder,
  renderCollectionPages,
  renderContext,
  renderTextPage,
  summariseTexts,
  type TextSummaries,
} from '../../src/publish/html/render-pages.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { HTML_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { repositoryRoot } from '../corpus/samples.js';
import { formatMs, MB, round, timing, type Timing } from '../measure.js';
import type { BenchContext, BenchSection, Json, SectionReport } from '../section.js';
import { type MeasuredRun, spawnMeasured, teiEditionMeasured } from '../spawn-timed.js';
import type { SiteText } from '../../src/publish/edition/published-documents.js';

export const SAXON_JAR = '/usr/share/java/Saxon-HE.jar';
/** Files that declare an external DTD: Saxon would fetch it, and our site takes no DTD. */
const needsDtd = (file: string): boolean => file.startsWith('casebooks__');

interface Series {
  readonly t: Timing;
  readonly runs: readonly MeasuredRun[];
}

const series = (runs: readonly MeasuredRun[]): Series => ({ t: timing(runs.map((r) => r.ms)), runs });

function median(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : timing(values).median;
}

function cpuOf(s: Series): number | undefined {
  return median(s.runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs])));
}

function rssOf(s: Series): number | undefined {
  return median(s.runs.flatMap((r) => (r.maxRssBytes === undefined ? [] : [r.maxRssBytes])));
}

function describe(s: Series): string {
  const cpu = cpuOf(s);
  const rss = rssOf(s);
  return `best ${formatMs(s.t.best)}, median ${formatMs(s.t.median)}${cpu === undefined ? '' : `; CPU ${formatMs(cpu)} (median)`}${rss === undefined ? '' : `; peak RSS ${(rss / MB).toFixed(0)} MB (median)`}; exit ${s.runs.map((r) => r.code).join(', ')}`;
}

function figuresOf(s: Series): { [key: string]: Json } {
  const cpu = cpuOf(s);
  const rss = rssOf(s);
  return {
    bestMs: round(s.t.best),
    medianMs: round(s.t.median),
    runsMs: s.t.runs.map((ms) => round(ms)),
    cpuMedianMs: cpu === undefined ? null : round(cpu),
    maxRssMedianMB: rss === undefined ? null : round(rss / MB),
    exitCodes: s.runs.map((r) => r.code),
  };
}

/** Ours: the site's *.html pages, and the texts without one. */
async function ourPages(site: string, ids: readonly string[]): Promise<{ pages: number; textPages: number; missing: string[] }> {
  const files = new Set((await readdir(site).catch(() => [] as string[])).filter((f) => f.endsWith('.html')));
  const missing = ids.filter((id) => !files.has(`${id}.html`));
  return { pages: files.size, textPages: ids.length - missing.length, missing };
}

/** Theirs: every file written under the output folder, and the inputs without an output of their name. */
async function theirPages(out: string, inputs: readonly string[]): Promise<{ files: number; missing: string[] }> {
  const written = (await readdir(out, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile());
  const names = new Set(written.map((e) => e.name));
  return { files: written.length, missing: inputs.filter((f) => !names.has(f)) };
}

export function peerMissing(xsl: string): string | undefined {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error !== undefined) return 'Java not found (Debian default-jre-headless)';
  if (!existsSync(SAXON_JAR)) return `${SAXON_JAR} not found (Debian libsaxonhe-java)`;
  if (!existsSync(xsl)) return `${xsl} not found (see ../shared/peers/README.md)`;
  return undefined;
}

export function verdict(best: number, med: number): string {
  return best <= 1 && med <= 1 ? 'met' : best > 1 && med > 1 ? 'missed' : 'parity (best and median disagree)';
}

export const realSection: BenchSection = {
  name: 'real',
  describe:
    "any TEI: the HTML of tei-real (27 files) by tei-edition and by the TEI Consortium's stylesheets on Saxon-HE; the PDF of tei-real (30 files)",
  run: async (ctx): Promise<SectionReport> => {
    const realDir = join(repositoryRoot(), '..', 'shared', 'reference', 'tei-real');
    if (!existsSync(realDir))
      return { lines: ['../shared/reference/tei-real not found — skipped'], figures: { skipped: 'tei-real not found' } };
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-real-'));
    try {
      const all = (await readdir(realDir)).filter((f) => f.endsWith('.xml')).sort();
      const html27 = all.filter((f) => !needsDtd(f));
      const in27 = join(dir, 'tei-27');
      const in30 = join(dir, 'tei-30');
      await mkdir(in27);
      await mkdir(in30);
      for (const f of all) {
        await copyFile(join(realDir, f), join(in30, f));
        if (!needsDtd(f)) await copyFile(join(realDir, f), join(in27, f));
      }
      const html = await htmlSide(ctx, dir, in27, html27);
      ctx.progress('real: HTML phases in process');
      const phases = await measurePhases(in27);
      const pdf = await pdfRun(ctx, dir, in30, all.length);
      return {
        lines: [...html.lines, ...phaseLines(phases, html.oursJobs1Cpu), ...pdf.lines],
        figures: { html: html.figures, phases: phases.figures, pdf: pdf.figures },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function htmlSide(
  ctx: BenchContext,
  dir: string,
  input: string,
  files: readonly string[],
): Promise<{ lines: string[]; figures: { [key: string]: Json }; oursJobs1Cpu?: number }> {
  const bytes = (await Promise.all(files.map((f) => stat(join(input, f))))).reduce((n, s) => n + s.size, 0);
  const read = await readTeiSourceTexts([{ path: input, at: { file: input } }], (p) => p);
  const ids = read.texts.map((t) => t.id);
  // A teiCorpus's texts are named after its file and their TEI (`<file>-<n>`), a file's own text after the file.
  const corpora = files.filter((f) => read.texts.some((t) => t.path === join(input, f) && t.id !== textIdOf(f)));
  const xsl = join(repositoryRoot(), '..', 'shared', 'peers', 'tei-stylesheets', 'html', 'html.xsl');
  const missingPeer = peerMissing(xsl);
  const site = join(dir, 'site');
  const siteJobs1 = join(dir, 'site-jobs1');
  const out = join(dir, 'teic-out');
  const ours: MeasuredRun[] = [];
  const oursJobs1: MeasuredRun[] = [];
  const theirs: MeasuredRun[] = [];
  for (let i = 1; i <= ctx.runs; i++) {
    await rm(site, { recursive: true, force: true });
    ctx.progress(`real: HTML run ${i}/${ctx.runs}, tei-edition`);
    ours.push(await teiEditionMeasured(['html', input, '--out', site, '--quiet']));
    await rm(siteJobs1, { recursive: true, force: true });
    ctx.progress(`real: HTML run ${i}/${ctx.runs}, tei-edition --jobs 1`);
    oursJobs1.push(await teiEditionMeasured(['html', input, '--out', siteJobs1, '--jobs', '1', '--quiet']));
    if (missingPeer !== undefined) continue;
    await rm(out, { recursive: true, force: true });
    await mkdir(out);
    ctx.progress(`real: HTML run ${i}/${ctx.runs}, TEI stylesheets on Saxon-HE`);
    theirs.push(await spawnMeasured('java', ['-cp', SAXON_JAR, 'net.sf.saxon.Transform', `-s:${input}/`, `-o:${out}/`, `-xsl:${xsl}`]));
  }
  const mine = series(ours);
  const mineJobs1 = series(oursJobs1);
  const pages = await ourPages(site, ids);
  const pagesJobs1 = await ourPages(siteJobs1, ids);
  const lines = [
    `HTML of tei-real: ${files.length} files (the 3 with an external DTD left out), ${(bytes / MB).toFixed(2)} MB; ${read.texts.length} texts (${corpora.length === 0 ? 'no teiCorpus' : `teiCorpus: ${corpora.join(', ')}, one text per TEI`}); ${ctx.runs} run${ctx.runs === 1 ? '' : 's'} each, alternating`,
    `    tei-edition html (worker pool default): ${describe(mine)}`,
    `        ${pages.pages} pages: ${pages.textPages} of ${ids.length} texts, ${pages.pages - pages.textPages} others (index, registers)${pages.missing.length === 0 ? '' : `; texts without a page: ${pages.missing.join(', ')}`}`,
    `    tei-edition html --jobs 1: ${describe(mineJobs1)}; ${pagesJobs1.pages} pages${pagesJobs1.missing.length === 0 ? '' : `; texts without a page: ${pagesJobs1.missing.join(', ')}`}`,
  ];
  const figures: { [key: string]: Json } = {
    files: files.length,
    bytes,
    inputMB: round(bytes / MB, 2),
    texts: read.texts.length,
    teiCorpusFiles: corpora,
    teiEdition: { ...figuresOf(mine), pages: pages.pages, textPages: pages.textPages, textsWithoutPage: pages.missing },
    teiEditionJobs1: { ...figuresOf(mineJobs1), pages: pagesJobs1.pages, textsWithoutPage: pagesJobs1.missing },
  };
  const jobs1Cpu = cpuOf(mineJobs1);
  if (missingPeer !== undefined) {
    lines.push(`    TEI stylesheets on Saxon-HE: ${missingPeer} — no comparison`);
    figures.teiStylesheets = { skipped: missingPeer };
    return { lines, figures, ...(jobs1Cpu === undefined ? {} : { oursJobs1Cpu: jobs1Cpu }) };
  }
  const peer = series(theirs);
  const written = await theirPages(out, files);
  const ratio = mine.t.best / peer.t.best;
  const medianRatio = mine.t.median / peer.t.median;
  const ratioJobs1 = mineJobs1.t.best / peer.t.best;
  const medianRatioJobs1 = mineJobs1.t.median / peer.t.median;
  const peerCpu = cpuOf(peer);
  const oursCpu = cpuOf(mine);
  lines.push(
    `    TEI stylesheets html.xsl on Saxon-HE (one JVM for the folder): ${describe(peer)}`,
    `        ${written.files} files written: ${files.length - written.missing.length} of ${files.length} inputs have their page${written.missing.length === 0 ? '' : `; without: ${written.missing.join(', ')}`}`,
    `    ratio tei-edition / TEI stylesheets, wall clock: ${ratio.toFixed(2)} best, ${medianRatio.toFixed(2)} median — target ≤ 1.0 for the whole site: ${verdict(ratio, medianRatio)}`,
    `        with --jobs 1: ${ratioJobs1.toFixed(2)} best, ${medianRatioJobs1.toFixed(2)} median${oursCpu !== undefined && peerCpu !== undefined ? `; CPU time (medians): ${(oursCpu / peerCpu).toFixed(2)} (pool), ${jobs1Cpu === undefined ? '?' : (jobs1Cpu / peerCpu).toFixed(2)} (--jobs 1)` : ''}`,
  );
  figures.teiStylesheets = { ...figuresOf(peer), filesWritten: written.files, inputsWithoutPage: written.missing };
  figures.ratio = round(ratio, 3);
  figures.medianRatio = round(medianRatio, 3);
  figures.ratioJobs1 = round(ratioJobs1, 3);
  figures.medianRatioJobs1 = round(medianRatioJobs1, 3);
  figures.cpuRatio = oursCpu !== undefined && peerCpu !== undefined ? round(oursCpu / peerCpu, 3) : null;
  figures.targetMet = ratio <= 1 && medianRatio <= 1;
  return { lines, figures, ...(jobs1Cpu === undefined ? {} : { oursJobs1Cpu: jobs1Cpu }) };
}

interface Phases {
  readonly texts: number;
  readonly parseMs: number;
  readonly summaryMs: number;
  readonly orderMs: number;
  readonly pagesMs: number;
  readonly collectionMs: number;
  /** The texts whose page took longest. */
  readonly heaviest: readonly { readonly id: string; readonly bytes: number; readonly ms: number }[];
  readonly figures: { [key: string]: Json };
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function cpuTimed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = cpuNow();
  const value = await fn();
  return { ms: cpuNow() - start, value };
}

/** `tei-edition html --jobs 1`'s work on the folder, phase by phase, in this thread (CPU time). */
async function measurePhases(input: string): Promise<Phases> {
  const read = await readTeiSourceTexts([{ path: input, at: { file: input } }], (p) => p);
  const texts: SiteText[] = read.texts.map(({ id, xml, path }) => ({ id, xml, path }));
  const { sef } = await compiledStylesheet(HTML_STYLESHEET);
  const context = await renderContext(
    sef,
    read.corpusHeader?.title === undefined ? {} : { title: read.corpusHeader.title },
    [],
    texts.map((t) => t.id),
  );
  const smallest = [...texts].sort((a, b) => a.xml.length - b.xml.length)[0];
  if (smallest !== undefined) await renderTextPage(context, smallest, {}, await parseText(smallest)); // warm-up
  const parsed = await cpuTimed(() => Promise.all(texts.map(parseText)));
  const summarised = await cpuTimed(async () => {
    const out: TextSummaries[] = [];
    for (const task of summaryTasks(texts)) {
      if (task.kind !== 'summaries') continue;
      const first = texts.indexOf(task.texts[0] as SiteText);
      out.push(await summariseTexts(context, task.texts, parsed.value.slice(first, first + task.texts.length)));
    }
    return out;
  });
  const order = await cpuTimed(async () => readingOrder(context, await parseSummaries(summarised.value.map((s) => s.keys))));
  const neighbours = neighboursByText(order.value);
  const perText: { id: string; bytes: number; ms: number }[] = [];
  for (const [i, text] of texts.entries()) {
    const page = await cpuTimed(() => renderTextPage(context, text, neighbours.get(text.id) ?? {}, parsed.value[i]));
    perText.push({ id: text.id, bytes: Buffer.byteLength(text.xml), ms: page.ms });
  }
  const collection = await cpuTimed(() =>
    renderCollectionPages(
      context,
      summarised.value.map((s) => s.summaries),
    ),
  );
  const pagesMs = perText.reduce((n, p) => n + p.ms, 0);
  const heaviest = [...perText].sort((a, b) => b.ms - a.ms).slice(0, 4);
  return {
    texts: texts.length,
    parseMs: parsed.ms,
    summaryMs: summarised.ms,
    orderMs: order.ms,
    pagesMs,
    collectionMs: collection.ms,
    heaviest,
    figures: {
      texts: texts.length,
      parseMs: round(parsed.ms),
      summariesMs: round(summarised.ms),
      readingOrderMs: round(order.ms),
      textPagesMs: round(pagesMs),
      collectionMs: round(collection.ms),
      perText: perText.map((p) => ({ id: p.id, bytes: p.bytes, pageMs: round(p.ms) })),
    },
  };
}

function phaseLines(p: Phases, jobs1Cpu: number | undefined): string[] {
  const total = p.parseMs + p.summaryMs + p.orderMs + p.pagesMs + p.collectionMs;
  const share = (ms: number): string => `${formatMs(ms)} (${((ms / total) * 100).toFixed(0)} %)`;
  return [
    `    phases in one thread, CPU (${p.texts} texts, after a warm-up): parse ${share(p.parseMs)}, summaries ${share(p.summaryMs)}, reading order ${share(p.orderMs)}, text pages ${share(p.pagesMs)}, index and registers ${share(p.collectionMs)}; ${formatMs(total)} in all${jobs1Cpu === undefined ? '' : ` — the fresh process with --jobs 1: ${formatMs(jobs1Cpu)} of CPU in all${jobs1Cpu > total ? ` (${formatMs(jobs1Cpu - total)} more: Node and SaxonJS starting, the stylesheet's load, files read and written)` : " (less than the phases: measured in the bench's own process, they cost more; read them as shares)"}`}`,
    `        longest text pages: ${p.heaviest.map((h) => `${h.id} ${formatMs(h.ms)} (${(h.bytes / MB).toFixed(2)} MB, ${(h.ms / (h.bytes / MB) / 1000).toFixed(1)} s/MB)`).join('; ')}`,
  ];
}

function pagesOf(stdout: string): number {
  return Number(/\((\d+) pages\)/u.exec(stdout)?.[1] ?? 0);
}

async function pdfRun(
  ctx: BenchContext,
  dir: string,
  input: string,
  files: number,
): Promise<{ lines: string[]; figures: { [key: string]: Json } }> {
  const bytes = (await Promise.all((await readdir(input)).map((f) => stat(join(input, f))))).reduce((n, s) => n + s.size, 0);
  ctx.progress('real: PDF, Typst source only');
  const typstOnly = await teiEditionMeasured(['pdf', input, '--out', join(dir, 'typst-only'), '--typst-only']);
  ctx.progress('real: PDF (minutes)');
  const book = join(dir, 'book');
  const full = await teiEditionMeasured(['pdf', input, '--out', book]);
  const pages = pagesOf(full.stdout);
  const pdfBytes = await stat(join(book, 'edition.pdf')).then(
    (s) => s.size,
    () => 0,
  );
  const typBytes = await stat(join(book, 'edition.typ')).then(
    (s) => s.size,
    () => 0,
  );
  const cpu = full.cpuMs === undefined ? 'CPU not measured' : `CPU ${formatMs(full.cpuMs)}`;
  const rss =
    full.maxRssBytes === undefined
      ? 'peak RSS not measured'
      : `peak RSS ${(full.maxRssBytes / MB).toFixed(0)} MB (${(full.maxRssBytes / bytes).toFixed(0)}× the input)`;
  return {
    lines: [
      `PDF of tei-real: ${files} files, ${(bytes / MB).toFixed(2)} MB → ${pages} pages, edition.typ ${(typBytes / MB).toFixed(1)} MB, PDF ${(pdfBytes / MB).toFixed(1)} MB; one run (it takes minutes)`,
      `    tei-edition pdf: ${formatMs(full.ms)} wall clock, ${cpu}, ${rss}; exit ${full.code}`,
      `    of which the XSLT to edition.typ (--typst-only, a run of its own): ${formatMs(typstOnly.ms)}${typstOnly.cpuMs === undefined ? '' : `, CPU ${formatMs(typstOnly.cpuMs)}`}${typstOnly.maxRssBytes === undefined ? '' : `, peak RSS ${(typstOnly.maxRssBytes / MB).toFixed(0)} MB`} (exit ${typstOnly.code}); Typst about ${formatMs(full.ms - typstOnly.ms)}`,
    ],
    figures: {
      files,
      bytes,
      inputMB: round(bytes / MB, 2),
      pages,
      pdfBytes,
      typBytes,
      runs: 1,
      ms: round(full.ms),
      cpuMs: full.cpuMs === undefined ? null : round(full.cpuMs),
      maxRssMB: full.maxRssBytes === undefined ? null : round(full.maxRssBytes / MB),
      exitCode: full.code,
      typstOnly: {
        ms: round(typstOnly.ms),
        cpuMs: typstOnly.cpuMs === undefined ? null : round(typstOnly.cpuMs),
        maxRssMB: typstOnly.maxRssBytes === undefined ? null : round(typstOnly.maxRssBytes / MB),
        exitCode: typstOnly.code,
      },
    },
  };
}

/** The texts in batches of 12 for their summaries (as the HTML stage did before one transformation made a text's page and summary). */
export function summaryTasks(texts: readonly SiteText[], batch = 12): { kind: 'summaries'; texts: SiteText[] }[] {
  const tasks: { kind: 'summaries'; texts: SiteText[] }[] = [];
  for (let i = 0; i < texts.length; i += batch) tasks.push({ kind: 'summaries', texts: texts.slice(i, i + batch) });
  return tasks;
}
