/**
 * What real TEI holds, in the print edition (xslt/print, Typst): renditions from the same
 * tokens as the HTML edition (xslt/shared/rendition.xsl: the same @rend means the same in both,
 * checked side by side), tables, lists of every type, verse, drama, quotations, web links, the
 * apparatus as notes, choices, notes of every @place, figures (an image only when the book has
 * a copy of the local file), languages, the header's licence and source. On a snippet (its
 * chapter compiled by Typst), then on named files of ../shared/reference/tei-real/.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EditionMetadata } from '../../src/lib/config/types.js';
import { assembleBook, printContext, renderChapter, renderFrame, type PrintContext } from '../../src/publish/print/render-book.js';
import { compileTypstFileToPdf } from '../../src/publish/print/typst-compiler.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { transform } from '../../src/publish/xslt/saxon-transform.js';
import { PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { parseNamespacedTree, type NamespacedElement } from '../../src/lib/xml/namespaced-tree.js';
import { fixturesDir, repoRoot, requireShared, sharedDir } from '../support/paths.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/run-cli.js';

const REAL = join(sharedDir, 'reference', 'tei-real');
const SNIPPET_PATH = join(fixturesDir, 'real-tei-features', 'snippet.xml');
const SNIPPET = readFileSync(SNIPPET_PATH, 'utf8');
const EDITION: EditionMetadata = {
  title: 'Essais',
  editors: [],
  publisher: null,
  licence: { name: 'CC BY 4.0' },
  language: 'fr',
  calendar: { sourceCalendar: 'gregorian', display: 'old-style-first' },
};

/** The Typst function each rendition token becomes (xslt/print/modules/rendition.xsl), read back. */
const TYPST_TOKEN: Record<string, string> = {
  '#super[': 'superscript',
  '#sub[': 'subscript',
  '#strong[': 'bold',
  '#emph[': 'italic',
  '#text(style: "normal")[': 'roman',
  '#smallcaps[': 'small-caps',
  '#upper[': 'uppercase',
  '#lower[': 'lowercase',
  '#text(tracking: 0.12em)[': 'letterspaced',
  '#underline[': 'underline',
  '#strike[': 'strike',
  '#overline[': 'overline',
  '#text(size: 1.2em)[': 'larger',
  '#text(size: 0.85em)[': 'smaller',
};

/** The tokens of the functions that open right before `word` in Typst markup. */
function typstTokens(typst: string, word: string): string[] {
  assert.ok(typst.includes(word), `${word} is not in the chapter`);
  const at = typst.indexOf(`${word}]`);
  if (at < 0) return [];
  const before = typst.slice(Math.max(0, at - 200), at);
  const found: string[] = [];
  let rest = before;
  for (;;) {
    const opener = Object.keys(TYPST_TOKEN).find((o) => rest.endsWith(o));
    if (opener === undefined) break;
    found.unshift(TYPST_TOKEN[opener] as string);
    rest = rest.slice(0, -opener.length);
  }
  return found.sort();
}

let context: PrintContext;
let frame: { front: string; back: string };
before(async () => {
  const { sef } = await compiledStylesheet(PRINT_STYLESHEET);
  context = await printContext(sef, EDITION, [], readFileSync(PRINT_BOOK_LIBRARY, 'utf8'));
  frame = await renderFrame(context);
});

async function chapter(xml: string, path: string, localImages?: Record<string, string>): Promise<string> {
  if (localImages === undefined) return (await renderChapter(context, { id: 'text', xml, path })).typst;
  // (The images parameter is not wired into render-book.ts yet: the stylesheet is called as it would call it.)
  const result = await transform({
    sef: context.sef,
    sourceText: xml,
    sourceBaseUri: pathToFileURL(path).href,
    params: {
      'edition-json': context.editionJson,
      registers: [...context.registers],
      'book-library': context.bookLibrary,
      'local-images': localImages,
    },
  });
  return result.principal;
}

