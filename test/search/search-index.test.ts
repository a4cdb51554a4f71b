/**
 * The search index without a browser: the word rules (folding, cutting, stop words, Savoy's light
 * French stemmer) and their browser copy, what is read from a text page (the reading view's words
 * only, the anchors, the names' entries), and the index files (shards in term order, delta-coded
 * postings, document chunks, facets).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { registerNames, textPageUnits } from '../../src/publish/search/page-units.js';
import { buildSearchIndex } from '../../src/publish/search/search-index.js';
import { searchTermsFactory, searchTermsScript, type SearchTerms } from '../../src/publish/search/search-terms.js';

const terms = searchTermsFactory();
const termsOf = (t: SearchTerms, text: string): string[] => [
  ...t
    .words(text)
    .map((w) => t.term(w.word))
    .filter((x) => x !== ''),
];

test("accents, case, ligatures and the apostrophe's form fold away", () => {
  assert.deepEqual(termsOf(terms, 'Kérenski'), termsOf(terms, 'KERENSKI'));
  assert.deepEqual(termsOf(terms, 'l’insurrection'), termsOf(terms, "l'insurrection"));
  assert.deepEqual(termsOf(terms, 'l’insurrection'), termsOf(terms, 'Lʼinsurrection'));
  assert.deepEqual(termsOf(terms, 'œuvre'), termsOf(terms, 'oeuvre'));
  assert.deepEqual(termsOf(terms, 'Pe\u0301trograd'), ['petrograd'], 'a decomposed accent too');
});

test('French stemming: plurals, feminines and suffixes meet; stop words are not indexed', () => {
  const same = (a: string, b: string): void => assert.equal(terms.term(a), terms.term(b), `${a} / ${b}`);
  same('insurrections', 'insurrection');
  same('révolutionnaires', 'révolutionnaire');
  same('chevaux', 'cheval');
  same('nationale', 'national');
  same('travailleurs', 'travailleur');
  same('marins', 'marin');
  assert.notEqual(terms.term('marins'), terms.term('marais'));
  assert.equal(terms.term('de'), '');
  assert.equal(terms.term('les'), '');
  assert.equal(terms.term('a'), '');
  assert.equal(terms.term('1917'), '1917');
  assert.deepEqual(terms.prefixes('insurr'), ['insurr', 'insur'], 'a word being typed: its doubled letters made single, as in the index');
});

test("the browser's copy of the word rules gives the same terms", () => {
  const context: { TeiEditionSearchTerms?: SearchTerms } = {};
  runInNewContext(searchTermsScript(), context);
  const copy = context.TeiEditionSearchTerms;
  assert.ok(copy);
  const text = 'Le 29 octobre 1917, l’insurrection des travailleurs révolutionnaires à Pétrograd ; Kérenski s’enfuit.';
  assert.deepEqual(termsOf(copy, text), termsOf(terms, text));
  assert.ok(termsOf(terms, text).length > 5);
});

const PAGE = `<!DOCTYPE html><html lang="fr"><body><main><article class="text-page" data-search-text="t1" data-search-year="1917">
<header class="text-header"><h1 class="text-title">Un titre</h1><dl><dd class="text-date"><time>1er (14) novembre 1917</time></dd></dl></header>
<div class="text-views"><div class="text" id="text">
<h2 id="head-1" class="head">La ré<span class="lb-hyphen">-</span><br class="lb" />volution<span class="note-ref"><a class="note-call" href="#note-1"><sup>1</sup></a><span class="note-popover">Copie de la note</span></span></h2>
<p id="para-1" class="p"><a class="para-anchor" href="#para-1">1</a><span class="choice"><span class="reg reading-only">Le 29</span><span class="orig source-only">LE29</span></span> octobre,
<br class="lb" /><a href="persons.html#lenine" class="name">Lénine</a> arrive à <a href="places.html#petrograd">Pétrograd</a><span class="pb" id="p2">[p. 2]</span>.</p>
<ul><li>Une liste hors paragraphe</li></ul>
</div><section class="notes"><ol><li id="note-1" class="note"><a class="note-back" href="#call-1">a</a> <div class="note-body">Une note sur <a href="persons.html#trotsky">Trotsky</a>.</div></li></ol></section></div>
</article></main></body></html>`;

test("a text page: the reading view's words, part by part, with the names' entries", () => {
  const page = textPageUnits('t1.html', PAGE);
  assert.ok(page);
  assert.equal(page.textId, 't1');
  assert.equal(page.year, 1917);
  assert.equal(page.title, 'Un titre');
  assert.equal(page.date, '1er (14) novembre 1917');
  const units = page.units.map((u) => ({
    anchor: u.anchor,
    kind: u.kind,
    label: u.label,
    text: u.text,
    persons: [...u.persons],
    places: [...u.places],
  }));
  assert.deepEqual(units, [
    { anchor: '', kind: 'title', label: '', text: 'Un titre', persons: [], places: [] },
    { anchor: 'head-1', kind: 'head', label: '', text: 'La révolution', persons: [], places: [] },
    {
      anchor: 'para-1',
      kind: 'para',
      label: '',
      text: 'Le 29 octobre, Lénine arrive à Pétrograd. Une liste hors paragraphe',
      persons: ['lenine'],
      places: ['petrograd'],
    },
    { anchor: 'note-1', kind: 'note', label: 'a', text: 'Une note sur Trotsky.', persons: ['trotsky'], places: [] },
  ]);
  assert.equal(textPageUnits('index.html', '<html><body><p>x</p></body></html>'), undefined);
});

test('a register page gives the standard names', () => {
  const names = registerNames(
    '<html><body><article class="entry" id="lenine"><h2 class="entry-name">Lénine</h2><p>Nom complet : Vladimir</p></article><article class="entry" id="dan"><h2 class="entry-name">Dan</h2></article></body></html>',
  );
  assert.deepEqual(
    [...names],
    [
      ['lenine', 'Lénine'],
      ['dan', 'Dan'],
    ],
  );
});

/** The data of the index's files, as the search page receives them. */
function indexData(files: ReadonlyMap<string, string>): Map<string, unknown> {
  const data = new Map<string, unknown>();
  for (const [file, content] of files) {
    if (!file.startsWith('search/')) continue;
    const queue: [string, unknown][] = [];
    runInNewContext(content, { self: { TeiEditionSearchQueue: queue } }, { filename: file });
    for (const [name, value] of queue) data.set(name, JSON.parse(JSON.stringify(value)));
  }
  return data;
}

