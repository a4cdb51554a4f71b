/**
 * Real TEI files published without a config (`tei-edition html <folder> --out <site>`, issue 15),
 * in a real browser (chromium, headless), opened from disk as a reader would: a Van Gogh letter
 * (notes with back links, page markers), an ELTeC novel, the Dingler journal volume (notes, page
 * markers, a table of contents of `ref`s into the volume) and a teiCorpus of two letters (split
 * into two pages). On the letter and the volume: a note call to its note and back, a name link to
 * its register entry or else a `ref` link, a page marker reached by its anchor. axe-core on every
 * page type. Screenshots of the letter, the novel and the volume in test/artifacts/real-tei-*.png
 * (git-ignored) for a person to look at. Without chromium the tests are skipped, with a message,
 * outside CI only (test/support/browser.ts). The novel and the volume are very long texts: a
 * contents page and a page per part (docs/decisions/long-text-pages.md); a `ref` of the volume
 * to another part is followed to that part's page.
 */
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.js';
import { repoRoot, requireShared, sharedDir } from '../support/paths.js';
import { runTeiEdition, tempDir } from '../support/run-cli.js';

const skip = skipWithoutChromium();
const artifacts = join(repoRoot, 'test', 'artifacts');
/** A letter (44 kB), a novel (0.5 MB), a journal volume (3 MB), a teiCorpus of two letters (21 kB). */
const LETTER = 'teipublisher-vangogh__let695';
const NOVEL = 'eltec-fra__FRA03201_Blandy';
const VOLUME = 'dta-dingler__pj332';
const CORPUS = 'guizot-lieven__letters-teiCorpus';
let site = '';
let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  const real = requireShared(join(sharedDir, 'reference', 'tei-real'));
  const dir = tempDir();
  mkdirSync(join(dir, 'texts'));
  for (const name of [LETTER, NOVEL, VOLUME, CORPUS]) cpSync(join(real, `${name}.xml`), join(dir, 'texts', `${name}.xml`));
  site = join(dir, 'site');
  const run = runTeiEdition(['html', 'texts', '--out', 'site'], dir);
  assert.equal(run.code, 0, run.stderr);
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
});

async function open(page: string, hash = ''): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(pathToFileURL(join(site, page)).href + hash);
  return tab;
}

/** The first page of a text (its own, then its parts in order) whose HTML matches. */
function firstPageWith(text: string, pattern: RegExp): string {
  const parts = readdirSync(site)
    .map((f) => new RegExp(`^${text}-(\\d+)\\.html$`, 'u').exec(f))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  const found = [`${text}.html`, ...parts.map((n) => `${text}-${n}.html`)].find((f) => pattern.test(readFileSync(join(site, f), 'utf8')));
  assert.ok(found, `a page of ${text} matches ${pattern}`);
  return found;
}

/** Whether the element is shown and inside the window: where a followed link should have brought the reader. */
async function inView(element: Locator): Promise<boolean> {
  if (!(await element.isVisible())) return false;
  return element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < (globalThis as unknown as { innerHeight: number }).innerHeight;
  });
}

