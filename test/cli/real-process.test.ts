/**
 * The real command as a process (bin/tei-edition.js, as a user starts it): it starts, its exit code
 * is the process's, and what goes to stdout and to stderr stays apart. The other CLI tests run the
 * commands in process (test/support/run-cli-in-process.ts); these few are the smoke tests that
 * the binary itself works (full tier: test/support/tiers.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { runTeiEdition, sampleEditionCopy, tempDir } from '../support/run-cli.js';

test('bin/tei-edition.js starts: --help on stdout, exit 0, nothing on stderr', () => {
  const run = runTeiEdition(['--help'], repoRoot);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^tei-edition <command> \[options\]/u);
  assert.equal(run.stderr, '');
});

test('a usage error: exit 2 from the process, the message on stderr, nothing on stdout', () => {
  const run = runTeiEdition(['convrt'], repoRoot);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /error {2}Unknown argument: convrt/u);
  assert.equal(run.stdout, '');
  const noConfig = runTeiEdition(['convert'], tempDir());
  assert.equal(noConfig.code, 2);
  assert.match(noConfig.stderr, /expected an edition config file/u);
});

test('convert: files written on stdout, warnings on stderr, exit 0; --json: one JSON result on stdout and nothing else', () => {
  const dir = sampleEditionCopy();
  const json = runTeiEdition(['convert', '--json', '--dry-run'], dir);
  assert.equal(json.code, 0);
  assert.equal(json.stderr, '');
  assert.equal((JSON.parse(json.stdout) as { ok: boolean }).ok, true);
  const run = runTeiEdition(['convert'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^written {4}tei\/1917-10-01-lenine-lettre-au-comite-central\.xml/mu);
  assert.doesNotMatch(run.stdout, / warning /u);
  assert.match(run.stderr, / {2}warning {2}/u);
});

test('errors in the input: exit 1 from the process, the error on stderr, the other sources converted', () => {
  const dir = sampleEditionCopy();
  writeFileSync(join(dir, 'tei', 'raw', '1917-11-01-lenine-coalition-ou-marins.txt'), '');
  const run = runTeiEdition(['convert'], dir);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /coalition-ou-marins\.txt {2}error {2}the file is empty/u);
  assert.doesNotMatch(run.stdout, /the file is empty/u);
  assert.equal(readdirSync(join(dir, 'tei')).filter((f) => f.startsWith('1917')).length, 2);
});

test('init, then build with the real command: the scaffolded edition publishes its TEI, pages and PDF', () => {
  const dir = tempDir();
  assert.equal(runTeiEdition(['init', 'mon-edition', '--title', 'Lettres de 1917'], dir).code, 0);
  const edition = join(dir, 'mon-edition');
  const build = runTeiEdition(['build'], edition);
  assert.equal(build.code, 0, build.stderr + build.stdout);
  for (const output of [
    ['tei', 'example.xml'],
    ['html', 'index.html'],
    ['print', 'edition.pdf'],
  ])
    assert.ok(existsSync(join(edition, 'output', ...output)), output.join('/'));
});
