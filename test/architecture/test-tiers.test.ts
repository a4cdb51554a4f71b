/**
 * The unit tier (test/support/tiers.ts) keeps its promise: the files it leaves out exist, and the
 * files it runs start no CLI process, drive no browser, make no PDF (a build there says --no-print) and read tei-real or run jing
 * only in tests gated for the full tier.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { fullTierFiles, inUnitTier } from '../support/tiers.js';

const testDir = join(repoRoot, 'test');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
      return entry.name.endsWith('.test.ts') ? [relative(testDir, path).split(sep).join('/')] : [];
    })
    .sort();
}

test('every file or folder the unit tier leaves out exists, with a reason', () => {
  for (const [entry, reason] of Object.entries(fullTierFiles)) {
    assert.ok(existsSync(join(testDir, entry)), `test/support/tiers.ts lists ${entry}, which is not in test/`);
    assert.ok(reason.length > 0, `${entry}: a reason`);
  }
});

/** What a file of the unit tier may not do, and what it may do only behind a full-tier gate. */
const forbidden: readonly [RegExp, string][] = [
  [/\brunTeiEdition\(|\brunUnprivileged\(|\brunWithSmallDisk\(|\bcliEntry\b/u, 'starts the CLI as a process (use runInProcess)'],
  [/support\/browser\.js'/u, 'drives chromium'],
  [/support\/pdf-text\.js'|typst-compiler\.js'/u, 'makes a PDF'],
  [/schxslt\.js'/u, 'runs Java (SchXslt)'],
  [/runInProcess\(\['(?:build|pdf)'(?:, '(?!--no-print')[^']*')*\]/u, 'makes a PDF (build without --no-print, or pdf)'],
];

test('the files of the unit tier start no CLI process, drive no browser, make no PDF; tei-real and jing only behind a gate', () => {
  const problems: string[] = [];
  const unit = testFiles(testDir).filter(inUnitTier);
  assert.ok(unit.length >= 40, `${unit.length} files in the unit tier`);
  for (const file of unit) {
    const source = readFileSync(join(testDir, file), 'utf8');
    for (const [pattern, what] of forbidden) if (pattern.test(source)) problems.push(`${file} ${what}`);
    if (/'tei-real'/u.test(source) && !/fullTierOnly\(/u.test(source))
      problems.push(`${file} reads tei-real without { skip: fullTierOnly(…) }`);
    if (/\bjingValidate\(/u.test(source) && !/\bskipWithoutJing\(/u.test(source))
      problems.push(`${file} runs jing without { skip: skipWithoutJing() }`);
  }
  assert.deepEqual(problems, []);
});