/** Follows a link inside the page and checks that its target is where the reader now is. */
async function follow(page: Page, link: Locator): Promise<Locator> {
  const href = (await link.getAttribute('href')) ?? '';
  assert.match(href, /^#./u, `an anchor in the page: ${href}`);
  await link.click();
  await page.waitForURL((url) => url.hash === href);
  const target = page.locator(`[id="${href.slice(1)}"]`);
  assert.equal(await target.count(), 1, `one element with the id ${href}`);
  assert.ok(await inView(target), `${href} is in view once its link is followed`);
  return target;
}

async function noteCallAndBack(pageName: string): Promise<void> {
  const page = await open(pageName);
  const call = page.locator('main a.note-call').first();
  const note = await follow(page, call);
  assert.ok((await note.innerText()).trim().length > 3, 'the note has its text');
  const back = note.locator('a.note-back');
  assert.equal(await back.getAttribute('href'), `#${(await call.getAttribute('id')) ?? ''}`, 'the note links back to its call');
  await follow(page, back);
  await page.close();
}

/** Names link to the registers when the site has them; TEI files with no config give none, so a `ref` is checked instead. */
async function nameOrRefLink(t: TestContext, pageName: string, checkRef: (page: Page) => Promise<void>): Promise<void> {
  const page = await open(pageName);
  const name = page.locator('#text a[href^="persons.html#"], #text a[href^="places.html#"]').first();
  if ((await name.count()) > 0) {
    const href = (await name.getAttribute('href')) ?? '';
    t.diagnostic(`${pageName}: followed the name link ${href}`);
    await name.click();
    await page.waitForURL((url) => url.href.endsWith(href));
    assert.equal(await page.locator(`[id="${href.split('#')[1] ?? ''}"]`).count(), 1, `the register has the entry ${href}`);
  } else {
    t.diagnostic(`${pageName}: no name links to a register (no register without a config): checked a ref link instead`);
    await checkRef(page);
  }
  await page.close();
}

/** Opens the page at the address of its nth page marker of the text (`#p2`), as a reader sent there by a link would. */
async function pageMarkerByAnchor(pageName: string, nth: number): Promise<void> {
  const ids = [...readFileSync(join(site, pageName), 'utf8').matchAll(/<span class="pb" id="([^"]+)"/gu)].map((m) => m[1] ?? '');
  const id = ids[nth] ?? '';
  const page = await open(pageName, `#${id}`);
  const reached = page.locator('#text').locator(`[id="${id}"]`);
  assert.equal(await reached.getAttribute('class'), 'pb', `#${id} is a page marker of the text`);
  const label = (await reached.innerText()).replace(/\s+/gu, ' ').trim();
  assert.match(label, /^\[p\. .+\]$/u);
  assert.ok(await inView(reached), `the page marker ${label} (#${id}) is in view when the address names it`);
  await page.close();
}

test('the index links every text; the teiCorpus gives a page per letter', { skip }, async () => {
  const page = await open('index.html');
  const links = await page.locator('main a[href$=".html"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(
    new Set(links),
    new Set([`${CORPUS}-l1.html`, `${CORPUS}-l2.html`, `${VOLUME}.html`, `${NOVEL}.html`, `${LETTER}.html`]),
  );
  await page.close();
});

test('the letter: a note call goes to its note, which links back', { skip }, () => noteCallAndBack(`${LETTER}.html`));

test(
  'the letter: a name link to the register, or else a ref link (to another letter of the Van Gogh edition, kept as the TEI gives it)',
  { skip },
  (t) =>
    nameOrRefLink(t, `${LETTER}.html`, async (page) => {
      // let695 points to letters that are not in this site: the link keeps the TEI's target (`let692.xml`), text and all.
      const ref = page.locator('#text a.ref').first();
      assert.match((await ref.getAttribute('href')) ?? '', /^let\d+\.xml(#[\w-]+)?$/u);
      assert.ok((await ref.innerText()).trim().length > 0, 'the ref keeps its text');
    }),
);

test('the letter: a page marker is reached by its anchor', { skip }, () => pageMarkerByAnchor(`${LETTER}.html`, 1));

test('the journal volume: a note call goes to its note, which links back', { skip }, () =>
  noteCallAndBack(firstPageWith(VOLUME, /class="note-call/u)),
);

test('the journal volume: a name link to the register, or else a table-of-contents ref to its article', { skip }, (t) =>
  nameOrRefLink(t, `${VOLUME}-2.html`, async (page) => {
    // Issue 1's contents (in its front, on the issue's page, part 2): `<ref target="#ar332001">Seite 1</ref>`, to the article's `<div xml:id="ar332001">`.
    const ref = page.locator('#text a.ref[href^="#"]').first();
    const article = await follow(page, ref);
    assert.match(await article.innerText(), /Fernthermometer/u, 'the first article of the contents');
  }),
);

test("the journal volume: a ref to another part goes to that part's page, its target in view", { skip }, async () => {
  const from = firstPageWith(VOLUME, new RegExp(`<a href="${VOLUME}-\\d+\\.html#[^"]+" class="ref"`, 'u'));
  const page = await open(from);
  const ref = page.locator(`#text a.ref[href^="${VOLUME}-"]`).first();
  const href = (await ref.getAttribute('href')) ?? '';
  assert.notEqual(href.split('#')[0], from, 'another part');
  await ref.click();
  await page.waitForURL((url) => url.href.endsWith(href));
  const target = page.locator(`[id="${href.split('#')[1] ?? ''}"]`);
  assert.equal(await target.count(), 1, `one element with the id of ${href}`);
  assert.ok(await inView(target), `${href} is in view once its link is followed`);
  await page.close();
});

test('the journal volume: a page marker is reached by its anchor', { skip }, () => pageMarkerByAnchor(`${VOLUME}-2.html`, 5));

test('the journal volume and the novel: the contents page links each part, which links back and to its neighbours', { skip }, async () => {
  for (const text of [VOLUME, NOVEL]) {
    const page = await open(`${text}.html`);
    const parts = await page.locator('main nav.text-parts a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(parts.length >= 2, `${text}: ${parts.length} parts`);
    await page.locator('main nav.text-parts a').nth(1).click();
    await page.waitForURL((url) => url.href.endsWith(parts[1] ?? ''));
    assert.equal(await page.locator('nav.part-pager a[rel="prev"]').getAttribute('href'), parts[0]);
    assert.equal(await page.locator('nav.part-pager a[rel="next"]').getAttribute('href'), parts[2] ?? null);
    await page.locator('nav.part-pager li.pager-contents a').click();
    await page.waitForURL((url) => url.href.endsWith(`${text}.html`));
    await page.close();
  }
});

test('axe-core: no serious or critical violation on any page type', { skip }, async () => {
  const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const found: string[] = [];
  // The long texts' parts take axe long: of a part of the novel its header (an empty source link there once), of the
  // volume's parts its tables (which scroll sideways); their contents pages, the letter and a corpus letter are checked whole.
  const pages: [string, string | undefined][] = [
    ['index.html', undefined],
    [`${LETTER}.html`, undefined],
    [`${CORPUS}-l1.html`, undefined],
    [`${NOVEL}.html`, undefined],
    [`${NOVEL}-2.html`, '.text-header'],
    [`${VOLUME}.html`, undefined],
    [firstPageWith(VOLUME, /<table/u), '#text table'],
    ['persons.html', undefined],
    ['places.html', undefined],
  ];
  for (const [name, only] of pages) {
    const page = await open(name);
    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async (context) => {
      type Result = { violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] };
      const axe = (globalThis as unknown as { axe: { run: (context?: string) => Promise<Result> } }).axe;
      const result = await (context === null ? axe.run() : axe.run(context));
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        first: JSON.stringify(v.nodes[0]?.target ?? []),
      }));
    }, only ?? null);
    for (const v of violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(`${name}: ${v.id} (${v.impact}, ${v.nodes} nodes, first ${v.first})`);
    await page.close();
  }
  assert.deepEqual(found, []);
});

test('screenshots of a letter, a novel and the journal volume (test/artifacts/real-tei-*.png)', { skip }, async () => {
  // The letter whole; of the long texts, the window at their start and at their first chapter or note.
  const letter = await open(`${LETTER}.html`);
  await letter.screenshot({ path: join(artifacts, 'real-tei-letter.png'), fullPage: true });
  await letter.close();
  const novel = await open(`${NOVEL}.html`);
  await novel.screenshot({ path: join(artifacts, 'real-tei-novel.png') });
  await novel.close();
  const chapter = await open(firstPageWith(NOVEL, /<h2 id="head-/u));
  await chapter.locator('#text h2').first().scrollIntoViewIfNeeded();
  await chapter.screenshot({ path: join(artifacts, 'real-tei-novel-chapter.png') });
  await chapter.close();
  const volume = await open(`${VOLUME}.html`);
  await volume.screenshot({ path: join(artifacts, 'real-tei-volume.png') });
  await volume.close();
  const issue = await open(firstPageWith(VOLUME, /class="note-call/u));
  await issue.locator('#text a.note-call').first().scrollIntoViewIfNeeded();
  await issue.screenshot({ path: join(artifacts, 'real-tei-volume-note.png') });
  await issue.close();
});
