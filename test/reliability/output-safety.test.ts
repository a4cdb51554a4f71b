/**
 * Nothing lost: through the real CLI, the cases where a careless or hostile use once deleted an
 * edition or left a half-written output. Each asserts the exit code, the message, and that no file
 * outside the output folders changed (hashes of the whole edition before and after).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cliEntry } from '../support/paths.js';
import { runTeiEdition, tempDir } from '../support/run-cli.js';
import { treeHashes } from '../support/tree-hash.js';
import { missingTool, runUnprivileged, runWithSmallDisk, STACK_FRAME } from '../support/system-tools.js';

/** A small edition (init's example) in a temporary folder. */
function smallEdition(): string {
  const dir = join(tempDir(), 'ed');
  const made = runTeiEdition(['init', dir, '--title', 'Essai'], process.cwd());
  assert.equal(made.code, 0, made.stderr);
  return dir;
}

function assertNoStackTrace(run: { stdout: string; stderr: string }): void {
  assert.doesNotMatch(run.stdout, STACK_FRAME);
  assert.doesNotMatch(run.stderr, STACK_FRAME);
}

const outputs = (rel: string): boolean => rel === 'output' || rel.startsWith('output/');

test("build --out into the edition's sources is refused (exit 2) and changes nothing: ., tei/.., tei, the raw folder, a folder inside tei, a symlink to the raw folder", () => {
  const dir = smallEdition();
  symlinkSync('tei/raw', join(dir, 'raw-link'));
  symlinkSync('.', join(dir, 'here'));
  const before = treeHashes(dir);
  for (const out of ['.', 'tei/..', 'tei', 'tei/raw', 'tei/site', 'raw-link', 'here', join(dir, 'tei', 'raw')]) {
    const run = runTeiEdition(['build', '--out', out], dir);
    assert.equal(run.code, 2, `--out ${out}: ${run.stderr}`);
    assert.match(run.stderr, /tei-edition\/output-refused/u, `--out ${out}`);
    assert.match(run.stderr, /holds the edition's own|inside the edition's sources folder/u);
    assertNoStackTrace(run);
    assert.deepEqual(treeHashes(dir), before, `--out ${out} changed the edition`);
  }
  for (const command of ['html', 'pdf']) {
    const run = runTeiEdition([command, '--out', '.'], dir);
    assert.equal(run.code, 2, `${command} --out .: ${run.stderr}`);
    assert.match(run.stderr, /tei-edition\/output-refused/u);
    assert.deepEqual(treeHashes(dir), before);
  }
});

test('an output folder that tei-edition did not write is never replaced', () => {
  const dir = smallEdition();
  assert.equal(runTeiEdition(['convert', '-q'], dir).code, 0);
  mkdirSync(join(dir, 'site', 'html'), { recursive: true });
  writeFileSync(join(dir, 'site', 'html', 'my-notes.txt'), 'not to be lost');
  writeFileSync(join(dir, 'site', 'print'), 'a file where the print folder goes');
  const before = treeHashes(dir);
  const run = runTeiEdition(['build', '--out', 'site'], dir);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /site\/html exists and was not written by tei-edition .*my-notes\.txt/u);
  assert.deepEqual(treeHashes(dir), before, 'nothing was published, nothing was removed');
  const html = runTeiEdition(['html', '--out', 'site'], dir);
  assert.equal(html.code, 2);
  const pdf = runTeiEdition(['pdf', '--out', 'site'], dir);
  assert.equal(pdf.code, 2);
  assert.match(pdf.stderr, /site\/print is a file, where the output folder goes/u);
  assert.deepEqual(treeHashes(dir), before);
});

test('an output folder without the marker is refused even when its files have the names the run writes (they may be hand-made)', () => {
  const dir = smallEdition();
  assert.equal(runTeiEdition(['convert', '-q'], dir).code, 0);
  mkdirSync(join(dir, 'output', 'print'), { recursive: true });
  writeFileSync(join(dir, 'output', 'print', 'edition.typ'), 'my hand-tuned book');
  const before = treeHashes(dir);
  const run = runTeiEdition(['pdf'], dir);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /output\/print exists and was not written by tei-edition .*edition\.typ.*tei-edition\/output-refused/u);
  assert.match(run.stderr, /hint: if it is an output of tei-edition 0\.1 \(before the marker\), delete it yourself once/u);
  assert.deepEqual(treeHashes(dir), before);
});

test('an invalid edition publishes nothing: the previous output is byte-identical, and the edition too', () => {
  const dir = smallEdition();
  assert.equal(runTeiEdition(['build', '-q'], dir).code, 0);
  const output = treeHashes(join(dir, 'output'));
  assert.ok(Object.keys(output).some((f) => f.endsWith('edition.pdf')));
  // A register the texts point into, now invalid against the schema.
  const persons = join(dir, 'tei', 'persons.xml');
  writeFileSync(persons, readFileSync(persons, 'utf8').replace(/<\/div>/u, '<bogus/></div>'));
  const edition = treeHashes(dir, outputs);
  const run = runTeiEdition(['build'], dir);
  assert.equal(run.code, 1, run.stderr);
  assert.match(
    run.stderr,
    /^tei\/persons\.xml:\d+:\d+ +error .*bogus/mu,
    'messages name the file the editor corrects, not the copy that was not published',
  );
  assert.match(run.stdout, /nothing was published: the previous output in output\/ is unchanged/u);
  assert.deepEqual(treeHashes(join(dir, 'output')), output);
  assert.deepEqual(treeHashes(dir, outputs), edition);
  assert.deepEqual(
    readdirSync(join(dir, 'output'))
      .filter((f) => f !== '.tei-edition-cache')
      .sort(),
    ['html', 'print', 'tei'],
    'no staging folder is left behind',
  );
});

