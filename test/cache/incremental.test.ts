/**
 * The build cache (issue 18): after each kind of edit, a build with the cache makes the same
 * bytes as a clean build (--no-cache), and redoes only the texts the edit reaches; a damaged
 * entry is detected and made again; two builds at once on one cache both succeed; four shards
 * merged make the site of a single build. On a copy of the sample edition, commands run in
 * process (test/support/run-cli-in-process.ts) except the concurrent builds (two processes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEntry } from '../support/paths.js';
import { sampleEditionCopy } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';
import { treeHashes } from '../support/tree-hash.js';

const edition = sampleEditionCopy();
const cacheDir = join(edition, 'cache');
const CACHE_FOLDER = '.tei-edition-cache';

interface BuildJson {
  readonly ok: boolean;
  readonly cache?: {
    readonly rendered: number;
    readonly stages: Record<string, { hits: number; misses: number; ignored: number; unwritten: number }>;
  };
}

async function build(out: string, ...more: string[]): Promise<BuildJson> {
  const run = await runInProcess(['build', '--out', out, '--jobs', '1', '--json', ...more], edition);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as BuildJson;
}

/** A clean build's tree and the cached build's tree, the same file for file. */
async function sameAsClean(label: string, ...more: string[]): Promise<BuildJson> {
  const incremental = await build(join(edition, 'out-cached'), '--cache', cacheDir, ...more);
  await build(join(edition, 'out-clean'), '--no-cache', ...more);
  assert.deepEqual(
    treeHashes(join(edition, 'out-cached')),
    treeHashes(join(edition, 'out-clean')),
    `${label}: the cached build differs from a clean build`,
  );
  return incremental;
}

const sources = (): string[] =>
  (JSON.parse(readFileSync(join(edition, 'edition.json'), 'utf8')) as { sources: { raw: string }[] }).sources.map((s) => s.raw);

test('a first build fills the cache and makes what a clean build makes', async () => {
  const first = await sameAsClean('first build', '--no-print');
  assert.equal(first.cache?.rendered, 3);
  assert.ok(statSync(join(cacheDir, 'html-text')).isDirectory());
});

test('nothing changed: no text is rendered again, and the output is the same', async () => {
  const again = await sameAsClean('nothing changed', '--no-print');
  assert.equal(again.cache?.rendered, 0);
  assert.equal(again.cache?.stages.convert?.misses, 0);
  assert.equal(again.cache?.stages.validate?.misses, 0);
});

test('a raw text edited: that text alone is converted, validated and rendered again', async () => {
  const raw = join(edition, sources()[1] ?? '');
  appendFileSync(raw, '\nUne phrase ajoutée pour l’essai du cache.\n');
  const after = await sameAsClean('raw text edited', '--no-print');
  assert.equal(after.cache?.stages.convert?.misses, 1);
  assert.equal(after.cache?.rendered, 1);
  assert.match(readFileSync(join(edition, 'out-cached', 'html', 'index.html'), 'utf8'), /<html/u);
});

test('a TEI text edited by hand: kept, published, and that text alone rendered again', async () => {
  const tei = join(
    edition,
    'tei',
    readdirSync(join(edition, 'tei'))
      .filter((f) => /^1917-.*\.xml$/u.test(f))
      .sort()[0] ?? '',
  );
  writeFileSync(tei, readFileSync(tei, 'utf8').replace(/(<p[ >][^<]*?)(\S+)/u, '$1$2 corrigé'));
  const after = await sameAsClean('TEI edited', '--no-print');
  assert.equal(after.cache?.rendered, 1);
});

test('a person of the register edited: only the texts that name that person are rendered again', async () => {
  const persons = join(edition, 'tei', 'persons.xml');
  const before = readFileSync(persons, 'utf8');
  // Dan is named in one text of the sample: his note (the tooltip on his name) changes.
  assert.match(before, /Menshevik leader, member of the presidium/u);
  writeFileSync(persons, before.replace('Menshevik leader, member of the presidium', 'Menshevik leader (edited), member of the presidium'));
  const naming = readdirSync(join(edition, 'tei')).filter(
    (f) => /^1917-.*\.xml$/u.test(f) && /persons\.xml#dan"/u.test(readFileSync(join(edition, 'tei', f), 'utf8')),
  );
  assert.equal(naming.length, 1);
  const after = await sameAsClean('register edited', '--no-print');
  assert.equal(after.cache?.rendered, naming.length);
});

test('the edition config edited (its title): every text is rendered again', async () => {
  const config = join(edition, 'edition.json');
  const json = JSON.parse(readFileSync(config, 'utf8')) as { edition: { title: string } };
  json.edition.title = `${json.edition.title} (seconde édition)`;
  writeFileSync(config, JSON.stringify(json, null, 2));
  const after = await sameAsClean('config edited', '--no-print');
  assert.equal(after.cache?.rendered, 3);
});

