/**
 * Diagnostics in the formats CI systems read: a JSON array, GitHub Actions workflow commands
 * (annotations on the pull request's files), and JUnit XML (one test case per file checked).
 */
import { create } from 'xmlbuilder2';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { formatDiagnostic } from './format.js';


export function formatJson(messages: readonly Diagnostic[]): string {
  return `${JSON.stringify([...messages].sort(compareDiagnostics), null, 2)}\n`;
}

/** Escaping of workflow commands: `%`, CR and LF in the message; also `:` and `,` in properties. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
      const text = m.hint === undefined ? m.message : `${m.message}\n${m.hint}`;
      return `::${command[m.severity]} ${props.join(',')}::${escapeData(text)}\n`;
    })
    .join('');
}

/**
 * JUnit XML: a test suite with one test case per file; a file with errors fails, with every error
 * in the failure text; warnings go to the case's system-out.
 */
export function formatJunit(files: readonly string[], messages: readonly Diagnostic[], seconds: number, suiteName = 'tei-edition validate'): string {
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const m of [...messages].sort(compareDiagnostics)) {
    const list = byFile.get(m.position.file) ?? [];
    list.push(m);
    byFile.set(m.position.file, list);
  }
  const failures = [...byFile.values()].filter((list) => list.some((m) => m.severity === 'error')).length;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: suiteName, tests: byFile.size, failures, errors: 0, time: seconds.toFixed(3) });
  const suite = root.ele('testsuite', { name: suiteName, tests: byFile.size, failures, errors: 0, skipped: 0, time: seconds.toFixed(3) });
  for (const [file, list] of byFile) {
    const testCase = suite.ele('testcase', { name: file, classname: 'tei-edition.validate' });
    const errors = list.filter((m) => m.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      testCase.ele('failure', { message: `${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${first.message}`, type: first.rule }).txt(errors.map(formatDiagnostic).join('\n'));
    }
    const others = list.filter((m) => m.severity !== 'error');
    if (others.length > 0) testCase.ele('system-out').txt(others.map(formatDiagnostic).join('\n'));
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
