import type { Diagnostic } from './diagnostic.js';

/** `file:line:col  severity  message  rule-id` (vfile-reporter style), one line per message. */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.position;
  const place = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  const hint = d.hint === undefined ? '' : `\n    hint: ${d.hint}`;
  return `${place}  ${d.severity}  ${d.message}  ${d.rule}${hint}`;
}
