/**
 * Escaping: every character that means something in Typst markup prints as itself. The fixture
 * test/fixtures/print/escaping/text.xml holds them all (in the title, the author, the source, a
 * heading, paragraphs starting with list and heading markers, comments, a URL, shorthands, a
 * note, and text right after a function call); its chapter's Typst is a golden file, and the PDF
 * Typst makes of it is read back: every paragraph's characters are there, in order.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleBook, printContext, renderChapter, renderFrame, type PrintContext } from '../../src/publish/print/render-book.js';
import { compileTypstFileToPdf } from '../../src/publish/print/typst-compiler.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { assertGolden } from '../support/golden.js';
import { fixturesDir } from '../support/paths.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/run-cli.js';

const FIXTURE = join(fixturesDir, 'print', 'escaping');
const textPath = join(FIXTURE, 'text.xml');

let context: PrintContext;
before(async () => {
  const { sef } = await compiledStylesheet(PRINT_STYLESHEET);
  context = await printContext(
    sef,
    {
      title: 'Édition # $ * _ [test]',
      editors: [{ id: 'e', name: 'Éditeur *1*' }],
      publisher: null,
      licence: { name: 'CC BY 4.0' },
      language: 'fr',
      calendar: { sourceCalendar: 'gregorian', display: 'old-style-first' },
    },
    [],
    readFileSync(PRINT_BOOK_LIBRARY, 'utf8'),
  );
});

/** Text without its spaces (typography adds no-break spaces; lines break at spaces), in NFKC (ligatures). */
function squeezed(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00A0\u202F\u2009\u00AD]+/gu, '');
}

test('the chapter of the escaping fixture is stable (golden Typst)', async () => {
  const chapter = await renderChapter(context, { id: 'escaping', xml: readFileSync(textPath, 'utf8'), path: textPath });
  assertGolden(chapter.typst, join(FIXTURE, 'expected.typ'));
});

test('every Typst special character prints as itself', async () => {
  const chapter = await renderChapter(context, { id: 'escaping', xml: readFileSync(textPath, 'utf8'), path: textPath });
  const dir = tempDir();
  writeFileSync(join(dir, 'edition.typ'), assembleBook(await renderFrame(context), [chapter]));
  const book = compileTypstFileToPdf(join(dir, 'edition.typ'));
  assert.ok(book.pdf, JSON.stringify(book.messages));
  const pdf = join(dir, 'escaping.pdf');
  writeFileSync(pdf, book.pdf);
  const all = squeezed((await pdfPages(pdf)).map((p) => p.text).join(' '));
  const expected = [
    'Caractères # $ * _ @ < > ` \\ [ ] = - + / ~ \' " ... dans un titre',
    'Auteur "à" #1',
    'Source avec * et _ et [crochets] et \\backslash.',
    '= Pas un titre Typst',
    '#set text(red) $x^2$ *gras* _italique_ @ref <label> `code` \\ [contenu] ~ \'apostrophe\' "guillemets"',
    '- pas une liste',
    '+ pas une énumération',
    '/ pas un terme : définition',
    '1. pas un numéro',
    '// pas un commentaire /* ni celui-ci */ et http://example.org/a_b*c ni -- ni --- ni -? ni ...',
    'Fin: #emph[x] #{1 + 1} #let y = 2 = à la ligne',
    'Un appel1(entre parenthèses) et un point.suivi',
    'Note avec # $ * _ @ < > ` \\ [ ] et "guillemets".',
    'Édition # $ * _ [test]',
    'Éditeur *1*',
  ];
  for (const text of expected) assert.ok(all.includes(squeezed(text)), `the PDF does not have: ${text}`);
});