interface Manifest {
  format: number;
  units: number;
  texts: number;
  shards: string[];
  textsPerShard: number;
  docUnits: number;
  years: [string, string][];
}

/** A term's postings ([text, n, part × n]…, delta-coded) as [part, text] pairs, as search.js decodes them. */
function decodePostings(list: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let text = 0,
    unit = 0;
  for (let i = 0; i < list.length;) {
    text += list[i] ?? 0;
    const n = list[i + 1] ?? 0;
    for (let k = 0; k < n; k++) {
      unit += list[i + 2 + k] ?? 0;
      out.push([unit, text]);
    }
    i += 2 + n;
  }
  return out;
}

test('the index: term shards in order, postings grouped by text, text shards, facet shards, chunks', () => {
  const page = textPageUnits('t1.html', PAGE);
  assert.ok(page);
  const second = textPageUnits('t2.html', PAGE.replace('data-search-text="t1"', 'data-search-text="t2"').replace('Un titre', 'Autre'));
  assert.ok(second);
  const index = buildSearchIndex({
    texts: [
      { id: 't1', pages: [page] },
      { id: 't2', pages: [second] },
    ],
    persons: new Map([['lenine', 'Lénine']]),
    places: new Map(),
  });
  const data = indexData(index.files);
  const manifest = data.get('manifest') as Manifest;
  assert.equal(manifest.format, 2);
  assert.equal(manifest.units, 8);
  assert.equal(manifest.texts, 2);
  assert.deepEqual(manifest.years, [['1917', '1917']]);
  assert.deepEqual([...manifest.shards].sort(), manifest.shards);
  assert.deepEqual(data.get('texts/0'), [
    ['t1', 'Un titre', '1er (14) novembre 1917'],
    ['t2', 'Autre', '1er (14) novembre 1917'],
  ]);
  const shard = data.get(`terms/${manifest.shards.filter((k) => k <= 'lenin').length - 1}`) as Record<string, number[]>;
  assert.deepEqual(shard.lenin, [0, 1, 2, 1, 1, 4], 'Lénine in part 2 of text 0 and part 6 of text 1 (delta-coded)');
  assert.deepEqual(decodePostings(shard.lenin ?? []), [
    [2, 0],
    [6, 1],
  ]);
  const docs = data.get('docs/0') as string[][];
  assert.deepEqual(docs[6]?.slice(0, 4), ['', 'para-1', 'para', '']);
  assert.deepEqual(data.get('facets'), {
    persons: [
      ['lenine', 'Lénine'],
      ['trotsky', 'trotsky'],
    ],
    places: [['petrograd', 'petrograd']],
  });
  // [year, first part, parts, persons as [value, n, part in the text…]…, places]
  assert.deepEqual(data.get('facets/0'), [
    [0, 0, 4, [0, 1, 2, 1, 1, 3], [0, 1, 2]],
    [0, 4, 4, [0, 1, 2, 1, 1, 3], [0, 1, 2]],
  ]);
});

