import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDropCap } from '../../src/convert/enrich/drop-caps.js';
import { lexiconOf } from '../../src/lib/lexicon/lexicon.js';

const lexicon = lexiconOf(['le', 'je', 'la']);

test('capitals glued to digits or lower case are a drop cap', () => {
  assert.deepEqual(findDropCap('LE29 octobre 1917', lexicon), { orig: 'LE29', reg: 'Le 29' });
  assert.deepEqual(findDropCap('JE ne peux pas', lexicon), { orig: 'JE', reg: 'Je' });
});

test('a word in capitals followed by more capitals, or not a word, is not', () => {
  assert.equal(findDropCap('LE FEU', lexicon), undefined);
  assert.equal(findDropCap('URSS est', lexicon), undefined);
  assert.equal(findDropCap('Le 29 octobre', lexicon), undefined);
});
