/**
 * The TEI way into an edition, through the real command: TEI sources in edition.json (a file, a
 * folder, a glob, a teiCorpus), `html` and `pdf` on TEI files with no config, `init --from-tei`,
 * and `build` passing documents: a hand-edited TEI file is kept and published, what is published
 * is what was validated, `--dry-run` writes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTeiEdition, tempDir } from '../support/run-cli.js';
import { requireShared, sharedDir } from '../support/paths.js';
import { treeHashes } from '../support/tree-hash.js';
import { STACK_FRAME } from '../support/system-tools.js';
import { pdfPages } from '../support/pdf-text.js';

const real = requireShared(join(sharedDir, 'reference', 'tei-real'));
const LETTER = 'teipublisher-vangogh__let695.xml';
const CORPUS = 'guizot-lieven__letters-teiCorpus.xml';
const PAMPHLET = 'hurlus__lenine1918_infantilisme.xml';

/** A folder of three real TEI files (a letter, a corpus of two letters, a pamphlet). */
function realTexts(): string {
  const dir = join(tempDir(), 'texts');
  mkdirSync(dir, { recursive: true });
  for (const f of [LETTER, CORPUS, PAMPHLET]) cpSync(join(real, f), join(dir, f));
  return dir;
}

/** Words of a TEI file's `<body>` (text between tags, without notes' markup), a sample of them. */
function bodyWords(xml: string, count: number): string[] {
  const body = xml.slice(xml.indexOf('<body'), xml.lastIndexOf('</body>'));
  const words = body
    .replace(/<[^>]+>/gu, ' ')
    .split(/\s+/u)
    .filter((w) => /^\p{L}{6,}$/u.test(w));
  const step = Math.max(1, Math.floor(words.length / count));
  return words.filter((_, i) => i % step === 0).slice(0, count);
}

test('html on TEI files with no config: a page per text (a corpus gives one per TEI), an index that lists them, in the folder --out names', () => {
  const texts = realTexts();
  const site = join(texts, '..', 'site');
  const run = runTeiEdition(['html', texts, '--out', site, '--title', 'Trois sources'], join(texts, '..'));
  assert.equal(run.code, 0, run.stderr);
  assert.doesNotMatch(run.stderr, STACK_FRAME);
  const pages = readdirSync(site)
    .filter((f) => f.endsWith('.html'))
    .sort();
  for (const page of [
    'teipublisher-vangogh__let695.html',
    'guizot-lieven__letters-teiCorpus-l1.html',
    'guizot-lieven__letters-teiCorpus-l2.html',
    'hurlus__lenine1918_infantilisme.html',
    'index.html',
  ]) {
    assert.ok(pages.includes(page), `${page} in ${pages.join(', ')}`);
  }
  const index = readFileSync(join(site, 'index.html'), 'utf8');
  assert.match(index, /Trois sources/u);
  for (const page of pages.filter((p) => p !== 'index.html' && p !== 'persons.html' && p !== 'places.html'))
    assert.ok(index.includes(`href="${page}"`), `the index links to ${page}`);
  // Every text's words are on its page (a sample of its body's words).
  const pamphlet = readFileSync(join(site, 'hurlus__lenine1918_infantilisme.html'), 'utf8');
  for (const word of bodyWords(readFileSync(join(real, PAMPHLET), 'utf8'), 40)) assert.ok(pamphlet.includes(word), `“${word}” on the page`);
  assert.ok(existsSync(join(site, '.tei-edition-output')), 'the site folder carries the output marker');
  // A second run replaces the site it wrote (marked); a folder of the user's own is refused.
  assert.equal(runTeiEdition(['html', texts, '--out', site], join(texts, '..')).code, 0);
  const own = join(texts, '..', 'mine');
  mkdirSync(own);
  writeFileSync(join(own, 'notes.txt'), 'mine');
  const refused = runTeiEdition(['html', texts, '--out', own], join(texts, '..'));
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /was not written by tei-edition/u);
  assert.equal(readFileSync(join(own, 'notes.txt'), 'utf8'), 'mine');
});

test('html with no config: the output may not hold an input; a missing path is a usage error that names it', () => {
  const texts = realTexts();
  const before = treeHashes(texts);
  const into = runTeiEdition(['html', join(texts, LETTER), '--out', texts], texts);
  assert.equal(into.code, 2, into.stderr);
  assert.match(into.stderr, /output-refused/u);
  const missing = runTeiEdition(['html', 'nowhere/'], texts);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(
    missing.stderr,
    /^nowhere +error +found no such file or folder: nowhere; expected a TEI file, a folder of TEI files or a glob/mu,
  );
  assert.doesNotMatch(missing.stderr, STACK_FRAME);
  assert.deepEqual(treeHashes(texts), before);
});

