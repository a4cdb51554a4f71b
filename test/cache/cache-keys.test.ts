/**
 * The cache's parts apart (issue 18): what changes a key, what an entry must be to be trusted,
 * which register entries a text depends on, and how texts are shared out among shards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildCache } from '../../src/lib/cache/build-cache.js';
import { cacheKey } from '../../src/lib/cache/cache-key.js';
import { htmlCache, namedRows, registerEntriesById, registerRowsById } from '../../src/publish/html/html-cache.js';
import { inShard, parseShard, shardOf } from '../../src/cli/shard-assignment.js';
import type { RenderedText } from '../../src/publish/html/render-pages.js';
import { sampleEditionCopy, tempDir } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';
import type { SiteText } from '../../src/publish/edition/published-documents.js';
import { renderContext } from '../../src/publish/html/render-pages.js';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { HTML_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { repoRoot } from '../support/paths.js';

const text: SiteText = {
  id: 'lettre',
  xml: '<TEI><text><body><p><persName ref="persons.xml#dan">Dan</persName></p></body></text></TEI>',
  path: '/edition/tei/lettre.xml',
};
const rendered: RenderedText = {
  pages: [{ file: 'lettre.html', html: '<html>lettre</html>' }],
  summaries: { summaries: '<f:summaries/>', keys: '<f:summaries/>' },
};
const registers = [
  {
    xml: '<listPerson><person xml:id="dan"><persName>Dan</persName></person><person xml:id="gorki"><persName>Gorki</persName></person></listPerson>',
  },
];
const context = {
  editionJson: '{}',
  textIds: ['lettre'],
  registerTableXml:
    '<h:targets><h:target p="persons.xml#dan" href="persons.html#dan" title="Dan" page="persons" kind="person"/></h:targets>',
};

function siteCache(store: BuildCache, change: Partial<{ stylesheetHash: string; registers: typeof registers; editionJson: string }> = {}) {
  return htmlCache({
    cache: store,
    context: { ...context, ...(change.editionJson === undefined ? {} : { editionJson: change.editionJson }) },
    base: '/edition',
    stylesheetHash: change.stylesheetHash ?? 'sheet-1',
    registersHash: 'r',
    registers: change.registers ?? registers,
  });
}

test('a changed stylesheet, metadata or named register entry is a new key; an entry the text does not name is not', async () => {
  const store = new BuildCache(tempDir());
  await siteCache(store).keepText(text, rendered);
  assert.deepEqual(await siteCache(store).text(text), rendered);
  assert.equal(await siteCache(store, { stylesheetHash: 'sheet-2' }).text(text), undefined, 'another stylesheet');
  assert.equal(await siteCache(store, { editionJson: '{"title":"x"}' }).text(text), undefined, 'other metadata');
  const danEdited = [{ xml: registers[0]!.xml.replace('<persName>Dan</persName>', '<persName>Fiodor Dan</persName>') }];
  assert.equal(await siteCache(store, { registers: danEdited }).text(text), undefined, 'the entry the text names changed');
  const gorkiEdited = [{ xml: registers[0]!.xml.replace('<persName>Gorki</persName>', '<persName>Maxime Gorki</persName>') }];
  assert.deepEqual(await siteCache(store, { registers: gorkiEdited }).text(text), rendered, 'an entry the text does not name');
  assert.equal(await siteCache(store).text({ ...text, xml: text.xml.replace('Dan', 'Dan.') }), undefined, 'the text changed');
});

test('an entry is trusted only whole, under its own key, with its checksum', async () => {
  const dir = tempDir();
  const store = new BuildCache(dir);
  const key = cacheKey('html-text', ['x']);
  await store.put('html-text', key, { a: 1 });
  assert.deepEqual(await store.get('html-text', key), { a: 1 });
  const file = join(dir, 'html-text', key.slice(0, 2), `${key}.json`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('"a":1', '"a":2'));
  assert.equal(await store.get('html-text', key), undefined, 'a changed value');
  writeFileSync(file, '{"format":1,');
  assert.equal(await store.get('html-text', key), undefined, 'a truncated entry');
  assert.equal(await store.get('validate', key), undefined, 'another stage');
  assert.deepEqual(store.stats()['html-text'], { hits: 1, misses: 2, ignored: 2, unwritten: 0 });
  const readOnly = new BuildCache(tempDir(), { readOnly: true });
  await readOnly.put('html-text', key, { a: 1 });
  assert.equal(await readOnly.get('html-text', key), undefined, 'a read-only cache stores nothing');
});

test('a key depends on every part and their order, and parts never run into each other', () => {
  assert.notEqual(cacheKey('s', ['ab', 'c']), cacheKey('s', ['a', 'bc']));
  assert.notEqual(cacheKey('s', ['a', 'b']), cacheKey('s', ['b', 'a']));
  assert.notEqual(cacheKey('s', ['a']), cacheKey('t', ['a']));
  assert.equal(cacheKey('s', ['a', { b: 1 }]), cacheKey('s', ['a', { b: 1 }]));
});

test('a text depends on the entries it names, the entries they are nested in, and those they point to', () => {
  const xml =
    '<r><place xml:id="russie"><placeName>Russie</placeName><place xml:id="moscou"><placeName>Moscou</placeName></place></place>' +
    '<person xml:id="lenine"><affiliation ref="#bolcheviks"/></person><org xml:id="bolcheviks"><orgName>Bolcheviks</orgName></org><person xml:id="dan"/></r>';
  const rows = registerRowsById('');
  for (const [id, entries] of registerEntriesById([{ xml }])) rows.set(id, entries);
  const named = namedRows(
    '<p><placeName ref="places.xml#moscou">Moscou</placeName> <persName ref="#lenine">Lénine</persName></p>',
    rows,
  ).join('\n');
  assert.match(named, /xml:id="moscou"/u);
  assert.match(named, /xml:id="russie"/u, 'the country Moscow is in');
  assert.match(named, /xml:id="bolcheviks"/u, 'the organisation Lenin points to');
  assert.doesNotMatch(named, /xml:id="dan"/u);
});

test('shards: each text in exactly one, the same whatever the other texts; a bad --shard is said', () => {
  const ids = Array.from({ length: 200 }, (_, i) => `texte-${i}`);
  for (const id of ids) assert.equal([1, 2, 3, 4].filter((index) => inShard(id, { index, count: 4 })).length, 1);
  const sizes = [1, 2, 3, 4].map((index) => ids.filter((id) => shardOf(id, 4) === index).length);
  assert.ok(
    sizes.every((n) => n > 20),
    `shards of 200 texts: ${sizes.join(', ')}`,
  );
  assert.equal(shardOf('texte-7', 4), shardOf('texte-7', 4));
  assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  assert.equal(parseShard(undefined), undefined);
  for (const bad of ['0/4', '5/4', '2', 'a/b', '2/0']) assert.match(String(parseShard(bad)), /expected i\/n/u);
});

test('build --shard refuses --no-cache, and a malformed --shard, before doing anything (exit 2)', async () => {
  const dir = sampleEditionCopy();
  for (const args of [
    ['--shard', '1/2', '--no-cache'],
    ['--shard', '3/2'],
  ]) {
    const run = await runInProcess(['build', ...args, '--out', join(dir, 'out')], dir);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--shard/u);
    assert.deepEqual(
      readdirSync(join(dir, 'tei')).filter((f) => f.startsWith('1917-')),
      [],
      'nothing converted',
    );
  }
});

test("the register table's rows are found in the table the stylesheet makes (the sample's registers), one per entry it names", async () => {
  const { sef } = await compiledStylesheet(HTML_STYLESHEET);
  const registers = ['persons.xml', 'places.xml', 'periodicals.xml', 'organisations.xml'].map((file) => {
    const path = join(repoRoot, 'tei', file);
    return { file, path, xml: readFileSync(path, 'utf8') };
  });
  const context = await renderContext(sef, undefined, registers, []);
  const rows = registerRowsById(context.registerTableXml);
  const personIds = [...registers[0]!.xml.matchAll(/<person\b[^>]*xml:id="([^"]+)"/gu)].map((m) => m[1]!);
  assert.ok(personIds.length > 10, 'the sample has persons');
  for (const id of personIds) assert.ok((rows.get(id)?.length ?? 0) > 0, `a row for ${id}`);
  const lenine = rows.get(personIds[0]!)!.join('\n');
  assert.match(lenine, new RegExp(`p="persons\\.xml#${personIds[0]}"`));
});
