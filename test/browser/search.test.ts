/**
 * Search in the reading edition (issue 19), in a real browser (chromium, headless), on the sample
 * edition (`build`) and on the site of four real TEI files (`html <folder> --out`, as
 * real-tei.test.ts makes it), each opened from disk (file://) and from a static server on
 * 127.0.0.1 that the test starts and stops. Chromium runs without --allow-file-access-from-files:
 * as a reader's browser would open the site from disk.
 *
 * A query shows results with the words highlighted and one leads to its paragraph; an accent-less
 * query finds the accented name; the apostrophe's form does not matter; a person facet narrows
 * the results and its count is the register's count of mentions; facets combine; a query with no
 * hit says so; the page works from the keyboard alone, without JavaScript it links the registers,
 * and axe-core finds no serious or critical violation with results and a facet shown. Nothing is
 * requested outside the site. On a site of a thousand texts (the sample's, repeated), a first query
 * asks for a few index files before its results are listed, whatever the number of texts, and its
 * facet counts are those of the parts. A screenshot of the search page in test/artifacts/search.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, skipWithoutChromium } from '../support/browser.js';
import { repoRoot, requireShared, sharedDir } from '../support/paths.js';
import { runTeiEdition, sampleEditionCopy, tempDir } from '../support/run-cli.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { registerNames, textPageUnits, type TextPageUnits } from '../../src/publish/search/page-units.js';
import { buildSearchIndex, TEXTS_PER_SHARD } from '../../src/publish/search/search-index.js';
import { searchTermsFactory } from '../../src/publish/search/search-terms.js';

const skip = skipWithoutChromium();
const artifacts = join(repoRoot, 'test', 'artifacts');
const REAL = ['teipublisher-vangogh__let695', 'eltec-fra__FRA03201_Blandy', 'dta-dingler__pj332', 'guizot-lieven__letters-teiCorpus'];
type Mode = 'file' | 'http';
const MODES: readonly Mode[] = ['file', 'http'];

interface Site {
  readonly dir: string;
  server?: StaticServer;
}
const sample: Site = { dir: '' };
const real: Site = { dir: '' };
let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  const edition = sampleEditionCopy();
  const build = runTeiEdition(['build'], edition);
  assert.equal(build.code, 0, build.stderr);
  Object.assign(sample, { dir: join(edition, 'output', 'html') });
  const texts = tempDir();
  mkdirSync(join(texts, 'texts'));
  const realDir = requireShared(join(sharedDir, 'reference', 'tei-real'));
  for (const name of REAL) cpSync(join(realDir, `${name}.xml`), join(texts, 'texts', `${name}.xml`));
  const html = runTeiEdition(['html', 'texts', '--out', 'site'], texts);
  assert.equal(html.code, 0, html.stderr);
  Object.assign(real, { dir: join(texts, 'site') });
  sample.server = await startStaticServer(sample.dir);
  real.server = await startStaticServer(real.dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await sample.server?.close();
  await real.server?.close();
});

function address(site: Site, mode: Mode, page: string): string {
  if (mode === 'file') return pathToFileURL(join(site.dir, page.replace(/[?#].*$/, ''))).href + page.replace(/^[^?#]*/, '');
  return (site.server?.url ?? '') + page;
}

/** A tab that records every request outside the site. */
async function tab(site: Site, mode: Mode, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; outside: string[] }> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const outside: string[] = [];
  const root = mode === 'file' ? pathToFileURL(site.dir).href : (site.server?.url ?? '');
  page.on('request', (r) => {
    if (!r.url().startsWith(root)) outside.push(r.url());
  });
  page.on('pageerror', (e) => outside.push(`page error: ${e.message}`));
  return { page, outside };
}

async function search(site: Site, mode: Mode, query: string, extra = ''): Promise<{ page: Page; outside: string[] }> {
  const t = await tab(site, mode);
  await t.page.goto(address(site, mode, `search.html?q=${encodeURIComponent(query)}${extra}`));
  await settled(t.page);
  return t;
}

/** The status once a search is over (results or none), its results and facets drawn (search.js marks #search-app busy until then). */
async function settled(page: Page): Promise<string> {
  const status = page.locator('#search-status');
  await status.filter({ hasText: /résultat|Aucun/ }).waitFor({ timeout: 15_000 });
  await page.locator('#search-app:not([data-search-busy])').waitFor({ timeout: 15_000 });
  return status.innerText();
}

async function statusStarts(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction(
    `(document.getElementById('search-status').textContent || '').startsWith(${JSON.stringify(prefix)}) && !document.getElementById('search-app').hasAttribute('data-search-busy')`,
  );
}

async function activeId(page: Page): Promise<string> {
  return String(await page.evaluate('document.activeElement ? document.activeElement.id : ""'));
}

