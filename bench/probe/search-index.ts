/**
 * The search index of a built site, alone, in a fresh process (the search bench runs it under GNU
 * time for its peak memory): reads the site's pages, then builds the index (siteSearch) and prints
 * `{ "ms": <build time>, "pageBytes": <HTML read> }`. The pages are read first, as `html` has them in
 * memory when it builds the index.
 *
 *   node dist/bench/probe/search-index.js <site folder>
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { siteSearch } from '../../src/publish/search/site-search.js';

const site = process.argv[2];
if (site === undefined) {
  process.stderr.write('usage: node dist/bench/probe/search-index.js <site folder>\n');
  process.exit(2);
}
const files = (await readdir(site)).filter((f) => f.endsWith('.html')).sort();
const pages = await Promise.all(files.map(async (file) => ({ file, html: await readFile(join(site, file), 'utf8') })));
const start = performance.now();
const index = siteSearch(pages, []);
const ms = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({ ms, pageBytes: pages.reduce((n, p) => n + p.html.length, 0), units: index.units, terms: index.terms })}\n`,
);
