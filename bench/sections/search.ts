/**
 * `search`: the search index of the HTML edition (issue 19) on the synthetic corpus (`--count`
 * sets its size: 300 by default, 3,000 for the large figures).
 *
 * - `tei-edition html` once in a fresh process (the stage that builds the index, under GNU time:
 *   wall clock and peak RSS), then the index alone in a fresh process, several times
 *   (bench/probe/search-index.ts: build time and peak RSS, the pages read first as `html` holds
 *   them): its share of the html stage's time (target ≤ 20 %).
 * - The index on disk: files, bytes, bytes gzipped.
 * - In chromium, hosted (a static server on 127.0.0.1 that gzips, as hosts do) and from file://:
 *   the first query (a fresh browser context: from opening search.html?q=… to the first results
 *   listed, target ≤ 1 s; also to its status, and to all drawn, the facets too) and what it
 *   transferred (hosted; target ≤ 400 KB on 3,000 texts), then warm
 *   queries in the same page (another word, a word being typed, a person facet; target ≤ 50 ms),
 *   each timed to all drawn (status, results, facets).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../../test/support/browser.js';
import { startStaticServer } from '../../test/support/static-server.js';
import { repositoryRoot } from '../corpus/samples.js';
import { formatKB, formatMB, formatMs, round, timing } from '../measure.js';
import type { BenchSection, Json } from '../section.js';
import { spawnMeasured, teiEditionMeasured, teiEditionTimed } from '../spawn-timed.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';

const FIRST_QUERY = 'gouvernement';
const WARM_QUERIES = ['insurrection', 'Kerenski', 'soviets Moscou', 'révol'];

export const searchSection: BenchSection = {
  name: 'search',
  describe: 'the search index: build time and memory against the html stage, size, and queries in chromium (hosted and from file://)',
  run: async (ctx) => {
    const existing = process.env.TEI_EDITION_BENCH_SEARCH_SITE;
    if (existing !== undefined) return onSite(ctx, existing);
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-'));
    try {
      const written = await writeCorpusEdition(
        dir,
        ctx.corpus,
        ctx.samples,
        `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`,
      );
      ctx.progress('search: converting the corpus to TEI');
      await teiEditionTimed(['convert', '--config', written.config, '--quiet']);
      ctx.progress('search: tei-edition html (with the index)');
      const html = await teiEditionMeasured(['html', '--config', written.config, '--quiet']);
      const site = join(dir, 'output', 'html');
      const builds: { ms: number; rss: number }[] = [];
      for (let i = 1; i <= ctx.runs; i++) {
        ctx.progress(`search: the index alone, run ${i}/${ctx.runs}`);
        const run = await spawnMeasured(
          process.execPath,
          [join(repositoryRoot(), 'dist', 'bench', 'probe', 'search-index.js'), site],
          true,
        );
        const out = JSON.parse(run.stdout) as { ms: number };
        builds.push({ ms: out.ms, rss: run.maxRssBytes ?? 0 });
      }
      const build = timing(builds.map((b) => b.ms));
      const size = await indexSize(site);
      const peer = await pagefindPeer(ctx.runs, site, dir, (text) => ctx.progress(text));
      ctx.progress('search: queries in chromium');
      const { hosted, disk } = await hostedAndDisk(ctx.runs, site);
      const share = build.best / html.ms;
      const lines = [
        `search index of ${ctx.corpus.length} texts: build best ${formatMs(build.best)}, median ${formatMs(build.median)} (peak RSS of the build alone ${formatMB(Math.max(...builds.map((b) => b.rss)))}); html stage with it ${formatMs(html.ms)} (peak RSS ${formatMB(html.maxRssBytes ?? 0)}): ${(share * 100).toFixed(1)} % (target ≤ 20 %)`,
        `    on disk: ${size.files} files, ${formatMB(size.bytes)} (${formatMB(size.gzipBytes)} gzipped); manifest ${formatKB(size.manifest)}, facets' values ${formatKB(size.facets)}, largest text shard ${formatKB(size.largestText)}, largest facet shard ${formatKB(size.largestFacetShard)}, largest term shard ${formatKB(size.largestShard)}, largest document chunk ${formatKB(size.largestDoc)}`,
        peer === undefined
          ? '    peer: Pagefind not installed (devDependency pagefind, @pagefind/linux-x64)'
          : `    peer, side by side: Pagefind 1.6.0 on the same pages (whole pages, all threads) best ${formatMs(peer.time.best)}, median ${formatMs(peer.time.median)} (peak RSS ${formatMB(peer.rss)}); ${peer.files} files, ${formatMB(peer.bytes)}; ours/Pagefind build time ${(build.best / peer.time.best).toFixed(2)}`,
        ...queryLines(hosted, disk),
      ];
      const figures: { [key: string]: Json } = {
        texts: ctx.corpus.length,
        units: size.units,
        build: { bestMs: round(build.best), medianMs: round(build.median), maxRssBytes: Math.max(...builds.map((b) => b.rss)) },
        html: { ms: round(html.ms), maxRssBytes: html.maxRssBytes ?? null, code: html.code },
        shareOfHtml: round(share, 3),
        pagefind:
          peer === undefined
            ? null
            : {
                bestMs: round(peer.time.best),
                medianMs: round(peer.time.median),
                maxRssBytes: peer.rss,
                files: peer.files,
                bytes: peer.bytes,
              },
        size: { ...size },
        hosted: queryJson(hosted),
        disk: queryJson(disk),
      };
      return { lines, figures };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/**
 * TEI_EDITION_BENCH_SEARCH_SITE=<a site built by `html`>: the index alone, its size and the
 * queries on that site, without building the corpus (no html stage, no peer): to measure a change
 * of the index or of the search page on a large site built once (rebuild its search/ first).
 */
