/**
 * `edition.json` text → a typed config, or messages saying what is wrong and where. Pure: the
 * file is read by `read-config-file.ts`, so that tests and editors can pass text in memory.
 * Three passes, each only when the one before succeeded: JSON syntax, the schema, the checks
 * across fields (their messages would be noise on a config of the wrong shape).
 */

import { compareDiagnostics, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readablePath, toPointer, type ConfigFinding } from './json-path.js';
import { parseJsonWithPositions, type JsonPositions, type JsonSyntaxError } from './json-positions.js';
import { validateEditionSchema } from './schema-validation.js';
import { checkEditionSemantics } from './semantic-checks.js';
import type { EditionConfig } from './types.js';

export interface EditionConfigResult {
  /** Present only when no message is an error. */
  config?: EditionConfig;
  messages: Diagnostic[];
}

export function loadEditionConfig(text: string, file: string): EditionConfigResult {
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) return { messages: [syntaxDiagnostic(parsed.error, file)] };
  const checked = validateEditionSchema(parsed.value);
  const findings = checked.ok ? checkEditionSemantics(checked.config) : checked.findings;
  const rule = checked.ok ? 'config-semantics' : 'config-schema';
  const messages = findings.map((f) => findingDiagnostic(f, rule, parsed.positions, file)).sort(compareDiagnostics);
  const hasErrors = messages.some((m) => m.severity === 'error');
  return checked.ok && !hasErrors ? { config: checked.config, messages } : { messages };
}

function syntaxDiagnostic(error: JsonSyntaxError, file: string): Diagnostic {
  const { line, column, found, expected, hint } = error;
  return diagnostic(
    'error',
    'config-json',
    `invalid JSON: found ${found}, expected ${expected}`,
    { file, line, column },
    {
      fatal: true,
      ...(hint === undefined ? {} : { hint }),
    },
  );
}

function findingDiagnostic(
  finding: ConfigFinding,
  rule: 'config-semantics' | 'config-schema',
  positions: JsonPositions,
  file: string,
): Diagnostic {
  const pointer = toPointer(finding.path);
  const place = finding.memberKey === undefined ? positions.value(pointer) : positions.key(pointer + toPointer([finding.memberKey]));
  const message = `${readablePath(finding.path)}: ${finding.message}`;
  return diagnostic('error', rule, message, { file, ...place }, finding.hint === undefined ? {} : { hint: finding.hint });
}
