/**
 * Hostile paths given to `validate` (issue 14, items 6 and 7): special files (FIFO, device) are
 * refused without reading them, files are read with a bound whatever their size says, and the
 * folder walk follows symbolic links without walking forever or validating a file twice, saying
 * what it skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { collectXmlFiles } from '../../src/lib/io/collect-files.js';
import { NotARegularFile, readAtMost, readFileWithin } from '../../src/lib/io/read-file-within.js';
import { decodeXmlInput } from '../../src/validate/read-xml-input.js';
import { tempDir } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';

const TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n';

function fifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, `mkfifo: ${String(made.stderr)}`);
}

/** A folder with real files, links to files and folders, a loop, dangling links and a FIFO. */
function linkedTree(): { root: string; tei: string } {
  const root = tempDir();
  const tei = join(root, 'tei');
  const outside = join(root, 'outside');
  mkdirSync(join(tei, 'sub'), { recursive: true });
  mkdirSync(join(outside, 'more'), { recursive: true });
  writeFileSync(join(tei, 'a.xml'), TEI);
  writeFileSync(join(tei, 'sub', 's.xml'), TEI);
  writeFileSync(join(outside, 'c.xml'), TEI);
  writeFileSync(join(outside, 'more', 'd.xml'), TEI);
  symlinkSync('a.xml', join(tei, 'b-same-as-a.xml'));
  symlinkSync(join(outside, 'c.xml'), join(tei, 'c-linked.xml'));
  symlinkSync(join(outside, 'more'), join(tei, 'linked-folder'));
  symlinkSync('sub', join(tei, 'alias-of-sub'));
  symlinkSync('..', join(tei, 'sub', 'up'));
  symlinkSync('nowhere.xml', join(tei, 'dangling.xml'));
  symlinkSync('self-loop.xml', join(tei, 'self-loop.xml'));
  fifo(join(tei, 'pipe.xml'));
  return { root, tei };
}

test('the folder walk follows links to files and folders, once each, and says what it skipped', async () => {
  const { root, tei } = linkedTree();
  const shown = (p: string): string => p.slice(root.length + 1);
  const collected = await collectXmlFiles([tei, join(tei, 'a.xml')], shown);
  assert.deepEqual(collected.files.map(shown), ['tei/a.xml', 'tei/c-linked.xml', 'tei/sub/s.xml', 'tei/linked-folder/d.xml']);
  assert.deepEqual(collected.missing, []);
  const messages = collected.messages.map((m) => `${m.position.file}  ${m.severity}  ${m.message}  ${m.rule}`).sort();
  assert.deepEqual(messages, [
    'tei/alias-of-sub  info  the symbolic link leads to "tei/sub", a folder already validated: not followed again  tei-edition/reached-twice',
    'tei/b-same-as-a.xml  info  the same file as "tei/a.xml" (through a symbolic link or given twice): validated once, as "tei/a.xml"  tei-edition/reached-twice',
    'tei/dangling.xml  warning  skipped: the symbolic link to "nowhere.xml" points to nothing (its target does not exist)  tei-edition/symlink-dangling',
    'tei/pipe.xml  warning  skipped: it is a FIFO (named pipe), not a regular file; expected a TEI XML file  tei-edition/not-a-file',
    'tei/self-loop.xml  warning  skipped: the symbolic link to "self-loop.xml" is part of a loop of links  tei-edition/symlink-dangling',
    'tei/sub/up  warning  the symbolic link leads back to "tei", a folder that contains it (a loop): not followed  tei-edition/symlink-loop',
  ]);
});

test('links between two folders that lead to each other: each folder walked once, each loop reported once', async () => {
  const root = tempDir();
  mkdirSync(join(root, 'x'));
  mkdirSync(join(root, 'y'));
  writeFileSync(join(root, 'x', 'x.xml'), TEI);
  writeFileSync(join(root, 'y', 'y.xml'), TEI);
  symlinkSync(join(root, 'y'), join(root, 'x', 'to-y'));
  symlinkSync(join(root, 'x'), join(root, 'y', 'to-x'));
  const shown = (p: string): string => p.slice(root.length + 1);
  const collected = await collectXmlFiles([join(root, 'x')], shown);
  assert.deepEqual(collected.files.map(shown), ['x/x.xml', 'x/to-y/y.xml']);
  assert.deepEqual(
    collected.messages.map((m) => `${m.position.file} ${m.rule}`),
    ['x/to-y/to-x tei-edition/symlink-loop'],
  );
});

test('a FIFO or a device named on the command line is refused, not read (usage error)', async () => {
  const root = tempDir();
  fifo(join(root, 'x.xml'));
  const collected = await collectXmlFiles([join(root, 'x.xml'), '/dev/zero']);
  assert.deepEqual(collected.files, []);
  assert.deepEqual(
    collected.missing.map((m) => m.reason),
    [
      'it is a FIFO (named pipe), not a regular file or a folder; expected a TEI XML file or a folder of them',
      'it is a character device, not a regular file or a folder; expected a TEI XML file or a folder of them',
    ],
  );
});