test('pdf on TEI files with no config: one book, every text in it', async () => {
  const texts = realTexts();
  const book = join(texts, '..', 'book');
  const run = runTeiEdition(['pdf', join(texts, LETTER), join(texts, PAMPHLET), '--out', book], texts);
  assert.equal(run.code, 0, run.stderr);
  const all = (await pdfPages(join(book, 'edition.pdf'))).map((p) => p.text).join(' ');
  for (const file of [LETTER, PAMPHLET]) {
    const words = bodyWords(readFileSync(join(real, file), 'utf8'), 25);
    const found = words.filter((w) => all.includes(w));
    assert.ok(
      found.length >= words.length - 2,
      `${file}: ${words.length - found.length} of ${words.length} words missing from the PDF: ${words.filter((w) => !all.includes(w)).join(', ')}`,
    );
  }
});

test('init --from-tei describes TEI files (metadata from their headers); build publishes them: TEI as it is, a page per text, a book', () => {
  const texts = realTexts();
  const dir = join(texts, '..');
  const init = runTeiEdition(['init', '.', '--from-tei', 'texts'], dir);
  assert.equal(init.code, 0, init.stderr);
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as {
    edition: { title: string; language: string; licence: { name: string } };
    sources: { tei: string }[];
  };
  assert.deepEqual(
    config.sources.map((s) => s.tei),
    [`texts/${CORPUS}`, `texts/${PAMPHLET}`, `texts/${LETTER}`],
  );
  assert.match(config.edition.title, /Lieven et François Guizot/u, 'the corpus header titles the edition');
  assert.equal(config.edition.language, 'fr');
  assert.match(config.edition.licence.name, /CC BY-SA 4\.0/u);
  const before = treeHashes(join(dir, 'texts'));
  const build = runTeiEdition(['build'], dir);
  assert.equal(build.code, 0, build.stderr);
  assert.match(build.stdout, /validated 4 TEI files \(4 TEI sources: well-formed\): no errors/u);
  // Names whose pointer designates nothing: plain text, one warning per target (from the HTML, not again from the print).
  const targets = [...build.stderr.matchAll(/warning +found the pointer “([^”]+)”/gu)].map((m) => m[1]);
  assert.ok(targets.length > 0, 'the Van Gogh letter points to entries it does not have');
  assert.equal(new Set(targets).size, targets.length, `one warning per target: ${targets.join(', ')}`);
  assert.match(build.stderr, /^texts\/teipublisher-vangogh__let695\.xml +warning +found the pointer/mu, 'the warning names the TEI source');
  assert.deepEqual(treeHashes(join(dir, 'texts')), before, 'the TEI sources are not touched');
  assert.equal(
    readFileSync(join(dir, 'output', 'tei', 'hurlus__lenine1918_infantilisme.xml'), 'utf8'),
    readFileSync(join(real, PAMPHLET), 'utf8'),
    'a TEI source is published byte for byte',
  );
  assert.ok(existsSync(join(dir, 'output', 'html', 'guizot-lieven__letters-teiCorpus-l1.html')));
  assert.ok(existsSync(join(dir, 'output', 'print', 'edition.pdf')));
});

