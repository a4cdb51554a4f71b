/**
 * What the user sees: progress on a terminal (stage, files done), messages as
 * `file:line:col  severity  message  rule`, and a closing summary; or, with `--json`, one JSON
 * document on stdout and nothing else. `--quiet` keeps errors only.
 */
import { compareDiagnostics, countBySeverity, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../lib/diagnostics/format.js';
import { visibleJson, visibleText } from '../lib/diagnostics/visible-text.js';
import type { CliIO } from './cli-io.js';

export interface ReporterOptions {
  readonly quiet: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
}

export class Reporter {
  private progressShown = false;
  private readonly started = Date.now();
  /** Messages about the run itself (e.g. a lowered --jobs), shown at once and counted in the summary. */
  private readonly notices: Diagnostic[] = [];

  constructor(
    private readonly io: CliIO,
    readonly options: ReporterOptions,
  ) {}

  /** A progress line, redrawn in place; only on a terminal, never with --quiet or --json. */
  progress(stage: string, done: number, total: number, current?: string): void {
    if (!this.io.isTTY || this.options.quiet || this.options.json) return;
    const label = current === undefined ? '' : `  ${current}`;
    this.io.stderr(`\r\x1b[K${stage} ${done}/${total}${visibleText(label)}`);
    this.progressShown = true;
  }

  private clearProgress(): void {
    if (!this.progressShown) return;
    this.io.stderr('\r\x1b[K');
    this.progressShown = false;
  }

  /** Prints messages: errors always; warnings unless --quiet; info with --verbose. */
  messages(messages: readonly Diagnostic[]): void {
    if (this.options.json) return;
    this.clearProgress();
    const shown = [...messages]
      .filter(
        (m) =>
          m.severity === 'error' ||
          (m.severity === 'warning' && !this.options.quiet) ||
          (m.severity === 'info' && this.options.verbose && !this.options.quiet),
      )
      .sort(compareDiagnostics);
    for (const m of shown) this.io.stderr(`${formatDiagnostic(m)}\n`);
  }

  /** A message about the run, not about one input: shown now (on stderr, even with --json), counted in the summary. */
  notice(message: Diagnostic): void {
    this.notices.push(message);
    if (message.severity === 'error' || (message.severity === 'warning' && !this.options.quiet)) {
      this.clearProgress();
      this.io.stderr(`${formatDiagnostic(message)}\n`);
    }
  }

  /** A line for the user (not a message about the input): stdout, unless --quiet or --json. */
  line(text: string): void {
    if (this.options.json || this.options.quiet) return;
    this.clearProgress();
    // Lines name files, and a file name may hold a line break or an escape sequence.
    this.io.stdout(`${visibleText(text)}\n`);
  }

  summary(what: string, messages: readonly Diagnostic[]): void {
    if (this.options.json || this.options.quiet) return;
    this.clearProgress();
    const c = countBySeverity([...this.notices, ...messages]);
    const seconds = ((Date.now() - this.started) / 1000).toFixed(2);
    const infoHint = c.info > 0 && !this.options.verbose ? ' (--verbose shows info)' : '';
    this.io.stdout(
      `${what}: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info${infoHint}, ${seconds} s\n`,
    );
  }

  json(value: unknown): void {
    if (!this.options.json) return;
    this.io.stdout(`${visibleJson(JSON.stringify(value, null, 2))}\n`);
  }
}
