/**
 * When `serve` rebuilds: changes are collected for a short quiet time (an editor's save is often
 * several events), then one build runs; changes that arrive during a build make one more build
 * after it, never two at once. A print edition asked for (the PDF on demand) joins the next
 * build, or starts one. Time and the build are passed in, so the policy is tested without files.
 */

export interface SchedulerDeps<Outcome> {
  /** Runs one build (with the print edition or not). */
  readonly build: (print: boolean, changed: readonly string[]) => Promise<Outcome>;
  /** Of the paths that had events, those whose content really changed. */
  readonly changed: (paths: readonly string[]) => Promise<string[]>;
  /** After each build, before the next is considered (the build's own writes are taken as known here). */
  readonly afterBuild: (outcome: Outcome) => Promise<void>;
  readonly quietMs: number;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

export class RebuildScheduler<Outcome> {
  private readonly pending = new Set<string>();
  private timer: unknown;
  private running: Promise<void> | undefined;
  private waiters: { readonly print: boolean; readonly resolve: (outcome: Outcome) => void }[] = [];
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps<Outcome>) {}

  /** A watched path had an event. */
  notify(path: string): void {
    if (this.stopped) return;
    this.pending.add(path);
    this.arm();
  }

  /**
   * A build whatever changed (the first one; the PDF on demand with `print`): joins the next
   * build, or starts one; resolves with its outcome (never, once stopped).
   */
  request(print: boolean): Promise<Outcome> {
    return new Promise((resolve) => {
      if (this.stopped) return;
      this.waiters.push({ print, resolve });
      this.arm(0);
    });
  }

  /** No more builds; resolves when the running one (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.deps.clearTimer(this.timer);
    this.timer = undefined;
    await this.running;
  }

  get building(): boolean {
    return this.running !== undefined;
  }

  private arm(ms = this.deps.quietMs): void {
    if (this.timer !== undefined) this.deps.clearTimer(this.timer);
    this.timer = this.deps.setTimer(() => {
      this.timer = undefined;
      if (this.running === undefined)
        this.running = this.drain().finally(() => {
          this.running = undefined;
        });
    }, ms);
  }

  /** Builds while there is something to build: the changes of one build's time make one more. */
  private async drain(): Promise<void> {
    while (!this.stopped) {
      const paths = [...this.pending];
      this.pending.clear();
      const changed = paths.length === 0 ? [] : await this.deps.changed(paths);
      const waiters = this.waiters;
      if (changed.length === 0 && waiters.length === 0) return;
      this.waiters = [];
      const outcome = await this.deps.build(
        waiters.some((w) => w.print),
        changed,
      );
      await this.deps.afterBuild(outcome);
      for (const waiter of waiters) waiter.resolve(outcome);
    }
  }
}
