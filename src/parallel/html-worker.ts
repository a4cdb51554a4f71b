/** Worker thread: loads the compiled stylesheet and the registers once, then does the HTML tasks it is sent (summaries, pages), keeping the texts it parsed for their pages. */
import { parentPort, workerData } from 'node:worker_threads';
import { type HtmlTask, type HtmlWorkerSetup, ParsedTexts, runHtmlTask, workerContext } from './html-pool.js';

const context = workerContext(workerData as HtmlWorkerSetup);
const parsed = new ParsedTexts();
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (task: HtmlTask) => {
  queue = queue.then(async () => parentPort?.postMessage(await runHtmlTask(await context, task, parsed)));
});
