import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { findFrenchDates, type DateContext, type DateMatch } from '../../src/lib/dates/french-dates.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A Russian source of 1917: Old Style until 14 February 1918 (New Style). */
const julian1917: DateContext = { sourceCalendar: 'julian', julianUntil: '1918-02-14', defaultYear: 1917 };
const julianNoYear: DateContext = { sourceCalendar: 'julian', julianUntil: '1918-02-14' };
const gregorian1917: DateContext = { sourceCalendar: 'gregorian', defaultYear: 1917 };
const gregorianNoYear: DateContext = { sourceCalendar: 'gregorian' };

/** Attributes of an Old Style day: Gregorian `@when`, Julian `@when-custom`. */
function oldStyle(when: string, custom: string): Record<string, string> {
  return { when, 'when-custom': custom, datingMethod: '#julian' };
}

interface Expected {
  readonly text: string;
  readonly attributes: Record<string, string>;
  /** The warning must match; no `warning` means the match has none. */
  readonly warning?: RegExp;
}

interface Row {
  readonly text: string;
  readonly context: DateContext;
  readonly expected: readonly Expected[];
}

const rows: readonly Row[] = [
  // Day and month, the year from the context.
  {
    text: 'ont démissionné hier, le 4 novembre, du Comité',
    context: julian1917,
    expected: [{ text: '4 novembre', attributes: oldStyle('1917-11-17', '1917-11-04') }],
  },
  { text: 'le 4 novembre', context: gregorian1917, expected: [{ text: '4 novembre', attributes: { when: '1917-11-04' } }] },
  { text: 'le 4 novembre', context: julianNoYear, expected: [{ text: '4 novembre', attributes: { when: '--11-04' } }] },
  { text: 'le 29 février', context: gregorianNoYear, expected: [{ text: '29 février', attributes: { when: '--02-29' } }] },
  {
    text: 'Au comité central du 1er novembre, Trotsky',
    context: julian1917,
    expected: [{ text: '1er novembre', attributes: oldStyle('1917-11-14', '1917-11-01') }],
  },
  {
    text: 'le 1 novembre 1917 et le 1ᵉʳ novembre 1917',
    context: gregorian1917,
    expected: [
      { text: '1 novembre 1917', attributes: { when: '1917-11-01' } },
      { text: '1ᵉʳ novembre 1917', attributes: { when: '1917-11-01' } },
    ],
  },
  {
    text: 'Le 29 octobre 1917, trois jours après',
    context: julian1917,
    expected: [{ text: '29 octobre 1917', attributes: oldStyle('1917-11-11', '1917-10-29') }],
  },
  {
    text: 'la séance décisive du Comité central du 10 octobre 1917, mais',
    context: julian1917,
    expected: [{ text: '10 octobre 1917', attributes: oldStyle('1917-10-23', '1917-10-10') }],
  },
  { text: 'le 10 octobre 1917', context: gregorian1917, expected: [{ text: '10 octobre 1917', attributes: { when: '1917-10-10' } }] },
  { text: 'LE 29 OCTOBRE 1917', context: gregorianNoYear, expected: [{ text: '29 OCTOBRE 1917', attributes: { when: '1917-10-29' } }] },
  {
    text: 'le 3 fevrier, le 15 aout et le 25 decembre 1917, le 2 Août',
    context: gregorian1917,
    expected: [
      { text: '3 fevrier', attributes: { when: '1917-02-03' } },
      { text: '15 aout', attributes: { when: '1917-08-15' } },
      { text: '25 decembre 1917', attributes: { when: '1917-12-25' } },
      { text: '2 Août', attributes: { when: '1917-08-02' } },
    ],
  },
  {
    text: 'le 4\u00a0novembre\u202f1917',
    context: gregorianNoYear,
    expected: [{ text: '4\u00a0novembre\u202f1917', attributes: { when: '1917-11-04' } }],
  },
  {
    text: 'Le lendemain, 2 novembre, l’insurrection',
    context: julian1917,
    expected: [{ text: '2 novembre', attributes: oldStyle('1917-11-15', '1917-11-02') }],
  },
  {
    text: 'la séance du comité central du 1er octobre (sic !).',
    context: julian1917,
    expected: [{ text: '1er octobre', attributes: oldStyle('1917-10-14', '1917-10-01') }],
  },

  // The switch to the Gregorian calendar.
  {
    text: 'in Bulletin de l’Opposition, n° 7, novembre-décembre 1929, pp. 6 à 8',
    context: julian1917,
    expected: [{ text: 'novembre-décembre 1929', attributes: { from: '1929-11', to: '1929-12' } }],
  },
  {
    text: 'le 31 janvier 1918',
    context: julian1917,
    expected: [{ text: '31 janvier 1918', attributes: oldStyle('1918-02-13', '1918-01-31') }],
  },
  { text: 'le 14 février 1918', context: julian1917, expected: [{ text: '14 février 1918', attributes: { when: '1918-02-14' } }] },
  {
    text: 'le 1er février 1918',
    context: julian1917,
    expected: [
      { text: '1er février 1918', attributes: { when: '1918-02-01' }, warning: /read as Old Style it is 1918-02-14, on or after/ },
    ],
  },
  {
    text: 'le 5 février 1918',
    context: julian1917,
    expected: [
      {
        text: '5 février 1918',
        attributes: { when: '1918-02-05' },
        warning: /^falls in the calendar switch: read as Old Style it is 1918-02-18.*\(1918-02-14\).*1918-02-05/,
      },
    ],
  },
  { text: 'le 7 novembre 1929', context: julian1917, expected: [{ text: '7 novembre 1929', attributes: { when: '1929-11-07' } }] },
  {
    text: 'le 7 novembre 1929',
    context: { sourceCalendar: 'julian' },
    expected: [{ text: '7 novembre 1929', attributes: oldStyle('1929-11-20', '1929-11-07') }],
  },

  // Months.
  {
    text: 'entrés dans le Parti bolchevique en août 1917.',
    context: julian1917,
    expected: [
      {
        text: 'août 1917',
        attributes: { notBefore: '1917-08-14', notAfter: '1917-09-13', 'when-custom': '1917-08', datingMethod: '#julian' },
      },
    ],
  },
  { text: 'en août 1917', context: gregorian1917, expected: [{ text: 'août 1917', attributes: { when: '1917-08' } }] },
  {
    text: 'septembre–octobre 1917',
    context: julian1917,
    expected: [
      {
        text: 'septembre–octobre 1917',
        attributes: { from: '1917-09-14', to: '1917-11-13', 'from-custom': '1917-09', 'to-custom': '1917-10', datingMethod: '#julian' },
      },
    ],
  },
  {
    text: 'décembre-janvier 1914',
    context: gregorianNoYear,
    expected: [{ text: 'décembre-janvier 1914', attributes: { from: '1913-12', to: '1914-01' } }],
  },
  { text: 'en octobre, la révolution d’Octobre, novembre-décembre', context: gregorian1917, expected: [] },

  // Bare years.
  {
    text: 'elle agirait comme en 1848 et en 1871.',
    context: julian1917,
    expected: [
      { text: '1848', attributes: { when: '1848' } },
      { text: '1871', attributes: { when: '1871' } },
    ],
  },
  {
    text: "de 1905 à 1907, depuis 1903, dans l’année 1912, jusqu’en 1918, jusqu'en 1921",
    context: julian1917,
    expected: [
      { text: '1905', attributes: { when: '1905' } },
      { text: '1907', attributes: { when: '1907' } },
      { text: '1903', attributes: { when: '1903' } },
      { text: '1912', attributes: { when: '1912' } },
      { text: '1918', attributes: { when: '1918' } },
      { text: '1921', attributes: { when: '1921' } },
    ],
  },
  { text: 'supprimé du volume publié à Moscou en 1927).', context: julian1917, expected: [{ text: '1927', attributes: { when: '1927' } }] },
  {
    text: 'pp. 6 à 8 ; par 10 voix contre 4 ; 75 % des postes ; 99% des voix ; le 17e corps ; n° 7 ; le IIe Congrès',
    context: julian1917,
    expected: [],
  },
  { text: 'plus de 1500 soldats, les années 1920, en 999, en 2200, 1917 délégués, en 1917 %', context: gregorian1917, expected: [] },

  // Days sharing a month.
  {
    text: 'tenir le congrès entre le 20 et 30 octobre, au lieu du 20 octobre, etc.',
    context: julian1917,
    expected: [
      { text: '20', attributes: oldStyle('1917-11-02', '1917-10-20') },
      { text: '30 octobre', attributes: oldStyle('1917-11-12', '1917-10-30') },
      { text: '20 octobre', attributes: oldStyle('1917-11-02', '1917-10-20') },
    ],
  },
  {
    text: 'du 20 au 30 octobre 1917, les 3, 4 et 5 mai 1918',
    context: gregorianNoYear,
    expected: [
      { text: '20', attributes: { when: '1917-10-20' } },
      { text: '30 octobre 1917', attributes: { when: '1917-10-30' } },
      { text: '3', attributes: { when: '1918-05-03' } },
      { text: '4', attributes: { when: '1918-05-04' } },
      { text: '5 mai 1918', attributes: { when: '1918-05-05' } },
    ],
  },

  // Dual dates: Old Style, New Style in brackets.
  {
    text: 'fut discutée à la séance du Comité de Pétrograd du P.O.S.D.(b)R., le 5 (18) octobre 1917. La séance',
    context: julian1917,
    expected: [{ text: '5 (18) octobre 1917', attributes: oldStyle('1917-10-18', '1917-10-05') }],
  },
  {
    text: 'réunion des responsables. Le 7 (20) octobre, le Comité',
    context: julian1917,
    expected: [{ text: '7 (20) octobre', attributes: oldStyle('1917-10-20', '1917-10-07') }],
  },
  {
    text: 'Le 10 (23) octobre la Conférence',
    context: julian1917,
    expected: [{ text: '10 (23) octobre', attributes: oldStyle('1917-10-23', '1917-10-10') }],
  },
  {
    text: 'le 5 (18) octobre 1917',
    context: gregorian1917,
    expected: [{ text: '5 (18) octobre 1917', attributes: oldStyle('1917-10-18', '1917-10-05') }],
  },
  { text: 'le 5 (18) octobre', context: julianNoYear, expected: [{ text: '5 (18) octobre', attributes: oldStyle('--10-18', '--10-05') }] },
  {
    text: 'le 25 octobre (7 novembre) 1917',
    context: julianNoYear,
    expected: [{ text: '25 octobre (7 novembre) 1917', attributes: oldStyle('1917-11-07', '1917-10-25') }],
  },
  {
    text: 'le 31 décembre 1917 (13 janvier 1918) et le 19 décembre (1er janvier) 1918',
    context: julianNoYear,
    expected: [
      { text: '31 décembre 1917 (13 janvier 1918)', attributes: oldStyle('1918-01-13', '1917-12-31') },
      { text: '19 décembre (1er janvier) 1918', attributes: oldStyle('1918-01-01', '1917-12-19') },
    ],
  },
  {
    text: 'les 5 (18) et le 6 (19) octobre 1917',
    context: julian1917,
    expected: [
      { text: '5 (18)', attributes: oldStyle('1917-10-18', '1917-10-05') },
      { text: '6 (19) octobre 1917', attributes: oldStyle('1917-10-19', '1917-10-06') },
    ],
  },
  {
    text: 'le 18 (5) octobre 1917',
    context: julian1917,
    expected: [
      {
        text: '18 (5) octobre 1917',
        attributes: oldStyle('1917-10-05', '1917-10-18'),
        warning: /1917-10-18 Old Style is 1917-10-31 New Style \(13 days later\), not 1917-10-05/,
      },
    ],
  },
  {
    text: 'le 5 (19) octobre 1917',
    context: julian1917,
    expected: [
      {
        text: '5 (19) octobre 1917',
        attributes: oldStyle('1917-10-19', '1917-10-05'),
        warning:
          /^dual date does not agree with the calendars: 1917-10-05 Old Style is 1917-10-18 New Style \(13 days later\), not 1917-10-19/,
      },
    ],
  },
  {
    text: 'le 2 (14) juillet 1899',
    context: julianNoYear,
    expected: [{ text: '2 (14) juillet 1899', attributes: oldStyle('1899-07-14', '1899-07-02') }],
  },
  {
    text: 'le 2 (15) juillet 1899',
    context: julianNoYear,
    expected: [
      {
        text: '2 (15) juillet 1899',
        attributes: oldStyle('1899-07-15', '1899-07-02'),
        warning: /1899-07-02 Old Style is 1899-07-14 New Style \(12 days later\), not 1899-07-15/,
      },
    ],
  },

  // Leap years and century boundaries of both calendars.
  {
    text: 'le 29 février 1900',
    context: julian1917,
    expected: [{ text: '29 février 1900', attributes: oldStyle('1900-03-13', '1900-02-29') }],
  },
  {
    text: 'le 29 février 1900',
    context: gregorian1917,
    expected: [{ text: '29 février 1900', attributes: {}, warning: /^no such day: 1900-02-29 in the gregorian calendar does not exist$/ }],
  },
  {
    text: 'le 28 février 1900 et le 1er mars 1900',
    context: julian1917,
    expected: [
      { text: '28 février 1900', attributes: oldStyle('1900-03-12', '1900-02-28') },
      { text: '1er mars 1900', attributes: oldStyle('1900-03-14', '1900-03-01') },
    ],
  },
  {
    text: 'le 29 février 1916',
    context: julian1917,
    expected: [{ text: '29 février 1916', attributes: oldStyle('1916-03-13', '1916-02-29') }],
  },
  {
    text: 'le 14 juillet 1899',
    context: julian1917,
    expected: [{ text: '14 juillet 1899', attributes: oldStyle('1899-07-26', '1899-07-14') }],
  },
  { text: 'le 29 février 2000', context: gregorianNoYear, expected: [{ text: '29 février 2000', attributes: { when: '2000-02-29' } }] },

  // Days that do not exist are returned, without attributes, for the caller to report.
  {
    text: 'le 31 février 1917',
    context: julian1917,
    expected: [{ text: '31 février 1917', attributes: {}, warning: /^no such day: 1917-02-31 in the julian calendar does not exist$/ }],
  },
  {
    text: 'le 30 février',
    context: julianNoYear,
    expected: [{ text: '30 février', attributes: {}, warning: /^no such day: --02-30 does not exist$/ }],
  },
  {
    text: 'le 29 février',
    context: gregorian1917,
    expected: [{ text: '29 février', attributes: {}, warning: /^no such day: 1917-02-29 in the gregorian calendar does not exist$/ }],
  },
  { text: 'le 31 avril 1917', context: gregorian1917, expected: [{ text: '31 avril 1917', attributes: {}, warning: /^no such day/ }] },

  // Relative expressions and numbers that are not days.
  { text: 'hier, demain, dimanche dernier, le lendemain, aujourd’hui', context: julian1917, expected: [] },
  { text: 'le 32 octobre, le 0 novembre, LE29 octobre, 1917 octobre', context: gregorian1917, expected: [] },
];

