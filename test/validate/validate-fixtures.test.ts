/**
 * `tei-edition validate` on broken and hostile input: each folder of test/fixtures/validate is
 * validated as a folder (with the arguments in its `args` file, one per line); the exact stderr,
 * stdout and exit code are golden files (UPDATE=1 rewrites them). Validation never modifies a file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertGolden } from '../support/golden.js';
import { fixturesDir } from '../support/paths.js';
import { copyToTemp, sampleEditionCopy } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';

const folder = join(fixturesDir, 'validate');

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );
}

/** The duration in the summary line varies; everything else is compared exactly. */
const stable = (text: string): string => text.replace(/, \d+\.\d\d s$/gm, ', <time> s');

for (const name of readdirSync(folder).sort()) {
  test(`validate: ${name}`, async () => {
    const source = join(folder, name);
    const dir = copyToTemp(source);
    const args = existsSync(join(source, 'args'))
      ? readFileSync(join(source, 'args'), 'utf8')
          .split('\n')
          .filter((l) => l !== '')
      : [];
    const before = snapshot(dir);
    const run = await runInProcess(['validate', '.', ...args], dir);
    assertGolden(run.stderr, join(source, 'expected.stderr.txt'));
    assertGolden(stable(run.stdout), join(source, 'expected.stdout.txt'));
    assertGolden(`${run.code}\n`, join(source, 'expected.exit-code'));
    assert.equal(name.startsWith('fails-'), run.code !== 0, 'fails-* cases exit non-zero, the others zero');
    assert.deepEqual(snapshot(dir), before, 'validation never modifies a file');
  });
}

test('validate: report formats (json, github, junit) on the same errors', async () => {
  const dir = copyToTemp(join(folder, 'fails-unknown-element'));
  const json = await runInProcess(['validate', 'input.xml', '--format', 'json'], dir);
  assert.equal(json.code, 1);
  const messages = JSON.parse(json.stdout) as { rule: string; position: { file: string; line: number; column: number } }[];
  assert.ok(messages.length >= 1);
  assert.deepEqual(messages[0]?.position, { file: 'input.xml', line: 12, column: 20 });
  assert.equal(messages[0]?.rule, 'tei-edition/schema');

  const github = await runInProcess(['validate', 'input.xml', '--format', 'github'], dir);
  assert.equal(github.code, 1);
  assertGolden(github.stdout, join(fixturesDir, 'validate-formats', 'unknown-element.github.txt'));
  assert.match(github.stdout, /^::error file=input\.xml,line=12,col=20,title=tei-edition\/schema::element "bogus" not allowed anywhere/m);

  const junit = await runInProcess(['validate', 'input.xml', '--format', 'junit'], dir);
  assert.equal(junit.code, 1);
  const stableJunit = junit.stdout.replace(/time="[\d.]+"/g, 'time="0"');
  assertGolden(stableJunit, join(fixturesDir, 'validate-formats', 'unknown-element.junit.xml'));
  assert.match(
    junit.stdout,
    /<testcase name="input\.xml" classname="tei-edition\.validate">\s*<failure message="1 error; first: element &quot;bogus&quot;/,
  );
});

test('validate: --max-warnings turns warnings into a failure', async () => {
  const dir = copyToTemp(join(folder, 'passes-minimal'));
  const fine = await runInProcess(['validate', 'input.xml', '--max-warnings', '0'], dir);
  assert.equal(fine.code, 0, 'no warnings: still exit 0');
});

test('validate: a path that does not exist is a usage error (exit 2), the other files are still checked', async () => {
  const dir = copyToTemp(join(folder, 'passes-minimal'));
  const run = await runInProcess(['validate', 'input.xml', 'missing.xml'], dir);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^missing\.xml {2}error {2}cannot validate: no such file or folder {2}tei-edition\/file-unreadable$/m);
  assert.match(run.stdout, /^validate: 1 file: 1 error/m);
});

test('validate: the edition config is checked with the TEI when there is one', async () => {
  const dir = copyToTemp(join(folder, 'passes-minimal'));
  writeFileSync(join(dir, 'edition.json'), '{ "edition": { "title": 3 } }\n');
  const run = await runInProcess(['validate', 'input.xml'], dir);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^edition\.json:1:\d+ {2}error {2}.*tei-edition\/config-schema$/m);
});

test('build: validates what it publishes and stops on errors', async () => {
  const dir = sampleEditionCopy();
  const persons = join(dir, 'tei', 'persons.xml');
  writeFileSync(persons, readFileSync(persons, 'utf8').replace('<person ', '<person foo="bar" '));
  const run = await runInProcess(['build', '--no-print'], dir);
  assert.equal(run.code, 1);
  assert.match(
    run.stderr,
    /^tei\/persons\.xml:\d+:\d+ {2}error {2}attribute "foo" not allowed here; expected attribute .* {2}tei-edition\/schema$/m,
  );
  assert.match(run.stdout, /the TEI to publish is not valid: build stopped/);
  const clean = await runInProcess(['build', '--no-print'], sampleEditionCopy());
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stdout, /^validated 7 TEI files \(schemas\/tei-edition\.rng, schemas\/tei-edition\.sch\): no errors$/m);
});