function resultCount(status: string): number {
  const m = /^(\d+) résultats?/.exec(status);
  return m ? Number(m[1]) : 0;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

for (const mode of MODES) {
  test(`sample (${mode}): a query shows highlighted results, and one leads to its paragraph`, { skip }, async () => {
    const { page, outside } = await search(sample, mode, 'insurrection');
    const status = await settled(page);
    assert.ok(resultCount(status) >= 5, status);
    const marks = await page.locator('#search-results mark').allInnerTexts();
    assert.ok(marks.length >= 5);
    for (const m of marks) assert.match(fold(m), /^insurrection/);
    const link = page.locator('#search-results a.search-hit-link[href*="#para-"]').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForURL((u) => u.href.endsWith(href));
    const anchor = href.split('#')[1] ?? '';
    assert.match(fold(await page.locator(`#${anchor}`).innerText()), /insurrection/);
    assert.deepEqual(outside, []);
    await page.context().close();
  });

  test(`sample (${mode}): accents, case and the apostrophe's form do not matter`, { skip }, async () => {
    const { page } = await search(sample, mode, 'kerenski');
    assert.ok(resultCount(await settled(page)) >= 4);
    const marks = await page.locator('#search-results mark').allInnerTexts();
    assert.ok(marks.includes('Kérenski'), `the accented name is found: ${marks.join(', ')}`);
    assert.ok(marks.includes('Kerenski'), 'and the unaccented one (the periodical joins “Ke-renski”)');
    await page.fill('#search-q', "l'insurrection");
    await page.press('#search-q', 'Enter');
    const apostrophe = await settled(page);
    const text = await page.locator('#search-results').innerText();
    assert.match(text, /l’insurrection/, 'the typographic apostrophe of the texts');
    await page.fill('#search-q', 'l’INSURRECTION');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(`document.getElementById('search-status').textContent === ${JSON.stringify(apostrophe)}`);
    assert.equal(await settled(page), apostrophe, 'the same results with either apostrophe and any case');
    await page.context().close();
  });

  test(`sample (${mode}): a person facet narrows the results, with the register's count`, { skip }, async () => {
    const register = readFileSync(join(sample.dir, 'persons.html'), 'utf8');
    const entry = /<article class="entry" id="lenine">([\s\S]*?)<\/article>/.exec(register)?.[1] ?? '';
    const mentions = (entry.match(/class="mention"/g) ?? []).length;
    assert.ok(mentions > 3, 'the register lists Lénine’s mentions');
    // The facet alone: every part that names the person, as many as the register's mentions.
    const { page } = await search(sample, mode, '', '&person=lenine');
    assert.equal(resultCount(await settled(page)), mentions);
    // With a query: the facet's count is the number of results it gives.
    await page.goto(address(sample, mode, 'search.html?q=insurrection'));
    const all = resultCount(await settled(page));
    const label = page.locator('#search-facets .search-facet-person label', { hasText: 'Lénine' });
    const count = Number(/\((\d+)\)/.exec(await label.innerText())?.[1]);
    assert.ok(count > 0 && count < all, `Lénine (${count}) among ${all} results`);
    await label.click();
    await statusStarts(page, `${count} résultat`);
    for (const href of await page
      .locator('#search-results a.search-hit-link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      const [file, anchor] = href.split('#');
      const html = readFileSync(join(sample.dir, file ?? ''), 'utf8');
      const part = new RegExp(`id="${anchor}"[\\s\\S]*?persons\\.html#lenine`).exec(html);
      assert.ok(part, `${href} names Lénine`);
    }
    assert.match(page.url(), /person=lenine/, 'the address keeps the facet');
    // Facets combine: a place as well.
    const place = page.locator('#search-facets .search-facet-place label').first();
    const placeCount = Number(/\((\d+)\)/.exec(await place.innerText())?.[1]);
    await place.click();
    await statusStarts(page, `${placeCount} résultat`);
    assert.ok(placeCount <= count);
    if (mode === 'file') await page.screenshot({ path: join(artifacts, 'search.png'), fullPage: true });
    await page.context().close();
  });

  test(`sample (${mode}): a query with no hit says so`, { skip }, async () => {
    const { page } = await search(sample, mode, 'zqxwvj');
    assert.match(await settled(page), /Aucun résultat pour « zqxwvj »/);
    assert.equal(await page.locator('#search-results .search-hit').count(), 0);
    await page.context().close();
  });
}

test('sample (file): the keyboard alone, from the header box to a paragraph', { skip }, async () => {
  const { page } = await tab(sample, 'file');
  await page.goto(address(sample, 'file', 'index.html'));
  for (let i = 0; i < 20 && (await activeId(page)) !== 'site-search-q'; i++) await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'site-search-q', 'the header box is reached with Tab');
  await page.keyboard.type('Kamenev');
  await page.keyboard.press('Enter');
  await page.waitForURL(/search\.html\?q=Kamenev/);
  const status = await settled(page);
  assert.ok(resultCount(status) > 0, status);
  assert.equal(await page.locator('#search-q').inputValue(), 'Kamenev');
  // From the field: Tab through the button, the facets, to the first result.
  await page.focus('#search-q');
  let reached = '';
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    reached = String(
      await page.evaluate(
        "document.activeElement.classList.contains('search-hit-link') ? document.activeElement.getAttribute('href') : ''",
      ),
    );
    if (reached) break;
  }
  assert.match(reached, /#(para|note|head)-\d+$/);
  const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
  assert.notEqual(outline, 'none', 'the focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.href.endsWith(reached));
  assert.match(await page.locator(`#${reached.split('#')[1]}`).innerText(), /Kamenev/);
  await page.context().close();
});

test('sample (file): the facets work from the keyboard', { skip }, async () => {
  const { page } = await search(sample, 'file', 'gouvernement');
  const all = resultCount(await settled(page));
  const box = page.locator('#search-facets input[type="checkbox"]').first();
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(`!document.getElementById('search-status').textContent.startsWith('${all} ')`);
  assert.ok(resultCount(await settled(page)) < all);
  assert.equal(await page.evaluate('document.activeElement.checked'), true, 'the focus stays on the checked box');
  await page.context().close();
});

test('sample: without JavaScript the search page says so and links the registers', { skip }, async () => {
  const { page } = await tab(sample, 'file', { javaScriptEnabled: false });
  await page.goto(address(sample, 'file', 'search.html?q=Kamenev'));
  assert.equal(await page.locator('#search-app').isVisible(), false);
  const nojs = page.locator('#search-nojs');
  assert.match(await nojs.innerText(), /JavaScript/);
  const links = await nojs.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['index.html', 'persons.html', 'places.html']);
  await page.context().close();
});

test('sample (http): axe-core finds no serious or critical violation on the search page with results and a facet', { skip }, async () => {
  const { page } = await search(sample, 'http', 'insurrection', '&person=lenine');
  const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  assert.deepEqual(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    [],
  );
  assert.equal(await page.locator('#search-status').getAttribute('aria-live'), 'polite');
  assert.equal(await page.locator('label[for="search-q"]').count(), 1);
  await page.context().close();
});

for (const mode of MODES) {
  test(`tei-real (${mode}): words of the letters and the novel, accent-less, to their paragraph`, { skip }, async () => {
    const { page, outside } = await search(real, mode, 'esperance');
    assert.ok(resultCount(await settled(page)) > 0);
    const marks = await page.locator('#search-results mark').allInnerTexts();
    assert.ok(
      marks.some((m) => m === 'espérance'),
      marks.join(', '),
    );
    const link = page.locator('#search-results section', { hasText: 'Gauguin' }).locator('a.search-hit-link').first();
    const href = (await link.getAttribute('href')) ?? '';
    assert.match(href, /^teipublisher-vangogh__let695\.html#para-\d+$/);
    await link.click();
    await page.waitForURL((u) => u.href.endsWith(href));
    assert.match(await page.locator(`#${href.split('#')[1]}`).innerText(), /espérance/);
    // The novel's words lead to the part of the text that holds them.
    await page.goto(address(real, mode, 'search.html?q=Rouz%C3%A9tou'));
    await settled(page);
    const part = await page.locator('#search-results a.search-hit-link[href^="eltec-fra__FRA03201_Blandy-"]').first().getAttribute('href');
    assert.match(part ?? '', /^eltec-fra__FRA03201_Blandy-\d+\.html#/);
    assert.deepEqual(outside, []);
    await page.context().close();
  });

  test(`tei-real (${mode}): the year facet narrows the results to the texts of that year`, { skip }, async () => {
    const { page } = await search(real, mode, 'Paris');
    const all = resultCount(await settled(page));
    const year = page.locator('#search-facets .search-facet-year label', { hasText: '1840' });
    const count = Number(/\((\d+)\)/.exec(await year.innerText())?.[1]);
    assert.ok(count > 0 && count < all, `1840 (${count}) among ${all}`);
    await year.click();
    await statusStarts(page, `${count} résultat`);
    const hrefs = await page.locator('#search-results a.search-hit-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('guizot-lieven__letters-teiCorpus-')), hrefs.join(' '));
    await page.goto(address(real, mode, 'search.html?q=zqxwvj'));
    assert.match(await settled(page), /Aucun résultat/);
    await page.context().close();
  });
}

test('tei-real (file): axe-core on the search page with results', { skip }, async () => {
  const { page } = await search(real, 'file', 'Paris');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
    ).axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
  assert.deepEqual(violations, []);
  await page.context().close();
});

/** The sample's text pages, each repeated `copies` times as texts of their own (in the index only: the hits link the sample's pages). */
function repeatedTexts(copies: number): {
  texts: { id: string; pages: TextPageUnits[] }[];
  persons: Map<string, string>;
  places: Map<string, string>;
} {
  const pages = readdirSync(sample.dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => textPageUnits(file, readFileSync(join(sample.dir, file), 'utf8')))
    .filter((p): p is TextPageUnits => p !== undefined);
  assert.ok(pages.length >= 3);
  const texts: { id: string; pages: TextPageUnits[] }[] = [];
  for (let k = 0; k < copies; k++) for (const page of pages) texts.push({ id: `${page.textId}-${k}`, pages: [page] });
  return {
    texts,
    persons: registerNames(readFileSync(join(sample.dir, 'persons.html'), 'utf8')),
    places: registerNames(readFileSync(join(sample.dir, 'places.html'), 'utf8')),
  };
}

test(
  "many texts (http): a first query asks for a few index files before its results are listed, and its facet counts are the parts'",
  { skip },
  async () => {
    const site = tempDir();
    cpSync(sample.dir, site, { recursive: true });
    rmSync(join(site, 'search'), { recursive: true, force: true });
    const input = repeatedTexts(340);
    const index = buildSearchIndex(input);
    for (const [path, content] of index.files) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), content);
    }
    const server = await startStaticServer(site);
    try {
      const context = await browser?.newContext();
      assert.ok(context);
      await context.addInitScript(`document.addEventListener('DOMContentLoaded', () => {
      const files = () => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('/search/'));
      new MutationObserver(() => {
        if (window.filesListed === undefined && document.querySelector('#search-results .search-hit')) window.filesListed = files();
      }).observe(document.getElementById('search-results'), { childList: true, subtree: true });
      window.filesNow = files;
    });`);
      const page = await context.newPage();
      // A trailing space: the word as a whole word, not also as the beginning of longer ones.
      await page.goto(`${server.url}search.html?q=${encodeURIComponent('insurrection ')}`);
      const status = await settled(page);
      const listed = (await page.evaluate('window.filesListed')) as string[];
      const all = (await page.evaluate('window.filesNow()')) as string[];
      const kind = (names: string[], folder: string): number => names.filter((n) => n.includes(`/search/${folder}`)).length;
      // Before the results are listed: the manifest, the facets' values, the word's term shard, the
      // first results' titles (one text shard) and their snippets (at most a chunk per result shown).
      assert.deepEqual(
        listed
          .filter((n) => !n.includes('/search/docs/'))
          .map((n) => n.replace(/^.*\/search\//, '').replace(/\d+/, 'N'))
          .sort(),
        ['facets.js', 'manifest.js', 'terms/N.js', 'texts/N.js'],
        listed.join(' '),
      );
      assert.ok(kind(listed, 'docs/') <= 20, `${kind(listed, 'docs/')} document chunks`);
      assert.equal(
        kind(all, 'facets/'),
        Math.ceil(input.texts.length / TEXTS_PER_SHARD),
        'then the facet shards of the texts the results are in (all here)',
      );
      // The counts, from the parts themselves.
      const terms = searchTermsFactory();
      const term = terms.term('insurrection');
      const hits = input.texts
        .flatMap((t) => t.pages.flatMap((p) => p.units))
        .filter((u) => terms.words(u.text).some((w) => terms.term(w.word) === term));
      const textsHit = input.texts.filter((t) => t.pages.some((p) => p.units.some((u) => hits.includes(u)))).length;
      assert.equal(status, `${hits.length} résultats dans ${textsHit} textes.`);
      const expected = new Map<string, number>();
      for (const u of hits)
        for (const id of u.persons) {
          const name = input.persons.get(id) ?? id;
          expected.set(name, (expected.get(name) ?? 0) + 1);
        }
      const shown = await page.locator('#search-facets .search-facet-person label').allInnerTexts();
      assert.ok(shown.length > 3);
      for (const label of shown) {
        const m = /^(.*) \((\d+)\)$/.exec(label.trim());
        assert.ok(m, label);
        assert.equal(Number(m[2]), expected.get(m[1] ?? ''), label);
      }
      const top = [...expected.values()].sort((a, b) => b - a).slice(0, shown.length);
      assert.deepEqual(
        shown.map((l) => Number(/\((\d+)\)$/.exec(l.trim())?.[1])),
        top,
        'the most named persons, most first',
      );
      await context.close();
    } finally {
      await server.close();
    }
  },
);
