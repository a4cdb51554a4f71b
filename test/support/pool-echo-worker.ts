/** Worker for the pool tests: answers each task with the thread that did it (after a short wait, so that tasks overlap). */
import { parentPort, threadId } from 'node:worker_threads';

parentPort?.on('message', (task: { readonly id: number }) => {
  setTimeout(() => parentPort?.postMessage({ id: task.id, thread: threadId }), 20);
});