async function onSite(
  ctx: Parameters<BenchSection['run']>[0],
  site: string,
): Promise<{ lines: string[]; figures: { [key: string]: Json } }> {
  const builds: number[] = [];
  for (let i = 1; i <= ctx.runs; i++) {
    ctx.progress(`search: the index alone on ${site}, run ${i}/${ctx.runs}`);
    const run = await spawnMeasured(process.execPath, [join(repositoryRoot(), 'dist', 'bench', 'probe', 'search-index.js'), site], true);
    builds.push((JSON.parse(run.stdout) as { ms: number }).ms);
  }
  const build = timing(builds);
  const size = await indexSize(site);
  const { hosted, disk } = await hostedAndDisk(ctx.runs, site);
  const lines = [
    `search index of the site ${site} (${size.units} parts): build best ${formatMs(build.best)}, median ${formatMs(build.median)}`,
    `    on disk: ${size.files} files, ${formatMB(size.bytes)} (${formatMB(size.gzipBytes)} gzipped); manifest ${formatKB(size.manifest)}, facets' values ${formatKB(size.facets)}, largest text shard ${formatKB(size.largestText)}, largest facet shard ${formatKB(size.largestFacetShard)}, largest term shard ${formatKB(size.largestShard)}, largest document chunk ${formatKB(size.largestDoc)}`,
    ...queryLines(hosted, disk),
  ];
  return {
    lines,
    figures: {
      site,
      units: size.units,
      build: { bestMs: round(build.best), medianMs: round(build.median) },
      size: { ...size },
      hosted: queryJson(hosted),
      disk: queryJson(disk),
    },
  };
}

/** The queries in chromium on a site, served by a static server on 127.0.0.1, then opened from disk. */
async function hostedAndDisk(runs: number, site: string): Promise<{ hosted: QueryFigures; disk: QueryFigures }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const server = await startStaticServer(site);
    let hosted: QueryFigures;
    try {
      hosted = await queries(
        browser,
        runs,
        server.url,
        () => server.sent(),
        () => server.reset(),
      );
    } finally {
      await server.close();
    }
    return { hosted, disk: await queries(browser, runs, pathToFileURL(site).href + '/') };
  } finally {
    await browser.close();
  }
}

function queryLines(hosted: QueryFigures, disk: QueryFigures): string[] {
  return [
    ['hosted', hosted],
    ['file://', disk],
  ].map(([label, q]) => {
    const f = q as QueryFigures;
    return `    ${String(label)}: first query (“${FIRST_QUERY}”, page opened to the first results listed) best ${formatMs(f.cold.best)}, median ${formatMs(f.cold.median)} (status median ${formatMs(f.coldStatus.median)}; all drawn, facets too, best ${formatMs(f.coldDone.best)}, median ${formatMs(f.coldDone.median)}${f.files === undefined ? '' : `; index files asked for by then ${f.files.listed} and ${f.files.done}`})${f.coldBytes === undefined ? '' : `; transferred ${formatKB(f.coldBytes)} (gzip), of which the index ${formatKB(f.coldIndexBytes ?? 0)}`}; then in the same page, a new query best ${formatMs(f.fresh.best)}, median ${formatMs(f.fresh.median)}, worst ${formatMs(Math.max(...f.fresh.runs))}; warm (the same again) best ${formatMs(f.warm.best)}, median ${formatMs(f.warm.median)}, worst ${formatMs(Math.max(...f.warm.runs))} (${f.warmWhat})`;
  });
}

