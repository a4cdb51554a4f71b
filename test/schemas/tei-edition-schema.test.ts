/**
 * schemas/tei-edition.rng, the project's TEI customisation: what the converter writes, the
 * registers and a new edition from `init` are valid against it; it is a subset of tei_all
 * (random documents generated from it are valid against tei_all too); and a strict one (the
 * documents in test/fixtures/schema/, valid against tei_all, are not valid against it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawSources } from '../../src/lib/config/sources.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { SourceConfig } from '../../src/lib/config/types.js';
import { loadEditionConfig } from '../../src/lib/config/load-config.js';
import { convertSource } from '../../src/convert/convert-source.js';
import { registerFiles } from '../../src/lib/registers/register-files.js';
import { scaffoldEdition } from '../../src/cli/scaffold/scaffold-edition.js';
import { convertText } from '../support/convert-text.js';
import { jingValidate, skipWithoutJing } from '../support/jing.js';
import { fixturesDir, repoRoot, requireShared, sharedDir, teiAllSchema } from '../support/paths.js';
import {
  declaredElementNames,
  elementNames,
  generateInstance,
  parseRngGrammar,
  readRngGrammar,
} from '../support/rng-instance-generator.js';
import { convertSample, sampleConfig } from '../support/sample-edition.js';

const schema = join(repoRoot, 'schemas', 'tei-edition.rng');
const schemaFixtures = join(fixturesDir, 'schema');

/** How many random documents the subset test generates, from seeds 1…N. */
const RANDOM_DOCUMENTS = 300;

function converted(xml: string | undefined, what: string): string {
  assert.ok(xml, `${what}: the conversion failed`);
  return xml;
}

// ---------------------------------------------------------------- the schema itself

test('tei-edition.rng uses only the RELAX NG constructs the generator reads, and every element it defines is a tei_all element', () => {
  const ours = elementNames(readRngGrammar(schema));
  const teiAll = declaredElementNames(readFileSync(requireShared(teiAllSchema), 'utf8'), teiAllSchema);
  assert.ok(teiAll.size > 500, `tei_all.rng read: ${teiAll.size} elements`);
  assert.deepEqual([...ours].filter((name) => !teiAll.has(name)).sort(), [], 'elements that are not TEI');
  for (const name of [
    'TEI',
    'teiHeader',
    'lb',
    'pb',
    'fw',
    'note',
    'choice',
    'persName',
    'date',
    'listPerson',
    'person',
    'listOrg',
    'table',
    'figure',
    'lg',
  ]) {
    assert.ok(ours.has(name), `${name} is allowed`);
  }
  for (const name of ['sp', 'app', 'msDesc', 'facsimile', 'standOff', 'anyElement']) assert.ok(!ours.has(name), `${name} is left out`);
});

test('the instance generator is deterministic, and its documents are small and well-formed', () => {
  const grammar = readRngGrammar(schema);
  const a = generateInstance(grammar, { seed: 42 });
  assert.equal(generateInstance(grammar, { seed: 42 }), a, 'same seed, same document');
  assert.notEqual(generateInstance(grammar, { seed: 43 }), a, 'another seed, another document');
  for (let seed = 1; seed <= 50; seed++) {
    const xml = generateInstance(grammar, { seed });
    assert.equal(XMLValidator.validate(xml), true, `seed ${seed}: not well-formed`);
    assert.ok(xml.length < 16_000, `seed ${seed}: ${xml.length} bytes`);
  }
});

test('the instance generator refuses what it cannot vouch for: unknown patterns and datatypes, unsupported constructs', () => {
  const grammar = (body: string) =>
    `<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes" ns="urn:x"><start><element name="x">${body}</element></start></grammar>`;
  assert.throws(
    () =>
      generateInstance(
        parseRngGrammar(grammar('<attribute name="a"><data type="token"><param name="pattern">[a-z]{3}</param></data></attribute>')),
        { seed: 1 },
      ),
    /no value generator for the pattern/,
  );
  assert.throws(
    () => generateInstance(parseRngGrammar(grammar('<data type="hexBinary"/>')), { seed: 1 }),
    /no value generator for the datatype xsd:hexBinary/,
  );
  assert.throws(
    () =>
      generateInstance(
        parseRngGrammar(
          grammar('<attribute name="a"><data type="anyURI"><param name="pattern">[^\\p{C}\\p{Z}]+</param></data></attribute>'),
        ),
        { seed: 1 },
      ),
    /does not produce xsd:anyURI/,
  );
  assert.throws(
    () => parseRngGrammar(grammar('<attribute name="a"><list><data type="token"/></list></attribute>')),
    /<list> is not supported/,
  );
  assert.throws(() => parseRngGrammar(grammar('<zeroOrMore><element><anyName/><empty/></element></zeroOrMore>')), /without @name/);
  assert.throws(
    () => parseRngGrammar(grammar('<data type="integer"><param name="minInclusive">0</param></data>')),
    /only <param name="pattern">/,
  );
  assert.throws(
    () =>
      generateInstance(
        parseRngGrammar(
          grammar('<ref name="loop"/>').replace(
            '</grammar>',
            '<define name="loop"><element name="y"><ref name="loop"/></element></define></grammar>',
          ),
        ),
        { seed: 1 },
      ),
    /no finite instance/,
  );
});