test(`French date expressions (${rows.length} rows)`, async (t) => {
  for (const row of rows) {
    await t.test(row.text, () => {
      const matches = findFrenchDates(row.text, row.context);
      assertConsistent(row.text, matches);
      assert.deepEqual(
        matches.map((m) => ({ text: m.text, attributes: m.attributes })),
        row.expected.map((e) => ({ text: e.text, attributes: e.attributes })),
      );
      matches.forEach((match, n) => {
        const warning = row.expected[n]?.warning;
        if (warning === undefined) assert.equal(match.warning, undefined, `no warning expected for “${match.text}”`);
        else assert.match(match.warning ?? '', warning);
      });
    });
  }
});

test('the table has at least 30 rows', () => {
  assert.ok(rows.length >= 30, `${rows.length} rows`);
});

/** Offsets index the text; matches come in order and do not overlap. */
function assertConsistent(text: string, matches: readonly DateMatch[]): void {
  let previousEnd = 0;
  for (const match of matches) {
    assert.equal(text.slice(match.start, match.end), match.text);
    assert.ok(match.start >= previousEnd, `“${match.text}” overlaps the match before it`);
    previousEnd = match.end;
  }
}

// ---------------------------------------------------------------------------------------------
// The sample sources, as a historian would tag them.

/**
 * Paragraphs of a raw file as reading text: blocks between blank lines, lines joined with
 * spaces, a word cut at a line end ("no-" + "vembre") joined, a drop cap glued to the next word
 * ("LE29") spaced. Good enough for dates; compounds cut at a line end are joined too.
 */
