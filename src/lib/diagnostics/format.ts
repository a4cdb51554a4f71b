import type { Diagnostic } from './diagnostic.js';
import { visibleFileName, visibleText } from './visible-text.js';

/**
 * `file:line:col  severity  message  rule-id` (vfile-reporter style), one line per message, and
 * the hint on the next line. What comes from documents (file name, message, hint, rule id of a
 * Schematron rule) is printed with control characters as visible escapes (visible-text.ts), so a
 * message is always one line and never a terminal or CI command.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const { line, column } = d.position;
  const file = visibleFileName(d.position.file);
  const place = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  const hint = d.hint === undefined ? '' : `\n    hint: ${visibleText(d.hint)}`;
  return `${place}  ${d.severity}  ${visibleText(d.message)}  ${visibleText(d.rule)}${hint}`;
}
