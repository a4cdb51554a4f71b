/** Worker thread: loads the compiled print stylesheet and the registers once, then makes the chapters it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { type PrintTask, type PrintWorkerSetup, printWorkerContext, renderChapterTask } from './print-pool.js';

const context = printWorkerContext(workerData as PrintWorkerSetup);
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (task: PrintTask) => {
  queue = queue.then(async () => parentPort?.postMessage(await renderChapterTask(await context, task)));
});
