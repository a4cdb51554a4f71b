/**
 * One `serve` run: watch the edition, build, serve the site, rebuild on each change and tell the
 * open pages; stop cleanly. The pieces (watch plan, watcher, scheduler, in-process build, live
 * reload, HTTP server) each do one job; this module wires them and talks to the terminal.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { rmSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CliIO } from '../cli-io.js';
import { display } from '../display-path.js';
import { readEditionConfigFile } from '../../lib/config/read-config-file.js';
import { EditionWatcher, FileFingerprints } from './edition-watcher.js';
import { overlayErrors, runBuildInProcess, type BuildOutcome } from './in-process-build.js';
import { LiveReload, PDF_PATH } from './live-reload.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';
import { RebuildScheduler } from './rebuild-scheduler.js';
import { watchPlan, type WatchPlan } from './watch-plan.js';

export interface ServeOptions {
  /** The config file, absolute. */
  readonly configPath: string;
  /** The output root, absolute (its html folder is served). */
  readonly outRoot: string;
  readonly port: number;
  /** Make the print edition on every build (else on demand). */
  readonly pdf: boolean;
  readonly jobs?: number;
  readonly maxSize?: number;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Quiet time after a change before the rebuild starts. */
  readonly quietMs?: number;
}

export class ServeSession {
  private readonly live = new LiveReload();
  private readonly fingerprints = new FileFingerprints();
  private readonly watcher: EditionWatcher;
  private readonly scheduler: RebuildScheduler<BuildOutcome>;
  private plan: WatchPlan;
  private server: PreviewServer | undefined;
  private stopping = false;

  constructor(
    private readonly options: ServeOptions,
    private readonly io: CliIO,
  ) {
    this.plan = watchPlan(undefined, options.configPath, options.outRoot);
    this.watcher = new EditionWatcher((path) => this.scheduler.notify(path));
    this.scheduler = new RebuildScheduler<BuildOutcome>({
      build: (print, changed) => this.build(print, changed),
      changed: (paths) => this.fingerprints.changed(paths),
      afterBuild: (outcome) => this.afterBuild(outcome),
      quietMs: options.quietMs ?? 100,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
    });
  }

  /** Watches, takes the port, builds once; resolves with the address to open. */
  async start(): Promise<string> {
    await this.replan();
    await this.fingerprints.record(this.plan);
    // The port is taken first (a port in use is said at once); a page asked for during the first build reloads when it is done.
    this.server = await startPreviewServer(
      { htmlDir: join(this.options.outRoot, 'html'), live: this.live, pdf: () => this.makePdf() },
      this.options.port,
    );
    await this.scheduler.request(this.options.pdf);
    return this.stopping ? '' : this.server.url;
  }

  get url(): string | undefined {
    return this.server?.url;
  }

  /** The print edition now (the PDF on demand): its bytes, or the errors that stopped it. */
  async makePdf(): Promise<{ bytes: Buffer; name: string } | { errors: readonly string[] }> {
    const outcome = await this.scheduler.request(true);
    if (!outcome.ok) return { errors: overlayErrors(outcome) };
    const printDir = join(this.options.outRoot, 'print');
    const name = (await readdir(printDir).catch(() => [] as string[])).find((f) => f.endsWith('.pdf'));
    if (name === undefined) return { errors: [`the build made no PDF in ${display(this.io, printDir)}/`] };
    return { bytes: await readFile(join(printDir, name)), name };
  }

  /** Stops watching and serving; waits for a running build to finish (its output swapped in whole, or dropped). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.watcher.close();
    if (this.scheduler.building) this.io.stdout('stopping: waiting for the running build to finish (Ctrl-C again to stop at once)\n');
    await this.scheduler.stop();
    await this.server?.close();
    await this.removeStaging();
  }

  /** Stops at once (a second Ctrl-C): the running build's staging folders are removed, the previous output stays. */
  stopNow(): void {
    this.stopping = true;
    this.watcher.close();
    for (const name of ownStaging(this.options.outRoot)) rmSync(join(this.options.outRoot, name), { recursive: true, force: true });
  }

  private async removeStaging(): Promise<void> {
    for (const name of ownStaging(this.options.outRoot)) await rm(join(this.options.outRoot, name), { recursive: true, force: true });
  }

  private async build(print: boolean, changed: readonly string[]): Promise<BuildOutcome> {
    if (changed.length > 0) {
      const shown = changed
        .slice(0, 3)
        .map((p) => display(this.io, p))
        .join(', ');
      this.say(`changed: ${shown}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}: rebuilding\n`);
    } else if (print && !this.options.pdf) this.say('making the print edition (the PDF on demand)\n');
    const { configPath, outRoot, jobs, maxSize, quiet, verbose } = this.options;
    return runBuildInProcess(
      {
        config: configPath,
        out: outRoot,
        print: print || this.options.pdf,
        ...(jobs === undefined ? {} : { jobs }),
        ...(maxSize === undefined ? {} : { maxSize }),
      },
      this.io,
      { quiet, verbose },
    );
  }

  /** A line about the builds: not with --quiet (errors are still printed, and the address). */
  private say(text: string): void {
    if (!this.options.quiet) this.io.stdout(text);
  }

  private async afterBuild(outcome: BuildOutcome): Promise<void> {
    // The TEI the build wrote itself (convert's tei/<id>.xml) is not an edit.
    await this.fingerprints.refresh(outcome.written.map((shown) => resolve(this.io.cwd, shown)));
    if (!this.stopping) await this.replan();
    const first = this.live.state.kind === 'building-first';
    this.live.built(outcome.ok ? { ok: true } : { ok: false, errors: overlayErrors(outcome) });
    const seconds = (outcome.ms / 1000).toFixed(1);
    const pages = this.live.listeners;
    if (outcome.ok && first) return;
    if (outcome.ok)
      this.say(`rebuilt in ${seconds} s: ${pages === 0 ? 'no page open' : `reloading ${pages} open page${pages === 1 ? '' : 's'}`}\n`);
    else
      this.io.stdout(
        `the build failed (${seconds} s): the errors are above and in the open pages; the site stays as the last good build made it\n`,
      );
  }

  /** The sources list may have changed with the config: watch what it names now (a config that does not load keeps the last plan). */
  private async replan(): Promise<void> {
    const read = await readEditionConfigFile(this.options.configPath);
    if (read.config !== undefined || this.plan.files.size <= 1)
      this.plan = watchPlan(read.config, this.options.configPath, this.options.outRoot);
    this.watcher.update(this.plan);
  }

  /** Where the terminal says the PDF is made. */
  pdfUrl(): string | undefined {
    return this.server === undefined ? undefined : `${this.server.url.replace(/\/$/u, '')}${PDF_PATH}`;
  }

  /** The output root as the terminal shows it. */
  shownOut(): string {
    return display(this.io, this.options.outRoot) || relative(this.io.cwd, this.options.outRoot);
  }
}

/** This process's staging and old folders in the output root (build's transaction names them `.<name>.staging-<pid>-…`). */
function ownStaging(root: string): string[] {
  const own = new RegExp(`^\\.[^/]+\\.(?:staging|old)-${process.pid}-[0-9a-f]{8}$`, 'u');
  try {
    return readdirSync(root).filter((name) => own.test(name));
  } catch {
    return [];
  }
}
