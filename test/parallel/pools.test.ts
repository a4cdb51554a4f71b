/**
 * The worker pools give exactly what the same work gives in process: converting the sample
 * edition, validating a folder of broken files in several batches, and rendering the HTML pages.
 * The pool's affinity sends a task to the worker that had its keys before; the HTML threads keep
 * the texts they parsed within a budget.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../support/paths.js';
import { runTeiEdition, sampleEditionCopy, tempDir } from '../support/run-cli.js';
import { startPool } from '../../src/parallel/worker-pool.js';
import { ParsedTexts } from '../../src/parallel/html-pool.js';

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.xml') || f.endsWith('.html')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

test('convert: two workers write the same TEI as one thread', () => {
  const one = sampleEditionCopy();
  const two = sampleEditionCopy();
  assert.equal(runTeiEdition(['convert', '--jobs', '1'], one).code, 0);
  assert.equal(runTeiEdition(['convert', '--jobs', '2'], two).code, 0);
  assert.deepEqual(files(join(two, 'tei')), files(join(one, 'tei')));
});

test('validate: two workers over several batches give the same messages as one thread', () => {
  const dir = tempDir();
  // 45 files: three batches of up to 20, so that both workers get some.
  const broken = readdirSync(join(fixturesDir, 'validate')).filter((f) => f.startsWith('fails-') && f !== 'fails-too-large' && f !== 'fails-max-warnings');
  for (let i = 0; i < 45; i++) {
    const name = broken[i % broken.length] ?? '';
    const source = readdirSync(join(fixturesDir, 'validate', name)).find((f) => f.endsWith('.xml')) ?? '';
    cpSync(join(fixturesDir, 'validate', name, source), join(dir, `${String(i).padStart(2, '0')}-${name}.xml`));
  }
  const one = runTeiEdition(['validate', '.', '--jobs', '1', '--format', 'json'], dir);
  const two = runTeiEdition(['validate', '.', '--jobs', '2', '--format', 'json'], dir);
  assert.equal(one.code, 1);
  assert.equal(two.code, 1);
  assert.ok((JSON.parse(one.stdout) as unknown[]).length >= 45);
  assert.equal(two.stdout, one.stdout);
});

test('html: two workers render the same pages as one thread', () => {
  const dir = sampleEditionCopy();
  assert.equal(runTeiEdition(['convert'], dir).code, 0);
  assert.equal(runTeiEdition(['html', '--jobs', '1', '--out', 'one'], dir).code, 0);
  assert.equal(runTeiEdition(['html', '--jobs', '2', '--out', 'two'], dir).code, 0);
  assert.deepEqual(files(join(dir, 'two', 'html')), files(join(dir, 'one', 'html')));
});

interface KeyedTask { readonly id: number; readonly keys: readonly string[] }
interface ThreadAnswer { readonly id: number; readonly thread: number }

test('pool affinity: a task goes to the worker that had its key; a worker with nothing of its own takes the others\' last task', async () => {
  const pool = startPool<KeyedTask, ThreadAnswer>({ workerUrl: new URL('../support/pool-echo-worker.js', import.meta.url), jobs: 2, affinity: (task) => task.keys });
  try {
    const first = await pool.run([{ id: 0, keys: ['a'] }, { id: 1, keys: ['b'] }]);
    const threadOf = { a: first[0]?.thread, b: first[1]?.thread };
    assert.notEqual(threadOf.a, threadOf.b);
    // In the reverse order: without affinity, the first free worker would take b.
    const second = await pool.run([{ id: 0, keys: ['b'] }, { id: 1, keys: ['a'] }]);
    assert.equal(second[0]?.thread, threadOf.b);
    assert.equal(second[1]?.thread, threadOf.a);
    // Two tasks on a: the other worker takes the second rather than wait; a task without keys goes to any worker.
    const third = await pool.run([{ id: 0, keys: ['a'] }, { id: 1, keys: ['a'] }, { id: 2, keys: [] }]);
    assert.equal(third.length, 3);
    assert.equal(third[0]?.thread, threadOf.a);
    assert.ok(third.every((answer) => answer !== undefined));
    assert.ok(third.some((answer) => answer.thread === threadOf.b));
  } finally {
    await pool.close();
  }
});

test('html threads keep parsed texts within their budget, each for one page', () => {
  const text = (id: string, xml: string) => ({ id, xml, path: `/x/${id}.xml` });
  const parsed = new ParsedTexts(12);
  const first = text('a', '<TEI/>');
  const second = text('b', '<TEI></TEI>');
  parsed.keep(first, 'document a');
  parsed.keep(second, 'document b');
  assert.equal(parsed.size, 1, 'a and b together are beyond the budget of 12 characters');
  assert.equal(parsed.take(second), undefined);
  assert.equal(parsed.take(first), 'document a');
  assert.equal(parsed.take(first), undefined, 'a page takes its text once');
  parsed.keep(second, 'document b');
  assert.equal(parsed.take(second), 'document b', 'the budget is free again');
});
