/**
 * `npm run test:unit`: node's test runner on the test files of the unit tier (test/support/tiers.ts),
 * with the CLI in process and the tests that need the full tier skipped with their reason.
 * Extra arguments go to `node --test` (e.g. `--test-reporter=dot`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inUnitTier, TIER_VARIABLE } from './tiers.js';

const compiledTests = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  }).sort();
}

const all = testFiles(compiledTests);
const unit = all.filter((path) => inUnitTier(relative(compiledTests, path).split(sep).join('/')));
const options = process.argv.slice(2);
process.stderr.write(`unit tier: ${unit.length} of ${all.length} test files (the others: npm test)\n`);
const run = spawnSync(process.execPath, ['--test', ...(options.some((o) => o.startsWith('--test-reporter')) ? [] : ['--test-reporter=spec']), ...options, ...unit], {
  stdio: 'inherit',
  env: { ...process.env, [TIER_VARIABLE]: 'unit' },
});
process.exitCode = run.status ?? 1;
