/**
 * Reports cannot be broken or injected by what a document or a file name carries (issue 14,
 * item 10): attribute values with a line break followed by `::warning …` (a GitHub Actions
 * workflow command), ESC and BEL (a terminal escape sequence), C1 controls, a right-to-left
 * override and a line separator; file names with the same. In every report format: no control
 * character reaches the output raw, no line starts with `::` but the real workflow commands, the
 * JUnit report is well-formed XML, and JSON keeps the values exactly (as JSON escapes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { schematronDiagnostic } from '../../src/lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';
import { formatGithub, formatJunit } from '../../src/lib/diagnostics/report-formats.js';
import { visibleText } from '../../src/lib/diagnostics/visible-text.js';
import { fixturesDir } from '../support/paths.js';
import { tempDir } from '../support/run-cli.js';
import { runInProcess } from '../support/run-cli-in-process.js';

const hostileNames = ['evil\n::error file=x.xml::NAME-INJECTED.xml', 'esc\u001b]0;TITLE\u0007.xml', '::warning::STARTS-WITH-COLONS.xml'];
/** Any control character but the line feed that ends each line; C1, bidirectional and line-separator characters. */
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;
const workflowCommand = /^::(error|warning|notice) file=[^:\n]*(,line=\d+)?(,col=\d+)?,title=[^:\n]*::[^\n]*$/;

function hostileFolder(): string {
  const dir = tempDir();
  cpSync(join(fixturesDir, 'validate-escaping', 'hostile-values.xml'), join(dir, 'hostile-values.xml'));
  for (const name of hostileNames) writeFileSync(join(dir, name), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><bogus/></TEI>\n');
  return dir;
}

function assertNoRawControls(output: string, format: string): void {
  const found = rawControl.exec(output);
  assert.equal(
    found,
    null,
    `${format}: raw U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found?.index}: ${JSON.stringify(output.slice(Math.max(0, (found?.index ?? 0) - 40), (found?.index ?? 0) + 20))}`,
  );
}

function assertWellFormedXml(xml: string): void {
  const parser = new SaxesParser();
  parser.write(xml).close();
}

test('every report format of validate, on hostile values and file names: nothing raw, no injected command, well-formed JUnit', async () => {
  const dir = hostileFolder();
  const json = await runInProcess(['validate', '.', '--format', 'json'], dir);
  assert.equal(json.code, 1);
  const messages = JSON.parse(json.stdout) as { message: string; position: { file: string } }[];
  assert.ok(
    messages.some((m) => m.message.includes('found "x\n::warning file=a.xml::INJECTED"')),
    'JSON keeps the value exactly',
  );
  assert.deepEqual(new Set(messages.map((m) => m.position.file)), new Set(['hostile-values.xml', ...hostileNames]));

  for (const format of ['text', 'json', 'github', 'junit']) {
    const run = await runInProcess(['validate', '.', '--format', format], dir);
    assert.equal(run.code, 1, format);
    const output = `${run.stdout}${run.stderr}`;
    assertNoRawControls(output, format);
    const commands = output.split('\n').filter((line) => line.startsWith('::'));
    if (format === 'github') {
      for (const line of commands) assert.match(line, workflowCommand);
      assert.equal(commands.length, messages.length, 'one workflow command per message, none injected');
    } else assert.deepEqual(commands, [], `${format}: no line starts with ::`);
    if (format === 'junit') {
      assertWellFormedXml(run.stdout);
      assert.equal(run.stdout.match(/<testcase /g)?.length, 1 + hostileNames.length);
    }
    if (format === 'text') {
      assert.match(
        run.stderr,
        /^hostile-values\.xml:12:63 {2}error {2}value of attribute "when" is invalid: found "x\\n::warning file=a\.xml::INJECTED"; /m,
      );
      assert.match(run.stderr, /found "\\u001b\]0;PWNED\\u0007\\u009b31m\\u202e"/);
      assert.match(run.stderr, /^\.\/::warning::STARTS-WITH-COLONS\.xml:1:\d+ {2}error /m);
      assert.match(run.stderr, /^evil\\n::error file=x\.xml::NAME-INJECTED\.xml:1:\d+ {2}error /m);
      assert.equal(
        run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('    hint: ')).length,
        messages.length,
        'one line per message',
      );
    }
  }
});

test('the formatters escape message, hint, file and rule, for every command that prints diagnostics', () => {
  const d = schematronDiagnostic(
    'warning',
    'x/rule\u001b[2J',
    'found "a\nb\u0007"',
    { file: 'f\r.xml', line: 2, column: 3 },
    { hint: 'try\n::error::x' },
  );
  assert.equal(formatDiagnostic(d), 'f\\r.xml:2:3  warning  found "a\\nb\\u0007"  x/rule\\u001b[2J\n    hint: try\\n::error::x');
  assert.equal(formatGithub([d]), '::warning file=f\\r.xml,line=2,col=3,title=x/rule\\u001b[2J::found "a\\nb\\u0007"%0Atry\\n::error::x\n');
  const junit = formatJunit(['f\r.xml', 'nul\u0000.xml'], [{ ...d, severity: 'error' }], 0.5);
  assertWellFormedXml(junit);
  assert.match(junit, /<testcase name="nul\\u0000\.xml"/);
  assert.match(junit, /<failure message="1 error; first: found &quot;a\\nb\\u0007&quot;" type="x\/rule\\u001b\[2J">/);
});

test('visibleText: controls as JSON writes them, other text (accents, emoji, CJK) untouched', () => {
  assert.equal(
    visibleText('a\tb\nc\rd\u0000e\u001bf\u007fg\u0085h\u2028i\u202ej\ud800k'),
    'a\\tb\\nc\\rd\\u0000e\\u001bf\\u007fg\\u0085h\\u2028i\\u202ej\\ud800k',
  );
  assert.equal(visibleText('Léon Trotski, 1917 — «\u00a0ok\u00a0» 😀 中文 \\d+'), 'Léon Trotski, 1917 — «\u00a0ok\u00a0» 😀 中文 \\d+');
});
