/** The names worklist, and the editor's loop: add a person to the register, convert again, the mentions are tagged. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEditionCopy } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';

const appeal = '1917-11-05-lenine-a-tous-les-membres-du-parti';

test('the sample edition has nothing unresolved (entities --strict exits 0)', async () => {
  const run = await runInProcess(['entities', '--strict'], sampleEditionCopy());
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^Names in no register: 0$/mu);
  assert.match(run.stdout, /^Register entries never mentioned: 0$/mu);
});

test('a person missing from the register is listed with its position; added back, its mention is tagged', async () => {
  const dir = sampleEditionCopy();
  const registerPath = join(dir, 'tei', 'persons.xml');
  const register = readFileSync(registerPath, 'utf8');
  const spiro = /\s*<person xml:id="spiro">[\s\S]*?<\/person>/u.exec(register)?.[0];
  assert.ok(spiro, 'Spiro is in the sample register');
  writeFileSync(registerPath, register.replace(spiro, ''));

  const worklist = await runInProcess(['entities', '--json'], dir);
  const result = JSON.parse(worklist.stdout) as {
    unresolved: { name: string; count: number; positions: { file: string; line: number; column: number }[] }[];
  };
  assert.deepEqual(
    result.unresolved.map((u) => [u.name, u.count, u.positions.map((p) => `${p.file}:${p.line}:${p.column}`)]),
    [['Spiro', 1, [`tei/raw/${appeal}.txt:32:9`]]],
  );
  assert.equal((await runInProcess(['entities', '--strict'], dir)).code, 1);

  assert.equal((await runInProcess(['convert', appeal], dir)).code, 0);
  assert.doesNotMatch(readFileSync(join(dir, 'tei', `${appeal}.xml`), 'utf8'), /persons\.xml#spiro/u);
  writeFileSync(registerPath, register);
  assert.equal((await runInProcess(['convert', appeal], dir)).code, 0);
  assert.match(readFileSync(join(dir, 'tei', `${appeal}.xml`), 'utf8'), /<persName ref="persons\.xml#spiro">Spiro<\/persName>/u);
});

test('a broken register is an error with its position, before anything is converted', async () => {
  const dir = sampleEditionCopy();
  writeFileSync(
    join(dir, 'tei', 'places.xml'),
    '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text><body><listPlace></body></text>\n</TEI>\n',
  );
  const run = await runInProcess(['convert'], dir);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^tei\/places\.xml:3:\d+ {2}error {2}/mu);
});