/** Texts made from the sample page, the persons and the words varying with the text's number. */
function manyTexts(count: number): { id: string; pages: NonNullable<ReturnType<typeof textPageUnits>>[] }[] {
  return Array.from({ length: count }, (_, i) => {
    const html = PAGE.replace('data-search-text="t1"', `data-search-text="t${i}"`)
      .replace('data-search-year="1917"', `data-search-year="${1900 + (i % 7)}"`)
      .replace('persons.html#trotsky', `persons.html#p${i % 13}`)
      .replace('Une liste', i % 3 === 0 ? 'Une liste insurrection' : 'Une liste');
    const page = textPageUnits(`t${i}.html`, html);
    assert.ok(page);
    return { id: `t${i}`, pages: [page] };
  });
}

test('on many texts: every file but the term shards stays small, and the shards give back the parts of each word and name', () => {
  const texts = manyTexts(500);
  const index = buildSearchIndex({ texts, persons: new Map(), places: new Map() });
  const data = indexData(index.files);
  const manifest = data.get('manifest') as Manifest;
  assert.equal(manifest.texts, 500);
  assert.ok((index.files.get('search/manifest.js') ?? '').length < 1_000, 'the manifest does not list the texts');
  const textShards = [...data.keys()].filter((k) => k.startsWith('texts/'));
  assert.equal(textShards.length, Math.ceil(500 / manifest.textsPerShard));
  // The facet shards, decoded as search.js does, give each person's parts and each text's year.
  const persons = (data.get('facets') as { persons: [string, string][] }).persons;
  const fromShards = new Map<string, number[]>();
  const years: number[] = [];
  textShards.forEach((_, s) => {
    for (const [year, first, , named] of data.get(`facets/${s}`) as [number, number, number, number[], number[]][]) {
      years.push(year);
      for (let i = 0; i < named.length;) {
        const id = persons[named[i] ?? 0]?.[0] ?? '';
        const n = named[i + 1] ?? 0;
        for (let k = 0; k < n; k++) fromShards.set(id, [...(fromShards.get(id) ?? []), first + (named[i + 2 + k] ?? 0)]);
        i += 2 + n;
      }
    }
  });
  const expected = new Map<string, number[]>();
  let n = 0;
  for (const text of texts)
    for (const unit of text.pages[0]?.units ?? []) {
      for (const p of unit.persons) expected.set(p, [...(expected.get(p) ?? []), n]);
      n++;
    }
  for (const list of fromShards.values()) list.sort((a, b) => a - b);
  assert.deepEqual(new Map([...fromShards].sort()), new Map([...expected].sort()));
  assert.deepEqual(
    years.map((y) => manifest.years[y]?.[0]),
    texts.map((_, i) => String(1900 + (i % 7))),
  );
  // A word's postings: the parts that hold it, with their texts.
  const term = terms.term('insurrection');
  const shard = data.get(`terms/${manifest.shards.filter((k) => k <= term).length - 1}`) as Record<string, number[]>;
  const hits = decodePostings(shard[term] ?? []);
  assert.deepEqual(
    hits.map(([, t]) => t),
    texts.map((_, i) => i).filter((i) => i % 3 === 0),
  );
  assert.deepEqual(
    hits.map(([u, t]) => u - t * 4),
    hits.map(() => 2),
    'the paragraph, part 2 of each text of 4 parts',
  );
});
