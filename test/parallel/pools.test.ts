/**
 * The worker pools give exactly what the same work gives in process: converting the sample
 * edition, validating a folder of broken files in several batches, and rendering the HTML pages.
 * The pool's affinity sends a task to the worker that had its keys before; the HTML threads keep
 * the texts they parsed within a budget.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../support/paths.js';
import { sampleEditionCopy, tempDir } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';
import { startPool } from '../../src/lib/parallel/worker-pool.js';
import { TaskQueue } from '../../src/lib/parallel/task-queue.js';
import { fullTierOnly } from '../support/tiers.js';

function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.xml') || f.endsWith('.html'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

test(
  'convert: two workers write the same TEI as one thread',
  { skip: fullTierOnly('worker threads that each load SaxonJS and the stylesheets') },
  async () => {
    const one = sampleEditionCopy();
    const two = sampleEditionCopy();
    assert.equal((await runInProcess(['convert', '--jobs', '1'], one)).code, 0);
    assert.equal((await runInProcess(['convert', '--jobs', '2'], two)).code, 0);
    assert.deepEqual(files(join(two, 'tei')), files(join(one, 'tei')));
  },
);

test(
  'validate: two workers over several batches give the same messages as one thread',
  { skip: fullTierOnly('worker threads that each load SaxonJS and the stylesheets') },
  async () => {
    const dir = tempDir();
    // 45 files: three batches of up to 20, so that both workers get some.
    const broken = readdirSync(join(fixturesDir, 'validate')).filter(
      (f) => f.startsWith('fails-') && f !== 'fails-too-large' && f !== 'fails-max-warnings',
    );
    for (let i = 0; i < 45; i++) {
      const name = broken[i % broken.length] ?? '';
      const source = readdirSync(join(fixturesDir, 'validate', name)).find((f) => f.endsWith('.xml')) ?? '';
      cpSync(join(fixturesDir, 'validate', name, source), join(dir, `${String(i).padStart(2, '0')}-${name}.xml`));
    }
    const one = await runInProcess(['validate', '.', '--jobs', '1', '--format', 'json'], dir);
    const two = await runInProcess(['validate', '.', '--jobs', '2', '--format', 'json'], dir);
    assert.equal(one.code, 1);
    assert.equal(two.code, 1);
    assert.ok((JSON.parse(one.stdout) as unknown[]).length >= 45);
    assert.equal(two.stdout, one.stdout);
  },
);

test(
  'validate: with workers, the schemas are loaded in the workers only, and their messages are the same as in one thread',
  { skip: fullTierOnly('worker threads that each load SaxonJS and the stylesheets') },
  async () => {
    const dir = tempDir();
    const source = readdirSync(join(fixturesDir, 'schematron', 'ref-resolves')).find((f) => f === 'fail.xml') ?? '';
    for (let i = 0; i < 25; i++)
      cpSync(join(fixturesDir, 'schematron', 'ref-resolves', source), join(dir, `${String(i).padStart(2, '0')}.xml`));
    // A rules file that cannot be used: exit 2, its message once, no file validated.
    writeFileSync(
      join(dir, 'broken.sch'),
      '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule context="p"><assert test="((">x</assert></rule></pattern></schema>',
    );
    const brokenOne = await runInProcess(['validate', '.', '--schematron', 'broken.sch', '--jobs', '1', '--format', 'json'], dir);
    const brokenTwo = await runInProcess(['validate', '.', '--schematron', 'broken.sch', '--jobs', '2', '--format', 'json'], dir);
    assert.equal(brokenOne.code, 2);
    assert.equal(brokenTwo.code, 2);
    assert.equal(
      (JSON.parse(brokenTwo.stdout) as { position: { file: string } }[]).filter((m) => m.position.file === 'broken.sch').length,
      1,
    );
    assert.equal(brokenTwo.stdout, brokenOne.stdout);
    // A usable one: the same findings.
    const one = await runInProcess(['validate', '.', '--jobs', '1', '--format', 'json'], dir);
    const two = await runInProcess(['validate', '.', '--jobs', '2', '--format', 'json'], dir);
    assert.equal(two.code, 1);
    assert.ok((JSON.parse(two.stdout) as unknown[]).length >= 25);
    assert.equal(two.stdout, one.stdout);
  },
);

test(
  'html: two workers render the same pages as one thread',
  { skip: fullTierOnly('worker threads that each load SaxonJS and the stylesheets') },
  async () => {
    const dir = sampleEditionCopy();
    assert.equal((await runInProcess(['convert'], dir)).code, 0);
    assert.equal((await runInProcess(['html', '--jobs', '1', '--out', 'one'], dir)).code, 0);
    assert.equal((await runInProcess(['html', '--jobs', '2', '--out', 'two'], dir)).code, 0);
    assert.deepEqual(files(join(dir, 'two', 'html')), files(join(dir, 'one', 'html')));
  },
);

interface KeyedTask {
  readonly id: number;
  readonly keys: readonly string[];
}
interface ThreadAnswer {
  readonly id: number;
  readonly thread: number;
}

test('pool affinity through real threads: a task goes to the worker that had its key', async () => {
  const pool = startPool<KeyedTask, ThreadAnswer>({
    workerUrl: new URL('../support/pool-echo-worker.js', import.meta.url),
    jobs: 2,
    affinity: (task) => task.keys,
  });
  try {
    const first = await pool.run([
      { id: 0, keys: ['a'] },
      { id: 1, keys: ['b'] },
    ]);
    const threadOf = { a: first[0]?.thread, b: first[1]?.thread };
    assert.notEqual(threadOf.a, threadOf.b);
    // In the reverse order: without affinity, the first free worker would take b. Each worker has
    // exactly one task of its own and none is shared, so no timing can change the answer.
    const second = await pool.run([
      { id: 0, keys: ['b'] },
      { id: 1, keys: ['a'] },
    ]);
    assert.equal(second[0]?.thread, threadOf.b);
    assert.equal(second[1]?.thread, threadOf.a);
    // Which worker steals what depends on which finishes first: only completeness is timing-free here
    // (the decisions themselves are tested on TaskQueue below).
    const third = await pool.run([
      { id: 0, keys: ['a'] },
      { id: 1, keys: ['a'] },
      { id: 2, keys: [] },
    ]);
    assert.deepEqual(
      third.map((answer) => answer.id),
      [0, 1, 2],
    );
  } finally {
    await pool.close();
  }
});

test("task queue: shared tasks first, then a worker's own; a worker with nothing left steals the fullest queue's last task", () => {
  const queue = new TaskQueue<KeyedTask>(2, (task) => task.keys);
  const a0 = { id: 0, keys: ['a'] };
  const b0 = { id: 1, keys: ['b'] };
  queue.load([a0, b0]);
  assert.equal(queue.next(0), a0);
  assert.equal(queue.next(1), b0);
  assert.equal(queue.next(0), undefined);
  queue.done(0, a0);
  queue.done(1, b0);
  // Reverse order: each goes to its owner.
  queue.load([b0, a0]);
  assert.equal(queue.next(0), a0);
  assert.equal(queue.next(1), b0);
  // Two tasks on a and one without keys, in both orders of completion (the case that made the
  // thread test depend on timing).
  const a1 = { id: 0, keys: ['a'] };
  const a2 = { id: 1, keys: ['a'] };
  const free = { id: 2, keys: [] };
  queue.load([a1, a2, free]);
  assert.equal(queue.next(0), free, 'a task without an owner goes first');
  assert.equal(queue.next(1), a2, "worker 1 has nothing of its own: it takes worker 0's last task");
  assert.equal(queue.next(0), a1, 'worker 0 then takes its own');
  queue.load([a1, a2, free]);
  assert.equal(queue.next(0), free);
  assert.equal(queue.next(1), a2);
  assert.equal(queue.next(1), a1, 'worker 1 finished first: it steals the last task left rather than wait');
  assert.equal(queue.next(0), undefined);
});

test('task queue: without affinity, tasks go out in order to whichever worker is free', () => {
  const queue = new TaskQueue<KeyedTask>(3);
  const tasks = [0, 1, 2, 3].map((id) => ({ id, keys: [String(id)] }));
  queue.load(tasks);
  for (const task of tasks) queue.done(0, task);
  queue.load(tasks);
  assert.deepEqual([queue.next(2), queue.next(1), queue.next(2), queue.next(0), queue.next(1)], [...tasks, undefined]);
});
