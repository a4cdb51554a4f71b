import { compareDiagnostics, countBySeverity, type Diagnostic } from './diagnostic.js';

/** `file:line:col  severity  message  rule-id` (vfile-reporter style), one line per message. */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.position;
  const place = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  const hint = d.hint === undefined ? '' : `\n    hint: ${d.hint}`;
  return `${place}  ${d.severity}  ${d.message}  ${d.rule}${hint}`;
}

export function formatDiagnostics(messages: readonly Diagnostic[], options: { minSeverity?: 'error' | 'warning' | 'info' } = {}): string {
  const keep = options.minSeverity === 'error'
    ? (d: Diagnostic) => d.severity === 'error'
    : options.minSeverity === 'warning'
      ? (d: Diagnostic) => d.severity !== 'info'
      : () => true;
  return [...messages].filter(keep).sort(compareDiagnostics).map(formatDiagnostic).join('\n');
}

export function summarise(messages: readonly Diagnostic[]): string {
  const c = countBySeverity(messages);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
}
