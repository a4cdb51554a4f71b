/**
 * `npm run test:unit`: the test files of the unit tier (test/support/tiers.ts), imported into this
 * one process, so that node, SaxonJS and the stylesheets load once rather than once a file (62
 * processes took ~125 s of CPU, one takes ~30 s). A file of the unit tier must therefore not depend
 * on having a process of its own; `npm test` still runs every file in its own.
 * Run with `node --test-reporter=spec dist/test/support/run-tier.js` (the npm script does).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inUnitTier, TIER_VARIABLE } from './tiers.js';

const compiledTests = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(path);
      return entry.name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}

/**
 * `node --test dist/test/` (npm test) runs every .js file of a folder named test as a test file,
 * this one too: there (NODE_TEST_CONTEXT set) it does nothing, or every unit test would run twice.
 */
const startedByTheFullTier = process.env.NODE_TEST_CONTEXT !== undefined;

if (!startedByTheFullTier) {
  // Read when each test is declared: the full-tier tests say they are skipped here, and why.
  process.env[TIER_VARIABLE] = 'unit';
  const all = testFiles(compiledTests);
  const unit = all.filter((path) => inUnitTier(relative(compiledTests, path).split(sep).join('/')));
  process.stderr.write(`unit tier: ${unit.length} of ${all.length} test files, in one process (all of them: npm test)\n`);
  for (const path of unit) await import(pathToFileURL(path).href);
}
