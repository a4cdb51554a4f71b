/**
 * Careless input to the command line: each case once ended in a stack trace, a hang or a silent
 * exit code. Through the real CLI: one message naming what was found and what was expected, exit
 * 2, and nothing written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runTeiEdition, tempDir } from '../support/run-cli.js';
import { treeHashes } from '../support/tree-hash.js';
import { STACK_FRAME } from '../support/system-tools.js';
import { boundedJobs, parseJobs } from '../../src/cli/jobs-option.js';
import { conflictsOf, writeNewFiles } from '../../src/lib/io/new-files.js';
import { finalPath, OutputTransaction } from '../../src/lib/io/output-folders.js';

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
      assert.match(
        run.stderr,
        new RegExp(`--jobs: expected a whole number of worker threads, 1 or more .*found “${value.replace('.', '\\.')}”`, 'u'),
      );
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
  assert.match(
    run.stderr,
    /warning +--jobs 100000 is more than twice the \d+ cores? of this machine; using \d+ worker threads +tei-edition\/jobs-bounded/u,
  );
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
  const files = [
    { path: 'a/b/one.txt', content: '1' },
    { path: 'a', content: '2' },
  ];
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
  for (const args of [
    ['convert', '--verbose'],
    ['convert', '--json', '--force'],
  ]) {
    const run = runTeiEdition(args, dir);
    assert.equal(run.code, 0, run.stderr);
    for (const output of [run.stdout, run.stderr]) {
      assert.doesNotMatch(output, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u, `${args.join(' ')}: a raw control character`);
      assert.doesNotMatch(output, /^::/mu, `${args.join(' ')}: a line that GitHub would take as a workflow command`);
    }
    assert.match(run.stdout + run.stderr, /a\\u001b\]0;owned\\u0007\\n::warning::x\.txt/u);
  }
});

test('convert never writes over an input of the edition, even with --force: a source id named after a register, a raw text where its TEI goes', () => {
  const dir = smallEdition();
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { sources: { id: string; raw: string }[] };
  config.sources[0]!.id = 'persons';
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  let before = treeHashes(dir);
  for (const command of ['build', 'convert']) {
    const run = runTeiEdition([command, '--force'], dir);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /the TEI of source “persons” would be written to tei\/persons\.xml, which is a register: it would be replaced; expected a TEI file of its own +tei-edition\/convert-target-is-input/u,
    );
    assert.deepEqual(treeHashes(dir), before);
  }
  config.sources[0]!.id = 'example';
  config.sources[0]!.raw = 'tei/example.xml';
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  renameSync(join(dir, 'tei', 'raw', 'example.txt'), join(dir, 'tei', 'example.xml'));
  before = treeHashes(dir);
  const run = runTeiEdition(['convert', '--force'], dir);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /which is the raw text of source “example”/u);
  assert.deepEqual(treeHashes(dir), before);
});

test('a config, raw text, register or schema that is a device or a FIFO is refused at once (exit 2), never read', () => {
  const dir = smallEdition();
  const fifo = join(dir, 'pipe');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  for (const special of ['/dev/zero', fifo]) {
    const config = runTeiEdition(['build', '--config', special], dir);
    assert.equal(config.code, 2, config.stderr);
    assert.match(
      config.stderr,
      /cannot be read \(it is (a character device|a FIFO \(named pipe\)), not a regular file\), expected an edition config file/u,
    );
    const schema = runTeiEdition(['validate', 'tei/persons.xml', '--schema', special], dir);
    assert.equal(schema.code, 2, schema.stderr);
    assert.match(schema.stderr, /cannot read the RELAX NG schema: it is (a character device|a FIFO)/u);
    const edition = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as {
      edition: { registers?: Record<string, string> };
      sources: { raw: string }[];
    };
    writeFileSync(join(dir, 'raw.json'), JSON.stringify({ ...edition, sources: [{ ...edition.sources[0], raw: special }] }));
    const raw = runTeiEdition(['convert', '--config', 'raw.json'], dir);
    assert.equal(raw.code, 1, raw.stderr);
    assert.match(raw.stderr, /found (a character device|a FIFO \(named pipe\)), not a regular file, expected the raw text/u);
    writeFileSync(
      join(dir, 'register.json'),
      JSON.stringify({ ...edition, edition: { ...edition.edition, registers: { persons: special } } }),
    );
    const register = runTeiEdition(['convert', '--config', 'register.json'], dir);
    assert.equal(register.code, 2, register.stderr);
    assert.match(
      register.stderr,
      /cannot be read \(it is (a character device|a FIFO \(named pipe\)), not a regular file\), expected a TEI register/u,
    );
  }
});

test('--max-size that is not a positive number is a usage error (exit 2)', () => {
  const dir = smallEdition();
  for (const command of ['validate', 'build']) {
    for (const value of ['abc', '0', '-1']) {
      const run = runTeiEdition([command, '--max-size', value], dir);
      assert.equal(run.code, 2, `${command} --max-size ${value}: ${run.stderr}`);
      assert.match(run.stderr, /--max-size: expected a size in MB, more than 0/u);
    }
  }
});

test('a control character in a config string is a config error at its place (in the header it could only become an invalid <g>)', () => {
  const dir = smallEdition();
  const config = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as { edition: { editors: { name: string }[] } };
  config.edition.editors[0]!.name = 'A\u0001B';
  writeFileSync(join(dir, 'edition.json'), JSON.stringify(config, null, 2));
  const before = treeHashes(dir);
  const run = runTeiEdition(['convert'], dir);
  assert.equal(run.code, 2, run.stderr);
  assert.match(
    run.stderr,
    /^edition\.json:\d+:\d+ +error +edition\.editors\[0\]\.name: found the control character U\+0001, which XML 1\.0 cannot hold/mu,
  );
  assert.deepEqual(treeHashes(dir), before);
});

test('a run killed between its two renames left the previous output aside: the next run puts it back before anything else', async () => {
  const parent = join(tempDir(), 'out');
  mkdirSync(join(parent, '.html.old-999999-0123abcd'), { recursive: true });
  writeFileSync(join(parent, '.html.old-999999-0123abcd', '.tei-edition-output'), '');
  writeFileSync(join(parent, '.html.old-999999-0123abcd', 'index.html'), 'previous');
  const output = new OutputTransaction();
  const staged = await output.stage(join(parent, 'html'), (p) => p);
  assert.ok('dir' in staged);
  assert.equal(readFileSync(join(parent, 'html', 'index.html'), 'utf8'), 'previous', 'restored while the new one is staged');
  await output.discard();
  assert.deepEqual(readdirSync(parent), ['html']);
});

test('a run killed between creating its staging folder and writing the marker left it empty: the next run removes it; a non-empty unmarked one is kept', async () => {
  const parent = join(tempDir(), 'out');
  mkdirSync(join(parent, '.html.staging-999999-0123abcd'), { recursive: true });
  mkdirSync(join(parent, '.html.staging-999998-0123abcd'), { recursive: true });
  writeFileSync(join(parent, '.html.staging-999998-0123abcd', 'notes.txt'), 'not ours');
  const output = new OutputTransaction();
  const staged = await output.stage(join(parent, 'html'), (p) => p);
  assert.ok('dir' in staged);
  await output.discard();
  assert.deepEqual(readdirSync(parent), ['.html.staging-999998-0123abcd']);
});

test('a run that publishes nothing leaves no output folder it created: an invalid edition, a dry run', () => {
  const dir = smallEdition();
  const dry = runTeiEdition(['build', '--dry-run', '-q'], dir);
  assert.equal(dry.code, 0, dry.stderr);
  assert.ok(!existsSync(join(dir, 'output')), 'no output/ after a dry run');
  const persons = join(dir, 'tei', 'persons.xml');
  writeFileSync(persons, readFileSync(persons, 'utf8').replace(/<\/div>/u, '<bogus/></div>'));
  const invalid = runTeiEdition(['build', '-q', '--out', 'site/new'], dir);
  assert.equal(invalid.code, 1, invalid.stderr);
  assert.ok(!existsSync(join(dir, 'site')), 'no site/ nor site/new/ after an invalid build');
});
