/**
 * Notes are matched, never lost: each folder of test/fixtures/notes holds a raw text
 * (`input.txt`) and the source config it is converted with (`source.json`); the TEI and the
 * messages are golden files (UPDATE=1 rewrites them), every raw line is recovered from the TEI,
 * and each case states the fact it is there for: a note body at the top of a page stays its own
 * note; a call without a body and a body without a call are one warning each, at their place in
 * the raw file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceConfig } from '../../src/lib/config/types.js';
import { compareDiagnostics } from '../../src/lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';
import { recoverSourceLines } from '../support/source-lines.js';
import { DEFAULT_SCHEMA, DEFAULT_SCHEMATRON, loadValidationSetup } from '../../src/validate/validation-setup.js';
import { validateFiles } from '../../src/validate/validate-file.js';
import { convertText } from '../support/convert-text.js';
import { assertGolden } from '../support/golden.js';
import { jingValidate, skipWithoutJing } from '../support/jing.js';
import { fixturesDir, teiAllSchema } from '../support/paths.js';
import { all, first, text, textBefore } from '../support/xml-query.js';

const folder = join(fixturesDir, 'notes');

function fixture(name: string): { raw: string; source: Partial<SourceConfig>; result: ReturnType<typeof convertText> } {
  const raw = readFileSync(join(folder, name, 'input.txt'), 'utf8');
  const source = JSON.parse(readFileSync(join(folder, name, 'source.json'), 'utf8')) as Partial<SourceConfig>;
  return { raw, source, result: convertText(raw, source) };
}

/** Where a string first stands in the raw text, as file:line:column (columns in code points). */
function rawPosition(raw: string, needle: string): string {
  const lines = raw.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `“${needle}” is not in the raw text`);
  return `test.txt:${line + 1}:${[...(lines[line] ?? '').slice(0, (lines[line] ?? '').indexOf(needle))].length + 1}`;
}

for (const name of readdirSync(folder).sort()) {
  test(`notes/${name}: TEI and messages match the reviewed golden files, and every raw line is recovered`, () => {
    const { raw, source, result } = fixture(name);
    assert.ok(result.xml, result.printed);
    assertGolden(result.xml, join(folder, name, 'expected.xml'));
    assertGolden(
      [...result.messages]
        .sort(compareDiagnostics)
        .map((m) => `${formatDiagnostic(m)}\n`)
        .join(''),
      join(folder, name, 'expected.messages.txt'),
    );
    const recovered = recoverSourceLines(result.xml, { notes: source.notes?.convention ?? 'none' });
    const quotes = new Set(recovered.headerQuotes);
    raw.split('\n').forEach((line, i) => {
      const want = line.replace(/\s+/gu, ' ').trim();
      const got = recovered.lines.get(i + 1);
      if (want === '') assert.equal(got, undefined, `line ${i + 1} is blank in the source but has text in the TEI`);
      else if (!(got === undefined && quotes.has(want))) assert.equal(got, want, `line ${i + 1}`);
    });
    assert.deepEqual(recovered.strayHyphens, [], 'a word is left cut');
  });
}

test('the TEI of every notes fixture is valid against the official tei_all.rng (jing)', (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const documents = Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [`${name}.xml`, fixture(name).result.xml ?? '']),
  );
  assert.deepEqual(jingValidate(teiAllSchema, documents), []);
});

test('the TEI of every notes fixture passes the edition’s own schema and Schematron rules (per-page @n included)', async () => {
  const { setup, messages } = await loadValidationSetup({ schema: DEFAULT_SCHEMA, schematron: DEFAULT_SCHEMATRON });
  assert.ok(setup, JSON.stringify(messages));
  const names = readdirSync(folder).sort();
  const files = names.map((name) => ({
    bytes: new TextEncoder().encode(fixture(name).result.xml ?? ''),
    path: join(folder, name, 'expected.xml'),
    shown: `${name}.xml`,
  }));
  const found = await validateFiles(files, setup);
  assert.deepEqual(found.flat().map(formatDiagnostic), []);
});

