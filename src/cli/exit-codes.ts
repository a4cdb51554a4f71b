/** Exit codes: computed from the messages at the end of a run, never on the way. */
import type { Diagnostic } from '../lib/diagnostics/diagnostic.js';

export const EXIT_OK = 0;
/** The input (raw texts, TEI files) has errors. */
export const EXIT_INPUT_ERRORS = 1;
/** Usage error, or a config that cannot be used. */
export const EXIT_USAGE = 2;

export function exitCodeFor(messages: readonly Diagnostic[]): number {
  return messages.some((m) => m.severity === 'error') ? EXIT_INPUT_ERRORS : EXIT_OK;
}
