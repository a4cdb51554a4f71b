/**
 * Worker thread: loads the schemas once, then validates the batches of files it is sent. The main
 * thread does not load them when it starts workers: the messages of loading (a schema that cannot
 * be used, a pattern the engine cannot run) come with this worker's first result, or instead of
 * it when the schemas cannot be used.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadValidationSetup } from './validation-setup.js';
import { validateBatch, type ValidateTask, type WorkerSetup } from './validate-pool.js';

const options = workerData as WorkerSetup;
const loaded = loadValidationSetup(options);
const queue: ValidateTask[] = [];
let busy = false;
let setupSent = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  const { setup, messages } = await loaded;
  while (queue.length > 0) {
    const task = queue.shift()!;
    if (setup === undefined) parentPort?.postMessage({ setupFailed: messages });
    else {
      const result = await validateBatch(task, setup);
      parentPort?.postMessage(setupSent ? result : { ...result, setupMessages: messages });
      setupSent = true;
    }
  }
  busy = false;
}

parentPort?.on('message', (task: ValidateTask) => {
  queue.push(task);
  void drain();
});
