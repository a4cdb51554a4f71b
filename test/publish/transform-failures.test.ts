/**
 * A stylesheet that fails on one text is a Diagnostic, not a string beside it (issue 20): the
 * HTML and print pools' task results carry an `html-transform` / `pdf-transform` error on the
 * text's TEI file (the index and registers: on the stylesheet), which the CLI shows as the user
 * named the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlTransformFailure, runHtmlTask } from '../../src/publish/html/html-pool.js';
import { renderChapterTask } from '../../src/publish/print/print-pool.js';
import type { RenderContext } from '../../src/publish/html/render-pages.js';
import type { PrintContext } from '../../src/publish/print/render-book.js';
import { HTML_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';
import { shownAt } from '../../src/cli/display-path.js';
import type { CliIO } from '../../src/cli/cli-io.js';

const text = { id: 'lettre', xml: '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', path: '/edition/tei/lettre.xml' };
/** A context whose stylesheet is no stylesheet: every transformation throws. */
const brokenHtml = {
  sef: { N: 'not a package' },
  editionJson: '{}',
  registers: [],
  registerTable: undefined,
  registerTableXml: '',
  textIds: ['lettre'],
} as unknown as RenderContext;
const brokenPrint: PrintContext = { sef: { N: 'not a package' }, editionJson: '{}', registers: [], bookLibrary: '' };

test('the HTML stylesheet failing on a text: an html-transform error on its TEI file', async () => {
  const result = await runHtmlTask(brokenHtml, { kind: 'text', id: 3, text });
  assert.equal(result.id, 3);
  assert.equal(result.output, undefined);
  assert.equal(result.failure?.rule, 'tei-edition/html-transform');
  assert.equal(result.failure?.severity, 'error');
  assert.equal(result.failure?.position.file, text.path);
  assert.match(result.failure?.message ?? '', /^the HTML stylesheet failed on this text: \S/u);
});

test('the HTML stylesheet failing on the index or the registers: the error is on the stylesheet', async () => {
  const result = await runHtmlTask(brokenHtml, { kind: 'collection', id: 0, template: 'index', summaries: [] });
  assert.equal(result.failure?.position.file, HTML_STYLESHEET);
  assert.match(result.failure?.message ?? '', /^the HTML stylesheet failed on the index or the registers: /u);
  assert.equal(htmlTransformFailure(undefined, 'x').position.file, HTML_STYLESHEET);
});

test('the print stylesheet failing on a text: a pdf-transform error on its TEI file', async () => {
  const result = await renderChapterTask(brokenPrint, { id: 1, text });
  assert.equal(result.chapter, undefined);
  assert.equal(result.failure?.rule, 'tei-edition/pdf-transform');
  assert.equal(result.failure?.position.file, text.path);
  assert.match(result.failure?.message ?? '', /^the print stylesheet failed on this text: \S/u);
});

test('the CLI shows the file as the user named it, else relative to the working directory', () => {
  const io = { cwd: '/edition' } as CliIO;
  const failure = htmlTransformFailure({ kind: 'text', id: 0, text }, 'boom');
  assert.equal(shownAt(io, failure, new Map([[text.path, 'letters/lettre.xml']])).position.file, 'letters/lettre.xml');
  assert.equal(shownAt(io, failure, new Map()).position.file, 'tei/lettre.xml');
  assert.equal(shownAt(io, failure, new Map()).message, failure.message);
});