test('a mixed edition: a raw source, a TEI source, a glob; build keeps the hand-edited TEI, says so, and publishes it', () => {
  const dir = join(tempDir(), 'ed');
  assert.equal(runTeiEdition(['init', dir], process.cwd()).code, 0);
  assert.equal(runTeiEdition(['build', '-q'], dir).code, 0);
  // Edit the converted TEI by hand.
  const example = join(dir, 'tei', 'example.xml');
  const generated = readFileSync(example, 'utf8');
  assert.ok(generated.includes('Voici un exemple'));
  writeFileSync(example, generated.replace('Voici un exemple', 'Une correction à la main. Voici un exemple'));
  mkdirSync(join(dir, 'letters'));
  cpSync(join(real, LETTER), join(dir, 'letters', LETTER));
  cpSync(join(real, PAMPHLET), join(dir, 'letters', PAMPHLET));
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { sources: object[] };
  config.sources.push(
    { tei: `letters/${LETTER}`, id: 'vangogh-695', title: 'Lettre à Paul Gauguin', author: 'Vincent van Gogh' },
    { tei: 'letters/hurlus*.xml' },
  );
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  const run = runTeiEdition(['build', '--verbose'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stderr,
    /tei\/example\.xml +info +tei\/example\.xml was edited since tei-edition generated it: kept, and published as it is/u,
  );
  assert.match(run.stdout, /^kept +tei\/example\.xml/mu);
  assert.ok(
    readFileSync(join(dir, 'output', 'html', 'example.html'), 'utf8').includes('Une correction à la main'),
    'the site shows the hand edit',
  );
  assert.ok(
    readFileSync(join(dir, 'output', 'tei', 'example.xml'), 'utf8').includes('Une correction à la main'),
    'the published TEI is the hand-edited one',
  );
  assert.ok(existsSync(join(dir, 'output', 'html', 'vangogh-695.html')), 'the TEI source has the id the config gives');
  // The config's title and author, over the header's, in the page, the index and the book.
  const letter = readFileSync(join(dir, 'output', 'html', 'vangogh-695.html'), 'utf8');
  assert.match(letter, /<h1 class="text-title"[^>]*>Lettre à Paul Gauguin<\/h1>/u);
  assert.match(letter, /class="text-author">Vincent van Gogh</u);
  assert.match(readFileSync(join(dir, 'output', 'html', 'index.html'), 'utf8'), /<a href="vangogh-695\.html">Lettre à Paul Gauguin<\/a>/u);
  assert.ok(
    readFileSync(join(dir, 'output', 'print', 'edition.typ'), 'utf8').includes('Lettre à Paul Gauguin'),
    "the chapter has the config's title",
  );
  assert.equal(
    readFileSync(join(dir, 'output', 'tei', 'vangogh-695.xml'), 'utf8'),
    readFileSync(join(real, LETTER), 'utf8'),
    'the TEI itself is published as it is',
  );
  assert.ok(existsSync(join(dir, 'output', 'html', 'hurlus__lenine1918_infantilisme.html')), 'the glob found its file');
  // --dry-run: everything made and checked, nothing written.
  const before = treeHashes(dir);
  const dry = runTeiEdition(['build', '--dry-run'], dir);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /dry run: everything was made and checked, nothing was written/u);
  assert.deepEqual(treeHashes(dir), before);
});

test('two texts with one id: an error naming both, nothing published', () => {
  const dir = join(tempDir(), 'ed');
  assert.equal(runTeiEdition(['init', dir], process.cwd()).code, 0);
  mkdirSync(join(dir, 'a'));
  cpSync(join(real, LETTER), join(dir, 'a', 'example.xml'));
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { sources: object[] };
  config.sources.push({ tei: 'a/example.xml' });
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  const run = runTeiEdition(['build'], dir);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /two texts of the edition have the id “example”/u);
  assert.ok(!existsSync(join(dir, 'output', 'html')), 'nothing published');
});

test('html on all of tei-real with no config: every text a page (the corpus two), linked from the index, with the words of its body', () => {
  const site = join(tempDir(), 'site');
  const run = runTeiEdition(['html', real, '--out', site], tempDir());
  assert.equal(run.code, 0, run.stderr);
  const files = readdirSync(real)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const index = readFileSync(join(site, 'index.html'), 'utf8');
  for (const file of files) {
    const stem = file.replace(/\.xml$/u, '');
    const pages = file === CORPUS ? [`${stem}-l1.html`, `${stem}-l2.html`] : [`${stem}.html`];
    for (const page of pages) {
      assert.ok(existsSync(join(site, page)), `${file}: ${page}`);
      assert.ok(index.includes(`href="${page}"`), `the index links to ${page}`);
    }
    if (file === CORPUS) continue;
    // A very long text's words are on its parts' pages (<stem>-<n>.html).
    const html = [pages[0]!, ...readdirSync(site).filter((f) => new RegExp(`^${stem}-\\d+\\.html$`, 'u').test(f))]
      .map((p) => readFileSync(join(site, p), 'utf8'))
      .join('\n');
    const missing = bodyWords(readFileSync(join(real, file), 'utf8'), 60).filter((w) => !html.includes(w));
    assert.ok(missing.length <= 3, `${file}: words of the body not on its page: ${missing.join(', ')}`);
  }
});