test('a build killed while it writes leaves the previous output whole; the next build removes its leftovers', async () => {
  const dir = smallEdition();
  assert.equal(runTeiEdition(['build', '-q'], dir).code, 0);
  const output = treeHashes(join(dir, 'output'));
  writeFileSync(
    join(dir, 'tei', 'raw', 'example.txt'),
    `${readFileSync(join(dir, 'tei', 'raw', 'example.txt'), 'utf8')}\nUn paragraphe de plus.\n`,
  );
  const child = spawn(process.execPath, [cliEntry, 'build', '-q'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Kill it once its HTML is being staged (the TEI staged and validated before): polled, not timed.
  let staged = false;
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!staged && !done) {
    staged = readdirSync(join(dir, 'output')).some((f) => f.startsWith('.html.staging-'));
    if (!staged) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.ok(staged, 'the build ended before its HTML was staged: nothing to kill (the test could not observe it)');
  child.kill('SIGKILL');
  await exited;
  assert.deepEqual(
    treeHashes(join(dir, 'output'), (rel) => rel.startsWith('.')),
    output,
    'the previous output is whole',
  );
  assert.ok(
    readdirSync(join(dir, 'output')).some((f) => f.includes('.staging-')),
    'the killed run left its staging folders',
  );
  const again = runTeiEdition(['build', '-q'], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(
    readdirSync(join(dir, 'output'))
      .filter((f) => f !== '.tei-edition-cache')
      .sort(),
    ['html', 'print', 'tei'],
  );
  assert.match(readFileSync(join(dir, 'output', 'tei', 'example.xml'), 'utf8'), /Un paragraphe de plus/u);
});

test('an output folder that cannot be written: one message with the path, exit 2, no stack trace, previous output whole', (t) => {
  const skip = missingTool('unprivileged');
  if (skip) return t.skip(skip);
  const dir = smallEdition();
  assert.equal(runTeiEdition(['build', '-q'], dir).code, 0);
  const output = treeHashes(join(dir, 'output'));
  chmodSync(join(dir, 'output'), 0o555);
  for (const args of [['build'], ['html'], ['pdf']]) {
    const run = runUnprivileged(args, dir);
    assert.equal(run.code, 2, `${args[0]}: ${run.stderr}`);
    assert.match(
      run.stderr,
      /output\/\w+ +error +cannot write output\/\w+: permission denied \(EACCES\) +tei-edition\/file-system/u,
      args[0],
    );
    assertNoStackTrace(run);
    assert.deepEqual(treeHashes(join(dir, 'output')), output);
  }
  mkdirSync(join(dir, 'locked'), { mode: 0o555 });
  chmodSync(join(dir, 'locked'), 0o555);
  const convert = runUnprivileged(['convert', '--out-dir', 'locked/tei'], dir);
  assert.equal(convert.code, 1, convert.stderr);
  assert.match(convert.stderr, /cannot write locked\/tei.*permission denied \(EACCES\)/u);
  assertNoStackTrace(convert);
});

test('a full disk: one message with the path, exit 2, no stack trace, the previous output whole', (t) => {
  const skip = missingTool('small-disk');
  if (skip) return t.skip(skip);
  const dir = smallEdition();
  assert.equal(runTeiEdition(['build', '-q'], dir).code, 0);
  const output = treeHashes(join(dir, 'output'));
  const disk = join(dir, '..', 'disk');
  mkdirSync(disk);
  // On a small disk: the previous output, then a file that fills all but a few KB, then the build.
  const run = runWithSmallDisk(
    `cp -a output '${disk}/out' && (dd if=/dev/zero of='${disk}/filler' bs=1k count=100000 2>/dev/null; true)
"$NODE" "$TEI_EDITION" build --out '${disk}/out'; code=$?
cd '${disk}/out' && find . -type f -not -path './.tei-edition-cache/*' | sort | while read f; do sha256sum "$f"; done > '${dir}/../after.txt'
exit $code`,
    dir,
    disk,
    2048,
  );
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /error +cannot write .*: no space left on the device \(ENOSPC\) +tei-edition\/file-system/u);
  assertNoStackTrace(run);
  const after = readFileSync(join(dir, '..', 'after.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/u));
  const expected = Object.entries(output).filter(([path]) => !path.endsWith('/'));
  assert.deepEqual(
    after.map(([hash, path]) => [path?.replace(/^\.\//u, ''), hash]).sort(),
    expected.sort(),
    'the previous output, byte for byte',
  );
});
