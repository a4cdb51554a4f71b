/**
 * Careless input to the command line: each case once ended in a stack trace, a hang or a silent
 * exit code. Through the real CLI: one message naming what was found and what was expected, exit
 * 2, and nothing written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTeiEdition, tempDir } from '../support/run-cli.js';
import { treeHashes } from '../support/tree-hash.js';
import { STACK_FRAME } from '../support/system-tools.js';
import { boundedJobs, parseJobs } from '../../src/cli/jobs-option.js';
import { conflictsOf, writeNewFiles } from '../../src/io/new-files.js';
import { finalPath } from '../../src/io/output-folders.js';

function smallEdition(): string {
  const dir = join(tempDir(), 'ed');
  assert.equal(runTeiEdition(['init', dir], process.cwd()).code, 0);
  return dir;
}

test('--jobs that is not a positive whole number is a usage error (exit 2) for every command that has it', () => {
  const dir = smallEdition();
  const before = treeHashes(dir);
  for (const command of ['convert', 'build', 'validate', 'html', 'pdf']) {
    for (const value of ['abc', '0', '-1', '1.5']) {
      const run = runTeiEdition([command, `--jobs=${value}`], dir);
      assert.equal(run.code, 2, `${command} --jobs ${value}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`--jobs: expected a whole number of worker threads, 1 or more .*found “${value.replace('.', '\\.')}”`, 'u'));
      assert.doesNotMatch(run.stderr, STACK_FRAME);
    }
  }
  assert.deepEqual(treeHashes(dir), before);
});

test('--jobs above twice the cores is lowered, with a warning', () => {
  assert.equal(parseJobs('3'), 3);
  assert.throws(() => parseJobs(['1', '2']), /given more than once/u);
  assert.deepEqual(boundedJobs(4, 2), { jobs: 4 });
  const lowered = boundedJobs(64, 2);
  assert.equal(lowered.jobs, 4);
  assert.match(lowered.warning?.message ?? '', /--jobs 64 is more than twice the 2 cores of this machine; using 4 worker threads/u);
  const dir = smallEdition();
  const run = runTeiEdition(['convert', '--dry-run', '--jobs', '100000'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /warning +--jobs 100000 is more than twice the \d+ cores? of this machine; using \d+ worker threads +tei-edition\/jobs-bounded/u);
  assert.match(run.stdout, /convert: 1 file: 0 errors, [1-9]\d* warnings?/u, 'the warning is counted in the summary');
});

test('init onto a file, or where a folder it needs is a file: exit 2, nothing written', () => {
  const base = tempDir();
  writeFileSync(join(base, 'afile'), 'mine');
  const onFile = runTeiEdition(['init', 'afile'], base);
  assert.equal(onFile.code, 2, onFile.stderr);
  assert.match(onFile.stderr, /afile +error +afile is a file, where init needs a folder; nothing was written/u);
  assert.equal(readFileSync(join(base, 'afile'), 'utf8'), 'mine');
  mkdirSync(join(base, 'd'));
  writeFileSync(join(base, 'd', 'tei'), 'mine');
  const teiIsFile = runTeiEdition(['init', 'd'], base);
  assert.equal(teiIsFile.code, 2, teiIsFile.stderr);
  assert.match(teiIsFile.stderr, /d\/tei is a file, where init needs a folder; nothing was written/u);
  assert.deepEqual(readdirSync(join(base, 'd')), ['tei'], 'no edition.json left behind');
  for (const run of [onFile, teiIsFile]) assert.doesNotMatch(run.stderr, STACK_FRAME);
});

test('init writes all or nothing: a write that fails removes the files and folders made before it', async () => {
  const dir = join(tempDir(), 'new');
  // The second file cannot be written: the first one made "a" a folder.
  const files = [{ path: 'a/b/one.txt', content: '1' }, { path: 'a', content: '2' }];
  assert.deepEqual(await conflictsOf(dir, files), []);
  await assert.rejects(writeNewFiles(dir, files), /EEXIST|EISDIR/u);
  assert.equal(existsSync(join(dir, 'a')), false, 'the folders made are removed');
  assert.equal(existsSync(dir), false);
});

test('a source id of 300 characters is a config error (exit 2), not a file-system crash', () => {
  const dir = smallEdition();
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { sources: { id: string }[] };
  config.sources[0]!.id = 'a'.repeat(300);
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  const before = treeHashes(dir);
  const run = runTeiEdition(['build'], dir);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /edition\.json:\d+:\d+ +error +sources\[0\]\.id: found "a+…", which must NOT have more than 200 characters/u);
  assert.doesNotMatch(run.stderr, STACK_FRAME);
  assert.deepEqual(treeHashes(dir), before);
});

test('messages name the place a staged file will have, not the staging folder', () => {
  assert.equal(finalPath('/e/output/.print.staging-8307-526e08ff/edition.pdf'), '/e/output/print/edition.pdf');
  assert.equal(finalPath('output/.html.staging-1-0123abcd'), 'output/html');
  assert.equal(finalPath('output/.html.staging-notours/x'), 'output/.html.staging-notours/x');
});

test('file names with control characters are shown escaped in every line a command prints', () => {
  const dir = smallEdition();
  const hostile = 'tei/raw/a\u001b]0;owned\u0007\n::warning::x.txt';
  renameSync(join(dir, 'tei', 'raw', 'example.txt'), join(dir, hostile));
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { sources: { raw: string }[] };
  config.sources[0]!.raw = hostile;
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  for (const args of [['convert', '--verbose'], ['convert', '--json', '--force']]) {
    const run = runTeiEdition(args, dir);
    assert.equal(run.code, 0, run.stderr);
    for (const output of [run.stdout, run.stderr]) {
      assert.doesNotMatch(output, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u, `${args.join(' ')}: a raw control character`);
      assert.doesNotMatch(output, /^::/mu, `${args.join(' ')}: a line that GitHub would take as a workflow command`);
    }
    assert.match(run.stdout + run.stderr, /a\\u001b\]0;owned\\u0007\\n::warning::x\.txt/u);
  }
});
