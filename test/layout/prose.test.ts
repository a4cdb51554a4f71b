/** The prose profile's rules, each with an example that follows it and one that does not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertText } from '../support/convert-text.js';
import { all, first, text, type El } from '../support/xml-query.js';

const paragraphs = (tei: El) => all(first(tei, 'body'), 'p').map((p) => text(p, ['note']).replace(/\s+/gu, ' ').trim());
const gap = (n: number) => '\n'.repeat(n + 1);

test('paragraphs are separated by one blank line; lines without a blank between stay together', () => {
  const { tei } = convertText(`Premier paragraphe, première ligne,\nseconde ligne.\n\nSecond paragraphe.\n`);
  assert.deepEqual(paragraphs(tei), ['Premier paragraphe, première ligne, seconde ligne.', 'Second paragraphe.']);
});

test('three blank lines are a page break, inside the paragraph when the sentence goes on', () => {
  const { tei } = convertText(`Le pouvoir des Soviets a triomphé en${gap(3)}Russie et ailleurs.\n`);
  assert.deepEqual(paragraphs(tei), ['Le pouvoir des Soviets a triomphé en Russie et ailleurs.']);
  const pbs = all(tei, 'pb');
  assert.deepEqual(
    pbs.map((p) => p.attrs.n),
    ['1', '2'],
  );
  assert.equal(pbs[1]?.parent?.name, 'p');
});

test('two blank lines are not a page break', () => {
  const { tei } = convertText(`Une phrase.${gap(2)}Une autre.\n`);
  assert.equal(all(tei, 'pb').length, 1);
  assert.equal(paragraphs(tei).length, 2);
});

test('a page break inside a hyphenated word keeps the word whole (pb and lb with break="no")', () => {
  const { tei, xml } = convertText(`Nous parlons du gouver-${gap(3)}nement provisoire.\n`);
  assert.deepEqual(paragraphs(tei), ['Nous parlons du gouvernement provisoire.']);
  assert.match(xml ?? '', /gouver<pb n="2" break="no"\/><lb n="5" break="no" rend="hyphen"\/>nement/u);
});

test('after a sentence end, a page break before a capital starts a new paragraph, with a warning', () => {
  const { tei, printed } = convertText(`Fin de la phrase.${gap(3)}Nouvelle phrase.\n`);
  assert.deepEqual(paragraphs(tei), ['Fin de la phrase.', 'Nouvelle phrase.']);
  assert.match(printed, /test\.txt:5:1 {2}warning {2}a page break follows the end of a sentence/u);
});

test('a blank run holding a line of spaces separates sections', () => {
  const { tei } = convertText(`Titre sans point\n\nPremière section.\n\n \n\nSeconde section.\n`);
  const sections = all(tei, 'div').filter((d) => d.attrs.type === 'section');
  assert.deepEqual(
    sections.map((s) => text(s).trim()),
    ['Première section.', 'Seconde section.'],
  );
  assert.equal(text(first(tei, 'head')).trim(), 'Titre sans point');
});

test('without a line of spaces, the same blank run is a paragraph break, not a section', () => {
  const { tei } = convertText(`Première section.\n\n\nSeconde section.\n`);
  assert.equal(all(tei, 'div').filter((d) => d.attrs.type === 'section').length, 0);
});

test('a first block without final punctuation is a heading; with a full stop it is a paragraph', () => {
  const headed = convertText(`A tous les membres du parti\n\nCamarades, le texte commence.\n`);
  assert.equal(text(first(headed.tei, 'head')).trim(), 'A tous les membres du parti');
  const plain = convertText(`Le texte commence ici.\n\nEt continue.\n`);
  assert.equal(
    first(plain.tei, 'head').children.some((c) => typeof c !== 'string' && c.name === 'supplied'),
    true,
    'no heading in the source: the config title is supplied',
  );
});

test('the first page is numbered from the config when known', () => {
  const { tei, xml } = convertText(`Page un.${gap(3)}Page deux.\n`, { firstPage: 41 });
  assert.deepEqual(
    all(tei, 'pb').map((p) => p.attrs.n),
    ['41', '42'],
  );
  assert.match(xml ?? '', /pb\/@n gives the printed page numbers/u);
});

test('running heads become <fw type="header"> and give the page number', () => {
  const raw = `Il marchait vers\n\n168 LE FEU 10\n\nla tranchée, lentement.\n`;
  const { tei, xml } = convertText(raw, { layout: { profile: 'prose', runningHeads: ['LE FEU'] } });
  assert.deepEqual(
    all(tei, 'fw').map((f) => [f.attrs.type, text(f)]),
    [['header', '168 LE FEU 10']],
  );
  assert.ok(all(tei, 'pb').some((p) => p.attrs.n === '168'));
  assert.match(xml ?? '', /<pb n="168"\/><fw type="header"><lb n="3"\/>168 LE FEU 10<\/fw>\n<lb n="5"\/>la tranchée/u);
  assert.equal(all(first(tei, 'body'), 'p').length, 1, 'the sentence goes on across the page');
});

test('OCR noise lines are kept as <fw type="noise"> and reported; real lines are not', () => {
  const raw = `Le soldat regarde la plaine.\n\nPE nn pr 1 DL)\n\nIl se met debout avec un effort.\n`;
  const { tei, printed } = convertText(raw, { layout: { profile: 'prose', ocr: true } });
  assert.deepEqual(
    all(tei, 'fw').map((f) => text(f)),
    ['PE nn pr 1 DL)'],
  );
  assert.match(printed, /test\.txt:3:1 {2}warning {2}line looks like OCR noise/u);
  assert.equal(paragraphs(tei).length, 2);
});

test('layout overrides: a line forced to be a heading, lines set apart as front matter or ignored', () => {
  const raw = `Bibliothèque nationale\n\nChapitre premier.\n\nLe texte.\n\nxx garbage xx\n`;
  const { tei } = convertText(raw, {
    layout: {
      profile: 'prose',
      overrides: [
        { lines: '1', role: 'front' },
        { lines: '3', role: 'head' },
        { lines: '7', role: 'ignore' },
      ],
    },
  });
  assert.equal(text(first(first(tei, 'front'), 'p')).trim(), 'Bibliothèque nationale');
  assert.equal(text(first(first(tei, 'body'), 'head')).trim(), 'Chapitre premier.');
  assert.deepEqual(
    all(tei, 'fw').map((f) => [f.attrs.type, text(f)]),
    [['ignored', 'xx garbage xx']],
  );
});

test('a page that opens with a note mark of the text’s convention is never joined to the paragraph before it', () => {
  const bracketed = convertText(`Le texte [1] et [2].\n\n \n\nNotes\n\n[1]. Une note qui va${gap(3)}[2]. Une autre note.\n`, {
    notes: { convention: 'bracketed-endnotes' },
  });
  assert.deepEqual(
    all(bracketed.tei, 'note').map((n) => [n.attrs.n, text(n).replace(/\s+/gu, ' ').trim()]),
    [
      ['1', 'Une note qui va'],
      ['2', 'Une autre note.'],
    ],
  );
  const parenthesised = convertText(`Le titre\n\nUne phrase qui va${gap(3)}(5) Une note en haut de page.\n`, {
    notes: { convention: 'parenthesised-footnotes' },
  });
  assert.deepEqual(paragraphs(parenthesised.tei), ['Une phrase qui va', '(5) Une note en haut de page.']);
  // Without a note convention, a bracketed number is text like any other: the sentence goes on.
  const none = convertText(`Le titre\n\nUne phrase qui va${gap(3)}[5] et continue.\n`);
  assert.deepEqual(paragraphs(none.tei), ['Une phrase qui va [5] et continue.']);
});

test('running heads without OCR: blank lines stay reliable (the blank–spaces–blank gap opens a section), and a page a running head opens is read by the page’s evidence', () => {
  const raw = 'Il marchait vers la tranchée.\n\n\n\nLE FEU 10\n\nla tranchée, lentement.\n\n \n\nNotes\n\n[1]. Une note.\n';
  const { tei } = convertText(raw.replace('tranchée.\n', 'tranchée [1]\n'), {
    layout: { profile: 'prose', runningHeads: ['LE FEU'] },
    notes: { convention: 'bracketed-endnotes' },
  });
  assert.equal(all(first(tei, 'body'), 'note').length, 1, 'the endnotes section is read');
  assert.match(text(first(tei, 'body'), ['note', 'fw']), /tranchée\s+la tranchée, lentement/u, 'the sentence goes on across the page');
});
