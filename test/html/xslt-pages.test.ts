/**
 * The reading edition's stylesheet (xslt/html/edition.xsl on SaxonJS), without a browser: each
 * page type of the sample edition is well-formed XHTML with the ids, classes and links the site
 * builder and the browser tests rely on; text is always escaped; French typography is added at
 * render time; page breaks never cut a word; and every real TEI file of
 * ../shared/reference/tei-real/ transforms, well-formed, with every word of its body.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { parseForTransform, transform } from '../../src/publish/xslt/saxon-transform.js';
import { parseNamespacedTree, type NamespacedElement } from '../../src/lib/xml/namespaced-tree.js';
import { fixturesDir, repoRoot, requireShared, sharedDir } from '../support/paths.js';
import { convertSample, sampleConfig } from '../support/sample-edition.js';
import { fullTierOnly } from '../support/tiers.js';

type El = NamespacedElement;

const STYLESHEET = join(repoRoot, 'xslt', 'html', 'edition.xsl');
const HTML_FIXTURES = join(fixturesDir, 'html');
const REGISTER_NAMES = ['persons', 'places', 'periodicals', 'organisations'] as const;
const NBSP = '\u00A0';
const NNBSP = '\u202F';

// ===== A small view of the pages (parsed by saxes: a page that is not well-formed throws) =====

function* elements(root: El): Generator<El> {
  yield root;
  for (const child of root.children) if (typeof child !== 'string') yield* elements(child);
}

function classes(el: El): string[] {
  return (el.attributes.class ?? '').split(/\s+/u).filter((c) => c !== '');
}

function hasClass(el: El, name: string): boolean {
  return classes(el).includes(name);
}

function all(root: El, test: (el: El) => boolean): El[] {
  return [...elements(root)].filter(test);
}

function byClass(root: El, name: string, element?: string): El[] {
  return all(root, (el) => hasClass(el, name) && (element === undefined || el.name === element));
}

function one(root: El, test: (el: El) => boolean, what: string): El {
  const found = all(root, test);
  assert.equal(found.length, 1, `expected one ${what}, found ${found.length}`);
  return found[0] as El;
}

function ids(root: El): Map<string, El> {
  const map = new Map<string, El>();
  for (const el of elements(root)) {
    const id = el.attributes.id;
    if (id === undefined) continue;
    assert.ok(!map.has(id), `id "${id}" is used twice`);
    map.set(id, el);
  }
  return map;
}

function text(el: El): string {
  return el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
}

function parsePage(html: string, what: string): El {
  assert.ok(html.startsWith('<!DOCTYPE html>'), `${what}: starts with the HTML5 doctype`);
  try {
    return parseNamespacedTree(html);
  } catch (error) {
    assert.fail(`${what} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The frame every page has: lang, assets, skip link, header with the title linking to the index, nav, main, footer. */
function assertFrame(page: El, what: string): void {
  assert.equal(page.name, 'html', what);
  assert.equal(page.ns, 'http://www.w3.org/1999/xhtml', what);
  assert.equal(page.attributes.lang, 'fr', `${what}: html lang`);
  one(
    page,
    (el) => el.name === 'link' && el.attributes.rel === 'stylesheet' && el.attributes.href === 'assets/edition.css',
    `${what}: stylesheet link`,
  );
  one(page, (el) => el.name === 'script' && el.attributes.src === 'assets/edition.js', `${what}: script`);
  one(page, (el) => el.name === 'a' && hasClass(el, 'skip-link') && el.attributes.href === '#main', `${what}: skip link`);
  const header = one(page, (el) => el.name === 'header' && hasClass(el, 'site-header'), `${what}: site header`);
  const title = one(header, (el) => hasClass(el, 'site-title'), `${what}: site title`);
  one(
    title,
    (el) => el.name === 'a' && el.attributes.href === 'index.html' && text(el).trim() !== '',
    `${what}: title linking to the index`,
  );
  const nav = one(header, (el) => el.name === 'nav', `${what}: nav`);
  assert.ok(
    all(nav, (el) => el.name === 'a').some((a) => a.attributes.href === 'persons.html'),
    `${what}: nav links the persons`,
  );
  one(page, (el) => el.name === 'main' && el.attributes.id === 'main', `${what}: main`);
  one(page, (el) => el.name === 'footer', `${what}: footer`);
}

// ===== Words: every word of the TEI body must be in the page =====

/** TEI elements that separate words (blocks, notes, breaks…); the others are phrase-level. */
const TEI_BOUNDARIES = new Set([
  'p',
  'ab',
  'head',
  'div',
  'div1',
  'div2',
  'div3',
  'div4',
  'div5',
  'div6',
  'div7',
  'body',
  'front',
  'back',
  'text',
  'group',
  'lg',
  'l',
  'list',
  'listBibl',
  'item',
  'label',
  'table',
  'row',
  'cell',
  'figure',
  'figDesc',
  'graphic',
  'note',
  'opener',
  'closer',
  'salute',
  'signed',
  'dateline',
  'byline',
  'trailer',
  'postscript',
  'argument',
  'epigraph',
  'titlePage',
  'titlePart',
  'docTitle',
  'docAuthor',
  'docDate',
  'docImprint',
  'docEdition',
  'sp',
  'speaker',
  'stage',
  'q',
  'quote',
  'cit',
  'said',
  'bibl',
  'fw',
  'floatingText',
  'u',
  'castList',
  'castItem',
  'milestone',
  'addrLine',
  'TEI',
]);

