/**
 * The sample edition's three registers (tei/persons.xml, tei/places.xml, tei/periodicals.xml):
 * well-formed, read without messages, valid against tei_all, unique ids and forms, and every name
 * of the three raw texts resolves, as written there, to exactly one entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { formKey, readRegister, type RegisterEntry, type RegisterKind } from '../../src/lib/registers/read-register.js';
import { jingValidate, skipWithoutJing } from '../support/jing.js';
import { repoRoot, teiAllSchema } from '../support/paths.js';

/** Names as the raw texts write them (after joining words cut at line ends) → entry id. */
const expected: Record<string, { kind: RegisterKind; names: readonly (readonly [string, string])[] }> = {
  'persons.xml': {
    kind: 'person',
    names: [
      ['Lénine', 'lenine'],
      ['N. Lénine', 'lenine'],
      ['Trotsky', 'trotsky'],
      ['Kamenev', 'kamenev'],
      ['Kaménev', 'kamenev'],
      ['Zinoviev', 'zinoviev'],
      ['Rykov', 'rykov'],
      ['Alexis le bègue', 'rykov'],
      ['Milioutine', 'milioutine'],
      ['Noguine', 'noguine'],
      ['Kamkov', 'kamkov'],
      ['Spiro', 'spiro'],
      ['Karéline', 'kareline'],
      ['Pourichkévitch', 'pourichkevitch'],
      ['Abramovitch', 'abramovitch'],
      ['Martov', 'martov'],
      ['Kalédine', 'kaledine'],
      ['Kérenski', 'kerenski'],
      ['Kerenski', 'kerenski'],
      ['Kornilov', 'kornilov'],
      ['Savinkov', 'savinkov'],
      ['Lounatcharski', 'lounatcharski'],
      ['Teodorovitch', 'teodorovitch'],
      ['Chliapnikov', 'chliapnikov'],
      ['Léonide Krassine', 'krassine'],
      ['Gorki', 'gorki'],
      ['Doubassov', 'doubassov'],
      ['M. Kalinine', 'kalinine'],
      ['Kalinine', 'kalinine'],
      ['Volodarski', 'volodarski'],
      ['Lachévitch', 'lachevitch'],
      ['Rakhja', 'rakhja'],
      ['Lacis', 'lacis'],
      // “les Liber-Dan” (1917-10-01): two persons.
      ['Liber', 'liber'],
      ['Dan', 'dan'],
    ],
  },
  'places.xml': {
    kind: 'place',
    names: [
      ['Pétrograd', 'petrograd'],
      ['Petrograd', 'petrograd'],
      ['Moscou', 'moscou'],
      ['Moscou-ville', 'moscou'],
      ['Finlande', 'finlande'],
      ['Allemagne', 'allemagne'],
      ['Paris', 'paris'],
      ['Gatchina', 'gatchina'],
      ['Tver', 'tver'],
      ['Russie', 'russie'],
      ['palais d’Hiver', 'palais-d-hiver'],
      ['Europe', 'europe'],
    ],
  },
  'periodicals.xml': {
    kind: 'periodical',
    names: [
      ['Novaïa Jizn', 'novaia-jizn'],
      ['Novaia Jizn', 'novaia-jizn'],
      ['Rabotchi Pout', 'rabotchi-pout'],
      ['Dielo Naroda', 'dielo-naroda'],
      ['Rousskoïé Slovo', 'rousskoie-slovo'],
      ['Bulletin de l’Opposition', 'bulletin-de-l-opposition'],
    ],
  },
};

/** Forms that do not occur in the texts but that the brief asks for. */
const alsoExpected: readonly (readonly [string, string, string])[] = [
  ['persons.xml', 'Pourichkevitch', 'pourichkevitch'],
  ['persons.xml', 'Kamenev', 'kamenev'],
  ['persons.xml', 'Kerenski', 'kerenski'],
  ['periodicals.xml', "Bulletin de l'Opposition", 'bulletin-de-l-opposition'],
];

