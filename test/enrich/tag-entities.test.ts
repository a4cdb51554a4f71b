/** Names tagged across line and page breaks, with the matching rules of the gazetteer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGazetteer } from '../../src/convert/enrich/gazetteer.js';
import type { RegisterEntry } from '../../src/lib/registers/read-register.js';
import { convertSource } from '../../src/convert/convert-source.js';
import { testEdition, testSource } from '../support/convert-text.js';
import { all, first, parseXml, text } from '../support/xml-query.js';

const entries: RegisterEntry[] = [
  { kind: 'person', id: 'zinoviev', standard: 'Zinoviev', forms: ['Zinoviev'] },
  { kind: 'person', id: 'lenine', standard: 'Lénine', forms: ['Lénine', 'N. Lénine'] },
  { kind: 'person', id: 'kornilov', standard: 'Kornilov', forms: ['Kornilov'] },
  { kind: 'person', id: 'kamenev', standard: 'Kamenev', forms: ['Kamenev', 'Kaménev'] },
  { kind: 'person', id: 'liber', standard: 'Liber', forms: ['Liber'] },
  { kind: 'person', id: 'dan', standard: 'Dan', forms: ['Dan'] },
  { kind: 'place', id: 'europe', standard: 'Europe', forms: ['Europe'] },
  { kind: 'periodical', id: 'bulletin', standard: 'Bulletin de l’Opposition', forms: ['Bulletin de l’Opposition'] },
];
const targets = { person: 'persons.xml', place: 'places.xml', periodical: 'periodicals.xml' };

function tagged(raw: string) {
  const result = convertSource({
    bytes: new TextEncoder().encode(raw),
    file: 'test.txt',
    source: testSource(),
    edition: testEdition,
    registers: { entries, targets },
  });
  assert.ok(result.xml, JSON.stringify(result.messages));
  return { xml: result.xml, tei: parseXml(result.xml) };
}

const names = (xml: string) => all(first(parseXml(xml), 'body'), 'persName').map((p) => [p.attrs.ref, text(p).replace(/\s+/gu, ' ')]);

test('a name cut at a line end is one persName that contains the break', () => {
  const { xml } = tagged('Les thèses de Zino-\nviev sont connues.\n');
  assert.match(xml, /<persName ref="persons\.xml#zinoviev">Zino<lb n="2" break="no" rend="hyphen"\/>viev<\/persName>/u);
});

test('a name across a page break keeps the pb inside', () => {
  const { xml } = tagged('Il cite Zino-\n\n\n\nviev ici.\n');
  assert.match(
    xml,
    /<persName ref="persons\.xml#zinoviev">Zino<pb n="2" break="no"\/><lb n="5" break="no" rend="hyphen"\/>viev<\/persName>/u,
  );
});

test('accents present or not; the initial goes inside; the longest form wins', () => {
  const { xml } = tagged('Kamenev et Kaménev, puis N. Lénine et Lénine.\n');
  assert.deepEqual(names(xml), [
    ['persons.xml#kamenev', 'Kamenev'],
    ['persons.xml#kamenev', 'Kaménev'],
    ['persons.xml#lenine', 'N. Lénine'],
    ['persons.xml#lenine', 'Lénine'],
  ]);
});

test('no derived words, no lower case, two names joined by a hyphen are two names', () => {
  const { xml } = tagged('Les korniloviens et les Liber-Dan, dans leurs dans.\n');
  assert.deepEqual(names(xml), [
    ['persons.xml#liber', 'Liber'],
    ['persons.xml#dan', 'Dan'],
  ]);
});

test('places and periodicals with the same engine; apostrophes typographic or straight', () => {
  const { tei } = tagged("L'Europe lit le Bulletin de l'Opposition.\n");
  assert.deepEqual(
    all(tei, 'placeName').map((p) => [p.attrs.ref, text(p)]),
    [['places.xml#europe', 'Europe']],
  );
  const title = all(first(tei, 'body'), 'title')[0];
  assert.equal(title?.attrs.level, 'j');
  assert.equal(text(title ?? first(tei, 'body')), "Bulletin de l'Opposition");
});

test('a signature is tagged inside <signed>; a supplied title is not source text', () => {
  const { tei } = tagged('Cher ami, voici.\n\nSalut N. Lénine\n');
  const signed = first(tei, 'signed');
  assert.equal(first(signed, 'persName').attrs.ref, 'persons.xml#lenine');
});

test('the gazetteer finds mentions by offsets in the original text', () => {
  const g = buildGazetteer(entries);
  const text = 'Kaménev et Zinoviev.';
  assert.deepEqual(
    g.find(text).map((m) => text.slice(m.start, m.end)),
    ['Kaménev', 'Zinoviev'],
  );
});
