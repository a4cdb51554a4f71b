/**
 * What real TEI holds, in the HTML reading edition: renditions (@rend, @rendition through the
 * header's tagsDecl, @style) as classes from xslt/shared/rendition.xsl, tables, lists of every
 * type, verse, drama, quotations, links, the apparatus, choices, notes of every @place, figures
 * (a local image when the site has a copy), languages, page images (pb/@facs), the header's
 * licence and source (msDesc, biblStruct). On a snippet, then on named files of
 * ../shared/reference/tei-real/.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { transform } from '../../src/publish/xslt/saxon-transform.js';
import { parseNamespacedTree, type NamespacedElement } from '../../src/lib/xml/namespaced-tree.js';
import { fixturesDir, repoRoot, requireShared, sharedDir } from '../support/paths.js';
import { fullTierOnly } from '../support/tiers.js';

type El = NamespacedElement;
const STYLESHEET = join(repoRoot, 'xslt', 'html', 'edition.xsl');
const REAL = join(sharedDir, 'reference', 'tei-real');

function* elements(root: El): Generator<El> {
  yield root;
  for (const child of root.children) if (typeof child !== 'string') yield* elements(child);
}
const classes = (el: El): string[] => (el.attributes.class ?? '').split(/\s+/u).filter((c) => c !== '');
const text = (el: El): string => el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
const all = (root: El, test: (el: El) => boolean): El[] => [...elements(root)].filter(test);

/** The one element whose own text is `words` and that passes `test`. */
function byText(root: El, words: string, test: (el: El) => boolean = () => true): El {
  const found = all(root, (el) => text(el).trim() === words && test(el));
  assert.ok(found.length >= 1, `no element with the text "${words}"`);
  return found[found.length - 1] as El;
}

let sef: unknown;
before(async () => {
  sef = (await compiledStylesheet(STYLESHEET)).sef;
});

async function page(xml: string, path: string, params: Record<string, unknown> = {}): Promise<El> {
  const result = await transform({
    sef,
    sourceText: xml.replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/u, ''),
    sourceBaseUri: pathToFileURL(path).href,
    params: { 'text-id': 'text', ...params },
  });
  return parseNamespacedTree(result.principal);
}

function main(root: El): El {
  return all(root, (el) => el.name === 'main')[0] as El;
}

/** One of each feature (test/fixtures/real-tei-features/snippet.xml, which the print test reads too). */
const SNIPPET = readFileSync(join(fixturesDir, 'real-tei-features', 'snippet.xml'), 'utf8');