// ---------------------------------------------------------------- what the toolkit writes is valid

test('the sample edition is valid against tei-edition.rng: its three texts (converted now, and the golden files) and its four registers', (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const documents: Record<string, string> = {};
  for (const source of sampleConfig().sources) {
    documents[`${source.id}.xml`] = converted(convertSample(source).xml, source.id);
    documents[`${source.id}.expected.xml`] = readFileSync(join(fixturesDir, 'sample', source.id, 'expected.xml'), 'utf8');
  }
  for (const { defaultPath } of registerFiles)
    documents[defaultPath.replace(/\//gu, '_')] = readFileSync(join(repoRoot, defaultPath), 'utf8');
  assert.equal(Object.keys(documents).length, 10);
  assert.deepEqual(jingValidate(schema, documents), []);
});

/** A source that takes most of the writer's branches: front matter, an ignored line (fw), a printed first page, an editor's note of two paragraphs and a note without a call, opener and closer, a correction, Julian dates (day, month, month range), a structured bibl, a publisher and a date. */
const varietyRaw = `ÉDITIONS SOCIALES
LETTRE AUX CAMARADES

Chers camarades,

Le 25 octobre 1917, nous avons pris le pouvoir à Petrograd[1]. Le soulè-
vement était nécessaire, dit leVikjel.

Ligne de bruit à ignorer



Deuxième page, en septembre-octobre 1917, en novembre 1917 et le 5 (18) novembre.

Salut fraternel, Lénine

 

Notes

[1]. Une note de l'éditeur.

Elle a un second paragraphe. [N.E.]

[2]. Une note sans appel.
`;

const varietySource: SourceConfig = {
  id: 'variety',
  raw: 'variety.txt',
  title: 'Lettre aux camarades',
  author: 'Lénine',
  type: 'letter',
  date: { calendar: 'julian', value: '1917-10-01', gregorian: '1917-10-14', event: 'written', label: '1er (14) octobre 1917' },
  bibl: {
    text: 'Lénine, Lettre aux camarades, in Œuvres, tome 26, p. 12-13.',
    author: 'Lénine',
    title: 'Lettre aux camarades',
    in: 'Œuvres',
    volume: 'tome 26',
    pages: '12-13',
    date: '1958',
    unknown: ['le traducteur'],
    note: 'Traduction française.',
  },
  layout: {
    profile: 'prose',
    overrides: [
      { lines: '1', role: 'front', reason: 'page de titre' },
      { lines: '9', role: 'ignore', reason: 'bruit' },
    ],
  },
  firstPage: 12,
  notes: { convention: 'bracketed-endnotes', heading: 'Notes', editorMarker: '[N.E.]', editorResp: 'ne' },
  responsibilities: [{ id: 'ne', resp: 'notes de l’éditeur', name: 'N.E.' }],
  corrections: [{ match: 'dit leVikjel', sic: 'leVikjel', corr: 'le Vikjel' }],
};

test('the converter’s other output is valid against tei-edition.rng and tei_all: a new edition from init, a source taking most branches of the writer, raw OCR with running heads and noise', (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const documents: Record<string, string> = {};

  const scaffold = scaffoldEdition('Lettres de 1917');
  const file = (path: string) => {
    const found = scaffold.find((f) => f.path === path);
    assert.ok(found, `init writes ${path}`);
    return found.content;
  };
  const { config } = loadEditionConfig(file('edition.json'), 'edition.json');
  assert.ok(config, 'the scaffolded edition.json loads');
  for (const source of rawSources(config)) {
    const bytes = new TextEncoder().encode(file(source.raw));
    documents[`init-${source.id}.xml`] = converted(
      convertSource({
        bytes,
        file: source.raw,
        source,
        edition: config.edition,
        registers: { entries: [], targets: { person: 'persons.xml' } },
      }).xml,
      source.id,
    );
  }
  documents['init-persons.xml'] = file('tei/persons.xml');

  const variety = convertSource({
    bytes: new TextEncoder().encode(varietyRaw),
    file: varietySource.raw,
    source: varietySource,
    edition: {
      title: 'Édition de test',
      editors: [{ id: 'ed', name: 'Éditeur', role: 'edition' }],
      publisher: 'Éditions de test',
      date: '2024',
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', note: 'Droits des traductions réservés.' },
      language: 'fr',
      calendar: { sourceCalendar: 'julian', julianUntil: '1918-02-14', display: 'old-style-first' },
    },
  });
  const varietyXml = converted(variety.xml, 'variety');
  for (const wanted of [
    '<front>',
    '<fw type="ignored">',
    '<pb n="12"/>',
    'anchored="false"',
    'resp="#ne"',
    '<closer>',
    '<sic>',
    'from-custom=',
    'notBefore=',
    '<publisher>',
    '<biblScope unit="page">',
    '<calendarDesc>',
    '<q type="source-notes-heading">',
  ]) {
    assert.ok(varietyXml.includes(wanted), `the variety source exercises ${wanted}`);
  }
  documents['variety.xml'] = varietyXml;

  const ocrFolder = requireShared(join(sharedDir, 'reference', 'raw-fr'));
  for (const name of readdirSync(ocrFolder)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const result = convertText(readFileSync(join(ocrFolder, name), 'utf8'), {
      layout: { profile: 'prose', runningHeads: ['LE FEU'], ocr: true },
    });
    documents[name.replace(/\.txt$/u, '.xml')] = converted(result.xml, name);
  }
  assert.equal(Object.keys(documents).length, 5);

  assert.deepEqual(jingValidate(schema, documents), [], 'tei-edition.rng');
  assert.deepEqual(jingValidate(teiAllSchema, documents), [], 'tei_all.rng');
});

// ---------------------------------------------------------------- a subset of tei_all …

test(`subset of tei_all: ${RANDOM_DOCUMENTS} random documents generated from tei-edition.rng are valid against it and against tei_all (jing)`, (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const grammar = readRngGrammar(schema);
  const started = performance.now();
  const documents: Record<string, string> = {};
  const seen = new Set<string>();
  let bytes = 0;
  for (let seed = 1; seed <= RANDOM_DOCUMENTS; seed++) {
    const xml = generateInstance(grammar, { seed });
    documents[`random-${String(seed).padStart(4, '0')}.xml`] = xml;
    bytes += xml.length;
    for (const match of xml.matchAll(/<([A-Za-z][\w.-]*)[\s/>]/gu)) seen.add(match[1] as string);
  }
  const generated = performance.now();

  // Every element of the schema turns up somewhere, so that the sample covers the whole schema.
  const missing = [...elementNames(grammar)].filter((name) => !seen.has(name)).sort();
  assert.deepEqual(missing, [], `elements no random document contains: raise RANDOM_DOCUMENTS`);

  assert.deepEqual(jingValidate(schema, documents), [], 'the generator made a document that is not valid against tei-edition.rng');
  const ours = performance.now();
  const errors = jingValidate(teiAllSchema, documents);
  const teiAll = performance.now();
  assert.deepEqual(errors, [], 'tei-edition.rng allows documents that tei_all does not: it is not a subset');

  const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
  t.diagnostic(
    `${RANDOM_DOCUMENTS} documents, ${Math.round(bytes / RANDOM_DOCUMENTS)} bytes on average; generated in ${ms(started, generated)}, jing tei-edition.rng ${ms(generated, ours)}, jing tei_all.rng ${ms(ours, teiAll)}`,
  );
});

// ---------------------------------------------------------------- … and a strict one

/** Each fixture is valid TEI that this customisation rejects, and jing's error says why. */
const strictExamples: Record<string, RegExp> = {
  'element-outside-the-customisation.xml': /element "sp" not allowed/,
  'attribute-outside-the-customisation.xml': /attribute "part" not allowed/,
  'pointer-list.xml': /value of attribute "ref" is invalid/,
  'sic-outside-choice.xml': /element "sic" not allowed/,
  'header-order.xml': /element "encodingDesc" not allowed/,
};

test('a strict subset: the documents in test/fixtures/schema/ are valid against tei_all and not against tei-edition.rng', (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const files = readdirSync(schemaFixtures)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  assert.deepEqual(files, Object.keys(strictExamples).sort(), 'each fixture has its expected error');
  const documents = Object.fromEntries(files.map((f) => [f, readFileSync(join(schemaFixtures, f), 'utf8')]));
  assert.deepEqual(jingValidate(teiAllSchema, documents), [], 'the fixtures are valid TEI');
  const errors = jingValidate(schema, documents);
  for (const [file, expected] of Object.entries(strictExamples)) {
    const mine = errors.filter((line) => line.startsWith(`${file}:`));
    assert.ok(mine.length > 0, `${file} is valid against tei-edition.rng`);
    assert.ok(
      mine.some((line) => expected.test(line)),
      `${file}: ${mine.join('\n')}`,
    );
  }
});