const rawDir = join(repoRoot, 'tei', 'raw');
/** The three texts, words cut at line ends joined (across a blank line too) and white space collapsed. */
const rawText = readdirSync(rawDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(rawDir, f), 'utf8').normalize('NFC'))
  .join('\n')
  .replace(/-[ \t]*(?:\r?\n[ \t]*)+/gu, '')
  .replace(/\s+/gu, ' ');

function occursAsWords(form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(rawText);
}

function readSample(name: string): { xml: string; entries: RegisterEntry[]; messages: unknown[] } {
  const xml = readFileSync(join(repoRoot, 'tei', name), 'utf8');
  const { entries, messages } = readRegister(xml, `tei/${name}`);
  return { xml, entries, messages };
}

for (const [name, { kind, names }] of Object.entries(expected)) {
  const { xml, entries, messages } = readSample(name);

  test(`${name}: well-formed and read without messages`, () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.deepEqual(messages, []);
    assert.ok(entries.length > 0);
    assert.ok(
      entries.every((e) => e.kind === kind),
      `every entry is a ${kind}`,
    );
  });

  test(`${name}: each name of the texts, as written there, resolves to exactly one entry`, () => {
    for (const [form, id] of names) {
      assert.ok(occursAsWords(form), `“${form}” occurs in the raw texts (else the test list is wrong)`);
      const owners = entries.filter((e) => e.forms.includes(form)).map((e) => e.id);
      assert.deepEqual(owners, [id], `“${form}”`);
    }
  });

  test(`${name}: exactly the expected entries, ids of the edition's form, unique ids and forms`, () => {
    assert.deepEqual(entries.map((e) => e.id).sort(), [...new Set(names.map(([, id]) => id))].sort());
    for (const e of entries) {
      assert.match(e.id, /^[a-z][a-z0-9-]*$/u);
      assert.equal(e.forms[0], e.standard, `${e.id}: the standard form comes first`);
      assert.ok(e.description !== undefined && !e.description.includes('\n'), `${e.id}: a one-line note`);
    }
    const keys = entries.flatMap((e) => [...new Set(e.forms.map(formKey))]);
    assert.equal(new Set(keys).size, keys.length, 'no form (accents and apostrophes aside) in two entries');
  });

  test(`${name}: valid against tei_all (jing)`, (t) => {
    const skip = skipWithoutJing();
    if (skip) return t.skip(skip);
    assert.deepEqual(jingValidate(teiAllSchema, { [name]: xml }), []);
  });
}

test('variants that an editor expects (not in the texts) are there too', () => {
  for (const [name, form, id] of alsoExpected) {
    assert.deepEqual(
      readSample(name)
        .entries.filter((e) => e.forms.includes(form))
        .map((e) => e.id),
      [id],
      form,
    );
  }
});

test('life dates are Gregorian ISO dates or years; uncertain identities have none', () => {
  const { entries } = readSample('persons.xml');
  for (const e of entries) {
    for (const date of [e.birth, e.death]) if (date !== undefined) assert.match(date, /^\d{4}(-\d{2}-\d{2})?$/u, e.id);
    if (e.birth !== undefined && e.death !== undefined) assert.ok(e.birth.slice(0, 4) < e.death.slice(0, 4), e.id);
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  assert.equal(byId.get('lenine')?.birth, '1870-04-22');
  assert.equal(byId.get('lenine')?.death, '1924-01-21');
  for (const id of ['doubassov', 'spiro']) {
    assert.equal(byId.get(id)?.birth, undefined, id);
    assert.equal(byId.get(id)?.death, undefined, id);
  }
  // Not Admiral F. V. Dubasov, who died in 1912 (before the letter of October 1917).
  assert.ok(!byId.get('doubassov')?.forms.some((f) => /Fiodor|F\. V\./u.test(f)));
});

test('no Wikidata id is given (none could be verified): the file says so', () => {
  const { xml } = readSample('persons.xml');
  assert.doesNotMatch(xml, /<idno/u);
  assert.match(xml, /No Wikidata identifiers/u);
});
