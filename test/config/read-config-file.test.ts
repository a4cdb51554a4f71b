import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEditionConfigFile } from '../../src/lib/config/read-config-file.js';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';
import { tempDir } from '../support/run-cli.js';

const dir = tempDir();
const valid = fileURLToPath(new URL('../../../test/fixtures/config/valid-minimal.json', import.meta.url));

test('reads and loads a config file', async () => {
  const { config, messages } = await readEditionConfigFile(valid);
  assert.deepEqual(messages, []);
  assert.equal(config?.sources.length, 1);
});

test('a missing file is one message that names the path and suggests init', async () => {
  const path = join(dir, 'edition.json');
  const { config, messages } = await readEditionConfigFile(path);
  assert.equal(config, undefined);
  assert.deepEqual(messages.map(formatDiagnostic), [
    `${path}  error  found no file at ${path}, expected an edition config file  tei-edition/config-missing\n    hint: run \`tei-edition init\` to create one, or give the path of an existing edition.json`,
  ]);
});

test('a directory is not a config file', async () => {
  const { messages } = await readEditionConfigFile(dir);
  assert.equal(messages.length, 1);
  assert.equal(messages[0]?.rule, 'tei-edition/config-missing');
  assert.equal(messages[0]?.message, `found a directory at ${dir}, expected an edition config file`);
});

test('a file that is not UTF-8 is refused rather than read with replacement characters', async () => {
  const path = join(dir, 'latin1.json');
  writeFileSync(path, Buffer.from('{"edition": "\xc9crits"}', 'latin1'));
  const { messages } = await readEditionConfigFile(path);
  assert.deepEqual(
    messages.map((m) => `${m.rule}: ${m.message}`),
    [`tei-edition/config-json: found bytes that are not UTF-8 in ${path}, expected UTF-8 text`],
  );
});