test('an endnote body at the top of a page (“[5]. …” after a page gap) is its own note, at its call, with its own text', () => {
  const { raw, result } = fixture('endnote-after-page-gap');
  const notes = all(first(result.tei, 'body'), 'note');
  assert.deepEqual(
    notes.map((n) => n.attrs.n),
    ['1', '2', '3', '4', '5'],
  );
  // Each note's text is its body in the raw text, without the mark; each stands where its call was.
  const bodies = raw
    .slice(raw.indexOf('\nNotes\n'))
    .split(/\n(?=\[\d\]\. )/u)
    .slice(1)
    .map((b) =>
      b
        .replace(/^\[\d\]\. /u, '')
        .replace(/\s+/gu, ' ')
        .trim(),
    );
  assert.deepEqual(
    notes.map((n) => text(n).replace(/\s+/gu, ' ').trim()),
    bodies,
  );
  const before = notes.map((n) => textBefore(n).trimEnd().split(/\s/u).pop());
  assert.deepEqual(before, ['veille', 'mère', 'Paris', 'tombante', 'précédent']);
  assert.doesNotMatch(text(first(result.tei, 'body')), /\[\d\]/u, 'no call is left in the text');
  assert.equal(all(result.tei, 'pb').length, 3, 'both page gaps are page breaks');
  assert.deepEqual(
    result.messages.filter((m) => m.severity !== 'info'),
    [],
    result.printed,
  );
});

test('bracketed endnotes: a call without a body and a body without a call are one warning each, at their place in the raw text', () => {
  const { raw, result } = fixture('unmatched-call-and-body');
  const warnings = result.messages
    .filter((m) => m.severity !== 'info')
    .map(formatDiagnostic)
    .map((m) => m.split('\n')[0] ?? '');
  assert.equal(warnings.length, 2, result.printed);
  assert.ok(
    warnings.some((w) => w.startsWith(`${rawPosition(raw, '[2]')}  warning  note call “[2]” has no note body`)),
    result.printed,
  );
  assert.ok(
    warnings.some((w) => w.startsWith(`${rawPosition(raw, '[3]. ')}  warning  note 3's body has no call in the text`)),
    result.printed,
  );
  const notes = all(first(result.tei, 'body'), 'note');
  assert.deepEqual(
    notes.map((n) => [n.attrs.n, n.attrs.anchored]),
    [
      ['3', 'false'],
      ['1', undefined],
    ],
  );
  assert.match(text(first(result.tei, 'body'), ['note']), /pluie fine \[2\]\./u, 'the call without a body stays as text');
});

test('parenthesised footnotes: a call without a body and a body without a call are one warning each; a dual date is no call', () => {
  const { raw, result } = fixture('unmatched-footnotes');
  const warnings = result.messages
    .filter((m) => m.severity !== 'info')
    .map(formatDiagnostic)
    .map((m) => m.split('\n')[0] ?? '');
  assert.equal(warnings.length, 2, result.printed);
  assert.ok(
    warnings.some((w) => w.startsWith(`${rawPosition(raw, '(2)')}  warning  note call “(2)” has no note body`)),
    result.printed,
  );
  assert.ok(
    warnings.some((w) => w.startsWith(`${rawPosition(raw, '(3) ')}  warning  note 3's body has no call in the text`)),
    result.printed,
  );
});

test('bodies on consecutive lines (no blank line between, as a page foot prints them): a line opening with the next mark opens the next note', () => {
  const raw = 'Un appel [1] et un autre [2] ici.\n\n \n\nNotes\n\n[1]. Premier corps.\n[2]. Second corps, sur la ligne suivante.\n';
  const result = convertText(raw, { notes: { convention: 'bracketed-endnotes' } });
  assert.deepEqual(notesAt(result), [
    ['1', 'appel', 'Premier corps.'],
    ['2', 'autre', 'Second corps, sur la ligne suivante.'],
  ]);
  assert.equal(result.messages.filter((m) => m.severity === 'warning').length, 0, result.printed);
});

test('a body read into the note before it (a mark that is not the next in the series) leaves its call unmatched: the warning says where the body went', () => {
  const raw = 'Un appel [1] et un autre [3] ici.\n\n \n\nNotes\n\n[1]. Premier corps.\n[3]. Troisième corps, lu avec le premier.\n';
  const { printed } = convertText(raw, { notes: { convention: 'bracketed-endnotes' } });
  assert.match(printed, /^test\.txt:1:26 {2}warning {2}note call “\[3\]” has no note body/mu);
  assert.match(printed, /hint: a line opening with “\[3\]” at test\.txt:8:1 was read as part of note 1/u);
});

