/**
 * A worker thread: builds the pipeline once from the resolved config, then processes
 * documents sent by the runner, one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config.js';
import { Pipeline } from '../core/pipeline.js';
import { STAGES } from '../stages/index.js';
import { processJob, type DocumentJob, type ProcessOptions } from './process-document.js';

interface WorkerInit {
  config: ResolvedConfig;
  options: ProcessOptions;
}

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');
const init = workerData as WorkerInit;
let pipeline: Pipeline;
try {
  pipeline = new Pipeline(init.config, STAGES);
  port.postMessage({ type: 'ready' });
} catch (error) {
  port.postMessage({ type: 'fatal', message: (error as Error).message, exitCode: (error as { exitCode?: number }).exitCode ?? 1 });
  process.exit(0);
}
port.on('message', (job: DocumentJob) => {
  try {
    const result = processJob(pipeline, job, init.options);
    // The standoff object stays here: the serialised JSON is all the runner needs.
    port.postMessage({ type: 'result', seq: result.seq, summary: result.summary, json: result.json, files: result.files });
  } catch (error) {
    const reason = `internal error: ${(error as Error).message}`;
    port.postMessage({ type: 'result', seq: job.seq, summary: { id: job.id, source: job.source, status: 'failed', reason } });
  }
});
