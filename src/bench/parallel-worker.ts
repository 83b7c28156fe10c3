/**
 * A bench worker thread: builds the pipeline from the resolved config, warms it up on its
 * share of the documents, then on each `run` message processes the share with standoff
 * JSON output and answers `done` (nothing is written: this measures the pipeline on all
 * cores without the file system).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config.js';
import { Doc } from '../core/document.js';
import { Pipeline } from '../core/pipeline.js';
import { serialiseStandoff, toStandoff } from '../io/standoff.js';
import { STAGES } from '../stages/index.js';
import { VERSION } from '../version.js';
import type { BenchDocument } from './corpus.js';

interface BenchWorkerInit {
  config: ResolvedConfig;
  docs: BenchDocument[];
}

const port = parentPort;
if (port === null) throw new Error('parallel-worker.ts must run in a worker thread');
const { config, docs } = workerData as BenchWorkerInit;
const pipeline = new Pipeline(config, STAGES);
const info = { version: VERSION, configSha256: config.sha256, stages: pipeline.stageNames };
const pass = (list: BenchDocument[]): number => {
  let chars = 0;
  for (const d of list) {
    const doc = new Doc(d.id, d.text);
    pipeline.process(doc, true);
    chars += serialiseStandoff(toStandoff(doc, info, { includeText: false }), true).length;
  }
  return chars;
};
pass(docs.slice(0, 100));
port.postMessage({ type: 'ready' });
port.on('message', (m: { type: string }) => {
  if (m.type === 'run') port.postMessage({ type: 'done', chars: pass(docs) });
  else if (m.type === 'stop') process.exit(0);
});