function teiBodyText(el: El, inBody: boolean, parts: string[]): void {
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (inBody) parts.push(child);
      continue;
    }
    if (child.name === 'teiHeader') continue;
    const boundary = ['lb', 'pb', 'cb'].includes(child.name)
      ? child.attributes.break !== 'no'
      : ['choice', 'app', 'subst'].includes(el.name) || TEI_BOUNDARIES.has(child.name);
    if (boundary) parts.push(' ');
    teiBodyText(child, inBody || child.name === 'body', parts);
    if (boundary) parts.push(' ');
  }
}

const HTML_PHRASES = new Set([
  'a',
  'i',
  'b',
  'em',
  'cite',
  'sup',
  'sub',
  'u',
  's',
  'time',
  'code',
  'del',
  'ins',
  'abbr',
  'small',
  'strong',
  'mark',
  'span',
]);
/** Spans that stand for TEI blocks (or the readings of a choice) separate words. */
const HTML_BLOCK_SPANS = new Set([
  'p',
  'ab',
  'div',
  'lg',
  'l',
  'list',
  'listBibl',
  'item',
  'head',
  'opener',
  'closer',
  'salute',
  'signed',
  'dateline',
  'byline',
  'trailer',
  'postscript',
  'figure',
  'figcaption',
  'figDesc',
  'table',
  'row',
  'cell',
  'quote',
  'q',
  'cit',
  'said',
  'sp',
  'speaker',
  'stage',
  'titlePage',
  'titlePart',
  'docTitle',
  'docAuthor',
  'docDate',
  'docImprint',
  'docEdition',
  'argument',
  'epigraph',
  'tei-text',
  'body',
  'front',
  'back',
  'group',
  'note-inline',
  'fw',
  'bibl',
  'label',
  'u',
  'castList',
  'castItem',
  'milestone',
  'graphic',
  'addrLine',
  'floatingText',
]);
const HTML_SKIPPED = new Set(['note-popover', 'note-call', 'note-back', 'para-anchor']);

/**
 * The page's text as one of its views shows it, with a space wherever words are separated; 'all'
 * is the reading view's text plus what no view shows (a correction inside a source reading…),
 * without the brackets around supplied letters (Genugth[uu]ng).
 */
function pageText(el: El, view: 'reading' | 'source' | 'all', parts: string[], parent?: El): void {
  if (el.name === 'head' || el.name === 'script') return;
  const cls = classes(el);
  if (cls.some((c) => HTML_SKIPPED.has(c))) {
    parts.push(' ');
    return;
  }
  if (view === 'reading' && cls.includes('source-only')) return;
  if (view === 'all' && cls.includes('bracket')) return;
  if (
    view !== 'source' &&
    (cls.includes('lb-hyphen') || cls.includes('pb') || cls.includes('cb') || (el.name === 'br' && cls.includes('lb')))
  )
    return;
  if (view === 'source' && cls.includes('reading-only')) return;
  const choiceReading = parent !== undefined && (hasClass(parent, 'choice') || hasClass(parent, 'app'));
  const boundary =
    !HTML_PHRASES.has(el.name) ||
    choiceReading ||
    cls.includes('pb') ||
    cls.includes('cb') ||
    (el.name === 'span' && HTML_BLOCK_SPANS.has(cls[0] ?? ''));
  if (boundary) parts.push(' ');
  for (const child of el.children) {
    if (typeof child === 'string') parts.push(child);
    else pageText(child, view, parts, el);
  }
  if (boundary) parts.push(' ');
}

function words(s: string): Set<string> {
  return new Set(
    s
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}]+/gu) ?? [],
  );
}

function viewText(el: El, view: 'reading' | 'source' | 'all'): string {
  const parts: string[] = [];
  pageText(el, view, parts);
  return parts.join('').replace(/\s+/gu, ' ');
}

const readingText = (el: El): string => viewText(el, 'reading');
const sourceText = (el: El): string => viewText(el, 'source');

// ===== Running the stylesheet =====

let sef: unknown;

async function render(request: {
  source?: string;
  baseUri?: string;
  template?: string;
  params?: Record<string, unknown>;
}): Promise<{ html: string; ms: number; documents: Record<string, string> }> {
  const start = performance.now();
  const result = await transform({
    sef,
    ...(request.source !== undefined ? { sourceText: request.source } : {}),
    ...(request.baseUri !== undefined ? { sourceBaseUri: request.baseUri } : {}),
    ...(request.template !== undefined ? { initialTemplate: request.template } : {}),
    params: request.params ?? {},
  });
  return { html: result.principal, ms: performance.now() - start, documents: result.documents };
}

/** A secondary result of a transformation, by the file name of its href. */
function resultDocument(documents: Record<string, string>, file: string): string {
  const found = Object.entries(documents).find(([href]) => href.endsWith(`/${file}`));
  assert.ok(found, `the stylesheet wrote ${file}`);
  return found[1];
}

async function renderFixture(name: string, params: Record<string, unknown> = {}): Promise<El> {
  const path = join(HTML_FIXTURES, name);
  const { html } = await render({
    source: readFileSync(path, 'utf8'),
    baseUri: pathToFileURL(path).href,
    params: { 'text-id': name.replace(/\.xml$/u, ''), ...params },
  });
  return parsePage(html, name);
}

before(async () => {
  sef = (await compiledStylesheet(STYLESHEET)).sef;
});

// ===== The sample edition =====

interface SampleSite {
  readonly ids: string[];
  readonly tei: Map<string, El>;
  readonly pages: Map<string, El>;
  readonly html: Map<string, string>;
  readonly timings: Map<string, number>;
}

const editionJson = (extra: Record<string, unknown> = {}): string => JSON.stringify({ ...sampleConfig().edition, ...extra });

