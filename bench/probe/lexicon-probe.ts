/**
 * Worker thread for the warm-up figure: what each worker of the conversion pool pays before its
 * first file — loading the converter's modules, then the French word list (once per worker).
 * Times are from this thread's own start (`performance.timeOrigin` is per thread).
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const started = performance.now();
await import('../../src/convert/convert-source.js');
const { frenchLexicon } = await import('../../src/lib/lexicon/lexicon.js');
const imported = performance.now();
frenchLexicon();
const loaded = performance.now();
parentPort?.postMessage({ startMs: started, importMs: imported - started, lexiconMs: loaded - imported });
