/**
 * The print stylesheet's decisions on the sample's texts (converted in memory), read in the
 * Typst it writes: the chapter's title is the body's opening heading with its note (not repeated),
 * the date line in both calendars, the reading text (corrections, regularisations, words joined
 * at line ends), names marked for the indexes, page markers, editor's notes labelled, and with
 * `edition.notes.editorSeries` lettered in their own series; the chapters in chronological order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditionMetadata } from '../../src/lib/config/types.js';
import { assembleBook, printContext, renderChapter, renderFrame } from '../../src/publish/print/render-book.js';
import { compileTypstFileToPdf } from '../../src/publish/print/typst-compiler.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { repoRoot } from '../support/paths.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/run-cli.js';
import { convertSample, sampleConfig } from '../support/sample-edition.js';

const REGISTERS = ['persons', 'places', 'periodicals', 'organisations'].map((name) => {
  const path = join(repoRoot, 'tei', `${name}.xml`);
  return { file: `${name}.xml`, xml: readFileSync(path, 'utf8'), path };
});

async function chapters(edition: EditionMetadata) {
  const { sef } = await compiledStylesheet(PRINT_STYLESHEET);
  const context = await printContext(sef, edition, REGISTERS, readFileSync(PRINT_BOOK_LIBRARY, 'utf8'));
  const made = [];
  for (const source of sampleConfig().sources) {
    const xml = convertSample(source).xml;
    assert.ok(xml);
    made.push(await renderChapter(context, { id: source.id, xml, path: join(repoRoot, 'tei', `${source.id}.xml`) }));
  }
  return { made, book: assembleBook(await renderFrame(context), made) };
}

test('the sample’s chapters say what the TEI says, as a book', async () => {
  const { made, book } = await chapters(sampleConfig().edition);
  const letter = made.find((c) => c.id.includes('lettre'))?.typst ?? '';
  // The opening heading is the title, with the French editor's note; it is not repeated in the text.
  assert.match(
    letter,
    /title: \[Lettre au Comité central, aux comités de Moscou et de Pétrograd et aux membres bolchéviks des Soviets de Pétrograd et de Moscou#note\(label: "1", editor: "N\.d\.É\."\)\[/u,
  );
  assert.doesNotMatch(letter, /#section\(level: \d\)\[Lettre au Comité central/u);
  assert.match(letter, /date: \[1er \(14\) octobre 1917\]/u);
  // Corrections: the corrected reading (“de Doubassov”), not the misprint.
  assert.match(letter, /de #mention\("person", "doubassov"\)\[Doubassov\];/u);
  assert.doesNotMatch(letter, /\bdo #mention\("person", "doubassov"\)/u);
  // Page markers, the one inside the note included.
  assert.deepEqual(
    [...letter.matchAll(/#pb\("(\d+)"\);/gu)].map((m) => m[1]),
    ['4', '1', '2', '3'],
  );

  const coalition = made.find((c) => c.id.includes('coalition'))?.typst ?? '';
  // A regularised drop cap, words joined at line ends, a section heading with its note, a place.
  assert.match(coalition, /Le 29 octobre 1917/u);
  assert.match(coalition, /le renversement du gouvernement provisoire/u);
  assert.match(
    coalition,
    /#section\(level: 2\)\[\s*“Le gouvernement de coalition\s+ou les marins”#note\(label: "1"\)\[\s*Extraits du procès\\-verbal/u,
  );
  assert.match(coalition, /#mention\("place", "petrograd"\)\[Petrograd\];/u);
  // French typography: a narrow no-break space before “ ?” and “ !”.
  assert.match(coalition, /seraient exclus\u202F!/u);

  // The chapters in date order: 1 (14) October, 1 (14) November, 5 (18) November.
  const order = [...book.matchAll(/#chapter\(\n {2}short: "([^"]+)"/gu)].map((m) => m[1]);
  assert.deepEqual(order, [
    'Lettre au Comité central',
    '« Le gouvernement de coalition ou les marins »',
    'Du Comité central du Parti ouvrier social-démocrate…',
  ]);
  assert.match(book, /#register-index\(kind: "person", title: "Index des personnes"/u);
  assert.match(book, /#register-index\(kind: "place", title: "Index des lieux"/u);
});

test('editor’s notes in their own series when the config says so, with its label', async () => {
  const { made } = await chapters({ ...sampleConfig().edition, notes: { editorLabel: 'N.d.T.', editorSeries: true } });
  const letter = made.find((c) => c.id.includes('lettre'))?.typst ?? '';
  assert.match(letter, /#note\(label: "a", editor: "N\.d\.T\."\)\[/u);
});

test('a page break inside a word keeps the word whole, with its marker in the margin', async () => {
  const { sef } = await compiledStylesheet(PRINT_STYLESHEET);
  const context = await printContext(sef, sampleConfig().edition, [], readFileSync(PRINT_BOOK_LIBRARY, 'utf8'));
  const path = join(repoRoot, 'test', 'fixtures', 'html', 'page-breaks.xml');
  const chapter = await renderChapter(context, { id: 'page-breaks', xml: readFileSync(path, 'utf8'), path });
  assert.match(chapter.typst, /Zino\u2060#pb\("2"\);\u2060viev/u);
  assert.match(chapter.typst, /pa\u2060#pb\("2"\);\u2060ragraphe/u);
  const dir = tempDir();
  writeFileSync(join(dir, 'edition.typ'), assembleBook(await renderFrame(context), [chapter]));
  const book = compileTypstFileToPdf(join(dir, 'edition.typ'));
  assert.ok(book.pdf, JSON.stringify(book.messages));
  writeFileSync(join(dir, 'edition.pdf'), book.pdf);
  const pages = await pdfPages(join(dir, 'edition.pdf'));
  const body = pages
    .flatMap((p) => p.lines.filter((l) => !/^\[p\./u.test(l.text.trim())).map((l) => l.text))
    .join(' ')
    .replace(/\u2060/gu, '');
  for (const word of ['Zinoviev', 'paragraphe', 'révolution', 'passe sur'])
    assert.ok(body.includes(word), `${word} is not whole in: ${body}`);
  const markers = pages.flatMap((p) => p.items.map((i) => i.text.replace(/\s+/gu, ' ').trim()).filter((t) => t.startsWith('[p.')));
  assert.deepEqual(markers.sort(), ['[p. 1]', '[p. 2]', '[p. 2]', '[p. 3]', '[p. –]']);
  // Two breaks on one line: the markers do not print over each other.
  for (const page of pages) {
    const placed = page.items.filter((i) => i.text.startsWith('[p.'));
    for (const [k, a] of placed.entries())
      for (const b of placed.slice(k + 1))
        assert.ok(Math.abs(a.y - b.y) >= 6 || Math.abs(a.x - b.x) >= 30, `page ${page.number}: ${a.text} and ${b.text} overlap`);
  }
});