function readingParagraphs(file: string): string[] {
  const raw = readFileSync(join(root, 'tei/raw', file), 'utf8');
  return raw
    .split(/\n[ \t]*\n/)
    .map((block) => {
      let paragraph = '';
      for (const line of block
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')) {
        if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) paragraph = paragraph.slice(0, -1) + line;
        else paragraph = paragraph === '' ? line : `${paragraph} ${line}`;
      }
      return paragraph.replace(/^(\p{Lu})(\p{Lu}*)(?=\d)/u, (_, first: string, rest: string) => `${first}${rest.toLowerCase()} `);
    })
    .filter((p) => p !== '');
}

function datesIn(file: string): DateMatch[] {
  return readingParagraphs(file).flatMap((paragraph) => findFrenchDates(paragraph, julian1917));
}

test('letter to the Central Committee, 1 (14) October 1917', () => {
  const matches = datesIn('1917-10-01-lenine-lettre-au-comite-central.txt');
  assert.deepEqual(
    matches.map((m) => [m.text, m.attributes, m.warning]),
    [
      ['20', oldStyle('1917-11-02', '1917-10-20'), undefined],
      ['30 octobre', oldStyle('1917-11-12', '1917-10-30'), undefined],
      ['20 octobre', oldStyle('1917-11-02', '1917-10-20'), undefined],
      ['5 (18) octobre 1917', oldStyle('1917-10-18', '1917-10-05'), undefined],
      ['7 (20) octobre', oldStyle('1917-10-20', '1917-10-07'), undefined],
      ['10 (23) octobre', oldStyle('1917-10-23', '1917-10-10'), undefined],
    ],
  );
});

