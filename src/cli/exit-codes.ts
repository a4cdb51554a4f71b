/**
 * Exit codes: computed from the run's messages at the end, never on the way, by one function
 * that every command returns through. What an error means for the exit code is the rule's, in
 * the registry (src/lib/diagnostics/rules.ts): a `usage` rule (the command could not be run as
 * given: command line, config, registers, schema, output folder, a bug) gives 2, any other
 * error 1 (the input has errors). A rule named by another Schematron is an error in the input.
 */
import { type Diagnostic, isRule, type RuleId } from '../lib/diagnostics/diagnostic.js';
import { ruleEntry } from '../lib/diagnostics/rules.js';

export const EXIT_OK = 0;
/** The input (raw texts, TEI files) has errors. */
export const EXIT_INPUT_ERRORS = 1;
/** Usage error, or a config that cannot be used. */
export const EXIT_USAGE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_INPUT_ERRORS | typeof EXIT_USAGE;

/** What a command adds to the registry's reading of its messages (a constant of the command, or one of its options). */
export interface ExitPolicy {
  /**
   * `usage` rules that are errors in this command's input: `validate` checks the config as one of
   * its files; `convert` and `build` report a file they cannot write, or a worker's crash, on that
   * file, and go on with the others.
   */
  readonly inputRules?: readonly RuleId[];
  /** More warnings than this make it exit 1 (`validate --max-warnings`). */
  readonly maxWarnings?: number;
  /** Rules whose messages, of any severity, make it exit 1 (`entities --strict`). */
  readonly failOn?: readonly RuleId[];
}

export function exitCodeFor(messages: readonly Diagnostic[], policy: ExitPolicy = {}): ExitCode {
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.some((m) => isUsageError(m, policy))) return EXIT_USAGE;
  if (errors.length > 0) return EXIT_INPUT_ERRORS;
  if (policy.maxWarnings !== undefined && messages.filter((m) => m.severity === 'warning').length > policy.maxWarnings)
    return EXIT_INPUT_ERRORS;
  if (policy.failOn !== undefined && messages.some((m) => policy.failOn?.some((rule) => isRule(m, rule)))) return EXIT_INPUT_ERRORS;
  return EXIT_OK;
}

/** Whether the messages make a usage error (exit 2): the command stops there. */
export function isUsageFailure(messages: readonly Diagnostic[], policy: ExitPolicy = {}): boolean {
  return exitCodeFor(messages, policy) === EXIT_USAGE;
}

function isUsageError(message: Diagnostic, policy: ExitPolicy): boolean {
  if (message.severity !== 'error' || ruleEntry(message.rule)?.exit !== 'usage') return false;
  return !(policy.inputRules ?? []).some((rule) => isRule(message, rule));
}

/** convert and build: a file that cannot be written, or a worker's crash, is an error on that file; the others go on. */
export const ON_ONE_FILE: ExitPolicy = { inputRules: ['file-system', 'internal-error'] };