describe('print: the features of real TEI, on a snippet', () => {
  let typst: string;
  before(async () => {
    typst = await chapter(SNIPPET, SNIPPET_PATH);
  });

  test('renditions: the Typst of the shared tokens', () => {
    assert.deepEqual(typstTokens(typst, 'er'), ['superscript']);
    assert.deepEqual(typstTokens(typst, 'gras'), ['bold']);
    assert.deepEqual(typstTokens(typst, 'resolu'), ['italic']);
    assert.deepEqual(typstTokens(typst, 'nu'), ['italic']);
    assert.deepEqual(typstTokens(typst, 'petites'), ['bold', 'small-caps']);
    assert.deepEqual(typstTokens(typst, 'gesperrt'), ['letterspaced']);
    assert.deepEqual(typstTokens(typst, 'indice'), ['subscript']);
    assert.deepEqual(typstTokens(typst, 'barre'), ['strike']);
    assert.match(typst, / D antiqua E /u, 'a typeface (#aq) is set plainly, not emphasised');
    assert.match(typst, / H droit I /u, 'emph rend="roman" is upright');
    assert.match(typst, /#align\(center\)\[#section\(level: 2\)\[Titre centré\]\]/u);
    assert.match(typst, /\n#align\(center\)\[centre\]\n/u);
  });

  test('links, languages, apparatus, choices, notes of every place', () => {
    assert.match(typst, /#link\("https:\/\/example\.org\/a"\)\[le site\];/u);
    assert.match(typst, /#link\("https:\/\/example\.org\/b"\)\[https:\\\/\\\/example\.org\\\/b\];/u);
    assert.match(typst, /#text\(lang: "de"\)\[#emph\[Ein Wort\];\];/u);
    assert.match(typst, /lemme#app-note\(label: "a"\)\[lecon #emph\[A\];; #emph\[om\.\]; #emph\[B\];\];/u);
    assert.match(typst, /Mister the fait/u);
    assert.doesNotMatch(typst, /\bteh\b|faict/u);
    assert.match(typst, /fin#endnote-call\("1"\);/u);
    assert.match(typst, /#endnotes\[\n#endnote\(label: "1"\)\[Note de fin\.\]/u);
    assert.match(typst, /marge#note\(label: "2"\)\[Note marginale\.\];/u);
    assert.match(typst, /bas#note\(label: "3"\)\[Note de bas\.\];/u);
    assert.match(typst, /inline \(en ligne\)/u);
  });

  test('lists, tables, verse, drama, citations, unknown elements', () => {
    assert.match(typst, /#item\(label: \[1\\\.\]\)\[premier\]\s+#item\(label: \[2\\\.\]\)\[second\]/u);
    assert.match(typst, /#gloss-item\(label: \[Terme\]\)\[sa glose\]/u);
    assert.match(typst, /#item\(\)\[puce\]/u);
    assert.match(
      typst,
      /#caption\[Tableau\]\s+#edition-table\(columns: 2,\n {2}\[#strong\[titre a\];\],\n {2}\[#strong\[titre b\];\],\n {2}table\.cell\(colspan: 2\)\[#pb\("2"\);cellule double\]\)/u,
    );
    assert.match(typst, /#verse-line\[vers un\]\s+#verse-line\[vers deux\]/u);
    assert.match(typst, /\n#align\(center\)\[\\\* \\\* \\\*\]\n/u, 'a milestone drawn as stars');
    assert.match(typst, /#smallcaps\[HAMLET\];/u);
    assert.match(typst, /Etre #emph\[il sort\];/u);
    assert.match(typst, /#quotation\[citation #linebreak\(\); #h\(1fr\);Auteur cite\]/u);
    assert.match(typst, /garde son texte/u);
  });

  test("the chapter gives the text's licence (not the book's) and a summary of its manuscript", () => {
    assert.match(typst, /source: \[Oxford, Bodleian Library, MS Ashmole 202\]/u);
    assert.match(typst, /licence: \[CC BY\\-SA 4\.0\. https:\\\/\\\/creativecommons\.org\\\/licenses\\\/by\\-sa\\\/4\.0\\\/\]/u);
  });

  test('figures: caption and description without an image; the image when the book has the file', async () => {
    assert.doesNotMatch(typst, /#edition-image/u);
    assert.match(typst, /#caption\[Figure un\]\s+#caption\[Une image\]/u);
    const dir = tempDir();
    mkdirSync(join(dir, 'images'));
    // A 1×1 PNG.
    writeFileSync(
      join(dir, 'images', 'a.png'),
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
    );
    const withImage = await chapter(SNIPPET, SNIPPET_PATH, { 'img/a.png': 'images/a.png' });
    assert.match(withImage, /#edition-image\("images\/a\.png", alt: "Une image"\)\s+#caption\[Figure un\]/u);
    assert.doesNotMatch(withImage, /#caption\[Une image\]/u, "the description is the image's alternative text");
    // The chapter compiles, image and all, and the PDF has the words of every feature.
    writeFileSync(join(dir, 'edition.typ'), assembleBook(frame, [{ id: 'text', typst: withImage, sortKey: '' }]));
    const book = compileTypstFileToPdf(join(dir, 'edition.typ'));
    assert.ok(book.pdf, JSON.stringify(book.messages));
    writeFileSync(join(dir, 'book.pdf'), book.pdf);
    const words = (await pdfPages(join(dir, 'book.pdf'), 20)).map((p) => p.text).join(' ');
    for (const w of [
      'premier',
      'sa glose',
      'cellule double',
      'vers deux',
      'HAMLET',
      'Auteur cite',
      'Note de fin',
      'Note marginale',
      'lecon',
      'garde son texte',
      'Bodleian',
    ]) {
      assert.ok(words.includes(w), `the PDF has "${w}"`);
    }
  });
});

describe('print and HTML: the same rendition, the same semantics', () => {
  // Every spelling here is one real TEI uses (../shared/reference/tei-real) or the TEI Guidelines suggest.
  const rends = [
    'sup',
    'superscript',
    'sub',
    'i',
    'ital',
    'italic',
    'b',
    'bold',
    'sc',
    'smallcaps',
    'u',
    'underline',
    'uu',
    's',
    'strikethrough',
    'g',
    'wide',
    'spaced',
    'uppercase',
    'larger',
    'smaller',
    'k',
    'aq',
    'fr',
    'boxed',
    'italic bold',
    'sup uu',
  ];
  const xml = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><p>${rends.map((r, i) => `<hi rend="${r}">mot${i}x</hi> <hi style="${['font-style: italic', 'vertical-align: super', 'letter-spacing: 2pt', 'font-weight: bold; text-decoration: underline'][i % 4]}">css${i}x</hi>`).join(' ')}</p></body></text></TEI>`;

  test('each @rend and @style gives the same tokens as HTML classes and as Typst functions', async () => {
    const typst = await chapter(xml, '/tmp/r.xml');
    const { sef } = await compiledStylesheet(join(repoRoot, 'xslt', 'html', 'edition.xsl'));
    const html = parseNamespacedTree((await transform({ sef, sourceText: xml, params: { 'text-id': 'r' } })).principal);
    const spans = new Map<string, NamespacedElement>();
    const walk = (el: NamespacedElement): void => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        const only = c.children.length === 1 && typeof c.children[0] === 'string' ? c.children[0] : undefined;
        if (only !== undefined && /^(mot|css)\d+x$/u.test(only)) spans.set(only, c);
        walk(c);
      }
    };
    walk(html);
    for (const word of [...spans.keys()]) {
      const el = spans.get(word) as NamespacedElement;
      const fromHtml = (el.attributes.class ?? '')
        .split(' ')
        .filter((c) => c.startsWith('rend-'))
        .map((c) => c.slice(5))
        .sort();
      assert.deepEqual(typstTokens(typst, word), fromHtml, `${word} (${el.name}.${el.attributes.class})`);
    }
    assert.equal(spans.size, rends.length * 2);
    // And the tokens are the ones meant (a few checks of the table itself).
    const tokens = (i: number): string[] => typstTokens(typst, `mot${i}x`);
    assert.deepEqual(tokens(rends.indexOf('sup uu')), ['superscript', 'underline']);
    assert.deepEqual(tokens(rends.indexOf('b')), ['bold']);
    assert.deepEqual(tokens(rends.indexOf('k')), ['small-caps']);
    assert.deepEqual(tokens(rends.indexOf('aq')), []);
    assert.deepEqual(tokens(rends.indexOf('italic bold')), ['bold', 'italic']);
  });
});

describe('print: the features of real TEI, in files of ../shared/reference/tei-real', () => {
  const real = async (file: string): Promise<string> => {
    const path = join(requireShared(REAL), file);
    return chapter(readFileSync(path, 'utf8').replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/u, ''), path);
  };

  test("DTA (soldiers' letters): #sup #uu is superscript and underlined, #aq is not emphasised (as in HTML)", async () => {
    const typst = await real('dta-soldatenbriefe__letter-137.xml');
    assert.ok((typst.match(/#super\[#underline\[/gu) ?? []).length >= 1);
    assert.doesNotMatch(typst, /#emph\[/u, 'nothing in this letter is italic: #aq and #s were emphasised before');
  });

  test('Casebooks: the manuscript as its source; the superscripts of the source forms (orig) are not in the reading text', async () => {
    const typst = await real('casebooks__CASE10178.xml');
    assert.doesNotMatch(typst, /#super\[/u);
    assert.match(typst, /for her which is/u);
    assert.match(typst, /source: \[UK, Oxford, Bodleian Library, Ashmole Mss, MS Ashmole 202, ff\\?\. 15v\\-16r/u);
  });

  test('Hurlus (Lenin): rend="b" is bold (it was emphasis), and the text\'s licence', async () => {
    const typst = await real('hurlus__lenine1918_infantilisme.xml');
    assert.ok((typst.match(/#strong\[/gu) ?? []).length >= 5);
    assert.match(typst, /licence: \[https:\\\/\\\/creativecommons\.org\\\/publicdomain\\\/zero/u);
  });

  test('Letters of 1916: rend="superscript" and rend="underline" outside the source forms', async () => {
    const typst = await real('letters1916__item__0458.xml');
    assert.ok((typst.match(/#super\[/gu) ?? []).length >= 1);
    assert.ok((typst.match(/#underline\[/gu) ?? []).length >= 1);
  });

  test('Farfalla: the uppercase rendition', async () => {
    const typst = await real('farfalla1877__Bibliografia.xml');
    assert.match(typst, /#upper\[/u);
  });

  test('Van Gogh: rend="ital" is italic; the letter\'s notes are footnotes', async () => {
    const typst = await real('teipublisher-vangogh__let695.xml');
    assert.ok((typst.match(/#emph\[/gu) ?? []).length >= 10);
    assert.match(typst, /#note\(label: /u);
  });
});
