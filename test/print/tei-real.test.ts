/**
 * Robustness: the print stylesheet makes a chapter of every real TEI file of
 * ../shared/reference/tei-real/ (editions nobody here wrote, some very large) without an error,
 * and Typst compiles the book of each to a PDF, with no error, where words of the text's body
 * can be found.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleBook, printContext, renderChapter, renderFrame, type PrintContext } from '../../src/publish/print/render-book.js';
import { compileTypstFileToPdf } from '../../src/publish/print/typst-compiler.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { parseNamespacedTree, type NamespacedElement } from '../../src/lib/xml/namespaced-tree.js';
import { requireShared, sharedDir } from '../support/paths.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/run-cli.js';

const REAL = join(sharedDir, 'reference', 'tei-real');
const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Some words of the body (letters only, 6 or more), from its first paragraphs: they must be in the PDF. */
function bodyWords(xml: string): string[] {
  const words: string[] = [];
  const walk = (el: NamespacedElement, inBody: boolean): void => {
    const body = inBody || (el.ns === TEI_NS && el.name === 'body');
    if (el.ns === TEI_NS && ['teiHeader', 'note', 'del', 'fw', 'sic', 'orig', 'abbr', 'rdg', 'figDesc'].includes(el.name)) return;
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (body) words.push(...(c.match(/(?<![\p{L}\p{M}])\p{L}{6,}(?![\p{L}\p{M}-])/gu) ?? []));
      } else walk(c, body);
    }
  };
  walk(parseNamespacedTree(xml.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/u, '')), false);
  return words.slice(0, 60);
}

describe('the print stylesheet on real TEI files', () => {
  let context: PrintContext;
  let frame: { front: string; back: string };
  before(async () => {
    requireShared(REAL);
    const { sef } = await compiledStylesheet(PRINT_STYLESHEET);
    context = await printContext(
      sef,
      {
        title: 'Robustesse',
        editors: [],
        publisher: null,
        licence: { name: 'CC BY 4.0' },
        language: 'fr',
        calendar: { sourceCalendar: 'gregorian', display: 'old-style-first' },
      },
      [],
      readFileSync(PRINT_BOOK_LIBRARY, 'utf8'),
    );
    frame = await renderFrame(context);
  });

  const files = readdirSync(REAL, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  test('there are real files to try', () => assert.ok(files.length >= 20, `${files.length} files`));
  for (const file of files) {
    test(file, async () => {
      const path = join(REAL, file);
      const xml = readFileSync(path, 'utf8');
      const chapter = await renderChapter(context, { id: 'real', xml, path });
      assert.match(chapter.typst, /^#chapter\(/u);
      const dir = tempDir();
      writeFileSync(join(dir, 'edition.typ'), assembleBook(frame, [chapter]));
      const book = compileTypstFileToPdf(join(dir, 'edition.typ'));
      assert.ok(book.pdf, JSON.stringify(book.messages));
      assert.ok(book.pages >= 4, `${book.pages} pages`);
      const pdf = join(dir, 'real.pdf');
      writeFileSync(pdf, book.pdf);
      const text = (await pdfPages(pdf, 40))
        .map((p) => p.text)
        .join(' ')
        .normalize('NFKC')
        .replace(/\u00AD/gu, '');
      const words = bodyWords(xml);
      const missing = words.filter((w) => !text.includes(w.normalize('NFKC')));
      // Hyphenation may split a word across lines, with a hyphen the PDF keeps: a few may be missing as written.
      assert.ok(
        missing.length <= Math.ceil(words.length / 10),
        `${missing.length} of ${words.length} body words not found: ${missing.slice(0, 10).join(', ')}`,
      );
    });
  }
});