test('validate /dev/zero and a FIFO named x.xml: refused at once with what they are, exit 2', async () => {
  const root = tempDir();
  fifo(join(root, 'x.xml'));
  writeFileSync(join(root, 'ok.xml'), TEI);
  const plain = await runInProcess(['validate', '/dev/zero', 'x.xml', 'ok.xml'], root);
  assert.equal(plain.code, 2);
  assert.match(
    plain.stderr,
    /^\/dev\/zero {2}error {2}cannot validate: it is a character device, not a regular file or a folder; expected a TEI XML file or a folder of them {2}tei-edition\/file-unreadable$/m,
  );
  assert.match(
    plain.stderr,
    /^x\.xml {2}error {2}cannot validate: it is a FIFO \(named pipe\), not a regular file or a folder; .* {2}tei-edition\/file-unreadable$/m,
  );
});

test(
  'reading is bounded: a file over the limit by its size is not read, a device or FIFO is refused on the open file',
  { timeout: 120_000 },
  async () => {
    const root = tempDir();
    const sparse = join(root, 'huge.xml');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    assert.deepEqual(await readFileWithin(sparse, 1024 * 1024), {
      bytes: new Uint8Array(0),
      oversize: { bytes: 3 * 1024 ** 3, atLeast: false },
    });
    await assert.rejects(
      readFileWithin('/dev/zero', 1024),
      (e: unknown) => e instanceof NotARegularFile && e.message === 'it is a character device, not a regular file; expected a TEI XML file',
    );
    fifo(join(root, 'pipe.xml'));
    // Opened without waiting for a writer (the timeout above only turns a hang into a failure).
    await assert.rejects(
      readFileWithin(join(root, 'pipe.xml'), 1024),
      (e: unknown) => e instanceof NotARegularFile && e.kind === 'a FIFO (named pipe)',
    );
    writeFileSync(join(root, 'small.xml'), TEI);
    assert.deepEqual(await readFileWithin(join(root, 'small.xml'), 1024), { bytes: new Uint8Array(Buffer.from(TEI)) });
  },
);

test('reading stops one byte past the limit whatever the size found before (a file that grew)', async () => {
  const root = tempDir();
  const path = join(root, 'grows.xml');
  writeFileSync(path, 'x'.repeat(100_000));
  const handle = await open(path, 'r');
  try {
    // The size found before reading said 10 bytes; the file has 100,000 now.
    assert.equal((await readAtMost(handle, 50_001, 10)).length, 50_001);
    assert.equal((await readAtMost(handle, 200_000, 10)).length, 100_000);
  } finally {
    await handle.close();
  }
  // A regular file whose size says 0 but that has content: /proc files on Linux.
  if (existsSync('/proc/self/status')) {
    const read = await readFileWithin('/proc/self/status', 10);
    assert.equal(read.bytes.length, 11);
    assert.deepEqual(read.oversize, { bytes: 11, atLeast: true });
  }
});

test('over the limit: the message gives the size found, or says the file grew while it was read', () => {
  const refused = (oversize: { bytes: number; atLeast: boolean }) =>
    decodeXmlInput(new Uint8Array(0), 'big.xml', 50 * 1024 * 1024, oversize).messages[0]?.message;
  assert.equal(refused({ bytes: 4_187_593_113, atLeast: false }), 'the file is 3.9 GB, over the limit of 50.0 MB');
  assert.equal(refused({ bytes: 50 * 1024 * 1024 + 1, atLeast: true }), 'the file grew past the limit of 50.0 MB while it was read');
});

test('validate <folder> with links: linked files and folders validated once, loops and dangling links reported, exit 0', async () => {
  const { root } = linkedTree();
  const valid =
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>\n';
  for (const file of ['tei/a.xml', 'tei/sub/s.xml', 'outside/c.xml', 'outside/more/d.xml']) writeFileSync(join(root, file), valid);
  const run = await runInProcess(['validate', 'tei', '--verbose'], root);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^validate: 4 files: 0 errors, 4 warnings, 2 info/m);
  assert.match(
    run.stderr,
    /^tei\/sub\/up {2}warning {2}the symbolic link leads back to "tei", a folder that contains it \(a loop\): not followed {2}tei-edition\/symlink-loop$/m,
  );
  assert.match(run.stderr, /^tei\/dangling\.xml {2}warning {2}skipped: the symbolic link to "nowhere\.xml" points to nothing/m);
  assert.match(run.stderr, /^tei\/pipe\.xml {2}warning {2}skipped: it is a FIFO \(named pipe\)/m);
});

test('validate a 3 GB file: refused from its size at once, without reading it (exit 1, like any file over the limit)', async () => {
  const root = tempDir();
  const fd = openSync(join(root, 'big.xml'), 'w');
  ftruncateSync(fd, 3 * 1024 ** 3);
  closeSync(fd);
  const run = await runInProcess(['validate', 'big.xml'], root);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /^big\.xml {2}error {2}the file is 3\.0 GB, over the limit of 50\.0 MB {2}tei-edition\/file-too-large$/m);
});
