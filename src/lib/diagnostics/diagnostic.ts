/**
 * The one message type of the toolkit (after vfile-message): every stage, adapter and command
 * reports through it, so that the CLI can sort, print, count and turn messages into an exit code.
 */

import { RULE_PREFIX, type RuleId, type Severity, type SeverityOf } from './rules.js';

export type { RuleId, Severity } from './rules.js';

/** A place in a file. Lines and columns are 1-based; columns count Unicode code points. */
export interface SourcePosition {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** For messages about an XML document: where in the tree. */
  readonly xpath?: string;
}

export interface Diagnostic {
  readonly severity: Severity;
  /**
   * Stable id of the rule or check, `tei-edition/<name>` (e.g. `tei-edition/hyphenation-undecided`,
   * every one in src/lib/diagnostics/rules.ts), or `<schema>/<id>` for another Schematron's rules.
   */
  readonly rule: string;
  /** What was found and what was expected. */
  readonly message: string;
  readonly position: SourcePosition;
  readonly hint?: string;
  /** The text the message is about, as found (for tools that group messages, e.g. the names worklist). */
  readonly actual?: string;
  /** A fatal message stops the work on its file (the other files go on). */
  readonly fatal?: boolean;
}

type Extra = { hint?: string; fatal?: boolean; actual?: string };

/**
 * A message of one of tei-edition's own rules (src/lib/diagnostics/rules.ts): the id must be
 * registered, and the severity one the registry gives that rule.
 */
export function diagnostic<R extends RuleId>(
  severity: SeverityOf<R>,
  rule: R,
  message: string,
  position: SourcePosition,
  extra: Extra = {},
): Diagnostic {
  return withRule(severity, `${RULE_PREFIX}${rule}`, message, position, extra);
}

/**
 * A message of a rule that a Schematron schema names (`tei-edition/<id>` for the project's
 * schemas/tei-edition.sch, `<schema file name>/<id>` for others): the id and role are the schema's.
 */
export function schematronDiagnostic(
  severity: Severity,
  rule: string,
  message: string,
  position: SourcePosition,
  extra: Extra = {},
): Diagnostic {
  return withRule(severity, rule, message, position, extra);
}

function withRule(severity: Severity, rule: string, message: string, position: SourcePosition, extra: Extra): Diagnostic {
  return {
    severity,
    rule,
    message,
    position,
    ...(extra.hint === undefined ? {} : { hint: extra.hint }),
    ...(extra.actual === undefined ? {} : { actual: extra.actual }),
    ...(extra.fatal ? { fatal: true } : {}),
  };
}

/** Whether a message is of one of tei-edition's own rules. */
export function isRule(message: Diagnostic, rule: RuleId): boolean {
  return message.rule === `${RULE_PREFIX}${rule}`;
}

/** A failure that ends work on one file; thrown inside a stage, caught by the pipeline. */
export class FatalError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'FatalError';
  }
}

export function fatal(rule: RuleId, message: string, position: SourcePosition, hint?: string): FatalError {
  return new FatalError(diagnostic('error', rule, message, position, { fatal: true, ...(hint === undefined ? {} : { hint }) }));
}

export function countBySeverity(messages: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const m of messages) counts[m.severity] += 1;
  return counts;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort by file, line, column, then severity: the order a reader walks a file in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.position.file.localeCompare(b.position.file) ||
    (a.position.line ?? 0) - (b.position.line ?? 0) ||
    (a.position.column ?? 0) - (b.position.column ?? 0) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    a.rule.localeCompare(b.rule)
  );
}