test('“Le gouvernement de coalition ou les marins”, 1 (14) November 1917', () => {
  const matches = datesIn('1917-11-01-lenine-coalition-ou-marins.txt');
  assert.deepEqual(
    matches.map((m) => m.text),
    [
      '29 octobre 1917',
      '1er novembre',
      '1er novembre',
      '2 novembre', // introduction
      '1er octobre', // the speech: “du 1er octobre (sic !)”
      '1er novembre 1917',
      'novembre-décembre 1929',
      '1927',
      'août 1917', // notes
      '4 novembre',
      '7 novembre', // introduction, continued
      '1848',
      '1871', // the speech, continued
    ],
  );
  assert.ok(matches.every((m) => m.warning === undefined));
  const byText = new Map(matches.map((m) => [m.text, m.attributes]));
  assert.deepEqual(byText.get('novembre-décembre 1929'), { from: '1929-11', to: '1929-12' });
  assert.deepEqual(byText.get('1er novembre 1917'), oldStyle('1917-11-14', '1917-11-01'));
});

test('to all party members, 5 (18) November 1917', () => {
  const matches = datesIn('1917-11-05-lenine-a-tous-les-membres-du-parti.txt');
  assert.deepEqual(
    matches.map((m) => [m.text, m.attributes['when-custom']]),
    [
      ['4 novembre', '1917-11-04'],
      ['10 octobre 1917', '1917-10-10'],
      ['3 novembre', '1917-11-03'],
      ['3 novembre', '1917-11-03'],
      ['5 novembre', '1917-11-05'],
    ],
  );
});
