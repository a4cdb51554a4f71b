/**
 * The print stylesheet's decisions on the sample's texts (converted in memory), read in the
 * Typst it writes: the chapter's title is the body's opening heading with its note (not repeated),
 * the date line in both calendars, the reading text (corrections, regularisations, words joined
 * at line ends), names marked for the indexes, page markers, editor's notes labelled, and with
 * `edition.notes.editorSeries` lettered in their own series; the chapters in chronological order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditionMetadata } from '../../src/config/types.js';
import { assembleBook, printContext, renderChapter, renderFrame } from '../../src/print/render-book.js';
import { compiledStylesheet } from '../../src/xslt/compile-stylesheet.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../../src/xslt/stylesheet-paths.js';
import { repoRoot } from '../support/paths.js';
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
  assert.match(letter, /title: \[Lettre au Comité central, aux comités de Moscou et de Pétrograd et aux membres bolchéviks des Soviets de Pétrograd et de Moscou#note\(label: "1", editor: "N\.d\.É\."\)\[/u);
  assert.doesNotMatch(letter, /#section\(level: \d\)\[Lettre au Comité central/u);
  assert.match(letter, /date: \[1er \(14\) octobre 1917\]/u);
  // Corrections: the corrected reading (“de Doubassov”), not the misprint.
  assert.match(letter, /de #mention\("person", "doubassov"\)\[Doubassov\];/u);
  assert.doesNotMatch(letter, /\bdo #mention\("person", "doubassov"\)/u);
  // Page markers, the one inside the note included.
  assert.deepEqual([...letter.matchAll(/#pb\("(\d+)"\);/gu)].map((m) => m[1]), ['4', '1', '2', '3']);

  const coalition = made.find((c) => c.id.includes('coalition'))?.typst ?? '';
  // A regularised drop cap, words joined at line ends, a section heading with its note, a place.
  assert.match(coalition, /Le 29 octobre 1917/u);
  assert.match(coalition, /le renversement du gouvernement provisoire/u);
  assert.match(coalition, /#section\(level: 2\)\[\s*“Le gouvernement de coalition\s+ou les marins”#note\(label: "1"\)\[\s*Extraits du procès\\-verbal/u);
  assert.match(coalition, /#mention\("place", "petrograd"\)\[Petrograd\];/u);
  // French typography: a narrow no-break space before “ ?” and “ !”.
  assert.match(coalition, /seraient exclus\u202F!/u);

  // The chapters in date order: 1 (14) October, 1 (14) November, 5 (18) November.
  const order = [...book.matchAll(/#chapter\(\n {2}short: "([^"]+)"/gu)].map((m) => m[1]);
  assert.deepEqual(order, ['Lettre au Comité central', '« Le gouvernement de coalition ou les marins »', 'Du Comité central du Parti ouvrier social-démocrate…']);
  assert.match(book, /#register-index\(kind: "person", title: "Index des personnes"/u);
  assert.match(book, /#register-index\(kind: "place", title: "Index des lieux"/u);
});

test('editor’s notes in their own series when the config says so, with its label', async () => {
  const { made } = await chapters({ ...sampleConfig().edition, notes: { editorLabel: 'N.d.T.', editorSeries: true } });
  const letter = made.find((c) => c.id.includes('lettre'))?.typst ?? '';
  assert.match(letter, /#note\(label: "a", editor: "N\.d\.T\."\)\[/u);
});
