/**
 * Very long texts as several pages (docs/decisions/long-text-pages.md), through the real command
 * (`tei-edition html <file> --out <dir>`): the ELTeC Rolland novel gives a contents page and one
 * page per chapter (its front and back a page each), every word of it on exactly one part page;
 * a synthetic text above the threshold shows that a register mention, an internal `#id` link and
 * a link to a page break land on the part that holds their target, and that notes stay with their part.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';
import { requireShared, sharedDir } from '../support/paths.js';
import { STACK_FRAME } from '../support/system-tools.js';
import { fullTierOnly } from '../support/tiers.js';

const ROLLAND = 'eltec-fra__FRA04202_Rolland';

/** The letters-only words of some text, each with how often it occurs. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The text of a page's main content (tags dropped, the few entities the serializer writes decoded). */
function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/&quot;/gu, '"');
}

/** The part pages of a text in a site folder, by number. */
function partPages(site: string, id: string): Map<number, string> {
  const parts = new Map<number, string>();
  for (const f of readdirSync(site)) {
    const n = new RegExp(`^${id}-(\\d+)\\.html$`, 'u').exec(f)?.[1];
    if (n !== undefined) parts.set(Number(n), readFileSync(join(site, f), 'utf8'));
  }
  return parts;
}

test(
  'the Rolland novel: a contents page linking one page per chapter (and the front and back), each word of the text on exactly one part page',
  { skip: fullTierOnly('reads tei-real') },
  async () => {
    const source = requireShared(join(sharedDir, 'reference', 'tei-real', `${ROLLAND}.xml`));
    const dir = tempDir();
    const site = join(dir, 'site');
    const run = await runInProcess(['html', source, '--out', site], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
    const parts = partPages(site, ROLLAND);
    const xml = readFileSync(source, 'utf8');
    const chapters = xml.match(/<div type="chapter"/gu)?.length ?? 0;
    assert.equal(chapters, 23);
    assert.equal(parts.size, chapters + 2, 'a page per chapter, the front and the back');
    assert.match(
      run.stdout + run.stderr,
      new RegExp(`wrote ${parts.size + 5} pages`, 'u'),
      'the pages counted are the parts, the contents, the index, the registers and the search page',
    );
    // One chapter per page (the front first, the back last).
    for (let n = 2; n <= chapters + 1; n++)
      assert.equal(parts.get(n)?.match(/class="div type-chapter"/gu)?.length, 1, `part ${n} holds one chapter`);
    assert.match(parts.get(1) ?? '', /<div class="front"/u);
    assert.match(parts.get(chapters + 2) ?? '', /<div class="back"/u);
    // The contents page: the header, every part linked in order, no text.
    const contents = readFileSync(join(site, `${ROLLAND}.html`), 'utf8');
    assert.match(contents, /class="text-title"/u);
    const linked = [...contents.matchAll(new RegExp(`href="${ROLLAND}-(\\d+)\\.html"`, 'gu'))].map((m) => Number(m[1]));
    assert.deepEqual(
      linked,
      [...parts.keys()].sort((a, b) => a - b),
      'the contents page links every part, in order',
    );
    assert.doesNotMatch(contents, /id="para-1"/u);
    // Each part's pager: contents, previous, next.
    const third = parts.get(3) ?? '';
    assert.ok(
      third.includes(`href="${ROLLAND}.html"`) &&
        third.includes(`rel="prev" href="${ROLLAND}-2.html"`) &&
        third.includes(`rel="next" href="${ROLLAND}-4.html"`),
      'the pager of part 3',
    );
    // Words that occur once in the text: each on exactly one part page (none lost, none twice).
    const textOnly = xml.slice(xml.search(/<text[\s>]/u), xml.lastIndexOf('</text>')).replace(/<[^>]+>/gu, ' ');
    const once = [...wordCounts(textOnly)].filter(([w, c]) => c === 1 && w.length >= 7).map(([w]) => w);
    assert.ok(once.length > 1000, `${once.length} words occur once`);
    const step = Math.floor(once.length / 300);
    const sample = once.filter((_, i) => i % step === 0);
    const pageWords = [...parts.values()].map((html) => wordCounts(mainText(html)));
    for (const word of sample) {
      const on = pageWords.filter((words) => words.has(word)).length;
      assert.equal(on, 1, `“${word}” is on ${on} part pages`);
    }
  },
);

/** Paragraphs of filler, about `chars` characters in all. */
function filler(label: string, chars: number): string {
  const sentence = `Phrase de remplissage de la partie ${label}, pour que le texte dépasse le seuil de découpage. `;
  const p = `<p>${sentence.repeat(4)}</p>\n`;
  return p.repeat(Math.ceil(chars / p.length));
}

function longText(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr">
  <teiHeader><fileDesc><titleStmt><title>Un texte très long</title><author>Personne</author></titleStmt>
    <publicationStmt><p>Essai</p></publicationStmt><sourceDesc><p>Fabriqué pour le test.</p></sourceDesc></fileDesc></teiHeader>
  <standOff><listPerson><person xml:id="hugo"><persName>Hugo, Victor</persName></person></listPerson></standOff>
  <text><body>
    <div><head>Premier chapitre</head>
      <p>Voir <ref target="#cible">la cible</ref>, <ref target="#page7">la page 7</ref> et <ref target="#ici">ce paragraphe-ci</ref>.</p>
      <p xml:id="ici">Le paragraphe d’ici.</p>
${filler('un', 150_000)}    </div>
    <pb n="5"/>
    <div><head>Deuxième chapitre</head>
${filler('deux', 75_000)}      <pb n="7" xml:id="page7"/>
      <p>Un passage annoté<note>La note du deuxième chapitre.</note>.</p>
${filler('deux bis', 75_000)}    </div>
    <div><head>Troisième chapitre</head>
${filler('trois', 75_000)}      <p xml:id="cible">La cible, où paraît <persName ref="#hugo">Victor Hugo</persName>.</p>
${filler('trois bis', 75_000)}    </div>
  </body></text>
</TEI>
`;
}

/** The element with this id on a page: its start tag and what follows, up to the end of the paragraph or span. */
function withId(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  assert.ok(at >= 0, `id="${id}" on the page`);
  return html.slice(at, html.slice(at).search(/<\/(p|span)>/u) + at);
}

test('a text above the threshold: mentions, #id links and page breaks land on the part that holds them; notes stay with their part', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'long.xml'), longText());
  const site = join(dir, 'site');
  const run = await runInProcess(['html', join(dir, 'long.xml'), '--out', site], dir);
  assert.equal(run.code, 0, run.stderr);
  const parts = partPages(site, 'long');
  assert.deepEqual([...parts.keys()].sort(), [1, 2, 3]);
  const [first, second, third] = [1, 2, 3].map((n) => parts.get(n) ?? '');
  // The register mention (the summaries) goes to part 3, to the paragraph that names Hugo.
  const persons = readFileSync(join(site, 'persons.html'), 'utf8');
  const mention = /class="mention" href="long-3\.html#(para-\d+)"/u.exec(persons);
  assert.ok(mention?.[1], 'the mention links part 3');
  assert.match(withId(third ?? '', mention[1]), /La cible/u);
  // The internal links of part 1: to part 3, to the page break on part 2, and within the page.
  const cible = /<a href="long-3\.html#(para-\d+)" class="ref">la cible<\/a>/u.exec(first ?? '');
  assert.ok(cible?.[1], 'the link to #cible goes to part 3');
  assert.equal(cible[1], mention[1]);
  assert.match(first ?? '', /<a href="long-2\.html#p7" class="ref">la page 7<\/a>/u);
  assert.match(withId(second ?? '', 'p7'), /p\.\u00A07/u);
  const here = /<a href="#(para-\d+)" class="ref">ce paragraphe-ci<\/a>/u.exec(first ?? '');
  assert.ok(here?.[1], 'a link within the part stays on the page');
  assert.match(withId(first ?? '', here[1]), /Le paragraphe d’ici/u);
  // The page break between chapters 1 and 2 goes with chapter 2.
  assert.match(second ?? '', /id="p5"/u);
  assert.doesNotMatch(first ?? '', /id="p5"/u);
  // The note: its call and its entry on part 2 only.
  assert.match(second ?? '', /id="note-1"/u);
  assert.match(second ?? '', /La note du deuxième chapitre/u);
  for (const other of [first, third]) assert.doesNotMatch(other ?? '', /La note du deuxième chapitre|id="note-1"/u);
});

test('a text whose id is a part page of a split text (long and long-2) fails, rather than one page overwriting the other', async () => {
  const dir = tempDir();
  const texts = join(dir, 'texts');
  mkdirSync(texts);
  writeFileSync(join(texts, 'long.xml'), longText());
  writeFileSync(
    join(texts, 'long-2.xml'),
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Court</title></titleStmt><publicationStmt><p>Essai</p></publicationStmt><sourceDesc><p>Essai</p></sourceDesc></fileDesc></teiHeader><text><body><p>Un texte court.</p></body></text></TEI>\n',
  );
  const run = await runInProcess(['html', texts, '--out', join(dir, 'site')], dir);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /its page long-2\.html is also another text's page/u);
});