test('a TEI source with a schema: build validates it against that schema (a message names the source file), else for well-formedness', () => {
  const dir = join(tempDir(), 'ed');
  assert.equal(runTeiEdition(['init', dir], process.cwd()).code, 0);
  mkdirSync(join(dir, 'texts'));
  const tei = (body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Une lettre</title></titleStmt><publicationStmt><p>Inédit</p></publicationStmt><sourceDesc><p>Manuscrit</p></sourceDesc></fileDesc></teiHeader><text><body>${body}</body></text></TEI>\n`;
  writeFileSync(join(dir, 'texts', 'lettre.xml'), tei('<p>Mon cher ami, je vous écris.</p>'));
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { sources: object[] };
  config.sources.push({ tei: 'texts/lettre.xml', schema: join(sharedDir, 'reference', 'tei_all.rng') });
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  const valid = runTeiEdition(['build'], dir);
  assert.equal(valid.code, 0, valid.stderr);
  assert.match(
    valid.stdout,
    /validated 3 TEI files \(schemas\/tei-edition\.rng, schemas\/tei-edition\.sch; 1 TEI source: .*tei_all\.rng\): no errors/u,
  );
  const before = treeHashes(join(dir, 'output'));
  writeFileSync(join(dir, 'texts', 'lettre.xml'), tei('<p>Mon cher ami, <bogus>je</bogus> vous écris.</p>'));
  const invalid = runTeiEdition(['build'], dir);
  assert.equal(invalid.code, 1, invalid.stderr);
  assert.match(invalid.stderr, /^texts\/lettre\.xml:\d+:\d+ +error +.*bogus/mu, 'the message names the TEI source, not the staged copy');
  assert.deepEqual(treeHashes(join(dir, 'output')), before, 'nothing published');
});

test('html with no config on a file that is not TEI: an error at its line and column (exit 1), nothing published', () => {
  const texts = realTexts();
  writeFileSync(join(texts, 'broken.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>unclosed</body></text></TEI>\n');
  writeFileSync(
    join(texts, 'latin1.xml'),
    Buffer.from('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>caf\xe9</p></body></text></TEI>\n', 'latin1'),
  );
  const site = join(texts, '..', 'site');
  const run = runTeiEdition(['html', 'texts', '--out', site], join(texts, '..'));
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /^texts\/broken\.xml:2:\d+ +error +not well-formed XML: unexpected close tag; expected a TEI document/mu);
  assert.match(run.stderr, /^texts\/latin1\.xml +error +found bytes that are not UTF-8; expected a TEI file in UTF-8/mu);
  assert.doesNotMatch(run.stderr, STACK_FRAME);
  assert.ok(!existsSync(site), 'an edition with errors publishes nothing');
});

test('build: a TEI source that is not there is a config error (exit 2), one that is not well-formed an input error (exit 1)', () => {
  const dir = join(tempDir(), 'ed');
  assert.equal(runTeiEdition(['init', dir], process.cwd()).code, 0);
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { sources: object[] };
  config.sources.push({ tei: 'letters/' });
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  const missing = runTeiEdition(['build'], dir);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(
    missing.stderr,
    /^edition\.json +error +sources\[1\]\.tei: found no such file or folder: letters; expected a TEI file, a folder of TEI files or a glob/mu,
  );
  mkdirSync(join(dir, 'letters'));
  writeFileSync(join(dir, 'letters', 'a.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</body></text></TEI>');
  const broken = runTeiEdition(['build'], dir);
  assert.equal(broken.code, 1, broken.stderr);
  assert.match(broken.stderr, /^letters\/a\.xml:1:\d+ +error +not well-formed XML/mu);
  for (const command of ['html', 'pdf']) assert.equal(runTeiEdition([command], dir).code, 1, `${command} on the broken source`);
  assert.ok(!existsSync(join(dir, 'output')), 'nothing published');
});

test('edition.html.splitThreshold in the config: a text above it is a contents page and one page per part; without it, one page', () => {
  const dir = join(tempDir(), 'ed');
  assert.equal(runTeiEdition(['init', dir], process.cwd()).code, 0);
  mkdirSync(join(dir, 't'));
  const file = 'obvil-critique__leroux_discours-aux-artistes.xml';
  cpSync(join(real, file), join(dir, 't', file));
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { edition: { html?: object }; sources: object[] };
  config.sources.push({ tei: 't/' });
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  assert.equal(runTeiEdition(['build', '-q'], dir).code, 0);
  const stem = file.replace(/\.xml$/u, '');
  assert.ok(!existsSync(join(dir, 'output', 'html', `${stem}-1.html`)), 'under the default threshold: one page');
  config.edition.html = { splitThreshold: 1000 };
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  const run = runTeiEdition(['build', '-q'], dir);
  assert.equal(run.code, 0, run.stderr);
  const contents = readFileSync(join(dir, 'output', 'html', `${stem}.html`), 'utf8');
  for (const n of [1, 2, 3]) {
    assert.ok(existsSync(join(dir, 'output', 'html', `${stem}-${n}.html`)), `part ${n}`);
    assert.ok(contents.includes(`href="${stem}-${n}.html"`), `the contents page links part ${n}`);
  }
});
