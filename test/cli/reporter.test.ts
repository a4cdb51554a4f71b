/** Progress is drawn only on a terminal; --quiet and --json keep stdout and stderr clean. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CliIO } from '../../src/cli/cli-io.js';
import { Reporter } from '../../src/cli/reporter.js';
import { diagnostic } from '../../src/lib/diagnostics/diagnostic.js';

function memoryIO(isTTY: boolean): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd: '/', isTTY, env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), out, err };
}

const warning = diagnostic('warning', 'ocr-noise', 'a warning', { file: 'a.txt', line: 3, column: 2 });
const info = diagnostic('info', 'drop-cap', 'an info', { file: 'a.txt', line: 1, column: 1 });

test('on a terminal: a progress line redrawn in place, cleared before messages and the summary', () => {
  const io = memoryIO(true);
  const r = new Reporter(io, { quiet: false, json: false, verbose: false });
  r.progress('convert', 1, 3, 'first-source');
  r.messages([warning, info]);
  r.summary('convert: 3 files', [warning, info]);
  assert.equal(io.err[0], '\r\x1b[Kconvert 1/3  first-source');
  assert.equal(io.err[1], '\r\x1b[K');
  assert.equal(io.err[2], 'a.txt:3:2  warning  a warning  tei-edition/ocr-noise\n');
  assert.equal(io.err.length, 3, 'info is shown only with --verbose');
  assert.match(io.out[0] ?? '', /^convert: 3 files: 0 errors, 1 warning, 1 info \(--verbose shows info\), \d+\.\d\d s\n$/u);
});

test('piped (not a terminal): no progress, no control characters', () => {
  const io = memoryIO(false);
  const r = new Reporter(io, { quiet: false, json: false, verbose: true });
  r.progress('convert', 1, 3);
  r.messages([info]);
  assert.deepEqual(io.err, ['a.txt:1:1  info  an info  tei-edition/drop-cap\n']);
});

test('--quiet: errors only; --json: the JSON document only', () => {
  const quiet = memoryIO(true);
  const q = new Reporter(quiet, { quiet: true, json: false, verbose: false });
  q.progress('convert', 1, 3);
  q.messages([warning, diagnostic('error', 'usage', 'an error', { file: 'b.txt' })]);
  q.line('written');
  q.summary('convert', []);
  assert.deepEqual(quiet.err, ['b.txt  error  an error  tei-edition/usage\n']);
  assert.deepEqual(quiet.out, []);
  const json = memoryIO(true);
  const j = new Reporter(json, { quiet: false, json: true, verbose: true });
  j.progress('convert', 1, 3);
  j.messages([warning]);
  j.line('written');
  j.json({ ok: true });
  assert.deepEqual(json.err, []);
  assert.deepEqual(JSON.parse(json.out.join('')), { ok: true });
});
