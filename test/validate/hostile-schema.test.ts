/**
 * A RELAX NG schema that includes itself through `externalRef` (issue 14, item 9): before, the
 * compilation never ended; now it is an unusable schema, exit 2, with the place of the reference
 * and the chain of files, as jing's "recursive inclusion".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixturesDir } from '../support/paths.js';
import { copyToTemp } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';

test('validate --schema a.rng, where a.rng → b.rng → a.rng by externalRef: exit 2, the loop named where it closes', async () => {
  const dir = copyToTemp(join(fixturesDir, 'validate-schema-loop'));
  const run = await runInProcess(['validate', 'a.xml', '--schema', 'a.rng'], dir);
  assert.equal(run.code, 2);
  assert.equal(
    run.stderr,
    'b.rng:2:15  error  the RELAX NG schema cannot be used: recursive inclusion: <externalRef href="a.rng"> refers back to "a.rng", which is being read (a.rng → b.rng → a.rng); a schema file may not include itself, directly or through other files  tei-edition/schema-file\n',
  );
});
