/**
 * Names and dates in the sample edition: every mention tagged and linked to its register, no
 * dangling reference, the hard cases (names cut at line ends, initials, nicknames, derived words),
 * and dates with their calendar attributes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from '../../src/convert/enrich/gazetteer.js';
import { isValidDate, parseIsoDate } from '../../src/lib/dates/julian.js';
import { convertSample, sampleConfig, sampleRegisters, sampleSource } from '../support/sample-edition.js';
import { all, ancestors, first, parseXml, text, type El } from '../support/xml-query.js';

const registers = sampleRegisters();
const teis = sampleConfig().sources.map((s) => ({ id: s.id, tei: parseXml(convertSample(s).xml ?? '') }));
const tagged = (tei: El) =>
  ['persName', 'placeName', 'title', 'orgName'].flatMap((name) => all(first(tei, 'body'), name)).filter((el) => el.attrs.ref !== undefined);
const kindOf: Record<string, string> = { persName: 'person', placeName: 'place', title: 'periodical', orgName: 'organisation' };
const words = (el: El) => text(el, ['note', 'sic', 'orig']).replace(/\s+/gu, ' ').trim();

test('every reference resolves to an entry of its register, and every entry is mentioned', () => {
  const mentioned = new Set<string>();
  for (const { id, tei } of teis) {
    for (const el of tagged(tei)) {
      const [file, entryId] = (el.attrs.ref ?? '').split('#');
      const entry = registers.entries.find((e) => e.id === entryId && e.kind === kindOf[el.name]);
      assert.ok(entry, `${id}: ${el.name} ref="${el.attrs.ref}" does not resolve`);
      assert.equal(file, registers.targets[entry.kind]);
      mentioned.add(`${entry.kind}:${entry.id}`);
      // No false positive: the tagged words are one of the entry's forms (as the gazetteer compares them).
      const forms = entry.forms.map((f) => fold(f).replace(/\s+/gu, ' '));
      assert.ok(
        forms.includes(fold(words(el))) || el.children.some((c) => typeof c !== 'string' && c.name === 'choice'),
        `${id}: “${words(el)}” is not a form of ${entry.id}`,
      );
    }
  }
  assert.deepEqual(
    registers.entries.filter((e) => !mentioned.has(`${e.kind}:${e.id}`)).map((e) => e.id),
    [],
  );
});

test('the hard cases: a name cut at a line end, initials, a nickname, two names joined by a hyphen', () => {
  const coalition = teis.find((t) => t.id.includes('coalition'))?.tei as El;
  const cut = all(coalition, 'persName').filter((p) => p.children.some((c) => typeof c !== 'string' && c.name === 'lb'));
  const cutNames = new Set(cut.map((p) => `${p.attrs.ref} ${words(p)}`));
  for (const name of ['persons.xml#kerenski Kerenski', 'persons.xml#zinoviev Zinoviev', 'persons.xml#kamenev Kamenev'])
    assert.ok(cutNames.has(name), `${name} cut at a line end is one persName`);
  const all002 = all(coalition, 'persName').map((p) => [p.attrs.ref, words(p)]);
  assert.ok(all002.some(([ref, w]) => ref === 'persons.xml#krassine' && w === 'Léonide Krassine'));
  assert.ok(all002.some(([ref, w]) => ref === 'persons.xml#rykov' && w === 'Alexis le bègue'));
  const letter = teis.find((t) => t.id.includes('lettre'))?.tei as El;
  assert.equal(words(first(first(letter, 'signed'), 'persName')), 'N. Lénine');
  const names003 = all(letter, 'persName').map((p) => words(p));
  assert.ok(names003.includes('M. Kalinine'));
  assert.ok(names003.includes('Liber') && names003.includes('Dan'));
  const appeal = teis.find((t) => t.id.includes('membres'))?.tei as El;
  const korniloviens = all(first(appeal, 'body'), 'p').filter((p) => /korniloviens/u.test(text(p)));
  assert.ok(korniloviens.length > 0);
  for (const p of korniloviens) assert.ok(!all(p, 'persName').some((n) => /kornilovien/u.test(words(n))), 'a derived word is not a name');
});

test('the supplied title (not in the source) is not tagged', () => {
  const letter = teis.find((t) => t.id.includes('lettre'))?.tei as El;
  const supplied = first(letter, 'supplied');
  assert.equal(all(supplied, 'placeName').length, 0);
});

const expectedDates: Record<string, [string, Record<string, string>][]> = {
  'lettre-au-comite': [
    ['20', { when: '1917-11-02', 'when-custom': '1917-10-20', datingMethod: '#julian' }],
    ['30 octobre', { when: '1917-11-12', 'when-custom': '1917-10-30', datingMethod: '#julian' }],
    ['5 (18) octobre 1917', { when: '1917-10-18', 'when-custom': '1917-10-05', datingMethod: '#julian' }],
    ['7 (20) octobre', { when: '1917-10-20', 'when-custom': '1917-10-07', datingMethod: '#julian' }],
  ],
  coalition: [
    ['Le 29 octobre 1917', { when: '1917-11-11', 'when-custom': '1917-10-29', datingMethod: '#julian' }],
    ['1er novembre', { when: '1917-11-14', 'when-custom': '1917-11-01', datingMethod: '#julian' }],
    ['novembre-décembre 1929', { from: '1929-11', to: '1929-12' }],
    ['août 1917', { notBefore: '1917-08-14', notAfter: '1917-09-13', 'when-custom': '1917-08', datingMethod: '#julian' }],
    ['1848', { when: '1848' }],
    ['1871', { when: '1871' }],
  ],
  'membres-du-parti': [
    ['4 novembre', { when: '1917-11-17', 'when-custom': '1917-11-04', datingMethod: '#julian' }],
    ['10 octobre 1917', { when: '1917-10-23', 'when-custom': '1917-10-10', datingMethod: '#julian' }],
  ],
};

for (const [idPart, dates] of Object.entries(expectedDates)) {
  test(`${idPart}: dates tagged with their normalised values and calendar`, () => {
    const source = sampleSource(idPart);
    const tei = parseXml(convertSample(source).xml ?? '');
    const found = all(first(tei, 'body'), 'date').map((d) => [text(d, ['orig', 'sic']).replace(/\s+/gu, ' ').trim(), d.attrs] as const);
    for (const [words, attributes] of dates) {
      assert.ok(
        found.some(([w, a]) => w === words && JSON.stringify(a) === JSON.stringify(attributes)),
        `${words} ${JSON.stringify(attributes)} in ${JSON.stringify(found)}`,
      );
    }
    for (const [w, a] of found) {
      for (const key of ['when', 'from', 'to', 'notBefore', 'notAfter']) {
        const value = a[key];
        if (value === undefined || value.length < 10) continue;
        const date = parseIsoDate(value);
        assert.ok(date && isValidDate(date, 'gregorian'), `${w}: @${key}="${value}" is not a real day`);
      }
    }
    if (found.some(([, a]) => a.datingMethod === '#julian')) assert.equal(first(tei, 'calendar').attrs['xml:id'], 'julian');
  });
}

test('a date cut at a line end and a drop-cap date are one <date>', () => {
  const coalition = teis.find((t) => t.id.includes('coalition'))?.tei as El;
  const dates = all(first(coalition, 'body'), 'date');
  assert.ok(
    dates.some((d) => d.children.some((c) => typeof c !== 'string' && c.name === 'lb' && c.attrs.rend === 'hyphen')),
    '1er no-/vembre',
  );
  assert.ok(
    dates.some((d) => d.children.some((c) => typeof c !== 'string' && c.name === 'choice')),
    'LE29 octobre 1917',
  );
  for (const d of dates) assert.ok(ancestors(d).some((a) => a.name === 'body'));
});
