/** The columns profile's rules, on small made-up magazine pages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertText } from '../support/convert-text.js';
import { all, first, text, type El } from '../support/xml-query.js';

const columns = { layout: { profile: 'columns' as const } };
const paragraphs = (el: El) => all(el, 'p').map((p) => text(p, ['note']).replace(/\s+/gu, ' ').trim());

// A 60-column text: full lines are 55–62 characters.
const wide = [
  'Le congrès des soviets se réunit le soir même dans la grande',
  'salle de l’institut, où les délégués arrivent de tout le pays.',
  'Les débats durent toute la nuit.',
  'Au matin, le nouveau gouvernement est formé par les délégués',
  'qui restent dans la salle après le départ des autres partis.',
];

test('blank lines are extraction artefacts, even inside a hyphenated word', () => {
  const { tei } = convertText(`${wide[0]}\n\n${wide[1]}\nIls veulent le pou-\n\nvoir.\n`, columns);
  assert.deepEqual(paragraphs(first(tei, 'body')), [`${wide[0]} ${wide[1]} Ils veulent le pouvoir.`]);
});

test('a paragraph ends on a line that closes a sentence and is clearly shorter than the column', () => {
  const { tei } = convertText(`${wide.join('\n')}\n`, columns);
  assert.deepEqual(paragraphs(first(tei, 'body')), [wide.slice(0, 3).join(' '), wide.slice(3).join(' ')]);
});

test('a full-width line that closes a sentence does not end the paragraph', () => {
  const lines = [wide[0], 'salle de l’institut, où les délégués arrivent du pays entier.', wide[3], wide[4]];
  const { tei } = convertText(`${lines.join('\n')}\n`, columns);
  assert.equal(paragraphs(first(tei, 'body')).length, 1);
});

test('a short line without a sentence end does not end the paragraph', () => {
  const { tei } = convertText(`${wide[0]}\nsalle de l’institut, où\n${wide[3]}\n${wide[4]}\n`, columns);
  assert.equal(paragraphs(first(tei, 'body')).length, 1);
});

test('interleaved texts of two widths are separated and put in reading order; an indented line opens a block', () => {
  const narrow = ['Je ne peux pas présenter de', 'rapport, hélas.', 'informer d’un problème grave', 'qui vous intéresse tous.'];
  const raw = [
    ` ${wide[0]}`,
    wide[1],
    wide[3],
    ` ${narrow[0]}`,
    narrow[1],
    'Le titre du discours',
    '',
    wide[4],
    'Fin de l’introduction.',
    ` ${narrow[2]}`,
    narrow[3],
  ].join('\n');
  const { tei, printed } = convertText(`${raw}\n`, {
    layout: {
      profile: 'columns',
      flows: [
        { type: 'introduction', appearance: 1 },
        { type: 'speech', appearance: 2 },
      ],
    },
  });
  const divs = all(first(tei, 'body'), 'div');
  assert.deepEqual(
    divs.map((d) => d.attrs.type),
    ['introduction', 'speech'],
  );
  assert.deepEqual(paragraphs(divs[0] as El), [`${wide[0]} ${wide[1]} ${wide[3]} ${wide[4]} Fin de l’introduction.`]);
  assert.equal(
    text(first(divs[1] as El, 'head'))
      .replace(/\s+/gu, ' ')
      .trim(),
    'Le titre du discours',
  );
  assert.deepEqual(paragraphs(divs[1] as El), [`${narrow[0]} ${narrow[1]}`, `${narrow[2]} ${narrow[3]}`]);
  assert.match(printed, /heading “Le titre du discours” printed after the text's first block; moved to the start/u);
});

test('footnote bodies "(n) …" are taken out of the text and put at their calls', () => {
  const raw = [
    wide[0],
    'salle de l’institut (1), où les délégués arrivent du pays.',
    'Les débats durent toute la nuit.',
    '(1) L’institut Smolny, siège du',
    'soviet de Pétrograd.',
  ].join('\n');
  const { tei } = convertText(`${raw}\n`, { layout: { profile: 'columns' }, notes: { convention: 'parenthesised-footnotes' } });
  const note = first(first(tei, 'body'), 'note');
  assert.equal(note.attrs.n, '1');
  assert.equal(text(note).replace(/\s+/gu, ' ').trim(), 'L’institut Smolny, siège du soviet de Pétrograd.');
  assert.doesNotMatch(text(first(tei, 'body'), ['note']), /\(1\)/u);
});

test('without a footnote convention, "(1) …" lines stay text', () => {
  const raw = [wide[0], wide[1], '(1) une liste commence ici', 'et continue.'].join('\n');
  const { tei } = convertText(`${raw}\n`, columns);
  assert.equal(all(tei, 'note').filter((n) => n.parent?.name !== 'bibl').length, 0);
});
