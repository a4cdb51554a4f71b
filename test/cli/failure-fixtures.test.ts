/**
 * Bad input gets a clear error and a non-zero exit code: each folder of test/fixtures/cli holds
 * an edition.json and its input; `expected.stderr.txt` and `expected.exit-code` state exactly
 * what `tei-edition convert` prints and returns (UPDATE=1 rewrites them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertGolden } from '../support/golden.js';
import { fixturesDir } from '../support/paths.js';
import { copyToTemp } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';

const folder = join(fixturesDir, 'cli');

for (const name of readdirSync(folder).sort()) {
  test(`convert: ${name}`, async () => {
    const dir = copyToTemp(join(folder, name));
    const run = await runInProcess(['convert'], dir);
    assertGolden(run.stderr, join(folder, name, 'expected.stderr.txt'));
    assertGolden(`${run.code}\n`, join(folder, name, 'expected.exit-code'));
    assert.equal(name.startsWith('fails-'), run.code !== 0, 'fails-* cases exit non-zero, the others zero');
    assert.equal(existsSync(join(dir, 'tei', 'text.xml')), run.code === 0, 'a TEI file is written only when the conversion succeeds');
  });
}
