/**
 * The HTML edition in a real browser (chromium, headless), opened from disk as a reader would:
 * navigation between texts, register and notes, the popover, the two views, page markers, and
 * axe-core on every page type (no serious or critical violation). Screenshots of the index, a
 * text page and the register are saved in test/artifacts/ for a person to look at.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.js';
import { repoRoot } from '../support/paths.js';
import { runTeiEdition, sampleEditionCopy } from '../support/run-cli.js';

const skip = skipWithoutChromium();
const artifacts = join(repoRoot, 'test', 'artifacts');
const LETTER = '1917-10-01-lenine-lettre-au-comite-central';
let site = '';
let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  const dir = sampleEditionCopy();
  const build = runTeiEdition(['build'], dir);
  assert.equal(build.code, 0, build.stderr);
  site = join(dir, 'output', 'html');
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
});

async function open(page: string): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(pathToFileURL(join(site, page)).href);
  return tab;
}

test('index: the three texts in date order, each linked', { skip }, async () => {
  const page = await open('index.html');
  const links = await page.locator('main a[href$=".html"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const texts = links.filter((h): h is string => h !== null && h.startsWith('1917-'));
  assert.deepEqual(
    [...new Set(texts)],
    [
      '1917-10-01-lenine-lettre-au-comite-central.html',
      '1917-11-01-lenine-coalition-ou-marins.html',
      '1917-11-05-lenine-a-tous-les-membres-du-parti.html',
    ],
  );
  assert.match(await page.locator('main').innerText(), /1er \(14\) octobre 1917/, 'the date in both calendars, Old Style first');
  await page.screenshot({ path: join(artifacts, 'index.png'), fullPage: true });
  await page.close();
});

test('the pager goes from text to text in reading order, and back', { skip }, async () => {
  const page = await open(`${LETTER}.html`);
  const pager = page.locator('nav.pager');
  assert.equal(await pager.locator('a[rel="prev"]').count(), 0, 'the first text has no previous text');
  await pager.locator('a[rel="next"]').click();
  await page.waitForURL(/1917-11-01-lenine-coalition-ou-marins\.html$/);
  assert.match(await page.locator('nav.pager a[rel="next"]').innerText(), /Du Comité central/);
  await page.locator('nav.pager a[rel="prev"]').click();
  await page.waitForURL(new RegExp(`${LETTER}\\.html$`));
  await page.close();
});

test('a person link lands on the register entry; the mention link comes back to the paragraph', { skip }, async () => {
  const text = '1917-11-01-lenine-coalition-ou-marins';
  const page = await open(`${text}.html`);
  const person = page.locator('#para-2 a[href="persons.html#lenine"]:visible').first();
  assert.match((await person.getAttribute('title')) ?? '', /1870/, 'the standard name and life dates as a tooltip');
  await person.click();
  await page.waitForURL(/persons\.html#lenine$/);
  const mention = page.locator(`#lenine a[href="${text}.html#para-2"]`);
  assert.equal(await mention.count(), 1, 'the register lists the mention in § 2');
  await mention.click();
  await page.waitForURL(new RegExp(`${text}\\.html#para-2$`));
  assert.match(await page.locator('#para-2').innerText(), /L[ée]nine/);
  await page.close();
});

test('a place link lands on its entry in the register of places', { skip }, async () => {
  const page = await open(`${LETTER}.html`);
  const place = page.locator('main a.placeName:visible').first();
  const href = (await place.getAttribute('href')) ?? '';
  assert.match(href, /^places\.html#[\w-]+$/);
  await place.click();
  await page.waitForURL(/places\.html#/);
  assert.equal(await page.locator(`#${href.split('#')[1] ?? ''}`).count(), 1);
  await page.close();
});

test('a note call goes to the note, and the note links back', { skip }, async () => {
  const page = await open(`${LETTER}.html`);
  const call = page.locator('a.note-call').first();
  const target = (await call.getAttribute('href')) ?? '';
  assert.match(target, /^#note-/);
  await call.click();
  await page.waitForURL(new RegExp(`${target}$`));
  const back = page.locator(`${target} a.note-back`);
  const callId = (await call.getAttribute('id')) ?? '';
  assert.equal(await back.getAttribute('href'), `#${callId}`);
  await back.click();
  await page.waitForURL(new RegExp(`#${callId}$`));
  await page.close();
});

test('the note shows in place when its call gets the keyboard focus', { skip }, async () => {
  const page = await open(`${LETTER}.html`);
  const call = page.locator('a.note-call').first();
  const popover = page.locator('.note-popover').first();
  assert.equal(await popover.isVisible(), false);
  await call.focus();
  assert.equal(await popover.isVisible(), true);
  assert.ok((await popover.innerText()).trim().length > 10);
  await page.close();
});

test('the source-lines view shows the line breaks of the source', { skip }, async () => {
  const page = await open('1917-11-05-lenine-a-tous-les-membres-du-parti.html');
  const firstPara = page.locator('#para-1');
  const readingLines = (await firstPara.innerText()).split('\n').length;
  await page.locator('#view-toggle').click();
  assert.match((await page.locator('body').getAttribute('class')) ?? '', /view-source/);
  const sourceLines = (await firstPara.innerText()).split('\n').length;
  assert.ok(sourceLines > readingLines, `more lines in the source view (${sourceLines}) than in the reading view (${readingLines})`);
  await page.close();
});

test('page markers with the pages of the source', { skip }, async () => {
  const page = await open('1917-11-05-lenine-a-tous-les-membres-du-parti.html');
  const markers = await page.locator('.pb').allInnerTexts();
  assert.deepEqual(
    markers.map((m) => m.replace(/\s+/gu, ' ').trim()),
    ['[p. 1]', '[p. 2]', '[p. 3]', '[p. 4]', '[p. 5]'],
  );
  assert.equal(await page.locator('#p3').count(), 1);
  await page.screenshot({ path: join(artifacts, 'text.png'), fullPage: true });
  await page.close();
});

test('axe-core: no serious or critical violation on any page type', { skip }, async () => {
  const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const found: string[] = [];
  for (const name of ['index.html', `${LETTER}.html`, 'persons.html', 'places.html']) {
    const page = await open(name);
    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (
        globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
      ).axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    for (const v of violations)
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`${name}: ${v.id} (${v.impact}, ${v.nodes} nodes)`);
    if (name === 'persons.html') await page.screenshot({ path: join(artifacts, 'persons.png'), fullPage: true });
    await page.close();
  }
  assert.deepEqual(found, []);
});
