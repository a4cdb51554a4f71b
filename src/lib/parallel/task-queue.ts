/**
 * Which task a free worker takes next: the scheduling decision of the worker pools, kept apart
 * from the threads so that it can be tested without timing (a test replays any order of
 * "worker w is free" events and checks each answer).
 *
 * Affinity (optional): a task names the things it works on (the HTML pool: text ids). A later
 * task whose first key a worker has worked on is that worker's own; it goes there, since that
 * worker may have kept what it parsed. Tasks without an owner go first, to whichever worker is
 * free. A worker with nothing of its own left takes the last task of the worker with most left,
 * rather than wait.
 */
export class TaskQueue<T> {
  /** The worker each key went to. */
  private readonly owners = new Map<string, number>();
  /** The round's tasks no worker has a claim on, in order. */
  private shared: T[] = [];
  /** Each worker's own tasks, in order. */
  private own: T[][];

  constructor(
    private readonly workers: number,
    private readonly keysOf?: (task: T) => readonly string[],
  ) {
    this.own = Array.from({ length: workers }, () => []);
  }

  /** A new round: its tasks, shared out by the keys' owners from earlier rounds. */
  load(tasks: readonly T[]): void {
    this.shared = [];
    this.own = Array.from({ length: this.workers }, () => []);
    for (const task of tasks) {
      const key = this.keysOf?.(task)[0];
      const owner = key === undefined ? undefined : this.owners.get(key);
      (owner === undefined ? this.shared : (this.own[owner] ?? this.shared)).push(task);
    }
  }

  /** The task worker `w` takes now, or undefined when none is left. */
  next(w: number): T | undefined {
    const task = this.shared.shift() ?? this.own[w]?.shift();
    if (task !== undefined) return task;
    let fullest = w;
    this.own.forEach((queue, k) => {
      if (queue.length > (this.own[fullest]?.length ?? 0)) fullest = k;
    });
    return this.own[fullest]?.pop();
  }

  /** Worker `w` has done `task`: its keys are now that worker's. */
  done(w: number, task: T): void {
    for (const key of this.keysOf?.(task) ?? []) this.owners.set(key, w);
  }
}
