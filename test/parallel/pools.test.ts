/**
 * The worker pools give exactly what the same work gives in process: converting the sample
 * edition, validating a folder of broken files in several batches, and rendering the HTML pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../support/paths.js';
import { runTeiEdition, sampleEditionCopy, tempDir } from '../support/run-cli.js';

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.xml') || f.endsWith('.html')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

test('convert: two workers write the same TEI as one thread', () => {
  const one = sampleEditionCopy();
  const two = sampleEditionCopy();
  assert.equal(runTeiEdition(['convert', '--jobs', '1'], one).code, 0);
  assert.equal(runTeiEdition(['convert', '--jobs', '2'], two).code, 0);
  assert.deepEqual(files(join(two, 'tei')), files(join(one, 'tei')));
});

test('validate: two workers over several batches give the same messages as one thread', () => {
  const dir = tempDir();
  // 45 files: three batches of up to 20, so that both workers get some.
  const broken = readdirSync(join(fixturesDir, 'validate')).filter((f) => f.startsWith('fails-') && f !== 'fails-too-large' && f !== 'fails-max-warnings');
  for (let i = 0; i < 45; i++) {
    const name = broken[i % broken.length] ?? '';
    const source = readdirSync(join(fixturesDir, 'validate', name)).find((f) => f.endsWith('.xml')) ?? '';
    cpSync(join(fixturesDir, 'validate', name, source), join(dir, `${String(i).padStart(2, '0')}-${name}.xml`));
  }
  const one = runTeiEdition(['validate', '.', '--jobs', '1', '--format', 'json'], dir);
  const two = runTeiEdition(['validate', '.', '--jobs', '2', '--format', 'json'], dir);
  assert.equal(one.code, 1);
  assert.equal(two.code, 1);
  assert.ok((JSON.parse(one.stdout) as unknown[]).length >= 45);
  assert.equal(two.stdout, one.stdout);
});

test('html: two workers render the same pages as one thread', () => {
  const dir = sampleEditionCopy();
  assert.equal(runTeiEdition(['convert'], dir).code, 0);
  assert.equal(runTeiEdition(['html', '--jobs', '1', '--out', 'one'], dir).code, 0);
  assert.equal(runTeiEdition(['html', '--jobs', '2', '--out', 'two'], dir).code, 0);
  assert.deepEqual(files(join(dir, 'two', 'html')), files(join(dir, 'one', 'html')));
});
