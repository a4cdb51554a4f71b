/** Worker thread: loads the schemas once, then validates the batches of files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadValidationSetup } from '../validate/validation-setup.js';
import { validateBatch, type ValidateTask, type WorkerSetup } from './validate-pool.js';

const options = workerData as WorkerSetup;
const loaded = loadValidationSetup(options);
const queue: ValidateTask[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  const { setup, messages } = await loaded;
  while (queue.length > 0) {
    const task = queue.shift()!;
    if (setup === undefined) parentPort?.postMessage({ setupFailed: messages });
    else parentPort?.postMessage(await validateBatch(task, setup));
  }
  busy = false;
}

parentPort?.on('message', (task: ValidateTask) => {
  queue.push(task);
  void drain();
});
