import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../lib/diagnostics/format.js';
import type { CliIO } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import type { Reporter } from '../reporter.js';
import { exitCodeFor } from '../exit-codes.js';
import { DEFAULT_MAX_SIZE_MB, jobsOption, maxSizeOption } from '../jobs-option.js';
import { fileSystemDiagnostic, internalErrorDiagnostic, isFileSystemError } from '../unexpected-errors.js';

/** Exit code of a stop forced by a second Ctrl-C (128 + SIGINT), as shells expect. */
const EXIT_INTERRUPTED = 130;

/**
 * `serve`: builds, then serves the HTML edition on 127.0.0.1 (only) and rebuilds when a file of
 * the edition changes; the open pages reload, or show the build's errors in an overlay. The
 * build is the real `build`, in this process (same checks, same transaction: the site on disk is
 * always a whole one). Ctrl-C stops after the running build; a second Ctrl-C at once.
 */
export const serveCommand: CommandDefinition = {
  command: 'serve',
  describe: 'Build, serve the HTML edition on 127.0.0.1, and rebuild and reload the open pages when a file of the edition changes',
  builder: (yargs) =>
    yargs
      .option('out', { describe: 'output directory (default: output/ beside the config)', type: 'string' })
      .option('port', { describe: 'port on 127.0.0.1 (default: a free one, printed)', type: 'number', default: 0 })
      .option('open', { describe: 'open the site in a browser (when there is a display)', type: 'boolean', default: false })
      .option('pdf', {
        describe: 'make the print edition on every rebuild (default: on demand, at /__tei-edition/pdf or with p + Enter)',
        type: 'boolean',
        default: false,
      })
      .option('max-size', maxSizeOption('largest TEI file to validate, in MB'))
      .option('jobs', jobsOption('worker threads of each build (default: one per core from 2 MB of raw text on; 1 = in process)'))
      .example('$0 serve --open', 'build, serve and open the edition described by ./edition.json') as never,
  run: async (args, io, reporter) => {
    if (args.json)
      return usage(
        io,
        reporter,
        '--json is not available for serve: it runs until stopped and prints as it goes; use `tei-edition build --json` for one JSON result',
      );
    const port = args.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535)
      return usage(
        io,
        reporter,
        `--port: expected a whole number from 0 to 65535 (0 = a free port), found ${Number.isNaN(port) ? 'something that is not a number' : `“${String(port)}”`}`,
      );
    const configPath = resolve(io.cwd, String(args.config));
    const outRoot = resolve(dirname(configPath), typeof args.out === 'string' ? args.out : 'output');
    const { ServeSession } = await import('../serve/serve-session.js');
    const session = new ServeSession(
      {
        configPath,
        outRoot,
        port,
        pdf: args.pdf === true,
        quiet: args.quiet,
        verbose: args.verbose,
        maxSize: typeof args['max-size'] === 'number' ? args['max-size'] : DEFAULT_MAX_SIZE_MB,
        ...(typeof args.jobs === 'number' ? { jobs: args.jobs } : {}),
      },
      io,
    );
    let onSignal = (): void => undefined;
    return new Promise<number>((finish) => {
      let keys: { close(): void } | undefined;
      let stops = 0;
      onSignal = (): void => {
        stops += 1;
        if (stops === 1) {
          keys?.close();
          session.stop().then(
            () => finish(exitCodeFor([])),
            () => finish(exitCodeFor([])),
          );
        } else {
          session.stopNow();
          io.stderr('stopped at once: the running build was dropped, the previous output is as it was\n');
          // The dropped build is still running in this process: leave without waiting for it.
          process.exit(EXIT_INTERRUPTED);
        }
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      session.start().then(
        (url) => {
          if (url === '') return;
          io.stdout(`serving ${url} (Ctrl-C to stop)\n`);
          io.stdout(
            `watching the edition's files; the PDF is made on demand: ${session.pdfUrl() ?? ''}${process.stdin.isTTY && io.env.CI === undefined ? ' (or type p + Enter)' : ''}\n`,
          );
          keys = terminalKeys(session.makePdf.bind(session), io, outRoot);
          if (args.open === true) openBrowser(url, io);
        },
        (error: unknown) => {
          const message = isFileSystemError(error)
            ? fileSystemDiagnostic(error, io, 'cannot serve on')
            : error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
              ? diagnostic(
                  'error',
                  'port-in-use',
                  `port ${port} on 127.0.0.1 is in use; expected a free port`,
                  { file: 'tei-edition' },
                  { hint: 'choose another --port, or leave it out for a free one' },
                )
              : internalErrorDiagnostic(error, io);
          reporter.messages([message]);
          keys?.close();
          session.stop().then(
            () => finish(exitCodeFor([message])),
            () => finish(exitCodeFor([message])),
          );
        },
      );
    }).finally(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
  },
};

/** A usage error: on stderr even with --json (which serve does not have), and as JSON when asked. */
function usage(io: CliIO, reporter: Reporter, message: string): number {
  const error = diagnostic('error', 'usage', message, { file: 'tei-edition' }, { hint: 'run `tei-edition serve --help` for its options' });
  io.stderr(`${formatDiagnostic(error)}\n`);
  reporter.json({ command: 'serve', ok: false, messages: [error] });
  return exitCodeFor([error]);
}

/** `p` + Enter makes the PDF, on a terminal only (a background job reading it would be stopped). */
function terminalKeys(
  makePdf: () => Promise<{ name: string } | { errors: readonly string[] }>,
  io: CliIO,
  outRoot: string,
): { close(): void } | undefined {
  if (!process.stdin.isTTY || io.env.CI !== undefined) return undefined;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim().toLowerCase() !== 'p') return;
    makePdf().then(
      (made) => {
        io.stdout(
          'name' in made ? `the PDF is made: ${resolve(outRoot, 'print', made.name)}\n` : 'the PDF was not made: see the errors above\n',
        );
      },
      () => undefined,
    );
  });
  return { close: () => lines.close() };
}

/** A browser on a desktop (xdg-open); without a display, the address is all there is. */
function openBrowser(url: string, io: CliIO): void {
  if (io.env.DISPLAY === undefined && io.env.WAYLAND_DISPLAY === undefined) {
    io.stdout(`no display to open a browser on: open ${url} yourself\n`);
    return;
  }
  const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
  child.on('error', () => io.stdout(`could not run xdg-open: open ${url} yourself\n`));
  child.unref();
}
