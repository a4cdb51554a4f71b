/**
 * One `build`, run in this process as the command runs it (its own options and defaults, its
 * transaction, its messages on the terminal), with a reporter that also keeps what the page
 * needs: the messages as values (for the overlay) and the result `--json` would print (for the
 * TEI files the build wrote itself). The per-file lines of `build` are left out unless --verbose;
 * its summary line stays.
 */
import yargs, { type Argv } from 'yargs';
import { compareDiagnostics, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../lib/diagnostics/format.js';
import type { CliIO } from '../cli-io.js';
import type { GlobalOptions } from '../command.js';
import { buildCommand } from '../commands/build.js';
import { Reporter, type ReporterOptions } from '../reporter.js';
import { fileSystemDiagnostic, internalErrorDiagnostic, isFileSystemError } from '../unexpected-errors.js';
import { exitCodeFor } from '../exit-codes.js';

export interface BuildRequest {
  readonly config: string;
  readonly out: string;
  readonly print: boolean;
  readonly jobs?: number;
  readonly maxSize?: number;
}

export interface BuildOutcome {
  readonly exitCode: number;
  readonly ok: boolean;
  /** Every message the build printed (all severities). */
  readonly messages: readonly Diagnostic[];
  /** The TEI files the build (its convert step) wrote, as shown in messages. */
  readonly written: readonly string[];
  readonly ms: number;
}

/** Keeps the messages and the JSON result while printing what `build` prints. */
class KeepingReporter extends Reporter {
  readonly kept: Diagnostic[] = [];
  result: unknown;

  constructor(io: CliIO, options: ReporterOptions) {
    super(io, { ...options, json: false });
  }

  override messages(messages: readonly Diagnostic[]): void {
    this.kept.push(...messages);
    super.messages(messages);
  }

  override notice(message: Diagnostic): void {
    this.kept.push(message);
    super.notice(message);
  }

  override line(text: string): void {
    if (this.options.verbose) super.line(text);
  }

  override json(value: unknown): void {
    this.result = value;
  }
}

/** build's options with their defaults, as its own definition gives them (new ones included). */
async function buildDefaults(): Promise<Record<string, unknown>> {
  const parser = buildCommand.builder(yargs([]).exitProcess(false).help(false).version(false) as unknown as Argv<GlobalOptions>);
  return { ...(await parser.parseAsync([])) } as Record<string, unknown>;
}

export async function runBuildInProcess(
  request: BuildRequest,
  io: CliIO,
  options: { readonly quiet: boolean; readonly verbose: boolean },
): Promise<BuildOutcome> {
  const started = Date.now();
  const reporter = new KeepingReporter(io, { quiet: options.quiet, verbose: options.verbose, json: false });
  const args = {
    ...(await buildDefaults()),
    config: request.config,
    quiet: options.quiet,
    verbose: options.verbose,
    json: false,
    out: request.out,
    print: request.print,
    ...(request.jobs === undefined ? {} : { jobs: request.jobs }),
    ...(request.maxSize === undefined ? {} : { 'max-size': request.maxSize }),
  };
  let exitCode: number;
  try {
    exitCode = await buildCommand.run(args, io, reporter);
  } catch (error) {
    // As run-cli does: one message, never a stack trace.
    const message = isFileSystemError(error) ? fileSystemDiagnostic(error, io) : internalErrorDiagnostic(error, io);
    reporter.messages([message]);
    exitCode = exitCodeFor([message]);
  }
  return { exitCode, ok: exitCode === 0, messages: reporter.kept, written: writtenFiles(reporter.result), ms: Date.now() - started };
}

function writtenFiles(result: unknown): string[] {
  if (typeof result !== 'object' || result === null || !('files' in result) || !Array.isArray(result.files)) return [];
  return result.files.flatMap((f: unknown) =>
    typeof f === 'object' && f !== null && 'status' in f && f.status === 'written' && 'tei' in f && typeof f.tei === 'string'
      ? [f.tei]
      : [],
  );
}

/** The errors of a failed build as the overlay shows them: the terminal's lines, in file order. */
export function overlayErrors(outcome: BuildOutcome): string[] {
  const errors = outcome.messages
    .filter((m) => m.severity === 'error')
    .sort(compareDiagnostics)
    .map(formatDiagnostic);
  return errors.length > 0 ? errors : [`the build failed (exit code ${outcome.exitCode}); the terminal says why`];
}
