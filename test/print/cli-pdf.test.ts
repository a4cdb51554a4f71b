/** `tei-edition pdf` as a user meets it: real processes, real files, exit codes and messages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTeiEdition, sampleEditionCopy } from '../support/run-cli.js';

test('without TEI files: one error per missing text, naming the file and what to run, exit 1', () => {
  const dir = sampleEditionCopy();
  const run = runTeiEdition(['pdf'], dir);
  assert.equal(run.code, 1);
  assert.match(
    run.stderr,
    /tei\/1917-10-01-lenine-lettre-au-comite-central\.xml {2}error {2}no TEI file for source “1917-10-01-lenine-lettre-au-comite-central”/u,
  );
  assert.match(run.stderr, /run `tei-edition convert` \(or `build`\) first/u);
  assert.ok(!existsSync(join(dir, 'output', 'print', 'edition.pdf')));
});

test('--typst-only writes edition.typ only; --json reports the files; an unknown font is a warning with the file', () => {
  const dir = sampleEditionCopy();
  assert.equal(runTeiEdition(['convert', '--quiet'], dir).code, 0);
  const typstOnly = runTeiEdition(['pdf', '--typst-only'], dir);
  assert.equal(typstOnly.code, 0, typstOnly.stderr);
  assert.ok(existsSync(join(dir, 'output', 'print', 'edition.typ')));
  assert.ok(!existsSync(join(dir, 'output', 'print', 'edition.pdf')));

  const configPath = join(dir, 'edition.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { edition: Record<string, unknown> };
  config.edition.print = { paper: 'b5', fonts: ['No Such Font Family'], fontSize: 11 };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const run = runTeiEdition(['pdf', '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    command: string;
    ok: boolean;
    files: string[];
    pages: number;
    messages: { severity: string; message: string; position: { file: string } }[];
  };
  assert.equal(report.command, 'pdf');
  assert.equal(report.ok, true);
  assert.deepEqual(report.files, ['output/print/edition.typ', 'output/print/edition.pdf']);
  assert.ok(report.pages > 10);
  const warning = report.messages.find((m) => m.message.includes('unknown font family'));
  assert.ok(warning, JSON.stringify(report.messages));
  assert.equal(warning.severity, 'warning');
  assert.equal(warning.position.file, 'output/print/edition.typ');
  const typ = readFileSync(join(dir, 'output', 'print', 'edition.typ'), 'utf8');
  assert.match(typ, /paper: "b5"/u);
  assert.match(typ, /font: \("No Such Font Family", "Libertinus Serif"\)/u);
  assert.match(typ, /font-size: 11pt/u);
});

test('a bad print option in the config is refused with its place in the file, exit 2', () => {
  const dir = sampleEditionCopy();
  const configPath = join(dir, 'edition.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { edition: Record<string, unknown> };
  config.edition.print = { paper: 'a3' };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const run = runTeiEdition(['pdf'], dir);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /edition\.json:\d+:\d+ {2}error {2}.*paper.*(a5|b5|a4)/u);
});

test('a Typst error is reported at its line and column in edition.typ, which is kept; no PDF, exit 1', async () => {
  const { compileTypstFileToPdf } = await import('../../src/publish/print/typst-compiler.js');
  const dir = sampleEditionCopy();
  const path = join(dir, 'edition.typ');
  writeFileSync(path, 'Bonjour\n\nau revoir #no-such-function[x]\n');
  const book = compileTypstFileToPdf(path, { shown: 'edition.typ' });
  assert.equal(book.pdf, undefined);
  assert.deepEqual(
    book.messages.map((m) => [m.severity, m.rule, m.position.file, m.position.line, m.position.column]),
    [['error', 'tei-edition/typst', 'edition.typ', 3, 12]],
  );
  assert.match(book.messages[0]?.message ?? '', /^unknown variable: no-such-function/u);
});
