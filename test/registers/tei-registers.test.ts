/**
 * Registers where TEI keeps them (issue 15, item 3): register files (edition.json), a text's own
 * standOff (TEI P5 §16.10) or teiHeader lists (particDesc, settingDesc, sourceDesc…), a teiCorpus's;
 * and pointers as editions write them: persons.xml#id, #id, a full URI (matched to an entry's
 * idno or sameAs, else an external link), a listPrefixDef prefix, @key, @corresp. For each form:
 * the name's link on the text page, its entry and mention on the register page, its index mark
 * and entry in the print edition; a name that resolves nowhere is plain text, and the summaries'
 * unresolved pointers make one warning per target (unresolved-pointers.ts). Small snippets, and
 * real files of ../shared/reference/tei-real/.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditionMetadata } from '../../src/lib/config/types.js';
import { renderCollectionPages, renderContext, renderTextPage, summariseTexts } from '../../src/publish/html/render-pages.js';
import { unresolvedPointers, unresolvedPointerWarnings } from '../../src/publish/html/unresolved-pointers.js';
import { printContext, renderChapter, renderFrame } from '../../src/publish/print/render-book.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { HTML_STYLESHEET, PRINT_BOOK_LIBRARY, PRINT_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { parseNamespacedTree, type NamespacedElement } from '../../src/lib/xml/namespaced-tree.js';
import { requireShared, sharedDir } from '../support/paths.js';
import type { SiteRegister, SiteText } from '../../src/publish/edition/published-documents.js';
import { fullTierOnly } from '../support/tiers.js';

type El = NamespacedElement;
const REAL = join(sharedDir, 'reference', 'tei-real');
const EDITION: EditionMetadata = {
  title: 'Registres',
  editors: [],
  publisher: null,
  licence: { name: 'CC BY 4.0' },
  language: 'fr',
  calendar: { sourceCalendar: 'gregorian', display: 'old-style-first' },
};

// ===== Documents =====

const TEI = 'xmlns="http://www.tei-c.org/ns/1.0"';
function header(extra = '', profile = ''): string {
  return (
    `<teiHeader><fileDesc><titleStmt><title>Texte</title></titleStmt><publicationStmt><p/></publicationStmt>` +
    `<sourceDesc><bibl xml:id="source">La source</bibl>${extra}</sourceDesc></fileDesc>${profile}</teiHeader>`
  );
}
function tei(body: string, opts: { header?: string; standOff?: string } = {}): string {
  return `<TEI ${TEI} xml:lang="fr">${opts.header ?? header()}${opts.standOff ?? ''}<text><body>${body}</body></text></TEI>`;
}

const PERSONS: SiteRegister = {
  file: 'persons.xml',
  path: '/edition/tei/persons.xml',
  xml:
    `<TEI ${TEI} xml:lang="fr">${header()}<text><body><listPerson>` +
    `<person xml:id="lenine"><persName type="standard">Lénine</persName><idno type="wikidata">https://www.wikidata.org/wiki/Q1394</idno></person>` +
    `<person xml:id="trotski" sameAs="https://viaf.org/viaf/96982737"><persName type="standard">Trotski</persName></person>` +
    `</listPerson></body></text></TEI>`,
};

function text(id: string, xml: string): SiteText {
  return { id, xml, path: `/edition/tei/${id}.xml` };
}

// ===== Rendering =====

interface Rendered {
  readonly pages: Map<string, El>;
  readonly persons: El;
  readonly places: El;
  readonly summaries: string;
  readonly chapters: Map<string, string>;
  readonly back: string;
  /** The chapters' unresolved pointers (the print edition's view of them). */
  readonly printUnresolved: string[];
}

let htmlSef: unknown;
let printSef: unknown;

async function render(texts: readonly SiteText[], registers: readonly SiteRegister[] = []): Promise<Rendered> {
  const context = await renderContext(
    htmlSef,
    EDITION,
    registers,
    texts.map((t) => t.id),
  );
  const { summaries } = await summariseTexts(context, texts);
  const pages = new Map<string, El>();
  for (const t of texts) pages.set(t.id, parseNamespacedTree(await renderTextPage(context, t)));
  const collection = await renderCollectionPages(context, [summaries]);
  const page = (file: string): El => parseNamespacedTree(collection.find((p) => p.file === file)?.html ?? assert.fail(`no ${file}`));
  const print = await printContext(printSef, EDITION, registers, readFileSync(PRINT_BOOK_LIBRARY, 'utf8'));
  const chapters = await Promise.all(texts.map((t) => renderChapter(print, t)));
  const { back } = await renderFrame(print, chapters);
  return {
    pages,
    persons: page('persons.html'),
    places: page('places.html'),
    summaries,
    chapters: new Map(chapters.map((c) => [c.id, c.typst])),
    back,
    printUnresolved: chapters.flatMap((c) => c.unresolvedPointers ?? []),
  };
}

