/** Hyphen decisions: the document's own spelling first, then the word list; doubt is reported. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideHyphen } from '../../src/enrich/hyphenation.js';
import { lexiconOf, WordCounts } from '../../src/enrich/lexicon.js';
import { convertText } from '../support/convert-text.js';

const lexicon = lexiconOf(['pouvoir', 'pou', 'voir', 'avant-garde', 'avant', 'garde', 'porte-monnaie', 'portemonnaie', 'objectivement']);
const words = (...list: string[]) => {
  const counts = new WordCounts();
  for (const w of list) counts.add(w);
  return { vocabulary: counts };
};

test('the joined word in the word list: a typographic hyphen', () => {
  assert.deepEqual(decideHyphen('pou', 'voir', words(), lexicon), { kind: 'soft', evidence: 'lexicon' });
  assert.deepEqual(decideHyphen('(ob', 'jectivement', words(), lexicon).kind, 'soft');
});

test('the compound in the word list (after an elided article): the hyphen stays', () => {
  assert.deepEqual(decideHyphen('l’avant', 'garde', words(), lexicon), { kind: 'hard', evidence: 'lexicon' });
});

test('the document’s own spelling wins over the word list', () => {
  assert.deepEqual(decideHyphen('socialistes', 'révolutionnaires', words('socialistes-révolutionnaires'), lexicon), { kind: 'hard', evidence: 'document' });
  assert.deepEqual(decideHyphen('Zino', 'viev', words('Zinoviev', 'Zinoviev'), lexicon), { kind: 'soft', evidence: 'document' });
});

test('both forms are words: joined, but reported as undecided', () => {
  const d = decideHyphen('porte', 'monnaie', words(), lexicon);
  assert.equal(d.kind, 'soft');
  assert.equal(d.evidence, 'undecided');
});

test('nothing attested: joined and reported; two capitalised parts: a compound name', () => {
  assert.equal(decideHyphen('Ke', 'renski', words(), lexicon).evidence, 'undecided');
  assert.deepEqual(decideHyphen('Alsace', 'Lorraine', words(), lexicon), { kind: 'hard', evidence: 'capital' });
});

test('in a text: the warning gives the line and column of the hyphen', () => {
  const { printed, xml } = convertText('Le camarade Ke-\nrenski arrive.\n');
  assert.match(printed, /^test\.txt:1:15 {2}warning {2}“Ke-” \+ “renski” at a line end/mu);
  assert.match(xml ?? '', /Ke<lb n="2" break="no" rend="hyphen"\/>renski/u);
});

test('the French word list is already in lookup form, so it is used as it is', async () => {
  const { frenchWordList, lookupForm } = await import('../../src/enrich/lexicon.js');
  const words = frenchWordList();
  assert.ok(words.length > 300_000);
  const changed = words.filter((w) => lookupForm(w) !== w);
  assert.deepEqual(changed.slice(0, 5), []);
});