test('damaged entries (truncated, tampered) are ignored and made again', async () => {
  const entries = readdirSync(join(cacheDir, 'html-text'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(cacheDir, 'html-text', f));
  // The entries of the current texts are the newest three.
  const current = entries.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs).slice(0, 3);
  const [truncated, tampered] = current;
  assert.ok(truncated !== undefined && tampered !== undefined);
  writeFileSync(truncated, readFileSync(truncated, 'utf8').slice(0, 200));
  writeFileSync(tampered, readFileSync(tampered, 'utf8').replace(/<h1/u, '<h1 data-tampered="yes"'));
  const after = await sameAsClean('damaged entries', '--no-print');
  assert.equal(after.cache?.stages['html-text']?.ignored, 2);
  assert.equal(after.cache?.rendered, 2);
  assert.doesNotMatch(
    readFileSync(
      join(edition, 'out-cached', 'html', readdirSync(join(edition, 'out-cached', 'html')).find((f) => f.startsWith('1917-')) ?? ''),
      'utf8',
    ),
    /data-tampered/u,
  );
});

test('with the print edition: chapters and the PDF from the cache are the bytes of a clean build', async () => {
  await sameAsClean('print, first', '--print');
  const again = await sameAsClean('print, again', '--print');
  assert.equal(again.cache?.stages['print-chapter']?.misses, 0);
  assert.equal(again.cache?.stages['print-book']?.misses, 0);
});

test('two builds at once on one cache both succeed, and leave it whole', async () => {
  const shared = join(edition, 'cache-shared');
  const spawnBuild = (out: string): Promise<number> =>
    new Promise((done) => {
      const child = spawn(process.execPath, [cliEntry, 'build', '--out', out, '--cache', shared, '--no-print', '--quiet'], {
        cwd: edition,
        stdio: 'ignore',
        env: { ...process.env, CI: 'true' },
      });
      child.on('close', (code) => done(code ?? -1));
    });
  const codes = await Promise.all([spawnBuild(join(edition, 'out-a')), spawnBuild(join(edition, 'out-b'))]);
  assert.deepEqual(codes, [0, 0]);
  await build(join(edition, 'out-clean-html'), '--no-cache', '--no-print');
  const clean = treeHashes(join(edition, 'out-clean-html'));
  assert.deepEqual(
    treeHashes(join(edition, 'out-a'), (p) => p.startsWith(CACHE_FOLDER)),
    clean,
  );
  assert.deepEqual(
    treeHashes(join(edition, 'out-b'), (p) => p.startsWith(CACHE_FOLDER)),
    clean,
  );
  const after = await build(join(edition, 'out-c'), '--cache', shared, '--no-print');
  assert.equal(after.cache?.rendered, 0);
  assert.deepEqual(
    Object.entries(after.cache?.stages ?? {}).filter(([, s]) => s.ignored > 0 || s.misses > 0),
    [],
  );
});

test('four shards merged make the site of a single build, byte for byte', async () => {
  const shards = [1, 2, 3, 4].map((i) => join(edition, `shard-${i}`));
  let texts = 0;
  for (const [i, dir] of shards.entries()) {
    const run = await runInProcess(
      ['build', '--shard', `${i + 1}/4`, '--cache', dir, '--out', join(edition, `out-shard-${i + 1}`), '--jobs', '1', '--json'],
      edition,
    );
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as BuildJson & { shard: string; published: string[] };
    assert.equal(json.shard, `${i + 1}/4`);
    assert.deepEqual(json.published, [], 'a shard publishes nothing');
    assert.ok(!existsSync(join(edition, `out-shard-${i + 1}`, 'html')), 'a shard writes no site');
    texts += json.cache?.rendered ?? 0;
  }
  assert.equal(texts, 3, 'each text is rendered by exactly one shard');
  const merged = await runInProcess(
    ['merge', ...shards, '--cache', join(edition, 'cache-merge'), '--out', join(edition, 'out-merged'), '--jobs', '1', '--json'],
    edition,
  );
  assert.equal(merged.code, 0, merged.stderr);
  const json = JSON.parse(merged.stdout) as BuildJson;
  assert.equal(json.cache?.rendered, 0, 'every text comes from a shard');
  await build(join(edition, 'out-clean'), '--no-cache');
  assert.deepEqual(
    treeHashes(join(edition, 'out-merged'), (p) => p.startsWith(CACHE_FOLDER)),
    treeHashes(join(edition, 'out-clean')),
  );
});
