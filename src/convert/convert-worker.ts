/** Worker thread: converts the sources it is sent, loading the word list once. */
import { parentPort } from 'node:worker_threads';
import { convertSource } from './convert-source.js';
import { converterCrash } from './converter-crash.js';
import type { ConvertTask, ConvertTaskResult } from './convert-pool.js';

parentPort?.on('message', (task: ConvertTask) => {
  let reply: ConvertTaskResult;
  try {
    const result = convertSource({ ...task.input, bytes: new Uint8Array(task.input.bytes) });
    reply = {
      id: task.id,
      ...(result.xml === undefined ? {} : { xml: result.xml }),
      messages: result.messages,
      ...(result.mentioned ? { mentioned: result.mentioned } : {}),
    };
  } catch (error) {
    reply = { id: task.id, messages: [converterCrash(error, task.input.file)] };
  }
  parentPort?.postMessage(reply);
});