interface SampleParams {
  readonly registers: unknown[];
  readonly ids: string[];
  readonly xml: Map<string, string>;
  /** The texts' summaries (initial template text-summaries), as the collection pages take them. */
  readonly summaries: unknown[];
  /** The texts in reading order (initial template reading-order). */
  readonly order: { id: string; title: string }[];
}

async function sampleParams(): Promise<SampleParams> {
  const registers = await Promise.all(
    REGISTER_NAMES.map((name) => {
      const path = join(repoRoot, 'tei', `${name}.xml`);
      return parseForTransform(readFileSync(path, 'utf8'), pathToFileURL(path).href);
    }),
  );
  const ids: string[] = [];
  const xml = new Map<string, string>();
  for (const source of sampleConfig().sources) {
    const converted = convertSample(source).xml;
    assert.ok(converted, `${source.id} converts`);
    ids.push(source.id);
    xml.set(source.id, converted);
  }
  const texts = await Promise.all(
    ids.map((id) => parseForTransform(xml.get(id) ?? '', pathToFileURL(join(repoRoot, 'tei', `${id}.xml`)).href)),
  );
  const summarised = await render({
    template: 'text-summaries',
    params: { 'edition-json': editionJson(), registers, texts, 'text-ids': ids },
  });
  const summaries = [await parseForTransform(resultDocument(summarised.documents, 'summaries.xml'), 'urn:x-test:summaries')];
  const ordered = await render({ template: 'reading-order', params: { 'edition-json': editionJson(), summaries } });
  const order = JSON.parse(resultDocument(ordered.documents, 'reading-order.json')) as { id: string; title: string }[];
  return { registers, ids, xml, summaries, order };
}

/** The parameters of a text page: its neighbours in reading order (the pager). */
function pagerParams(order: readonly { id: string; title: string }[], id: string): Record<string, string> {
  const i = order.findIndex((e) => e.id === id);
  const previous = order[i - 1];
  const next = order[i + 1];
  return {
    ...(previous ? { 'previous-id': previous.id, 'previous-title': previous.title } : {}),
    ...(next ? { 'next-id': next.id, 'next-title': next.title } : {}),
  };
}

let site: SampleSite;

async function buildSampleSite(): Promise<SampleSite> {
  const { registers, ids, xml, summaries, order } = await sampleParams();
  const pages = new Map<string, El>();
  const html = new Map<string, string>();
  const timings = new Map<string, number>();
  const tei = new Map<string, El>();
  for (const id of ids) {
    const source = xml.get(id) ?? '';
    tei.set(id, parseNamespacedTree(source));
    const page = await render({
      source,
      baseUri: pathToFileURL(join(repoRoot, 'tei', `${id}.xml`)).href,
      params: { 'edition-json': editionJson(), registers, 'text-id': id, 'text-ids': ids, ...pagerParams(order, id) },
    });
    html.set(`${id}.html`, page.html);
    timings.set(`${id}.html`, page.ms);
  }
  for (const template of ['index', 'persons', 'places']) {
    const page = await render({ template, params: { 'edition-json': editionJson(), registers, summaries, 'text-ids': ids } });
    html.set(`${template}.html`, page.html);
    timings.set(`${template}.html`, page.ms);
  }
  for (const [file, page] of html) pages.set(file, parsePage(page, file));
  return { ids, tei, pages, html, timings };
}

function page(file: string): El {
  const found = site.pages.get(file);
  assert.ok(found, `page ${file}`);
  return found;
}

const LETTER = '1917-10-01-lenine-lettre-au-comite-central';
const ARTICLE = '1917-11-01-lenine-coalition-ou-marins';
const APPEAL = '1917-11-05-lenine-a-tous-les-membres-du-parti';