describe('HTML: the features of real TEI, on a snippet', () => {
  let root: El;
  let withImages: El;
  let footer: El;
  before(async () => {
    const whole = await page(SNIPPET, '/tmp/edition/text.xml', {
      'edition-json': JSON.stringify({ licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } }),
    });
    root = main(whole);
    footer = all(whole, (el) => el.name === 'footer')[0] as El;
    withImages = main(
      await page(SNIPPET, '/tmp/edition/text.xml', {
        'local-images': { 'img/a.png': 'images/text/img/a.png', 'img/p4.jpg': 'images/text/img/p4.jpg' },
      }),
    );
  });

  test('renditions become the shared tokens: the element for the phrase and rend-<token> classes', () => {
    const expect = (words: string, name: string, cls: string[]): void => {
      const el = byText(root, words, (e) => classes(e).includes('hi') || classes(e).includes('emph'));
      assert.equal(el.name, name, `${words}: element`);
      assert.deepEqual(
        classes(el).filter((c) => c.startsWith('rend-')),
        cls,
        `${words}: classes`,
      );
    };
    expect('er', 'sup', ['rend-superscript']);
    expect('gras', 'b', ['rend-bold']);
    expect('resolu', 'i', ['rend-italic']); // #it resolved through tagsDecl's CSS
    expect('antiqua', 'span', []); // a font family: no token, set plainly
    expect('nu', 'i', []); // hi without rendition: italics
    expect('petites', 'b', ['rend-bold', 'rend-small-caps']); // @style
    expect('gesperrt', 'span', ['rend-letterspaced']); // DTA's #g, not declared: read as a keyword
    expect('droit', 'em', ['rend-roman']);
    expect('indice', 'sub', ['rend-subscript']);
    expect('barre', 's', ['rend-strike']);
    expect('capitales', 'span', ['rend-uppercase']);
    assert.ok(classes(byText(root, 'Titre centré', (e) => e.name === 'h2')).includes('rend-center'));
    assert.equal(all(root, (el) => el.name === 'p' && classes(el).includes('rend-center') && text(el).endsWith('centre')).length, 1);
  });

  test('links, languages, the apparatus and the choices', () => {
    assert.equal(byText(root, 'le site', (e) => e.name === 'a').attributes.href, 'https://example.org/a');
    assert.equal(byText(root, 'https://example.org/b', (e) => e.name === 'a').attributes.href, 'https://example.org/b');
    assert.equal(byText(root, 'Ein Wort').attributes.lang, 'de');
    const lemma = byText(root, 'lemme', (e) => classes(e).includes('lem'));
    assert.equal(lemma.attributes.title, 'lecon (A) | om. (B)');
    for (const [edited, original] of [
      ['Mister', 'Mr'],
      ['the', 'teh'],
      ['fait', 'faict'],
    ] as const) {
      assert.ok(classes(byText(root, edited)).includes('reading-only'), edited);
      assert.ok(classes(byText(root, original)).includes('source-only'), original);
    }
  });

  test('notes of every place: foot, end and margin are calls with the notes after the text; inline stays inline', () => {
    const notes = all(root, (el) => el.name === 'li' && classes(el).includes('note')).map((el) => text(el));
    for (const words of ['Note de fin.', 'Note marginale.', 'Note de bas.'])
      assert.ok(
        notes.some((n) => n.includes(words)),
        words,
      );
    assert.equal(all(root, (el) => classes(el).includes('note-call')).length, 3);
    byText(root, 'en ligne', (e) => classes(e).includes('note-inline'));
  });

  test('lists of every type, tables, verse, drama, citations', () => {
    assert.equal(byText(root, 'premier', (e) => e.name === 'li').name, 'li');
    assert.ok(all(root, (el) => el.name === 'ol' && text(el).includes('premier')).length === 1, 'ordered list');
    assert.ok(all(root, (el) => el.name === 'ul' && text(el).includes('puce')).length === 1, 'bulleted list');
    byText(root, 'Terme', (e) => classes(e).includes('label'));
    const table = all(root, (el) => el.name === 'table')[0] as El;
    assert.equal(text(all(table, (el) => el.name === 'caption')[0] as El), 'Tableau');
    assert.equal(all(table, (el) => el.name === 'th').length, 2);
    const cell = all(table, (el) => el.name === 'td')[0] as El;
    assert.equal(cell.attributes.colspan, '2');
    assert.ok(all(cell, (el) => classes(el).includes('pb')).length === 1, 'the page break between rows is in the next cell');
    assert.equal(all(root, (el) => classes(el).includes('l')).length, 2);
    byText(root, '* * *', (e) => classes(e).includes('milestone'));
    byText(root, 'HAMLET', (e) => classes(e).includes('speaker'));
    byText(root, 'il sort', (e) => classes(e).includes('stage'));
    byText(root, 'citation', (e) => e.name === 'blockquote');
    byText(root, 'Auteur cite', (e) => classes(e).includes('bibl'));
    byText(root, 'garde son texte');
  });

  test('figures: the caption; the image only when the site has a copy of the local file', () => {
    assert.equal(all(root, (el) => el.name === 'img').length, 0);
    assert.match(text(all(root, (el) => el.name === 'figcaption')[0] as El), /Figure un.*Une image/u);
    const img = all(withImages, (el) => el.name === 'img');
    assert.equal(img.length, 1);
    assert.equal(img[0]?.attributes.src, 'images/text/img/a.png');
    assert.equal(img[0]?.attributes.alt, 'Une image');
  });

  test('page images: a web address, the site copy of a local file; no link to a file the site has not', () => {
    const marker = (r: El, n: string): El => byText(r, `[p.\u00A0${n}]`, (e) => classes(e).includes('pb'));
    const link = (r: El, n: string): string | undefined => all(marker(r, n), (el) => el.name === 'a')[0]?.attributes.href;
    assert.equal(link(root, '3'), 'https://example.org/p3.jpg');
    assert.equal(link(root, '4'), undefined);
    assert.equal(link(withImages, '4'), 'images/text/img/p4.jpg');
    assert.equal(link(withImages, '5'), undefined);
    assert.equal(link(root, '2'), undefined);
  });

  test("the header: the text's own licence (the footer keeps the edition's) and a summary of its manuscript", () => {
    const meta = all(root, (el) => classes(el).includes('text-meta'))[0] as El;
    const licence = all(meta, (el) => classes(el).includes('text-licence'))[0] as El;
    assert.equal(all(licence, (el) => el.name === 'a')[0]?.attributes.href, 'https://creativecommons.org/licenses/by-sa/4.0/');
    assert.equal(
      all(footer, (el) => el.name === 'a' && el.attributes.rel === 'license')[0]?.attributes.href,
      'https://creativecommons.org/licenses/by/4.0/',
    );
    assert.equal(text(all(meta, (el) => classes(el).includes('text-source'))[0] as El), 'Oxford, Bodleian Library, MS Ashmole 202');
  });
});