test('note bodies the layout did not set apart stay text: each is a warning at its line, and each call’s hint points to its body', () => {
  // The notes heading after a page gap, not in a section of its own: the bodies are read as paragraphs.
  const raw = 'Le chapitre\n\nUne note [1] et une [2].\n\n\n\nNotes\n\n[1]. Un.\n\n[2]. Deux.\n';
  const { printed, messages } = convertText(raw, { notes: { convention: 'bracketed-endnotes' } });
  const notes = messages
    .filter((m) => m.rule.startsWith('tei-edition/note-'))
    .map((m) => `${m.position.line}:${m.position.column} ${m.rule}`);
  assert.deepEqual(
    notes.sort(),
    [
      '11:1 tei-edition/note-body-in-text',
      '3:10 tei-edition/note-unmatched-call',
      '3:21 tei-edition/note-unmatched-call',
      '9:1 tei-edition/note-body-in-text',
    ],
    printed,
  );
  assert.match(
    printed,
    /test\.txt:3:10 {2}warning {2}note call “\[1\]” has no note body[^\n]*\n {4}hint: a line opening with “\[1\]” at test\.txt:9:1 was not read as a note body/u,
  );
});

/** Each note of the body: its @n, the word its call followed, and its text (white space collapsed). */
function notesAt(result: ReturnType<typeof convertText>): [string | undefined, string | undefined, string][] {
  return all(first(result.tei, 'body'), 'note').map((n) => [
    n.attrs.n,
    textBefore(n).trimEnd().split(/\s/u).pop(),
    text(n).replace(/\s+/gu, ' ').trim(),
  ]);
}

test('page footnotes numbered afresh on each page: each body at its own call (the same “1” on two pages), a word cut at the page’s last line joined across the notes', () => {
  const { result } = fixture('page-footnotes-per-page');
  assert.deepEqual(notesAt(result), [
    ['1', 'déjà', 'Le cocher de la diligence de Blois, dont il est parlé plus loin.'],
    ['2', 'mère,', 'Un livre d’heures du XVIIe siècle.'],
    ['1', 'Paris', 'Le Journal des Débats.'],
    ['2', 'pleine', 'La maison de la rue Colbert, vendue en 1851.'],
  ]);
  assert.match(
    text(first(result.tei, 'body'), ['note', 'fw']),
    /un journal de Paris, qu’il/u,
    'jour- … nal is one word, the notes and the page break between',
  );
  assert.equal(all(result.tei, 'fw').find((f) => f.attrs.type === 'footnote-rule') !== undefined, true, 'the rule is kept as forme work');
  assert.deepEqual(
    result.messages.filter((m) => m.severity !== 'info'),
    [],
    result.printed,
  );
});

test('page footnotes numbered through the text: a note going on at the next page’s foot is one note with its two paragraphs; a call on a page’s last line finds its body on the next page', () => {
  const { result } = fixture('page-footnotes-running');
  const notes = all(first(result.tei, 'body'), 'note');
  assert.deepEqual(
    notes.map((n) => n.attrs.n),
    ['1', '2', '3', '4'],
  );
  const second = notes[1] as (typeof notes)[number];
  assert.deepEqual(
    all(second, 'p').map((p) => text(p).replace(/\s+/gu, ' ').trim()),
    [
      'Le rapport fut imprimé le lendemain et distribué aux délégués qui le demandaient, avec une liste des membres du comité et des sections qu’ils représentaient.',
      'On en connaît deux éditions, la seconde corrigée par l’auteur du rapport lui-même.',
    ],
  );
  assert.deepEqual(notesAt(result)[2]?.slice(0, 2), ['3', 'protestant']);
  assert.match(result.printed, /“auto” chose page-footnotes/u);
});

test('page footnotes with asterisks, daggers, brackets, letters and superscripts: each @n as printed, each call and mark kept in @rend', () => {
  const { result } = fixture('page-footnotes-symbols');
  assert.deepEqual(
    all(first(result.tei, 'body'), 'note').map((n) => [n.attrs.n, n.attrs.rend]),
    [
      ['*', 'call-plain call-glued mark-plain'],
      ['**', 'call-plain mark-plain'],
      ['†', 'call-plain call-glued mark-plain'],
      ['1', 'call-bracket mark-bracket'],
      ['a', 'call-bracket mark-bracket-dot'],
      ['1', 'call-superscript call-glued mark-superscript'],
      ['1', 'call-plain call-glued mark-close-paren'],
    ],
  );
  assert.doesNotMatch(text(first(result.tei, 'body'), ['note']), /[*†¹]|\[[1a]\]/u, 'no call is left in the text');
});

