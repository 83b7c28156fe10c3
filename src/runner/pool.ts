import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config.js';
import { TawsimError } from '../core/errors.js';
import type { OutputFile } from '../io/exporters/index.js';
import type { DocumentJob, DocumentSummary, ProcessOptions } from './process-document.js';

export interface PoolResult {
  seq: number;
  summary: DocumentSummary;
  json?: string;
  files?: OutputFile[];
}

interface Slot {
  worker: Worker;
  busy: boolean;
  resolve?: (r: PoolResult) => void;
  reject?: (e: Error) => void;
}

/**
 * A fixed set of worker threads, each with its own compiled pipeline. `process` hands a
 * document to an idle worker (waiting for one when all are busy).
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly ready: Promise<void>;

  constructor(size: number, config: ResolvedConfig, options: ProcessOptions) {
    const url = new URL('./worker.js', import.meta.url);
    const readies: Promise<void>[] = [];
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: { config, options } });
      const slot: Slot = { worker, busy: false };
      readies.push(
        new Promise<void>((resolve, reject) => {
          worker.once('message', (m: { type: string; message?: string; exitCode?: number }) => {
            if (m.type === 'ready') resolve();
            else reject(new TawsimError(m.message ?? 'worker failed to start', m.exitCode ?? 1));
          });
          worker.once('error', reject);
        }),
      );
      worker.on('message', (m: { type: string } & PoolResult) => {
        if (m.type !== 'result') return;
        const done = slot.resolve!;
        slot.busy = false;
        slot.resolve = undefined;
        slot.reject = undefined;
        this.waiting.shift()?.();
        done({ seq: m.seq, summary: m.summary, json: m.json, files: m.files });
      });
      worker.on('error', (error) => slot.reject?.(error));
      worker.on('exit', (code) => {
        if (code !== 0) slot.reject?.(new Error(`worker stopped with exit code ${code}`));
      });
      this.slots.push(slot);
    }
    this.ready = Promise.all(readies).then(() => undefined);
  }

  /** Resolves once every worker has built its pipeline; rejects with the first load error. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async process(job: DocumentJob): Promise<PoolResult> {
    await this.ready;
    let slot = this.slots.find((s) => !s.busy);
    while (slot === undefined) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.slots.find((s) => !s.busy);
    }
    slot.busy = true;
    const chosen = slot;
    return new Promise<PoolResult>((resolve, reject) => {
      chosen.resolve = resolve;
      chosen.reject = reject;
      chosen.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