describe('HTML: the features of real TEI, in files of ../shared/reference/tei-real', { skip: fullTierOnly('reads tei-real') }, () => {
  const real = async (file: string): Promise<El> => {
    const path = join(requireShared(REAL), file);
    return main(await page(readFileSync(path, 'utf8'), path));
  };

  test("DTA (soldiers' letters): #sup #uu is a superscript, underlined; #aq (a typeface) gives nothing", async () => {
    const root = await real('dta-soldatenbriefe__letter-137.xml');
    const sup = all(root, (el) => el.name === 'sup' && classes(el).includes('hi'));
    assert.ok(sup.length >= 3, `${sup.length} superscripts`);
    assert.ok(sup.some((el) => classes(el).includes('rend-underline')));
    assert.ok(all(root, (el) => classes(el).includes('rend-aq')).length === 0);
  });

  test('Casebooks: rend="superscript", and the manuscript as settlement, repository, collection, idno', async () => {
    const root = await real('casebooks__CASE10178.xml');
    assert.ok(all(root, (el) => el.name === 'sup' && classes(el).includes('rend-superscript')).length >= 5);
    const source = text(all(root, (el) => classes(el).includes('text-source'))[0] as El);
    assert.match(source, /^UK, Oxford, Bodleian Library, Ashmole Mss, MS Ashmole 202, ff\. 15v-16r/u);
  });

  test('Hurlus (Lenin): rend="b" is bold, rend="u" underlined; the licence of the header', async () => {
    const root = await real('hurlus__lenine1918_infantilisme.xml');
    assert.ok(all(root, (el) => el.name === 'b' && classes(el).includes('rend-bold')).length >= 5);
    assert.ok(all(root, (el) => el.name === 'u' && classes(el).includes('rend-underline')).length >= 1);
    const licence = all(root, (el) => classes(el).includes('text-licence'))[0] as El;
    assert.equal(all(licence, (el) => el.name === 'a')[0]?.attributes.href, 'https://creativecommons.org/publicdomain/zero/1.0/deed.fr');
  });

  test('Farfalla: first-line-indented and uppercase become indent and uppercase', async () => {
    const root = await real('farfalla1877__Bibliografia.xml');
    assert.ok(all(root, (el) => classes(el).includes('rend-indent')).length >= 10);
    assert.ok(all(root, (el) => classes(el).includes('rend-uppercase')).length >= 1);
  });

  test('letters 1916: pb/@facs names a graphic of the facsimile that is not on the site: no link', async () => {
    const root = await real('letters1916__item__0458.xml');
    const markers = all(root, (el) => classes(el).includes('pb'));
    assert.ok(markers.length >= 2);
    assert.equal(all(root, (el) => classes(el).includes('pb-facs')).length, 0);
  });
});
