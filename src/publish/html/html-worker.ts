/** Worker thread: loads the compiled stylesheet and the registers once, then does the HTML tasks it is sent (a text's pages and summaries, a collection page). */
import { parentPort, workerData } from 'node:worker_threads';
import { type HtmlTask, type HtmlWorkerSetup, runHtmlTask, workerContext } from './html-pool.js';

const context = workerContext(workerData as HtmlWorkerSetup);
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (task: HtmlTask) => {
  queue = queue.then(async () => parentPort?.postMessage(await runHtmlTask(await context, task)));
});