describe('HTML pages of the sample edition', () => {
  before(async () => {
    site = await buildSampleSite();
  });

  test('every page is well-formed polyglot HTML5 with the frame, and its ids are unique', (t) => {
    for (const [file, root] of site.pages) {
      assertFrame(root, file);
      ids(root);
      t.diagnostic(`${file}: ${Math.round(site.timings.get(file) ?? 0)} ms`);
    }
    assert.deepEqual(
      [...site.pages.keys()].sort(),
      [...site.ids.map((id) => `${id}.html`), 'index.html', 'persons.html', 'places.html'].sort(),
    );
  });

  test('index: title, editors, licence, introduction, and the texts in reading order with both calendars', () => {
    const index = page('index.html');
    assert.equal(text(one(index, (el) => el.name === 'h1', 'h1')), `Lénine en novembre 1917${NBSP}: trois textes`);
    assert.match(text(one(index, (el) => hasClass(el, 'edition-editors'), 'editors')), /Équipe tei-edition/u);
    const licence = one(index, (el) => hasClass(el, 'edition-licence'), 'licence');
    one(
      licence,
      (el) => el.name === 'a' && el.attributes.rel === 'license' && el.attributes.href === 'https://creativecommons.org/licenses/by/4.0/',
      'licence link',
    );
    const intro = one(index, (el) => el.name === 'section' && hasClass(el, 'introduction'), 'introduction');
    assert.equal(all(intro, (el) => el.name === 'p').length, sampleConfig().edition.introduction?.length);
    const entries = byClass(index, 'text-entry', 'li');
    assert.deepEqual(
      entries.map((li) => one(li, (el) => el.name === 'a' && (el.attributes.href ?? '').endsWith('.html'), 'title link').attributes.href),
      [`${LETTER}.html`, `${ARTICLE}.html`, `${APPEAL}.html`],
    );
    assert.deepEqual(
      entries.map((li) => text(one(li, (el) => el.name === 'time', 'date'))),
      ['1er (14) octobre 1917', '1er (14) novembre 1917', '5 (18) novembre 1917'],
    );
    assert.deepEqual(
      entries.map((li) => one(li, (el) => el.name === 'time', 'date').attributes.datetime),
      ['1917-10-14', '1917-11-14', '1917-11-18'],
    );
    for (const li of entries) {
      assert.match(text(one(li, (el) => hasClass(el, 'text-entry-author'), 'author')), /Lénine/u);
      assert.ok(text(one(li, (el) => hasClass(el, 'text-entry-source'), 'source')).length > 40);
    }
  });

  test('pager: each text page links the texts before and after it in reading order (date, then title), with their titles', () => {
    const reading = [LETTER, ARTICLE, APPEAL];
    for (const [i, id] of reading.entries()) {
      const root = page(`${id}.html`);
      const nav = one(root, (el) => el.name === 'nav' && hasClass(el, 'pager'), `${id}: nav.pager`);
      const prev = all(nav, (el) => el.name === 'a' && el.attributes.rel === 'prev');
      const next = all(nav, (el) => el.name === 'a' && el.attributes.rel === 'next');
      assert.deepEqual(
        prev.map((a) => a.attributes.href),
        i > 0 ? [`${reading[i - 1] ?? ''}.html`] : [],
        `${id}: previous`,
      );
      assert.deepEqual(
        next.map((a) => a.attributes.href),
        i < reading.length - 1 ? [`${reading[i + 1] ?? ''}.html`] : [],
        `${id}: next`,
      );
      for (const a of [...prev, ...next]) {
        const target = page(a.attributes.href ?? '');
        const title = text(one(target, (el) => el.name === 'h1', 'h1'));
        assert.ok(text(a).endsWith(title), `${id}: the link shows the title of ${a.attributes.href ?? ''}`);
      }
    }
  });

  test('pager: texts of the same date follow each other by title; a text page without neighbours has no pager', async () => {
    const { registers, xml } = await sampleParams();
    // The letter twice, under two ids and titles, on the same date: the title decides.
    const retitled = (title: string): string => (xml.get(LETTER) ?? '').replace(/(<titleStmt>\s*<title[^>]*>)[^<]*/u, `$1${title}`);
    const docs = await Promise.all(['Zèbre', 'Abeille'].map((title) => parseForTransform(retitled(title), 'file:///x.xml')));
    const summarised = await render({ template: 'text-summaries', params: { registers, texts: docs, 'text-ids': ['z', 'a'] } });
    const summaries = [await parseForTransform(resultDocument(summarised.documents, 'summaries.xml'), 'urn:x-test:summaries')];
    const ordered = await render({ template: 'reading-order', params: { summaries } });
    assert.deepEqual(JSON.parse(resultDocument(ordered.documents, 'reading-order.json')), [
      { id: 'a', title: 'Abeille' },
      { id: 'z', title: 'Zèbre' },
    ]);
    const alone = parsePage(
      (await render({ source: xml.get(LETTER) ?? '', params: { registers, 'text-id': LETTER } })).html,
      'no neighbours',
    );
    assert.equal(all(alone, (el) => el.name === 'nav' && hasClass(el, 'pager')).length, 0);
  });

  test('text page header: title, author, date in both calendars, source, licence, TEI download, how to cite, view switch', () => {
    const letter = page(`${LETTER}.html`);
    assert.match(text(one(letter, (el) => el.name === 'h1', 'h1')), /^Lettre au Comité central/u);
    assert.equal(text(one(letter, (el) => hasClass(el, 'text-author'), 'author')), 'Lénine');
    const date = one(letter, (el) => hasClass(el, 'text-date'), 'date');
    assert.equal(text(date), '1er (14) octobre 1917');
    assert.match(text(one(letter, (el) => hasClass(el, 'text-source'), 'source')), /Œuvres/u);
    one(letter, (el) => el.name === 'a' && hasClass(el, 'tei-download') && el.attributes.href === `tei/${LETTER}.xml`, 'TEI download');
    one(letter, (el) => el.name === 'a' && hasClass(el, 'cite-url') && el.attributes.href === `${LETTER}.html`, 'citation URL');
    assert.match(text(one(letter, (el) => hasClass(el, 'cite'), 'cite')), /#para-1/u);
    const body = one(letter, (el) => el.name === 'body', 'body');
    assert.deepEqual(
      classes(body).filter((c) => c.startsWith('view-')),
      ['view-reading'],
    );
    const toggle = one(letter, (el) => el.attributes.id === 'view-toggle', 'toggle');
    assert.equal(toggle.name, 'button');
    assert.equal(toggle.attributes['aria-pressed'], 'false');
    one(letter, (el) => el.name === 'a' && el.attributes.href === '#source-view', 'link to the source view');
    one(letter, (el) => el.attributes.id === 'source-view', 'the source view target');
  });

  test('the editors’ notes on the source, in English (editorialLanguage), are marked so and keep English typography', () => {
    const note = one(page(`${APPEAL}.html`), (el) => hasClass(el, 'bibl-note'), 'note on the source');
    assert.equal(note.attributes.lang, 'en');
    assert.match(text(note), /novembre”: it was written/u, 'no space added before the colon');
  });

  test('the "how to cite" URL uses baseUrl when the config gives it', async () => {
    const { registers, ids, xml } = await sampleParams();
    const { html } = await render({
      source: xml.get(APPEAL) ?? '',
      params: { 'edition-json': editionJson({ baseUrl: 'https://example.org/lenine' }), registers, 'text-id': APPEAL, 'text-ids': ids },
    });
    const root = parsePage(html, 'baseUrl');
    one(
      root,
      (el) => hasClass(el, 'cite-url') && el.attributes.href === `https://example.org/lenine/${APPEAL}.html`,
      'absolute citation URL',
    );
  });

  test('paragraphs para-1…N in document order, each with its anchor link; page breaks p1…', () => {
    for (const id of site.ids) {
      const root = page(`${id}.html`);
      const tei = site.tei.get(id) as El;
      const teiBody = one(tei, (el) => el.name === 'body', 'TEI body');
      const expected = all(teiBody, (el) => el.name === 'p').filter((p) => !ancestorsOf(teiBody, p).some((a) => a.name === 'note')).length;
      const paragraphs = all(root, (el) => el.name === 'p' && /^para-\d+$/u.test(el.attributes.id ?? ''));
      assert.equal(paragraphs.length, expected, `${id}: one para-N per paragraph of the body`);
      paragraphs.forEach((p, i) => {
        assert.equal(p.attributes.id, `para-${i + 1}`);
        const anchor = p.children.find((c): c is El => typeof c !== 'string');
        assert.ok(
          anchor && anchor.name === 'a' && hasClass(anchor, 'para-anchor') && anchor.attributes.href === `#para-${i + 1}`,
          `${id} para-${i + 1}: anchor first`,
        );
      });
      const breaks = byClass(root, 'pb', 'span').filter((b) => b.attributes.id !== undefined);
      const teiBreaks = all(tei, (el) => el.name === 'pb');
      assert.equal(breaks.length, teiBreaks.length, `${id}: one marker per pb`);
      for (const [i, pb] of teiBreaks.entries()) {
        const marker = breaks.find((b) => b.attributes.id === `p${pb.attributes.n ?? ''}`);
        assert.ok(marker, `${id}: marker p${pb.attributes.n ?? ''} (${i + 1})`);
        assert.equal(text(marker), `[p.${NBSP}${pb.attributes.n ?? ''}]`);
      }
    }
    assert.ok(ids(page(`${LETTER}.html`)).has('p4'), 'the page break inside the endnote has its marker');
  });

  test('letter parts: opener, salute, closer and signature', () => {
    const letter = page(`${LETTER}.html`);
    const opener = one(letter, (el) => hasClass(el, 'opener'), 'opener');
    assert.equal(text(one(opener, (el) => hasClass(el, 'salute'), 'salute')), 'Chers camarades,');
    const closer = one(letter, (el) => hasClass(el, 'closer'), 'closer');
    assert.equal(text(one(closer, (el) => hasClass(el, 'signed'), 'signed')), 'N. Lénine');
  });

  test('notes: call → note → back link, popover beside the call, editor’s note marked, note on the title', () => {
    const expected = new Map([
      [LETTER, 1],
      [ARTICLE, 3],
      [APPEAL, 0],
    ]);
    for (const id of site.ids) {
      const root = page(`${id}.html`);
      const map = ids(root);
      const calls = byClass(root, 'note-call', 'a');
      assert.equal(calls.length, expected.get(id), `${id}: note calls`);
      for (const [i, call] of calls.entries()) {
        const k = i + 1;
        assert.equal(call.attributes.id, `call-${k}`);
        assert.equal(call.attributes.href, `#note-${k}`);
        const note = map.get(`note-${k}`);
        assert.ok(note && note.name === 'li', `${id}: li#note-${k}`);
        one(note, (el) => el.name === 'a' && hasClass(el, 'note-back') && el.attributes.href === `#call-${k}`, 'back link');
        const popover = map.get(call.attributes['aria-describedby'] ?? '');
        assert.ok(popover && hasClass(popover, 'note-popover') && popover.attributes.role === 'tooltip', `${id}: popover of call-${k}`);
        assert.ok(text(popover).trim().length > 10);
      }
      if (calls.length > 0) one(root, (el) => el.name === 'section' && hasClass(el, 'notes'), 'notes section');
    }
    const letter = page(`${LETTER}.html`);
    const heading = all(letter, (el) => el.name === 'h2').find((h) => all(h, (el) => hasClass(el, 'note-call')).length === 1);
    assert.ok(heading, 'the note attached to the title has its call in the heading');
    const note = ids(letter).get('note-1') as El;
    assert.ok(hasClass(note, 'note-editor'));
    assert.equal(text(one(note, (el) => hasClass(el, 'note-resp'), 'editor label')), 'N.d.É.');
  });

  test('notes.editorSeries: editor’s notes lettered in their own list, with the configured label', async () => {
    const { registers, ids: textIds, xml } = await sampleParams();
    const { html } = await render({
      source: xml.get(LETTER) ?? '',
      params: {
        'edition-json': editionJson({ notes: { editorLabel: 'NdE', editorSeries: true } }),
        registers,
        'text-id': LETTER,
        'text-ids': textIds,
      },
    });
    const root = parsePage(html, 'editorSeries');
    assert.equal(text(one(root, (el) => el.attributes.id === 'call-1', 'call')), 'a');
    one(root, (el) => el.name === 'ol' && hasClass(el, 'notes-editor'), 'editor notes list');
    assert.equal(text(byClass(root, 'note-resp')[0] as El), 'NdE');
  });

  test('names: persons and places link to their register entry with a tooltip; organisations and periodicals have the tooltip', () => {
    const persons = ids(page('persons.html'));
    const places = ids(page('places.html'));
    for (const id of site.ids) {
      const root = page(`${id}.html`);
      for (const a of all(root, (el) => el.name === 'a' && hasClass(el, 'persName'))) {
        const target = /^persons\.html#(.+)$/u.exec(a.attributes.href ?? '');
        assert.ok(target && persons.has(target[1] as string), `${id}: ${a.attributes.href ?? ''} is an entry of persons.html`);
        assert.ok((a.attributes.title ?? '').length > 0, `${id}: tooltip on ${a.attributes.href ?? ''}`);
      }
      for (const a of all(root, (el) => el.name === 'a' && hasClass(el, 'placeName'))) {
        const target = /^places\.html#(.+)$/u.exec(a.attributes.href ?? '');
        assert.ok(target && places.has(target[1] as string), `${id}: ${a.attributes.href ?? ''} is an entry of places.html`);
      }
    }
    const article = page(`${ARTICLE}.html`);
    const lenin = all(article, (el) => el.name === 'a' && el.attributes.href === 'persons.html#lenine');
    assert.ok(lenin.length > 5);
    assert.match(lenin[0]?.attributes.title ?? '', /^Lénine \(Vladimir Ilitch Oulianov, 1870–1924\)/u);
    const organisations = all(article, (el) => hasClass(el, 'orgName'));
    assert.ok(organisations.length > 5 && organisations.every((el) => el.name === 'span' && (el.attributes.title ?? '') !== ''));
    assert.ok(organisations.some((el) => (el.attributes.title ?? '').startsWith('Vikjel — ')));
    const periodicals = all(article, (el) => hasClass(el, 'title') && hasClass(el, 'name'));
    assert.ok(periodicals.length >= 4 && periodicals.every((el) => el.name === 'cite' && (el.attributes.title ?? '') !== ''));
  });

  test('register table: every entry resolved once, sorted by pointer; pages and summaries made with it are the pages made without it', async () => {
    const { registers, ids, xml, order } = await sampleParams();
    const made = await render({ template: 'register-table', params: { 'edition-json': editionJson(), registers } });
    const table = parseNamespacedTree(made.html);
    const targets = table.children.filter((c): c is El => typeof c !== 'string');
    const pointers = targets.map((t) => t.attributes.p ?? '');
    assert.deepEqual(
      pointers,
      [...pointers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      'sorted in code-point order',
    );
    const lenin = targets.find((t) => t.attributes.p === 'persons.xml#lenine');
    assert.equal(lenin?.attributes.href, 'persons.html#lenine');
    assert.equal(lenin?.attributes.kind, 'person');
    assert.match(lenin?.attributes.title ?? '', /^Lénine \(Vladimir Ilitch Oulianov, 1870–1924\)/u);
    const vikjel = targets.find((t) => t.attributes.p === 'organisations.xml#vikjel');
    assert.equal(vikjel?.attributes.href, '', 'organisations have no register page');
    for (const name of REGISTER_NAMES) {
      const entries = readFileSync(join(repoRoot, 'tei', `${name}.xml`), 'utf8').match(/<(?:person|place|org|bibl) xml:id="/gu) ?? [];
      assert.equal(
        targets.filter((t) => (t.attributes.p ?? '').startsWith(`${name}.xml#`)).length,
        entries.length,
        `${name}: one target per entry`,
      );
    }
    const registerTable = await parseForTransform(made.html, 'urn:x-test:register-table');
    for (const id of ids) {
      const source = xml.get(id) ?? '';
      const withTable = await render({
        source,
        baseUri: pathToFileURL(join(repoRoot, 'tei', `${id}.xml`)).href,
        params: {
          'edition-json': editionJson(),
          registers,
          'register-table': registerTable,
          'text-id': id,
          'text-ids': ids,
          ...pagerParams(order, id),
        },
      });
      assert.equal(withTable.html, site.html.get(`${id}.html`), `${id}: the same page with the table`);
    }
    const texts = await Promise.all(
      ids.map((id) => parseForTransform(xml.get(id) ?? '', pathToFileURL(join(repoRoot, 'tei', `${id}.xml`)).href)),
    );
    const summaries = async (params: Record<string, unknown>): Promise<string> =>
      resultDocument(
        (
          await render({
            template: 'text-summaries',
            params: { 'edition-json': editionJson(), registers, texts, 'text-ids': ids, ...params },
          })
        ).documents,
        'summaries.xml',
      );
    const plain = await summaries({});
    assert.match(plain, /<h:mentions key="persons lenine">/u);
    assert.equal(await summaries({ 'register-table': registerTable }), plain, 'the same summaries with the table');
  });

  test('dates: <time datetime> with both calendars in the tooltip', () => {
    const article = page(`${ARTICLE}.html`);
    const dates = all(article, (el) => el.name === 'time' && hasClass(el, 'date'));
    const julian = dates.find((el) => el.attributes.datetime === '1917-11-17');
    assert.ok(julian, '4 novembre → 1917-11-17');
    assert.equal(julian.attributes.title, '4 novembre 1917 (calendrier julien) = 17 novembre 1917 (calendrier grégorien)');
    const range = all(article, (el) => hasClass(el, 'date') && el.attributes.title === 'de novembre 1929 à décembre 1929');
    assert.ok(range.length > 0, 'a Gregorian range (from/to) has its tooltip');
  });

  test('two views: the reading view joins cut words and shows corrections; the source view has the lines, hyphens and misprints', () => {
    const article = one(page(`${ARTICLE}.html`), (el) => el.attributes.id === 'text', 'text');
    const reading = readingText(article);
    const source = sourceText(article);
    assert.match(reading, /contre Zinoviev et Kamenev/u);
    assert.match(reading, /le renversement du gouvernement/u);
    assert.match(reading, /\( ?le Vikjel ?, les saboteurs/u);
    assert.doesNotMatch(reading, /Zino-|leVikjel/u);
    assert.match(source, /Zino- viev/u, 'hyphen and line break in the source view');
    assert.match(source, /\( ?leVikjel ?, les sabo- teurs/u);
    assert.match(source, /LE29 octobre/u);
    assert.ok(byClass(page(`${ARTICLE}.html`), 'lb', 'br').length > 100);
    const letter = page(`${LETTER}.html`);
    const corr = one(letter, (el) => hasClass(el, 'corr') && text(el) === 'de', 'corr');
    assert.ok(hasClass(corr, 'reading-only'));
    assert.equal(corr.attributes.title, `Leçon de la source${NBSP}: do`);
    assert.equal(corr.attributes.tabindex, '0');
    one(letter, (el) => hasClass(el, 'sic') && hasClass(el, 'source-only') && text(el) === 'do', 'sic');
  });

  test('persons page: one entry per person, alphabetical, each mention linked to an anchor that exists', () => {
    const persons = page('persons.html');
    const registerIds = xmlIds(join(repoRoot, 'tei', 'persons.xml'), 'person');
    const entries = all(persons, (el) => el.name === 'article' && hasClass(el, 'entry'));
    assert.equal(entries.length, registerIds.length);
    const key = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const names = entries.map((e) => text(one(e, (el) => hasClass(el, 'entry-name'), 'name')));
    assert.deepEqual(
      names,
      [...names].sort((a, b) => key(a).localeCompare(key(b))),
    );
    const pageIds = new Map(site.ids.map((id) => [`${id}.html`, ids(page(`${id}.html`))]));
    let mentions = 0;
    for (const entry of entries) {
      const links = all(entry, (el) => el.name === 'a' && hasClass(el, 'mention'));
      assert.ok(links.length > 0, `${entry.attributes.id ?? ''} is mentioned`);
      for (const link of links) {
        const [file, fragment] = (link.attributes.href ?? '').split('#');
        assert.ok(pageIds.get(file ?? '')?.has(fragment ?? ''), `${entry.attributes.id ?? ''}: ${link.attributes.href ?? ''} exists`);
        mentions += 1;
      }
    }
    assert.ok(mentions > 60);
    const lenin = one(persons, (el) => el.attributes.id === 'lenine', 'Lénine');
    assert.equal(text(one(lenin, (el) => hasClass(el, 'entry-life'), 'life')), '22 avril 1870 – 21 janvier 1924');
    const hrefs = all(lenin, (el) => hasClass(el, 'mention')).map((a) => a.attributes.href);
    assert.ok(hrefs.includes(`${LETTER}.html#closer-1`), 'the signature');
    assert.ok(hrefs.includes(`${LETTER}.html#note-1`), 'the editor’s note');
    assert.ok(
      hrefs.some((h) => /^1917-11-01-lenine-coalition-ou-marins\.html#para-\d+$/u.test(h ?? '')),
      'a paragraph',
    );
  });

  test('places page: one entry per place', () => {
    const places = page('places.html');
    assert.deepEqual(
      all(places, (el) => hasClass(el, 'entry'))
        .map((e) => e.attributes.id)
        .sort(),
      xmlIds(join(repoRoot, 'tei', 'places.xml'), 'place').sort(),
    );
  });

  test('every word of each sample text is on its page', () => {
    for (const id of site.ids) assertWordsKept(site.tei.get(id) as El, page(`${id}.html`), id);
  });
});

/** The xml:id of each entry of a register (the tree reader keeps attributes in no namespace only). */
function xmlIds(path: string, element: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(new RegExp(`<${element}\\s[^>]*xml:id="([^"]+)"`, 'gu'))].map((m) => m[1] ?? '');
}

/** The text right after an element, in its parent. */
function textAfter(root: El, id: string): string {
  for (const el of elements(root)) {
    const i = el.children.findIndex((c) => typeof c !== 'string' && c.attributes.id === id);
    if (i >= 0) {
      const next = el.children[i + 1];
      return typeof next === 'string' ? next : '';
    }
  }
  assert.fail(`no #${id}`);
}

function ancestorsOf(root: El, target: El): El[] {
  const path: El[] = [];
  const walk = (el: El): boolean => {
    if (el === target) return true;
    path.push(el);
    for (const c of el.children) if (typeof c !== 'string' && walk(c)) return true;
    path.pop();
    return false;
  };
  walk(root);
  return path;
}

/** Every word of the TEI body on the text's pages (a very long text's are its parts). */
function assertWordsKept(tei: El, pages: El | readonly El[], what: string): void {
  const parts: string[] = [];
  teiBodyText(tei, tei.name === 'body', parts);
  const expected = words(parts.join(''));
  const found = new Set(
    [pages].flat().flatMap((html) => [...words(readingText(html)), ...words(sourceText(html)), ...words(viewText(html, 'all'))]),
  );
  const missing = [...expected].filter((w) => !found.has(w));
  assert.deepEqual(missing.slice(0, 20), [], `${what}: ${missing.length} of ${expected.size} words of the body are not in the page`);
}

// ===== Escaping, typography, page breaks (fixtures) =====

describe('HTML pages: fixtures', () => {
  test('escaping: markup characters in the TEI show as text; no script, handler or javascript: link gets through', async () => {
    const root = await renderFixture('escaping.xml');
    const scripts = all(root, (el) => el.name === 'script');
    assert.deepEqual(
      scripts.map((s) => s.attributes.src),
      ['assets/edition.js'],
      'the page’s own script only',
    );
    for (const el of elements(root)) {
      for (const [name, value] of Object.entries(el.attributes)) {
        assert.ok(!/^on/iu.test(name), `no event handler attribute (${name} on <${el.name}>)`);
        if (name === 'href' || name === 'src') assert.ok(!/^\s*(javascript|data):/iu.test(value), `no ${value} link`);
      }
    }
    const all_ = text(root);
    assert.match(all_, /<script>alert\(1\)<\/script>/u);
    assert.match(all_, /Titre <script>alert\("head"\)<\/script>/u);
    assert.match(all_, /une esperluette & des "guillemets droits" et l'apostrophe 'simple'/u);
    assert.match(all_, /<\/span><script>alert\(2\)<\/script> & "fin"/u);
    assert.match(text(one(root, (el) => el.name === 'title', 'title')), /Échappement <script>alert\("titre"\)<\/script> & ' "/u);
    assert.match(all_, /Source <img src=x onerror=alert\(1\)> & Cie/u);
    one(root, (el) => el.name === 'a' && el.attributes.href === 'https://example.org/?a=1&b=%222%22', 'the safe link');
    assert.equal(
      all(root, (el) => el.name === 'a' && ['cliquer ici', 'données'].includes(text(el))).length,
      0,
      'the javascript: and data: refs are not links',
    );
    assert.equal(all(root, (el) => el.name === 'a' && el.attributes.rel === 'license').length, 0, 'the javascript: licence is not a link');
  });

  test('French typography: no-break spaces before ; ! ? : and inside « », not in 10:30, URLs or English', async () => {
    const root = await renderFixture('typography.xml');
    const para = (n: number): string => text(one(root, (el) => el.attributes.id === `para-${n}`, `para-${n}`)).replace(/^\d+/u, '');
    assert.equal(
      para(1),
      `Il dit «${NBSP}mot${NBSP}» puis «${NBSP}collé${NBSP}»${NNBSP}; une question${NNBSP}? une autre${NNBSP}? voyez la note${NBSP}: voilà;et${NNBSP}! fin${NNBSP}!`,
    );
    assert.equal(para(2), 'Rendez-vous à 10:30 sur https://example.org/a?b=1;c=2 ou http://example.fr:8080/page!x puis ici.');
    assert.equal(para(3), 'English text : no change ? right ; «here»');
    assert.equal(para(4), `Un mot souligné${NNBSP}? Et Lénine${NNBSP}!`);
    assert.equal(text(one(root, (el) => el.name === 'h1', 'h1')), `Typographie${NBSP}: essai`);
  });

  test('page breaks: a break inside a word goes before the word; repeated or missing numbers get unique ids', async () => {
    const root = await renderFixture('page-breaks.xml');
    const map = ids(root);
    for (const id of ['p1', 'p2', 'p2_2', 'p3', 'pb']) assert.ok(map.has(id), `#${id}`);
    assert.equal(textAfter(root, 'p2'), 'Zino', 'the marker goes before the cut word');
    assert.equal(textAfter(root, 'p2_2'), 'pa');
    const first = one(root, (el) => el.attributes.id === 'para-1', 'para-1');
    assert.match(readingText(first), /Le camarade Zinoviev parle de la révolution et des socialistes-révolutionnaires\./u);
    assert.match(sourceText(first), /Zino- viev parle de la révo- lution et des socialistes- révolutionnaires\./u);
    const second = one(root, (el) => el.attributes.id === 'para-2', 'para-2');
    assert.match(readingText(second), /Un autre paragraphe, une note et une page sans numéro\./u);
  });

  test('without the edition config: the page falls back on the TEI header', async () => {
    const root = await renderFixture('typography.xml', {});
    assertFrame(root, 'no config');
    assert.match(text(one(root, (el) => el.name === 'title', 'title')), /^Typographie/u);
  });
});

// ===== Real TEI from other projects =====

describe('HTML pages: the real TEI files of ../shared/reference/tei-real', { skip: fullTierOnly('reads tei-real') }, () => {
  const folder = join(sharedDir, 'reference', 'tei-real');
  const absent = !existsSync(folder) && !process.env.CI;
  test(
    'every file transforms, is well-formed and keeps every word of its body',
    { skip: absent ? `${folder} not found: the real TEI files are read from ../shared/ beside the repository (required in CI)` : false },
    async (t) => {
      const files = readdirSync(requireShared(folder))
        .filter((f) => f.endsWith('.xml'))
        .sort();
      assert.ok(files.length >= 30, 'the 30 reference files');
      const timings: { file: string; ms: number; size: number }[] = [];
      for (const file of files) {
        await t.test(file, async () => {
          const path = join(folder, file);
          // Three Casebooks files declare a DOCTYPE with an external DTD: it is stripped (no DTD is read).
          const xml = readFileSync(path, 'utf8').replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/u, '');
          const { html, ms, documents } = await render({
            source: xml,
            baseUri: pathToFileURL(path).href,
            params: { 'text-id': file.replace(/\.xml$/u, '') },
          });
          timings.push({ file, ms, size: statSync(path).size });
          // A very long text: its contents page, and its parts as result documents.
          const pages = [[file, html] as const, ...Object.entries(documents)].map(([name, page]) => parsePage(page, name));
          for (const page of pages) {
            assertFrame(page, file);
            ids(page);
          }
          assertWordsKept(parseNamespacedTree(xml), pages, file);
        });
      }
      for (const { file, ms, size } of [...timings].sort((a, b) => b.size - a.size).slice(0, 5)) {
        t.diagnostic(`${file} (${(size / 1e6).toFixed(1)} MB): ${(ms / 1000).toFixed(1)} s`);
      }
      t.diagnostic(`all ${files.length} files: ${(timings.reduce((s, x) => s + x.ms, 0) / 1000).toFixed(1)} s`);
    },
  );
});
