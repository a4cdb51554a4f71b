/**
 * Diagnostics in the formats CI systems read: a JSON array, GitHub Actions workflow commands
 * (annotations on the pull request's files), and JUnit XML (one test case per file checked).
 * Text quoted from documents is escaped for each: in JSON as `\uXXXX` (the value unchanged); in the
 * workflow commands and the JUnit report as visible escapes (visible-text.ts), so a document can
 * neither start a command of its own nor make the report not well-formed.
 */
import { create } from 'xmlbuilder2';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { formatDiagnostic } from './format.js';
import { visibleJson, visibleText } from './visible-text.js';

export function formatJson(messages: readonly Diagnostic[]): string {
  return `${visibleJson(JSON.stringify([...messages].sort(compareDiagnostics), null, 2))}\n`;
}

/** Escaping of workflow commands: `%`, and `:` and `,` in properties; line breaks and other controls are visible escapes by then. */
const escapeData = (s: string): string => visibleText(s).replace(/%/g, '%25');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(messages: readonly Diagnostic[]): string {
  const command: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };
  return [...messages]
    .sort(compareDiagnostics)
    .map((m) => {
      const props = [`file=${escapeProperty(m.position.file)}`];
      if (m.position.line !== undefined) props.push(`line=${m.position.line}`);
      if (m.position.column !== undefined) props.push(`col=${m.position.column}`);
      props.push(`title=${escapeProperty(m.rule)}`);
      // The hint on a line of its own in the annotation: the one line break put in, after escaping.
      const text = m.hint === undefined ? escapeData(m.message) : `${escapeData(m.message)}%0A${escapeData(m.hint)}`;
      return `::${command[m.severity]} ${props.join(',')}::${text}\n`;
    })
    .join('');
}

/**
 * JUnit XML: a test suite with one test case per file; a file with errors fails, with every error
 * in the failure text; warnings go to the case's system-out.
 */
export function formatJunit(
  files: readonly string[],
  messages: readonly Diagnostic[],
  seconds: number,
  suiteName = 'tei-edition validate',
): string {
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const m of [...messages].sort(compareDiagnostics)) {
    const list = byFile.get(m.position.file) ?? [];
    list.push(m);
    byFile.set(m.position.file, list);
  }
  const failures = [...byFile.values()].filter((list) => list.some((m) => m.severity === 'error')).length;
  suiteName = visibleText(suiteName);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: suiteName,
    tests: byFile.size,
    failures,
    errors: 0,
    time: seconds.toFixed(3),
  });
  const suite = root.ele('testsuite', { name: suiteName, tests: byFile.size, failures, errors: 0, skipped: 0, time: seconds.toFixed(3) });
  for (const [file, list] of byFile) {
    const testCase = suite.ele('testcase', { name: visibleText(file), classname: 'tei-edition.validate' });
    const errors = list.filter((m) => m.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      testCase
        .ele('failure', {
          message: `${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${visibleText(first.message)}`,
          type: visibleText(first.rule),
        })
        .txt(errors.map(formatDiagnostic).join('\n'));
    }
    const others = list.filter((m) => m.severity !== 'error');
    if (others.length > 0) testCase.ele('system-out').txt(others.map(formatDiagnostic).join('\n'));
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
