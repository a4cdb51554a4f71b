/**
 * The search index without a browser: the word rules (folding, cutting, stop words, Savoy's light
 * French stemmer) and their browser copy, what is read from a text page (the reading view's words
 * only, the anchors, the names' entries), and the index files (shards in term order, delta-coded
 * postings, document chunks, facets).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { registerNames, textPageUnits } from '../../src/search/page-units.js';
import { buildSearchIndex } from '../../src/search/search-index.js';
import { searchTermsFactory, searchTermsScript, type SearchTerms } from '../../src/search/search-terms.js';

const terms = searchTermsFactory();
const termsOf = (t: SearchTerms, text: string): string[] => [...t.words(text).map((w) => t.term(w.word)).filter((x) => x !== '')];

test('accents, case, ligatures and the apostrophe\'s form fold away', () => {
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

test('the browser\'s copy of the word rules gives the same terms', () => {
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

test('a text page: the reading view\'s words, part by part, with the names\' entries', () => {
  const page = textPageUnits('t1.html', PAGE);
  assert.ok(page);
  assert.equal(page.textId, 't1');
  assert.equal(page.year, 1917);
  assert.equal(page.title, 'Un titre');
  assert.equal(page.date, '1er (14) novembre 1917');
  const units = page.units.map((u) => ({ anchor: u.anchor, kind: u.kind, label: u.label, text: u.text, persons: [...u.persons], places: [...u.places] }));
  assert.deepEqual(units, [
    { anchor: '', kind: 'title', label: '', text: 'Un titre', persons: [], places: [] },
    { anchor: 'head-1', kind: 'head', label: '', text: 'La révolution', persons: [], places: [] },
    { anchor: 'para-1', kind: 'para', label: '', text: 'Le 29 octobre, Lénine arrive à Pétrograd. Une liste hors paragraphe', persons: ['lenine'], places: ['petrograd'] },
    { anchor: 'note-1', kind: 'note', label: 'a', text: 'Une note sur Trotsky.', persons: ['trotsky'], places: [] },
  ]);
  assert.equal(textPageUnits('index.html', '<html><body><p>x</p></body></html>'), undefined);
});

test('a register page gives the standard names', () => {
  const names = registerNames('<html><body><article class="entry" id="lenine"><h2 class="entry-name">Lénine</h2><p>Nom complet : Vladimir</p></article><article class="entry" id="dan"><h2 class="entry-name">Dan</h2></article></body></html>');
  assert.deepEqual([...names], [['lenine', 'Lénine'], ['dan', 'Dan']]);
});

test('the index: term shards in order, postings in reading order, chunks and facets', () => {
  const page = textPageUnits('t1.html', PAGE);
  assert.ok(page);
  const second = textPageUnits('t2.html', PAGE.replace('data-search-text="t1"', 'data-search-text="t2"').replace('Un titre', 'Autre'));
  assert.ok(second);
  const index = buildSearchIndex({ texts: [{ id: 't1', pages: [page] }, { id: 't2', pages: [second] }], persons: new Map([['lenine', 'Lénine']]), places: new Map() });
  const data = new Map<string, unknown>();
  for (const [file, content] of index.files) {
    if (!file.startsWith('search/')) continue;
    const queue: [string, unknown][] = [];
    runInNewContext(content, { self: { TeiEditionSearchQueue: queue } }, { filename: file });
    for (const [name, value] of queue) data.set(name, JSON.parse(JSON.stringify(value)));
  }
  const manifest = data.get('manifest') as { units: number; texts: unknown[][]; shards: string[]; docs: number[] };
  assert.equal(manifest.units, 8);
  assert.deepEqual(manifest.texts, [['t1', 'Un titre', '1er (14) novembre 1917', 1917, 0], ['t2', 'Autre', '1er (14) novembre 1917', 1917, 4]]);
  assert.deepEqual([...manifest.shards].sort(), manifest.shards);
  const shard = data.get(`terms/${manifest.shards.filter((k) => k <= 'lenin').length - 1}`) as Record<string, number[]>;
  assert.deepEqual(shard.lenin, [2, 4], 'Lénine in part 2 of each text (delta-coded: 2, 6)');
  const docs = data.get('docs/0') as string[][];
  assert.deepEqual(docs[6]?.slice(0, 4), ['', 'para-1', 'para', '']);
  const facets = data.get('facets') as { persons: [string, string, number[]][] };
  assert.deepEqual(facets.persons, [['lenine', 'Lénine', [2, 4]], ['trotsky', 'trotsky', [3, 4]]]);
});
