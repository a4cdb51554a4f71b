import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';

/** An exception inside the converter (a bug), as a fatal message on the file it was converting; the other files go on. */
export function converterCrash(error: unknown, file: string): Diagnostic {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return diagnostic(
    'error',
    'internal-error',
    `the converter failed on this file (a bug; please report it): ${clip(first)}`,
    { file },
    { fatal: true },
  );
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