function* elements(root: El): Generator<El> {
  yield root;
  for (const child of root.children) if (typeof child !== 'string') yield* elements(child);
}
function textOf(el: El): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
/** The links of the main content whose text is `words`. */
function linksNamed(page: El, words: string): El[] {
  return [...elements(page)].filter((e) => e.name === 'a' && textOf(e).replace(/\s+/gu, ' ').trim() === words);
}
function hrefOf(page: El, words: string): string | undefined {
  const links = linksNamed(page, words);
  return links[0]?.attributes.href;
}
/** A name shown as plain text: its words are on the page, in no link. */
function assertPlain(page: El, words: string): void {
  const spans = [...elements(page)].filter((e) => e.name !== 'a' && textOf(e).trim() === words);
  assert.ok(spans.length > 0, `“${words}” is on the page`);
  assert.deepEqual(
    linksNamed(page, words).map((a) => a.attributes.href),
    [],
    `“${words}” is in no link`,
  );
  assert.ok(![...elements(page)].some((e) => e.name === 'a' && textOf(e).includes(words)), `“${words}” is inside no link`);
}
function entry(page: El, id: string): El | undefined {
  return [...elements(page)].find((e) => e.name === 'article' && e.attributes.id === id);
}
/** The register entry's mention links (text page and anchor). */
function mentions(page: El, id: string): string[] {
  const article = entry(page, id);
  return article === undefined
    ? []
    : [...elements(article)]
        .filter((e) => e.name === 'a' && (e.attributes.class ?? '').split(' ').includes('mention'))
        .map((a) => a.attributes.href ?? '');
}
/** The print index's entries of a kind: id → name. */
function indexEntries(back: string, kind: 'person' | 'place'): Map<string, string> {
  const block = back.split('#register-index(').find((b) => b.startsWith(`kind: "${kind}"`)) ?? '';
  return new Map([...block.matchAll(/\(id: "([^"]*)", name: \[([^\]]*)\]/gu)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

before(async () => {
  htmlSef = (await compiledStylesheet(HTML_STYLESHEET)).sef;
  printSef = (await compiledStylesheet(PRINT_STYLESHEET)).sef;
});

// ===== Lists where TEI keeps them =====

describe("a text's standOff lists (TEI P5 §16.10), pointed at with #id", () => {
  let r: Rendered;
  before(async () => {
    r = await render([
      text(
        't1',
        tei(
          '<p><persName ref="#palm">Lord Palmerston</persName> à <placeName ref="#londres">Londres</placeName>, avec <persName ref="#nobody">Personne Inconnue</persName>.</p>',
          {
            standOff:
              '<standOff><listPerson><person xml:id="palm"><persName>Palmerston</persName><birth when="1784-10-20"/></person></listPerson>' +
              '<listPlace><place xml:id="londres"><placeName>Londres</placeName></place></listPlace></standOff>',
          },
        ),
      ),
    ]);
  });
  test('the names link to the register pages', () => {
    const page = r.pages.get('t1') as El;
    assert.equal(hrefOf(page, 'Lord Palmerston'), 'persons.html#palm');
    assert.equal(hrefOf(page, 'Londres'), 'places.html#londres');
  });
  test('the register pages list the entries with their mentions', () => {
    assert.equal(textOf([...elements(entry(r.persons, 'palm') as El)].find((e) => e.name === 'h2') as El), 'Palmerston');
    assert.deepEqual(mentions(r.persons, 'palm'), ['t1.html#para-1']);
    assert.deepEqual(mentions(r.places, 'londres'), ['t1.html#para-1']);
  });
  test('the print chapter marks the mentions and the indexes list the entries', () => {
    assert.match(r.chapters.get('t1') ?? '', /#mention\("person", "palm"\)\[Lord Palmerston\];/u);
    assert.match(r.chapters.get('t1') ?? '', /#mention\("place", "londres"\)\[Londres\];/u);
    assert.equal(indexEntries(r.back, 'person').get('palm'), 'Palmerston');
    assert.equal(indexEntries(r.back, 'place').get('londres'), 'Londres');
  });
  test('a name that resolves nowhere is plain text, and a warning', () => {
    assertPlain(r.pages.get('t1') as El, 'Personne Inconnue');
    assert.doesNotMatch(r.chapters.get('t1') ?? '', /#mention\([^)]*\)\[Personne/u);
    assert.deepEqual(unresolvedPointers([r.summaries]), [{ target: '#nobody', textId: 't1', count: 1 }]);
    assert.deepEqual(
      unresolvedPointers(r.printUnresolved),
      [{ target: '#nobody', textId: 't1', count: 1 }],
      'the print chapters say the same',
    );
  });
});

describe("lists in the teiHeader: particDesc, settingDesc, sourceDesc (not the source's bibl)", () => {
  let r: Rendered;
  before(async () => {
    const profile =
      '<profileDesc><particDesc><listPerson><person xml:id="guizot"><persName>François Guizot</persName></person></listPerson></particDesc>' +
      '<settingDesc><listPlace><place xml:id="paris"><placeName>Paris</placeName></place></listPlace></settingDesc></profileDesc>';
    const sourcePersons = '<listPerson><person xml:id="lieven"><persName>Dorothée de Lieven</persName></person></listPerson>';
    r = await render([
      text(
        't2',
        tei(
          '<p><persName ref="#guizot">Guizot</persName> écrit de <placeName ref="#paris">Paris</placeName> à <persName ref="#lieven">Madame de Lieven</persName> ; <title ref="#source">la source</title>.</p>',
          { header: header(sourcePersons, profile) },
        ),
      ),
    ]);
  });
  test('particDesc, settingDesc and sourceDesc lists are registers', () => {
    const page = r.pages.get('t2') as El;
    assert.equal(hrefOf(page, 'Guizot'), 'persons.html#guizot');
    assert.equal(hrefOf(page, 'Paris'), 'places.html#paris');
    assert.equal(hrefOf(page, 'Madame de Lieven'), 'persons.html#lieven');
    assert.deepEqual(mentions(r.persons, 'lieven'), ['t2.html#para-1']);
    assert.ok(entry(r.places, 'paris'));
    assert.deepEqual([...indexEntries(r.back, 'person').keys()].sort(), ['guizot', 'lieven']);
  });
  test('the bibl describing the source is no entry: no tooltip, no warning either (it exists)', () => {
    const cite = [...elements(r.pages.get('t2') as El)].find((e) => e.name === 'cite' && textOf(e) === 'la source') as El;
    assert.ok(cite, 'the title is on the page');
    assert.equal(cite.attributes.title, undefined);
    assert.deepEqual(unresolvedPointers([r.summaries]), []);
  });
});

describe("a teiCorpus's standOff, for the texts it holds", () => {
  test("names of the inner texts resolve to the corpus's lists", async () => {
    const corpus =
      `<teiCorpus ${TEI} xml:lang="fr">${header()}<standOff><listPerson><person xml:id="tall"><p><name>Talleyrand</name></p></person></listPerson></standOff>` +
      `<TEI>${header()}<text><body><p><name type="person" ref="#tall">M. de Talleyrand</name></p></body></text></TEI></teiCorpus>`;
    const r = await render([text('corpus', corpus)]);
    assert.equal(hrefOf(r.pages.get('corpus') as El, 'M. de Talleyrand'), 'persons.html#tall');
    assert.equal(textOf([...elements(entry(r.persons, 'tall') as El)].find((e) => e.name === 'h2') as El), 'Talleyrand');
    assert.match(r.chapters.get('corpus') ?? '', /#mention\("person", "tall"\)\[M\. de Talleyrand\];/u);
    assert.equal(indexEntries(r.back, 'person').get('tall'), 'Talleyrand');
  });
});

// ===== Pointers as editions write them =====

describe('pointers into the register files', () => {
  let r: Rendered;
  before(async () => {
    const prefixes =
      '<encodingDesc><listPrefixDef><prefixDef ident="pers" matchPattern="([a-z]+)" replacementPattern="persons.xml#$1"/>' +
      '<prefixDef ident="here" matchPattern="([a-z]+)" replacementPattern="#$1"/></listPrefixDef></encodingDesc>';
    const h = `<teiHeader><fileDesc><titleStmt><title>Texte</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>${prefixes}</teiHeader>`;
    r = await render(
      [
        text(
          't3',
          tei(
            [
              '<p><persName ref="persons.xml#lenine">Lénine I</persName>, <persName ref="#lenine">Lénine II</persName>,',
              ' <persName ref="pers:lenine">Lénine III</persName>, <persName key="lenine">Lénine IV</persName>,',
              ' <persName ref="https://www.wikidata.org/wiki/Q1394">Lénine V</persName>, <rs type="person" corresp="#lenine">Lénine VI</rs>,',
              ' <persName ref="https://viaf.org/viaf/96982737">Trotski I</persName>, <persName ref="here:local">Local</persName>,',
              ' <persName ref="https://example.org/someone">Quelqu’un</persName>, <persName ref="pers:nobody">Absent I</persName>,',
              ' <persName key="nobody">Absent II</persName>, <orgName key="ghost">Fantôme</orgName>.</p>',
            ].join(''),
            {
              header: h,
              standOff: '<standOff><listPerson><person xml:id="local"><persName>Local</persName></person></listPerson></standOff>',
            },
          ),
        ),
      ],
      [PERSONS],
    );
  });
  test('file#id, #id, a prefix, @key, an idno URI, @corresp and a sameAs URI all link to the entry', () => {
    const page = r.pages.get('t3') as El;
    for (const n of ['I', 'II', 'III', 'IV', 'V', 'VI']) assert.equal(hrefOf(page, `Lénine ${n}`), 'persons.html#lenine', `Lénine ${n}`);
    assert.equal(hrefOf(page, 'Trotski I'), 'persons.html#trotski');
    assert.equal(hrefOf(page, 'Local'), 'persons.html#local');
    assert.deepEqual(mentions(r.persons, 'lenine'), ['t3.html#para-1']);
    assert.match(entry(r.persons, 'lenine') !== undefined ? textOf(entry(r.persons, 'lenine') as El) : '', /×6/u);
  });
  test('the print chapter marks every one of them for the index', () => {
    const chapter = r.chapters.get('t3') ?? '';
    for (const n of ['I', 'II', 'III', 'IV', 'V', 'VI'])
      assert.ok(chapter.includes(`#mention("person", "lenine")[Lénine ${n}];`), `Lénine ${n}`);
    assert.ok(chapter.includes('#mention("person", "trotski")[Trotski I];'));
    assert.equal(indexEntries(r.back, 'person').get('lenine'), 'Lénine');
    assert.equal(indexEntries(r.back, 'person').get('local'), 'Local');
  });
  test('a URI no entry has is an external link, and no warning', () => {
    assert.equal(hrefOf(r.pages.get('t3') as El, 'Quelqu’un'), 'https://example.org/someone');
    assert.ok(!unresolvedPointers([r.summaries]).some((u) => u.target.startsWith('https://')));
  });
  test('pointers that resolve nowhere are plain text and listed once each', () => {
    const page = r.pages.get('t3') as El;
    for (const words of ['Absent I', 'Absent II', 'Fantôme']) assertPlain(page, words);
    assert.deepEqual(
      unresolvedPointers([r.summaries]).map((u) => u.target),
      ['pers:nobody', 'nobody', 'ghost'],
      'in the order of the names',
    );
    assert.deepEqual(unresolvedPointers(r.printUnresolved), unresolvedPointers([r.summaries]), 'the print chapters say the same');
  });
});

describe('the warnings: one per unresolved target for the whole edition', () => {
  test('the same target in two texts is one warning naming the first text; another target is another warning', async () => {
    const r = await render([
      text(
        'a',
        tei(
          '<p><persName ref="#x">X</persName> et <persName ref="#x">X encore</persName>, <placeName key="nowhere">Nulle part</placeName>.</p>',
        ),
      ),
      text('b', tei('<p><persName ref="#x">X</persName>.</p>')),
    ]);
    const warnings = unresolvedPointerWarnings([r.summaries], (id) => `tei/${id}.xml`);
    assert.deepEqual(
      unresolvedPointerWarnings(r.printUnresolved, (id) => `tei/${id}.xml`),
      warnings,
      'the same from the print chapters',
    );
    assert.equal(warnings.length, 2);
    const [x, nowhere] = warnings;
    assert.equal(x?.rule, 'tei-edition/unresolved-pointer');
    assert.equal(x?.severity, 'warning');
    assert.equal(x?.position.file, 'tei/a.xml');
    assert.match(x?.message ?? '', /“#x” on 3 names \(first in text a, in 2 texts\)/u);
    assert.match(x?.message ?? '', /expected an entry with that id in a register file, a standOff list or the header/u);
    assert.match(nowhere?.message ?? '', /“nowhere” on a name \(first in text a\)/u);
  });
  test('from summaries written apart (batches of texts), in order', () => {
    const batch = (id: string, target: string): string =>
      `<f:summaries xmlns:f="urn:x-tei-edition:html"><f:text id="${id}"><f:unresolved target="${target}" count="2"/></f:text></f:summaries>`;
    const warnings = unresolvedPointerWarnings([batch('one', '#a &amp; b'), batch('two', '#a &amp; b'), batch('two', '#c')]);
    assert.deepEqual(
      warnings.map((w) => [w.actual, w.position.file]),
      [
        ['#a & b', 'one.xml'],
        ['#c', 'two.xml'],
      ],
    );
    assert.match(warnings[0]?.message ?? '', /on 4 names \(first in text one, in 2 texts\)/u);
  });
  test('the hint says how a bare id is written as a pointer (sevigne writes ref="saint_martin")', () => {
    const [bare, prefixed] = unresolvedPointerWarnings([
      '<f:summaries xmlns:f="urn:x-tei-edition:html"><f:text id="s"><f:unresolved target="saint_martin" count="3"/><f:unresolved target="pers:x" count="1"/></f:text></f:summaries>',
    ]);
    assert.match(bare?.hint ?? '', /"#saint_martin"/u);
    assert.match(prefixed?.hint ?? '', /listPrefixDef/u);
  });
  test('no unresolved pointer, no warning', () => {
    assert.deepEqual(unresolvedPointerWarnings(['<f:summaries xmlns:f="urn:x-tei-edition:html"><f:text id="a"/></f:summaries>']), []);
  });
});

// ===== Real files =====

describe('real editions (../shared/reference/tei-real/)', { skip: fullTierOnly('reads tei-real') }, () => {
  const real = (file: string): SiteText => {
    const path = join(requireShared(REAL), file);
    return { id: file.replace(/\.xml$/u, ''), xml: readFileSync(path, 'utf8'), path };
  };
  test('guizot-lieven, a teiCorpus with its persons and places in standOff', async () => {
    const t = real('guizot-lieven__letters-teiCorpus.xml');
    const r = await render([t]);
    const page = r.pages.get(t.id) as El;
    assert.equal(hrefOf(page, 'Lord Palmerston'), 'persons.html#palm');
    assert.equal(hrefOf(page, 'Londres'), 'places.html#londres');
    assert.equal(hrefOf(page, 'M. de Talleyrand'), 'persons.html#tall');
    assert.deepEqual(mentions(r.persons, 'palm').length > 0, true);
    assert.equal(
      textOf([...elements(entry(r.persons, 'palm') as El)].find((e) => e.name === 'h2') as El),
      'Henry John Temple, 3rd Viscount Palmerston',
    );
    assert.ok(entry(r.places, 'dover'));
    const chapter = r.chapters.get(t.id) ?? '';
    assert.match(chapter, /#mention\("person", "palm"\)\[/u);
    assert.match(chapter, /#mention\("place", "dover"\)\[/u);
    assert.equal(indexEntries(r.back, 'person').get('palm'), 'Henry John Temple, 3rd Viscount Palmerston');
    assert.equal(indexEntries(r.back, 'place').get('saintPetsbg'), 'Saint Petersburg');
  });
  test('sevigne, persons in particDesc and places in settingDesc', async () => {
    const t = real('sevigne__sevigne_tei.xml');
    const r = await render([t]);
    const page = r.pages.get(t.id) as El;
    const toCoulanges = [...elements(page)].filter((e) => e.name === 'a' && e.attributes.href === 'persons.html#monsieur_coulanges');
    assert.ok(toCoulanges.length > 0, 'names link to the particDesc persons');
    assert.ok(
      [...elements(page)].some((e) => e.name === 'a' && e.attributes.href === 'places.html#paris'),
      'names link to the settingDesc places',
    );
    assert.ok(mentions(r.persons, 'monsieur_coulanges').length > 0);
    assert.ok(entry(r.places, 'chateau_grignan'));
    assert.match(r.chapters.get(t.id) ?? '', /#mention\("person", "monsieur_coulanges"\)\[/u);
    assert.ok(indexEntries(r.back, 'person').has('monsieur_coulanges'));
    assert.ok(indexEntries(r.back, 'place').has('paris'));
  });
  test('kbga, @key into a database the file does not hold: plain names, one warning per key', async () => {
    const t = real('teipublisher-kbga__sermon-27003.xml');
    const r = await render([t]);
    assertPlain(r.pages.get(t.id) as El, 'Safenwil');
    const targets = unresolvedPointers([r.summaries]).map((u) => u.target);
    assert.ok(targets.includes('kbga-places-54') && targets.includes('kbga-actors-27'), targets.join(' '));
    assert.equal(new Set(targets).size, targets.length);
    const laupen = unresolvedPointers([r.summaries]).find((u) => u.target === 'kbga-places-248');
    assert.equal(laupen?.count, 2);
    assert.equal(unresolvedPointerWarnings([r.summaries]).length, targets.length);
    assert.deepEqual(unresolvedPointers(r.printUnresolved), unresolvedPointers([r.summaries]));
    assert.doesNotMatch(r.chapters.get(t.id) ?? '', /#mention\(/u);
  });
});
