/** The pure parts of `serve`, in memory: request paths, the reload script's place, the watch plan, the rebuild policy. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sitePath, withSnippet, contentType } from '../../src/cli/serve/site-files.js';
import { isWatched, watchPlan } from '../../src/cli/serve/watch-plan.js';
import { RebuildScheduler } from '../../src/cli/serve/rebuild-scheduler.js';
import type { EditionConfig } from '../../src/lib/config/types.js';
import { sampleConfig } from '../support/sample-edition.js';

test('request paths: files below the site; `..`, `.`, encoded slashes and hidden files refused', () => {
  assert.deepEqual(sitePath('/'), { kind: 'file', relative: '', directory: true });
  assert.deepEqual(sitePath('/a/b%20c.html?q=1#x'), { kind: 'file', relative: 'a/b c.html', directory: false });
  assert.deepEqual(sitePath('/search/'), { kind: 'file', relative: 'search', directory: true });
  for (const path of [
    '/../edition.json',
    '/a/../../x',
    '/%2e%2e/x',
    '/%2E%2E/x',
    '/a%2f..%2f..%2fx',
    '/a%5c..%5cx',
    '/./x',
    '/a%00.html',
  ]) {
    const named = sitePath(path);
    assert.equal(named.kind, 'refused', path);
    assert.equal(named.kind === 'refused' ? named.status : 0, 403, path);
  }
  assert.equal(sitePath('/.tei-edition-output').kind, 'refused');
  assert.equal(sitePath('/%E0%A4%A').kind, 'refused');
  assert.equal(sitePath('relative').kind, 'refused');
});

test('content types by extension; the reload script goes before the last </body>', () => {
  assert.equal(contentType('a.HTML'), 'text/html; charset=utf-8');
  assert.equal(contentType('search/manifest.js'), 'text/javascript; charset=utf-8');
  assert.equal(contentType('x.woff2'), 'font/woff2');
  assert.equal(contentType('x.unknown'), 'application/octet-stream');
  assert.equal(withSnippet('<p>a</p></body></html>', '<s/>'), '<p>a</p><s/></body></html>');
  assert.equal(withSnippet('<pre></body></pre></BODY>', '<s/>'), '<pre></body></pre><s/></BODY>');
  assert.equal(withSnippet('<p>no body end', '<s/>'), '<p>no body end<s/>');
});

test('the watch plan: config, registers, raw texts and their TEI, TEI sources and schemas; never the output', () => {
  const base = '/ed';
  const config = {
    ...sampleConfig(),
    sources: [...sampleConfig().sources, { tei: 'letters/**/*.xml', schema: 'schemas/tei_all.rng' }, { tei: 'more' }, { tei: 'one.xml' }],
  } as EditionConfig;
  const plan = watchPlan(config, join(base, 'edition.json'), join(base, 'output'));
  const letter = '1917-10-01-lenine-lettre-au-comite-central';
  for (const path of [
    'edition.json',
    `tei/raw/${letter}.txt`,
    `tei/${letter}.xml`,
    'tei/persons.xml',
    'tei/organisations.xml',
    'letters/a/b.xml',
    'more/x/y.xml',
    'one.xml',
    'schemas/tei_all.rng',
  ]) {
    assert.ok(isWatched(plan, join(base, path)), path);
  }
  for (const path of [
    'tei/raw/other.txt',
    'tei/unknown.xml',
    'letters/a/b.txt',
    'more/x/y.txt',
    'output/html/index.html',
    'output/tei/persons.xml',
    'tei/raw/x.txt.swp',
  ]) {
    assert.ok(!isWatched(plan, join(base, path)), path);
  }
  assert.deepEqual(plan.folders.get(join(base, 'letters')), { recursive: true });
  assert.deepEqual(plan.folders.get(join(base, 'tei', 'raw')), { recursive: false });
  assert.ok(!plan.folders.has(join(base, 'output')));
  const broken = watchPlan(undefined, join(base, 'edition.json'), join(base, 'output'));
  assert.deepEqual([...broken.files], [join(base, 'edition.json')], 'a config that does not load: the config is still watched');
});

/** A clock in the test's hands. */
function fakeTimers(): {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (t: unknown) => void;
  advance: (ms: number) => Promise<void>;
} {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimer: (fn, ms) => {
      timers.set(++next, { at: now + ms, fn });
      return next;
    },
    clearTimer: (t) => {
      timers.delete(t as number);
    },
    advance: async (ms) => {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.fn();
      }
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
  };
}

test('rebuilds: a burst of events is one build; changes during a build make one more; unchanged content makes none', async () => {
  const clock = fakeTimers();
  const builds: { print: boolean; changed: readonly string[] }[] = [];
  let release: (() => void) | undefined;
  const same = new Set<string>(['same.txt']);
  const scheduler = new RebuildScheduler<string>({
    build: (print, changed) => {
      builds.push({ print, changed });
      return new Promise((resolve) => {
        release = () => resolve('done');
      });
    },
    changed: async (paths) => paths.filter((p) => !same.has(p)),
    afterBuild: async () => undefined,
    quietMs: 100,
    ...clock,
  });
  scheduler.notify('a.txt');
  await clock.advance(50);
  scheduler.notify('a.txt');
  scheduler.notify('b.txt');
  await clock.advance(99);
  assert.equal(builds.length, 0, 'still quiet time after the last event');
  await clock.advance(1);
  assert.deepEqual(builds, [{ print: false, changed: ['a.txt', 'b.txt'] }]);
  scheduler.notify('c.txt');
  scheduler.notify('d.txt');
  await clock.advance(500);
  assert.equal(builds.length, 1, 'never two builds at once');
  release?.();
  await clock.advance(0);
  assert.deepEqual(builds[1], { print: false, changed: ['c.txt', 'd.txt'] }, 'the changes made during the build: one more build');
  release?.();
  await clock.advance(0);
  scheduler.notify('same.txt');
  await clock.advance(100);
  assert.equal(builds.length, 2, 'an event without a change of content builds nothing');
  const pdf = scheduler.request(true);
  await clock.advance(0);
  assert.deepEqual(builds[2], { print: true, changed: [] });
  release?.();
  assert.equal(await pdf, 'done');
  await scheduler.stop();
  scheduler.notify('e.txt');
  await clock.advance(1000);
  assert.equal(builds.length, 3, 'stopped: no more builds');
});