test('page footnotes: a mark without a call and a call without a body are warnings at their place; numbers that are not calls are left alone', () => {
  const { raw, result } = fixture('page-footnotes-unmatched');
  const warnings = result.messages
    .filter((m) => m.rule.startsWith('tei-edition/note-'))
    .map((m) => `${m.position.line}:${m.position.column} ${m.rule}`);
  assert.deepEqual(
    warnings.sort(),
    [
      '12:55 tei-edition/note-unmatched-call',
      '16:1 tei-edition/note-unmatched-body',
      '21:8 tei-edition/note-unmatched-call',
      '7:1 tei-edition/note-moved',
      '23:1 tei-edition/note-moved',
      '8:1 tei-edition/note-unmatched-body',
    ].sort(),
    result.printed,
  );
  assert.equal(rawPosition(raw, '(3) '), 'test.txt:16:1');
  const body = text(first(result.tei, 'body'), ['note']);
  for (const kept of [
    '5 (18) octobre 1917',
    '300 délégués',
    '2e étage',
    'pp.6-8',
    'n° 7',
    'XIXe',
    '1er novembre',
    '12 000 soldats',
    '(3) Une note sans appel',
    'comité1',
    'nominal2',
  ])
    assert.ok(body.replace(/\s+/gu, ' ').includes(kept), kept);
});

test('page footnotes: a note cut at a page’s foot (“comi-”) goes on at the next page’s foot with nothing between; a cut note whose rest is not found is a warning', () => {
  const { raw, result } = fixture('page-footnotes-cut-note');
  assert.deepEqual(
    notesAt(result).map(([n, before, body]) => [n, before, body]),
    [
      ['1', 'congrès', 'Selon le compte rendu du congrès, publié par les soins du comité central en 1852.'],
      ['2', 'majorité', 'La résolution fut publiée le lendemain par le Bulletin,'],
    ],
  );
  const warnings = result.messages
    .filter((m) => m.rule === 'tei-edition/note-continuation-missing')
    .map(formatDiagnostic)
    .map((m) => m.split('\n')[0] ?? '');
  const line = raw.split('\n').findIndex((l) => l.endsWith('le Bulletin,')) + 1;
  assert.deepEqual(
    warnings.map((w) => w.split('  ')[0]),
    [`test.txt:${line}:${[...(raw.split('\n')[line - 1] ?? '')].length}`],
  );
});

test('page footnotes in a book that sets its feet off: a foot whose first mark is not set off opens with the rest of the previous page’s note, even a new sentence', () => {
  const { result } = fixture('page-footnotes-continued-sentence');
  assert.deepEqual(notesAt(result), [
    [
      '1',
      'jour',
      'La route de la levée, la plus courte. Elle était alors pavée sur toute sa longueur. On la répara en 1840, après la crue.',
    ],
    ['2', 'Colbert', 'La maison où mourut mon grand-père.'],
    ['3', 'route', 'Elle y retourna pourtant l’année suivante.'],
  ]);
  assert.match(
    text(first(result.tei, 'body'), ['note']),
    /Le lendemain il fallut repartir, car la diligence n’attendait pas\./u,
    'the page’s last paragraph stays text',
  );
});

test('page footnotes: a note whose page ends on a full line without final punctuation goes on; when its rest is not found at the next page’s foot it is a warning at that line, not a silent end (a short last line ends the note)', () => {
  const page = (lines: string[]) => lines.join('\n');
  const raw =
    [
      page([
        'Le congrès se tint à Lyon au printemps, et la majorité y vota',
        'la motion du comité central sans en changer un mot ni une virgule',
        'après trois jours de débats où chacun put parler à son tour1.',
        '1 Selon le compte rendu publié par les soins du comité central',
      ]),
      page([
        'La délégation revint à Paris le lendemain et rendit compte de',
        'ses travaux devant les sections réunies de la capitale, qui en',
        'approuvèrent les termes sans réserve et sans débat particulier :',
        'en mille huit cent cinquante deux, après une longue attente, et',
        'vendu au prix de dix centimes dans toutes les librairies du pays.',
      ]),
      page([
        'Le bureau fut renouvelé à la fin de l’année suivante, et le',
        'secrétaire fut confirmé dans ses fonctions par un vote unanime1.',
        '1 Voir le registre, p. 12',
      ]),
      page(['La suite parut dans le numéro de janvier.']),
    ].join('\n\n\n\n') + '\n';
  const result = convertText(raw, { layout: { profile: 'prose' }, notes: { convention: 'page-footnotes' } } as Partial<SourceConfig>);
  const warnings = result.messages
    .filter((m) => m.rule === 'tei-edition/note-continuation-missing')
    .map((m) => `${m.position.line}:${m.position.column}`);
  const cutLine = raw.split('\n').findIndex((l) => l.endsWith('comité central')) + 1;
  assert.deepEqual(warnings, [`${cutLine}:${'1 Selon le compte rendu publié par les soins du comité '.length + 1}`], result.printed);
  assert.deepEqual(
    notesAt(result).map(([n, before]) => [n, before]),
    [
      ['1', 'tour'],
      ['1', 'unanime'],
    ],
  );
});
