/**
 * Letter calls (`mota`, `»b`) at the foot of the page (layout/letter-calls.ts, issue 16): a letter
 * is a candidate only when the words say so, and a call only when its body is at the page's foot.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexiconOf, WordCounts } from '../../src/lib/lexicon/lexicon.js';
import { letterCallCandidates, letterCallEvidence } from '../../src/convert/layout/letter-calls.js';
import { recoverSourceLines } from '../support/source-lines.js';
import { convertText } from '../support/convert-text.js';
import { all, first, text } from '../support/xml-query.js';

const lexicon = lexiconOf(['ici', 'mari', 'imaginer', 'imaginera', 'cela', 'la', 'il', 'a', 'possible']);
const documentOf = (...words: string[]) => {
  const counts = new WordCounts();
  for (const w of words) counts.add(w);
  return counts;
};

test('a letter glued to a word is a candidate call when the word without it is a word and with it is not', () => {
  const words = { lexicon, document: documentOf('Boycea', 'Boyce') };
  assert.equal(letterCallEvidence('icic', words), 'word');
  assert.equal(letterCallEvidence('Boycea', words), 'word', 'the document writes “Boyce” (in the note)');
  assert.equal(letterCallEvidence('cela', words), undefined, 'a word');
  assert.equal(letterCallEvidence('ya', words), undefined, 'one letter left is not a word to call from');
  assert.equal(letterCallEvidence('Shakespearea', words), 'name', 'a name no list knows: a weaker candidate');
  assert.equal(letterCallEvidence('imaginera', words), 'word-too', 'a word both ways: the weakest');
  assert.equal(
    letterCallEvidence('Boycea', { lexicon, document: documentOf('Boycea', 'Boycea', 'Boyce') }),
    undefined,
    'written twice: a word of the document',
  );
});

test("a letter after a word's closing punctuation is a candidate, not after an apostrophe; a cut word is read whole", () => {
  const words = { lexicon, document: documentOf() };
  assert.deepEqual(
    letterCallCandidates('l’histoire en science positive »b. Ces', [], words).map((c) => c.letter),
    ['b'],
  );
  assert.deepEqual(letterCallCandidates('il l’a fait, et cela', [], words), []);
  assert.deepEqual(
    letterCallCandidates('siblea. Ici', ['pos'], words).map((c) => [c.letter, c.evidence]),
    [['a', 'word']],
  );
});

const gap = '\n\n\n\n';

test("letter calls are matched to bodies “a …”, “b) …” at the page's foot, restarting on each page", () => {
  const raw = `Titre\n\nNous n’avons pas voulu écrire, comme W. B. Boycea, un\nrésumé ; la chose est dite icib. La suite vient.\n\na W. B. Boyce, Introduction, London, 1884.\nb) Voir plus loin.${gap}Le texte reprend ici, et la science positivea est nommée.\n\na Tel, par exemple, Buchez.\n`;
  const { tei, messages, printed } = convertText(raw, {});
  const notes = all(first(tei, 'body'), 'note');
  assert.deepEqual(
    notes.map((n) => [n.attrs.n, text(n).trim()]),
    [
      ['a', 'W. B. Boyce, Introduction, London, 1884.'],
      ['b', 'Voir plus loin.'],
      ['a', 'Tel, par exemple, Buchez.'],
    ],
    printed,
  );
  assert.match(text(first(tei, 'body')), /comme W\. B\. Boyce/u);
  assert.doesNotMatch(text(first(tei, 'body')), /Boycea|icib|positivea/u);
  assert.deepEqual(
    messages.filter((m) => m.severity === 'warning' && /note/u.test(m.rule)),
    [],
    printed,
  );
  // The calls and marks as printed are read back from @rend: every raw line is recovered.
  const recovered = recoverSourceLines(convertText(raw, {}).xml ?? '', { notes: 'page-footnotes' });
  raw.split('\n').forEach((line, i) => {
    if (line.trim() !== '') assert.equal(recovered.lines.get(i + 1), line.trim(), `line ${i + 1}`);
  });
});

test("a word's letter without a body stays text, and a line opening with “a” matches no call of a word", () => {
  const raw = `Titre\n\nLe président icia parlé longtemps.\nPuis il se tut.${gap}Devant l’assemblée, il dit cela et la\nloi nouvelle, que le public\n\na écoutée jusqu’au bout.\n`;
  const { tei, messages, printed } = convertText(raw, {});
  assert.equal(all(tei, 'note').length, 0, printed);
  assert.match(text(first(tei, 'body')), /icia parlé/u);
  assert.match(text(first(tei, 'body')), /a écoutée/u);
  assert.deepEqual(
    messages.filter((m) => /note/u.test(m.rule)),
    [],
    printed,
  );
});
