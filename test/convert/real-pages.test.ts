/**
 * Failures seen on real texts laid out as extracted book pages (issue 16): each folder of
 * test/fixtures/real-pages holds a raw text (`input.txt`) and its source config (`source.json`);
 * the TEI and the messages are golden files (UPDATE=1 rewrites them), every raw line is recovered
 * from the TEI, the TEI is valid, and each case states the fact it is there for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceConfig } from '../../src/lib/config/types.js';
import { compareDiagnostics } from '../../src/lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';
import { recoverSourceLines } from '../support/source-lines.js';
import { convertText } from '../support/convert-text.js';
import { assertGolden } from '../support/golden.js';
import { jingValidate, skipWithoutJing } from '../support/jing.js';
import { fixturesDir, teiAllSchema } from '../support/paths.js';
import { all, first, text, type El } from '../support/xml-query.js';

const folder = join(fixturesDir, 'real-pages');

function fixture(name: string): { raw: string; result: ReturnType<typeof convertText> } {
  const raw = readFileSync(join(folder, name, 'input.txt'), 'utf8');
  const source = JSON.parse(readFileSync(join(folder, name, 'source.json'), 'utf8')) as Partial<SourceConfig>;
  return { raw, result: convertText(raw, source) };
}

const paragraphs = (tei: El) => all(first(tei, 'body'), 'p').map((p) => text(p).replace(/\s+/gu, ' ').trim());
const rules = (result: ReturnType<typeof convertText>, rule: string) => result.messages.filter((m) => m.rule === `tei-edition/${rule}`);

for (const name of readdirSync(folder).sort()) {
  test(`real-pages/${name}: TEI and messages match the reviewed golden files, and every raw line is recovered`, () => {
    const { raw, result } = fixture(name);
    assert.ok(result.xml, result.printed);
    assertGolden(result.xml, join(folder, name, 'expected.xml'));
    assertGolden(
      [...result.messages]
        .sort(compareDiagnostics)
        .map((m) => `${formatDiagnostic(m)}\n`)
        .join(''),
      join(folder, name, 'expected.messages.txt'),
    );
    const recovered = recoverSourceLines(result.xml, { notes: 'none' });
    raw.split('\n').forEach((line, i) => {
      const want = line.replace(/\s+/gu, ' ').trim();
      if (want !== '') assert.equal(recovered.lines.get(i + 1), want, `line ${i + 1}`);
    });
    assert.deepEqual(recovered.strayHyphens, [], 'a word is left cut');
  });
}

test('the TEI of every real-pages fixture is valid against the official tei_all.rng (jing)', (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const documents = Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [`${name}.xml`, fixture(name).result.xml ?? '']),
  );
  assert.deepEqual(jingValidate(teiAllSchema, documents), []);
});

test('a paragraph ending with “:” on a short last line at a page’s end is not merged with the quoted speech on the next page', () => {
  const { result } = fixture('page-end-colon');
  const ps = paragraphs(result.tei);
  assert.ok(
    ps.some((p) => p.endsWith('en disant à voix basse :')),
    'the paragraph ends at the colon',
  );
  assert.ok(
    ps.some((p) => p.startsWith('« Tu la donneras à ma tante')),
    'the quoted speech opens its own paragraph',
  );
  assert.ok(
    ps.some((p) =>
      p.endsWith(
        'Il fallait traverser la rivière au gué, monter la côte des Bruyères et passer la nuit à l’auberge de la Croix-Blanche, où l’on mangeait mal mais où les lits étaient propres. Le voyage prendrait trois jours au moins, et davantage si la neige tombait sur les plateaux.',
      ),
    ),
  );
  // The full line “… Elle regardait le feu.” at a page's end cannot be read from the page, and this
  // short text has too few boundaries of its own to learn from: a new paragraph is assumed, and reported.
  assert.equal(ps.length, 8, 'seven paragraphs as written, one of them split at the reported page gap');
  const doubts = rules(result, 'page-break-paragraph');
  assert.deepEqual(
    doubts.map((m) => [m.position.line, /assumed to start a new paragraph/u.test(m.message)]),
    [[61, true]],
  );
});

test('where the text indents its paragraphs, the next page’s indentation decides, after a full line too: nothing left to report', () => {
  const { result } = fixture('page-end-indented');
  const ps = paragraphs(result.tei);
  assert.equal(ps.length, 7, 'seven paragraphs, as written');
  assert.ok(
    ps.some((p) => p.includes('pour leurs dix ans de mariage. Dehors, le vent')),
    'the paragraph goes on after a full line ending a sentence',
  );
  assert.ok(
    ps.some((p) => p.includes('ne disait rien. Elle regardait le feu.')),
    'likewise on the third page',
  );
  assert.ok(ps.some((p) => p.startsWith('« Tu la donneras')));
  assert.deepEqual(rules(result, 'page-break-paragraph'), []);
});

test('with ocr: true, a short last line holding a name and its full stop stays text; stray symbols stay noise', () => {
  const { result } = fixture('ocr-name-line');
  const noise = all(result.tei, 'fw')
    .filter((f) => f.attrs.type === 'noise')
    .map((f) => text(f));
  assert.deepEqual(noise, ["■ ..,' ■", "..,'", 'Rr ■ Lrt.']);
  const ps = paragraphs(result.tei);
  assert.ok(
    ps.some((p) => p.endsWith('qui se nommait Poterloo.')),
    'after a line that does not end the sentence',
  );
  assert.ok(ps.some((p) => p.endsWith('le nom de son village, Souchez.')));
  assert.ok(ps.includes('Barque.'), 'a name seen elsewhere in the document, alone on its line');
  assert.equal(rules(result, 'ocr-noise').length, 3);
});

test('hyphenation on a real page: prefixes, pronouns and elided words keep the compound’s hyphen; a name cut twice is joined', () => {
  const { result } = fixture('hyphenation-compounds');
  const reading = paragraphs(result.tei).join(' ');
  for (const word of ['anti-allemande', 'archi-millionnaire', 'semi-officielle', 'chefs-d’œuvre', 'Rappelons-le', 'archi-millionnaire,'])
    assert.ok(reading.includes(word), word);
  assert.ok(reading.includes('fortifications de Villefranche, dont'), 'Ville-/franche is cut like Villefran-/che elsewhere: one word');
  assert.ok(reading.includes('jamais vu Villefranche.'));
  // Only the prefix of the word list's rule is left to doubt: “semi-” + “officielle”.
  assert.deepEqual(
    rules(result, 'hyphenation-undecided').map((m) => m.position.line),
    [8],
  );
});
