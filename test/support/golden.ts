/**
 * Golden files: the expected output is a file reviewed like code. `UPDATE=1 npm test` rewrites
 * them; the diff is then read before it is committed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function assertGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE === '1') {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
    return;
  }
  assert.ok(existsSync(goldenPath), `${goldenPath} is missing; run the tests with UPDATE=1 to write it, then review it`);
  assert.equal(actual, readFileSync(goldenPath, 'utf8'), `output differs from ${goldenPath} (UPDATE=1 rewrites it; review the diff)`);
}