const PAGEFIND = join(repositoryRoot(), 'node_modules', '@pagefind', 'linux-x64', 'bin', 'pagefind_extended');

/** Pagefind's own index of the same site (its binary, from the npm package), as a peer run side by side. */
async function pagefindPeer(
  runs: number,
  site: string,
  dir: string,
  progress: (text: string) => void,
): Promise<{ time: ReturnType<typeof timing>; rss: number; files: number; bytes: number } | undefined> {
  if (!existsSync(PAGEFIND)) return undefined;
  const out = join(dir, 'pagefind');
  const times: number[] = [];
  let rss = 0;
  for (let i = 1; i <= runs; i++) {
    progress(`search: peer Pagefind, run ${i}/${runs}`);
    await rm(out, { recursive: true, force: true });
    const run = await spawnMeasured(PAGEFIND, ['--site', site, '--output-path', out, '--silent']);
    times.push(run.ms);
    rss = Math.max(rss, run.maxRssBytes ?? 0);
  }
  let files = 0,
    bytes = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(folder, entry.name));
      else {
        files++;
        bytes += (await stat(join(folder, entry.name))).size;
      }
    }
  };
  await walk(out);
  await rm(out, { recursive: true, force: true });
  return { time: timing(times), rss, files, bytes };
}

interface QueryFigures {
  /** The first query: page opened to the first result listed (its snippet drawn). */
  readonly cold: ReturnType<typeof timing>;
  /** … to the status announced (the number of results), and to all drawn (the facets too). */
  readonly coldStatus: ReturnType<typeof timing>;
  readonly coldDone: ReturnType<typeof timing>;
  /** Index files asked for by the first result listed and by all drawn (hosted only). */
  readonly files?: { readonly listed: number; readonly done: number };
  readonly coldBytes?: number;
  readonly coldIndexBytes?: number;
  readonly warm: ReturnType<typeof timing>;
  /** The same queries the first time in the page (their term shards and chunks loaded then). */
  readonly fresh: ReturnType<typeof timing>;
  readonly warmWhat: string;
}

function queryJson(q: QueryFigures): Json {
  return {
    coldBestMs: round(q.cold.best),
    coldMedianMs: round(q.cold.median),
    coldStatusMedianMs: round(q.coldStatus.median),
    coldDoneBestMs: round(q.coldDone.best),
    coldDoneMedianMs: round(q.coldDone.median),
    coldFilesListed: q.files?.listed ?? null,
    coldFilesDone: q.files?.done ?? null,
    coldBytes: q.coldBytes ?? null,
    coldIndexBytes: q.coldIndexBytes ?? null,
    freshBestMs: round(q.fresh.best),
    freshMedianMs: round(q.fresh.median),
    freshWorstMs: round(Math.max(...q.fresh.runs)),
    warmBestMs: round(q.warm.best),
    warmMedianMs: round(q.warm.median),
    warmWorstMs: round(Math.max(...q.warm.runs)),
  };
}

async function indexSize(site: string): Promise<{
  files: number;
  bytes: number;
  gzipBytes: number;
  manifest: number;
  facets: number;
  largestShard: number;
  largestDoc: number;
  largestText: number;
  largestFacetShard: number;
  units: number;
}> {
  let files = 0,
    bytes = 0,
    gzipBytes = 0,
    largestShard = 0,
    largestDoc = 0,
    largestText = 0,
    largestFacetShard = 0;
  const walk = async (folder: string, rel: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path, `${rel}${entry.name}/`);
      else {
        const content = await readFile(path);
        files++;
        bytes += content.length;
        gzipBytes += gzipSync(content).length;
        if (rel === 'terms/') largestShard = Math.max(largestShard, content.length);
        if (rel === 'docs/') largestDoc = Math.max(largestDoc, content.length);
        if (rel === 'texts/') largestText = Math.max(largestText, content.length);
        if (rel === 'facets/') largestFacetShard = Math.max(largestFacetShard, content.length);
      }
    }
  };
  await walk(join(site, 'search'), '');
  const manifest = await readFile(join(site, 'search', 'manifest.js'), 'utf8');
  return {
    files,
    bytes,
    gzipBytes,
    largestShard,
    largestDoc,
    largestText,
    largestFacetShard,
    manifest: (await stat(join(site, 'search', 'manifest.js'))).size,
    facets: (await stat(join(site, 'search', 'facets.js'))).size,
    units: Number(/"units":(\d+)/.exec(manifest)?.[1] ?? 0),
  };
}

