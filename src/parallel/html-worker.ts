/** Worker thread: loads the compiled stylesheet and the registers once, then renders the text pages it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { type HtmlTask, type HtmlWorkerSetup, renderOne, workerContext } from './html-pool.js';

const context = workerContext(workerData as HtmlWorkerSetup);
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (task: HtmlTask) => {
  queue = queue.then(async () => parentPort?.postMessage(await renderOne(await context, task)));
});
