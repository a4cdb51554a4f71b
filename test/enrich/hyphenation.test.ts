/** Hyphen decisions: the document's own spelling first, then the word list; doubt is reported. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compoundKey, CutReadings, decideHyphen } from '../../src/convert/enrich/hyphenation.js';
import { lexiconOf, WordCounts } from '../../src/lib/lexicon/lexicon.js';
import { convertText } from '../support/convert-text.js';

const lexicon = lexiconOf([
  'pouvoir',
  'pou',
  'voir',
  'avant-garde',
  'avant',
  'garde',
  'porte-monnaie',
  'portemonnaie',
  'objectivement',
  'ville',
  'franche',
  'allemande',
  'officielle',
  'kantiens',
  'rappelons',
  'le',
  'chefs',
  'militaristes',
  'mar',
  'tyr',
  'mil',
  'lionnaire',
  'millionnaire',
]);
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
  assert.deepEqual(decideHyphen('socialistes', 'révolutionnaires', words('socialistes-révolutionnaires'), lexicon), {
    kind: 'hard',
    evidence: 'document',
  });
  assert.deepEqual(decideHyphen('Zino', 'viev', words('Zinoviev', 'Zinoviev'), lexicon), { kind: 'soft', evidence: 'document' });
});

test('both forms are words: joined, but reported as undecided', () => {
  const d = decideHyphen('porte', 'monnaie', words(), lexicon);
  assert.equal(d.kind, 'soft');
  assert.equal(d.evidence, 'undecided');
});

test('the same word cut elsewhere at another place shows its spelling (rule 2)', () => {
  const cuts = new CutReadings();
  cuts.add('Villefran', 'che');
  cuts.add('Ville', 'franche');
  assert.deepEqual(decideHyphen('Ville', 'franche', { vocabulary: new WordCounts(), cuts }, lexicon), {
    kind: 'soft',
    evidence: 'document-cut',
  });
  const hyphen = new CutReadings();
  hyphen.add('archi-mil', 'lionnaire');
  hyphen.add('archi', 'millionnaire');
  assert.deepEqual(decideHyphen('archi', 'millionnaire', { vocabulary: new WordCounts(), cuts: hyphen }, lexicon), {
    kind: 'hard',
    evidence: 'document-cut',
  });
  // The same cut at the same place proves nothing.
  const same = new CutReadings();
  same.add('Ville', 'franche');
  same.add('Ville', 'franche');
  assert.equal(decideHyphen('Ville', 'franche', { vocabulary: new WordCounts(), cuts: same }, lexicon).evidence, 'undecided');
});

test('a pronoun or an elided word after the hyphen: the compound’s hyphen (rule 4)', () => {
  assert.deepEqual(decideHyphen('Rappelons', 'le', words(), lexicon), { kind: 'hard', evidence: 'grammar' });
  assert.deepEqual(decideHyphen('font', 'ils', words(), lexicon), { kind: 'hard', evidence: 'grammar' });
  assert.deepEqual(decideHyphen('va', 't-en', words(), lexicon), { kind: 'hard', evidence: 'grammar' });
  assert.deepEqual(decideHyphen('chefs', 'd’œuvre', words(), lexicon), { kind: 'hard', evidence: 'grammar' });
});

test('a first part the document writes in hyphenated compounds keeps its hyphen before a word (rule 5)', () => {
  const compoundStems = new WordCounts();
  compoundStems.add('anti');
  compoundStems.add('anti');
  assert.deepEqual(decideHyphen('anti', 'allemande', { vocabulary: new WordCounts(), compoundStems }, lexicon), {
    kind: 'hard',
    evidence: 'document-stem',
  });
  const once = new WordCounts();
  once.add('anti');
  assert.notEqual(
    decideHyphen('anti', 'allemande', { vocabulary: new WordCounts(), compoundStems: once }, lexicon).evidence,
    'document-stem',
    'once is not enough',
  );
});

test('a prefix that forms compounds with a hyphen, before a word, when nothing else is known: kept, and reported (rule 7)', () => {
  const d = decideHyphen('semi', 'officielle', words(), lexicon);
  assert.equal(d.kind, 'hard');
  assert.equal(d.evidence, 'undecided');
  assert.equal(decideHyphen('néo', 'kantiens', words(), lexicon).kind, 'hard');
});

test('two halves that happen to be words are not a compound: joined, and reported (no “both parts are words” rule)', () => {
  const d = decideHyphen('mar', 'tyr', words(), lexicon);
  assert.equal(d.kind, 'soft');
  assert.equal(d.evidence, 'undecided');
  assert.equal(decideHyphen('Ville', 'franche', words(), lexicon).kind, 'soft');
});

test('nothing attested: joined and reported; two capitalised parts: a compound name', () => {
  assert.equal(decideHyphen('Ke', 'renski', words(), lexicon).evidence, 'undecided');
  assert.deepEqual(decideHyphen('Alsace', 'Lorraine', words(), lexicon), { kind: 'hard', evidence: 'capital' });
  assert.deepEqual(
    decideHyphen('l’Alsace', 'Lorraine', words(), lexicon),
    { kind: 'hard', evidence: 'capital' },
    'an elided article does not hide the capital',
  );
});

test('the same compound written elsewhere in the other number or with the non-breaking hyphen: the hyphen stays (rule 3c); a tie of both forms does not', () => {
  const compounds = new WordCounts();
  compounds.add(compoundKey('socialistes', 'révolutionnaires'));
  assert.equal(compoundKey('socialistes', 'révolutionnaires'), compoundKey('socialiste', 'révolutionnaire'));
  assert.deepEqual(decideHyphen('socialiste', 'révolutionnaire', { ...words(), compounds }, lexicon), {
    kind: 'hard',
    evidence: 'document-compound',
  });
  assert.equal(decideHyphen('socialiste', 'révolutionnaire', words(), lexicon).kind, 'soft', 'without it: joined (rule 8)');
  const sala = new WordCounts();
  sala.add(compoundKey('Sala', 'belle'));
  assert.equal(decideHyphen('Sala', 'belle', { ...words('Sala-belle', 'Salabelle'), compounds: sala }, lexicon).kind, 'soft');
  const { xml } = convertText('Les socialistes‑révolutionnaires de gauche et le parti socialiste-\nrévolutionnaire.\n');
  assert.match(xml ?? '', /socialiste-<lb n="2" break="no"\/>révolutionnaire/u);
});

test('in a text: the warning gives the line and column of the hyphen', () => {
  const { printed, xml } = convertText('Le camarade Ke-\nrenski arrive.\n');
  assert.match(printed, /^test\.txt:1:15 {2}warning {2}“Ke-” \+ “renski” at a line end/mu);
  assert.match(xml ?? '', /Ke<lb n="2" break="no" rend="hyphen"\/>renski/u);
});

test('the French word list is already in lookup form, so it is used as it is', async () => {
  const { frenchWordList, lookupForm } = await import('../../src/lib/lexicon/lexicon.js');
  const words = frenchWordList();
  assert.ok(words.length > 300_000);
  const changed = words.filter((w) => lookupForm(w) !== w);
  assert.deepEqual(changed.slice(0, 5), []);
});
