/**
 * OCR noise (src/convert/layout/forme.ts): a line of stray symbols and capitals is noise; a short line that
 * ends a sentence with a name is text, though the name is in no word list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentLineWords, isNoiseLine } from '../../src/convert/layout/forme.js';
import { lexiconOf } from '../../src/lib/lexicon/lexicon.js';
import { splitLines } from '../../src/convert/lines/split-lines.js';

const lexicon = lexiconOf(['appela', 'doucement', 'le', 'plus', 'jeune', 'qui', 'se', 'nommait', 'il', 'dit', 'et', 'de', 'la', 'fin']);
const line = (text: string, n = 1) => ({ ...(splitLines([text])[0] as ReturnType<typeof splitLines>[number]), n });
const goesOn = line('appela doucement le plus jeune, qui se nommait');
const ended = line('Il dit et la fin.');

test('a name and its full stop after a line that does not end the sentence is text', () => {
  assert.equal(isNoiseLine(line('Poterloo.'), goesOn, lexicon), false);
  assert.equal(isNoiseLine(line('Saint-Just !'), goesOn, lexicon), false);
  assert.equal(isNoiseLine(line('de Souchez.'), goesOn, lexicon), false);
});

test('after a sentence end, a name alone on its line is text only if the document writes it elsewhere', () => {
  const words = documentLineWords(splitLines(['Poterloo était là.', 'Poterloo.']));
  assert.equal(isNoiseLine(line('Poterloo.'), ended, lexicon, words), false);
  assert.equal(isNoiseLine(line('Barque.'), ended, lexicon, words), true);
});

test('stray symbols, capitals and fragments stay noise, whatever the line before', () => {
  for (const noise of ["■ ..,' ■", "..,'", 'Rr ■ Lrt.', 'CYter .', 'PE nn pr 1 DL)', 'EL', '— Ab!', 'LR ee.', 'Poterloo']) {
    assert.equal(isNoiseLine(line(noise), goesOn, lexicon), true, noise);
  }
});