/**
 * Milliseconds until a query submitted in the page is over: its status, results and facets drawn
 * (search.js takes data-search-busy off #search-app then).
 */
function submit(page: Page, query: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const app = document.getElementById('search-app');
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (!app.hasAttribute('data-search-busy')) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(app, { attributes: true, attributeFilter: ['data-search-busy'] });
    document.getElementById('search-q').value = ${JSON.stringify(query)};
    document.getElementById('search-form').requestSubmit();
  })`) as Promise<number>;
}

/**
 * Taken in the page on the first query (the addresses of the index's files in the Resource Timing
 * entries, which a host gives and file:// does not): the status shown, the first result listed (its
 * snippet drawn), all drawn (the facets too), and the index files asked for by each of these moments.
 */
const FIRST_QUERY_PROBE = `document.addEventListener('DOMContentLoaded', () => {
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const app = document.getElementById('search-app');
  if (!status || !results || !app) return;
  const files = () => performance.getEntriesByType('resource').filter((r) => r.name.includes('/search/')).length;
  const shown = window.searchFirst = {};
  new MutationObserver(() => {
    if (shown.status === undefined && /résultat|Aucun/.test(status.textContent)) shown.status = performance.now();
  }).observe(status, { childList: true, characterData: true, subtree: true });
  new MutationObserver(() => {
    if (shown.listed === undefined && (results.querySelector('.search-hit') || /Aucun/.test(status.textContent))) { shown.listed = performance.now(); shown.filesListed = files(); }
  }).observe(results, { childList: true, subtree: true });
  new MutationObserver(() => {
    if (shown.done === undefined && shown.listed !== undefined && !app.hasAttribute('data-search-busy')) { shown.done = performance.now(); shown.filesDone = files(); }
  }).observe(app, { attributes: true, attributeFilter: ['data-search-busy'] });
});`;

interface FirstQuery {
  readonly status: number;
  readonly listed: number;
  readonly done: number;
  readonly filesListed: number;
  readonly filesDone: number;
}

async function queries(browser: Browser, runs: number, base: string, sent?: () => number, reset?: () => void): Promise<QueryFigures> {
  const cold: number[] = [];
  const coldStatus: number[] = [];
  const coldDone: number[] = [];
  let files: { listed: number; done: number } | undefined;
  const warm: number[] = [];
  const fresh: number[] = [];
  let coldBytes: number | undefined;
  let coldIndexBytes: number | undefined;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    // The moments, taken in the page (a poll from here would add its own delay).
    await context.addInitScript(FIRST_QUERY_PROBE);
    const page = await context.newPage();
    let indexBytes = 0;
    page.on('response', (r) => {
      if (r.url().includes('/search/'))
        void r.headerValue('content-length').then((v) => {
          indexBytes += Number(v ?? 0);
        });
    });
    reset?.();
    await page.goto(`${base}search.html?q=${encodeURIComponent(FIRST_QUERY)}`);
    await page
      .locator('#search-status')
      .filter({ hasText: /résultat|Aucun/ })
      .waitFor({ timeout: 60_000 });
    await page.locator('#search-app:not([data-search-busy])').waitFor({ timeout: 60_000 });
    const first = (await page.evaluate('window.searchFirst')) as FirstQuery;
    cold.push(first.listed);
    coldStatus.push(first.status);
    coldDone.push(first.done);
    if (sent) files = { listed: first.filesListed, done: first.filesDone };
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    if (i === 0 && sent) {
      coldBytes = sent();
      coldIndexBytes = indexBytes;
    }
    for (const q of WARM_QUERIES) {
      fresh.push(await submit(page, q));
      warm.push(await submit(page, q));
    }
    await context.close();
  }
  return {
    cold: timing(cold),
    coldStatus: timing(coldStatus),
    coldDone: timing(coldDone),
    ...(files === undefined ? {} : { files }),
    ...(coldBytes === undefined ? {} : { coldBytes, coldIndexBytes: coldIndexBytes ?? 0 }),
    warm: timing(warm),
    fresh: timing(fresh),
    warmWhat: `${WARM_QUERIES.map((q) => `“${q}”`).join(', ')}, each twice`,
  };
}
