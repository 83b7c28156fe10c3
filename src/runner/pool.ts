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

interface Pending {
  resolve: (r: PoolResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs posted and not yet answered, in order: a worker answers in the order it receives. */
  pending: Pending[];
}

/**
 * Jobs a worker may hold at once. News documents take well under a millisecond each, so a
 * worker that got its next job only after answering the last would idle for a message round
 * trip per document; a few queued jobs keep it busy.
 */
const IN_FLIGHT = 4;

/**
 * A fixed set of worker threads, each with its own compiled pipeline. `process` hands a
 * document to the least loaded worker (waiting when every worker holds IN_FLIGHT jobs).
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
      const slot: Slot = { worker, pending: [] };
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
        const done = slot.pending.shift();
        this.waiting.shift()?.();
        done?.resolve({ seq: m.seq, summary: m.summary, json: m.json, files: m.files });
      });
      const failAll = (error: Error) => {
        for (const p of slot.pending.splice(0)) p.reject(error);
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => {
        if (code !== 0) failAll(new Error(`worker stopped with exit code ${code}`));
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
    let slot = this.leastLoaded();
    while (slot === undefined) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.leastLoaded();
    }
    const chosen = slot;
    return new Promise<PoolResult>((resolve, reject) => {
      chosen.pending.push({ resolve, reject });
      chosen.worker.postMessage(job);
    });
  }

  private leastLoaded(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.pending.length < IN_FLIGHT && (best === undefined || s.pending.length < best.pending.length)) best = s;
    return best;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
