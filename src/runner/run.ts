import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import PQueue from 'p-queue';
import type { ResolvedConfig } from '../core/config.js';
import { Pipeline } from '../core/pipeline.js';
import { decodeDocument, isBlank } from '../io/decode.js';
import { countDocuments, enumerateInputs, inspectInputs, type InputItem } from '../io/inputs.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { renderDocumentOutputs, type OutputFile } from '../io/exporters/index.js';
import { isHumanDecision, mergeHumanDecisions } from '../io/merge.js';
import { serialiseStandoff, type StandoffDocument } from '../io/standoff.js';
import { STAGES } from '../stages/index.js';
import { VERSION } from '../version.js';
import { WorkerPool } from './pool.js';
import { processJob, type DocumentJob, type DocumentSummary, type ProcessOptions } from './process-document.js';

export interface RunRequest {
  inputs: string[];
  /** Output folder, or `-` for JSONL on stdout. */
  out: string;
  config: ResolvedConfig;
  /** Worker threads (overrides the config); 0 = one per core. */
  concurrency?: number;
  check?: boolean;
  /** Show a progress bar (only when stderr is a terminal). */
  progress?: boolean;
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
}

/** One document's entry, or a document refused before the pipeline. */
export type ManifestEntry = DocumentSummary | (Omit<DocumentSummary, 'status'> & { status: 'skipped' });

export interface RunTotals {
  documents: number;
  ok: number;
  failed: number;
  skipped: number;
  bytes: number;
  characters: number;
  tokens: number;
  sentences: number;
  annotations: number;
  labels: Record<string, number>;
  human_decisions_kept: number;
  unanchored: number;
}

export interface RunOutcome {
  exitCode: 0 | 3;
  totals: RunTotals;
  seconds: number;
  manifestPath: string | null;
}

const HUMAN_STATUS = /"status":\s*"(?:accepted|rejected|edited|added)"|"unanchored"/;

/**
 * Emits results in input order although documents finish out of order: a small
 * reorder buffer keyed by sequence number.
 */
class OrderedEmitter<T> {
  private next = 0;
  private readonly pending = new Map<number, T>();
  constructor(private readonly emit: (value: T) => Promise<void> | void) {}
  async put(seq: number, value: T): Promise<void> {
    this.pending.set(seq, value);
    while (this.pending.has(this.next)) {
      const v = this.pending.get(this.next)!;
      this.pending.delete(this.next);
      this.next++;
      await this.emit(v);
    }
  }
}

function writeLine(stream: Writable, line: string): Promise<void> {
  return new Promise((resolveWrite, reject) => {
    const ok = stream.write(line, (error) => (error ? reject(error) : undefined));
    if (ok) resolveWrite();
    else stream.once('drain', () => resolveWrite());
  });
}

function endStream(stream: WriteStream): Promise<void> {
  return new Promise((resolveEnd, reject) => {
    stream.once('error', reject);
    stream.end(() => resolveEnd());
  });
}

/**
 * The batch run of SPEC.md: reads every input, runs the pipeline (in worker threads when
 * there is more than one core to use), writes one standoff file per document atomically
 * and a manifest. One bad document never stops the run.
 */
export async function runBatch(request: RunRequest): Promise<RunOutcome> {
  const started = new Date();
  const t0 = performance.now();
  const { config } = request;
  const stdout = request.stdout ?? process.stdout;
  const stderr = request.stderr ?? process.stderr;
  const streaming = request.out === '-';
  const specs = await inspectInputs(request.inputs);
  const outDir = streaming ? null : resolve(request.out);
  const check = request.check === true || config.run.check;
  const processOptions: ProcessOptions = streaming
    ? { check, includeText: true, pretty: false }
    : { check, includeText: config.output.includeText, pretty: config.output.pretty, formats: config.output.formats };

  // Earlier output may hold human decisions to keep; an empty folder needs no look-up.
  let outHadFiles = false;
  if (outDir !== null) {
    await mkdir(outDir, { recursive: true });
    const names = await readdir(outDir);
    outHadFiles = names.some((name) => name !== 'manifest.json' && !name.startsWith('.'));
    // Temporary files of a run that was killed: never complete, so never worth keeping.
    await Promise.all(names.filter((name) => name.endsWith('.tawsim-tmp') || name.endsWith('.tawsim-tmp.jsonl')).map((name) => unlink(join(outDir, name)).catch(() => undefined)));
  }

  const total = specs.some((s) => s.kind === 'folder') || specs.length > 1 ? await countDocuments(specs) : specs[0]?.kind === 'file' ? 1 : null;
  const requested = request.concurrency ?? config.run.concurrency;
  // Automatic: one worker per core but one, which the main thread keeps for reading,
  // decoding and writing; with two cores that is a single in-process pipeline (measured
  // faster there than two workers competing with the I/O thread).
  const threads = requested === 0 ? Math.max(1, availableParallelism() - 1) : requested;
  const useWorkers = threads > 1 && total !== 1;
  const pool = useWorkers ? new WorkerPool(threads, config, processOptions) : null;
  const pipeline = pool === null ? new Pipeline(config, STAGES) : null;
  if (pool !== null) {
    try {
      await pool.whenReady();
    } catch (error) {
      await pool.close();
      throw error;
    }
  }

  const totals: RunTotals = {
    documents: 0, ok: 0, failed: 0, skipped: 0, bytes: 0, characters: 0, tokens: 0, sentences: 0, annotations: 0, labels: {},
    human_decisions_kept: 0, unanchored: 0,
  };
  const entriesPath = join(outDir ?? tmpdir(), `.manifest.${process.pid}.${Date.now()}.tawsim-tmp.jsonl`);
  const entries = createWriteStream(entriesPath);
  const bar =
    request.progress === true && (stderr as NodeJS.WriteStream).isTTY === true
      ? new cliProgress.SingleBar(
          { stream: stderr as NodeJS.WriteStream, format: ' {bar} {value}/{total} documents | {mb} MB | {rate} MB/s | {failed} failed', hideCursor: true, etaBuffer: 50 },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(total ?? 0, 0, { mb: '0.0', rate: '0.0', failed: 0 });

  const emitter = new OrderedEmitter<{ entry: ManifestEntry; line?: string }>(async ({ entry, line }) => {
    if (line !== undefined) await writeLine(stdout, `${line}\n`);
    await writeLine(entries, `${JSON.stringify(entry)}\n`);
  });

  const record = async (seq: number, entry: ManifestEntry, line?: string) => {
    totals.documents++;
    if (entry.status === 'ok') {
      totals.ok++;
      totals.characters += entry.length ?? 0;
      totals.tokens += entry.tokens ?? 0;
      totals.sentences += entry.sentences ?? 0;
      totals.annotations += entry.annotations ?? 0;
      for (const [label, n] of Object.entries(entry.labels ?? {})) totals.labels[label] = (totals.labels[label] ?? 0) + n;
      totals.human_decisions_kept += entry.kept ?? 0;
      totals.unanchored += entry.unanchored ?? 0;
    } else if (entry.status === 'failed') totals.failed++;
    else totals.skipped++;
    totals.bytes += entry.bytes ?? 0;
    if (bar !== null) {
      const seconds = (performance.now() - t0) / 1000;
      bar.increment(1, { mb: (totals.bytes / 1e6).toFixed(1), rate: (totals.bytes / 1e6 / Math.max(seconds, 1e-3)).toFixed(1), failed: totals.failed });
    }
    await emitter.put(seq, line === undefined ? { entry } : { entry, line });
  };

  const load = async (item: InputItem): Promise<DocumentJob | ManifestEntry> => {
    const base = { id: item.id, source: item.source };
    if (item.error !== undefined) return { ...base, status: 'failed', reason: item.error };
    const max = config.run.maxDocumentBytes;
    if (item.text !== undefined) {
      const bytes = Buffer.byteLength(item.text, 'utf8');
      if (bytes > max) return { ...base, status: 'failed', bytes, reason: tooLarge(bytes, max) };
      if (isBlank(item.text)) return { ...base, status: 'skipped', bytes, reason: 'empty document text' };
      const text = item.text.charCodeAt(0) === 0xfeff ? item.text.slice(1) : item.text;
      return { seq: item.seq, ...base, text, encoding: 'utf-8', warnings: [], bytes };
    }
    if ((item.size ?? 0) > max) return { ...base, status: 'failed', bytes: item.size, reason: tooLarge(item.size ?? 0, max) };
    let bytes: Buffer;
    try {
      bytes = await readFile(item.path!);
    } catch (error) {
      return { ...base, status: 'failed', reason: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    const decoded = decodeDocument(bytes, { legacyEncodings: config.run.legacyEncodings });
    if (!decoded.ok) return { ...base, status: decoded.code === 'empty' ? 'skipped' : 'failed', bytes: bytes.length, reason: decoded.reason };
    return { seq: item.seq, ...base, text: decoded.text, encoding: decoded.encoding, warnings: decoded.warnings, bytes: bytes.length };
  };

  const write = async (job: DocumentJob, summary: DocumentSummary, json: string, files: OutputFile[]): Promise<DocumentSummary> => {
    const path = join(outDir!, `${job.id}.json`);
    let content = json;
    let others = files;
    if (outHadFiles) {
      let previousText: string | null = null;
      try {
        previousText = await readFile(path, 'utf8');
      } catch {
        previousText = null;
      }
      if (previousText !== null && HUMAN_STATUS.test(previousText)) {
        try {
          const previous = JSON.parse(previousText) as StandoffDocument;
          const next = JSON.parse(json) as StandoffDocument;
          if (previous.annotations.some(isHumanDecision) || (previous.unanchored?.length ?? 0) > 0) {
            const merged = mergeHumanDecisions(previous, next, job.text);
            content = serialiseStandoff(merged.merged, processOptions.pretty);
            const labels: Record<string, number> = {};
            for (const a of merged.merged.annotations) if (a.status !== 'rejected') labels[a.label] = (labels[a.label] ?? 0) + 1;
            summary = { ...summary, kept: merged.kept, unanchored: merged.unanchored, annotations: merged.merged.annotations.length, labels };
            if (merged.unanchored > 0) (summary.warnings ??= []).push(`${merged.unanchored} human decision(s) could not be re-anchored (kept under "unanchored")`);
            // Other formats must show the same decisions as the standoff file.
            others = config.output.formats
              .filter((f) => f !== 'json')
              .flatMap((f) => renderDocumentOutputs(f, merged.merged, job.text).files);
          }
        } catch (error) {
          return { ...summary, status: 'failed', reason: `earlier output ${path} holds human decisions but cannot be read (${(error as Error).message}); not overwritten` };
        }
      }
    }
    await writeFileAtomic(path, content);
    for (const file of others) await writeFileAtomic(join(outDir!, file.relativePath), file.content);
    return summary;
  };

  const seenIds = new Set<string>();
  // Enough documents in flight to keep every worker's queue full (see pool.ts) while others are read and written.
  const queue = new PQueue({ concurrency: Math.max(4, threads * 6) });
  // Output files are written one at a time: creating files in parallel in one folder
  // contends on the folder's lock (measured: 4 parallel writers were 2-3x slower than one),
  // and one writer already overlaps with reading and tagging.
  const writes = new PQueue({ concurrency: 1 });
  const handle = async (item: InputItem) => {
    const loaded = await load(item);
    if (!('text' in loaded)) return record(item.seq, loaded);
    const job = loaded;
    const result = pool !== null ? await pool.process(job) : processJob(pipeline!, job, processOptions);
    let summary: DocumentSummary = result.summary;
    if (summary.status !== 'ok' || result.json === undefined) return record(item.seq, summary);
    if (streaming) return record(item.seq, summary, result.json);
    try {
      const json = result.json;
      summary = await writes.add(() => write(job, summary, json, result.files ?? []));
    } catch (error) {
      summary = { ...summary, status: 'failed', reason: `cannot write the output (${(error as Error).message})` };
    }
    return record(item.seq, summary);
  };

  try {
    for await (const item of enumerateInputs(specs, request.stdin ?? process.stdin)) {
      // Ids name output files: a second document with the same id would overwrite the first.
      if (item.error === undefined) {
        if (seenIds.has(item.id)) item.error = `duplicate document id "${item.id}" (an earlier input has it)`;
        else seenIds.add(item.id);
      }
      await queue.onSizeLessThan(queue.concurrency);
      void queue.add(() => handle(item));
    }
    await queue.onIdle();
  } finally {
    bar?.stop();
    await pool?.close();
    await endStream(entries);
  }

  const seconds = (performance.now() - t0) / 1000;
  const header = {
    schema: 'tawsim.manifest/1',
    tool: { name: 'tawsim', version: VERSION, node: process.version },
    config: { origin: config.origin, sha256: config.sha256, stages: config.stages.map((s) => s.name), nested: config.nested },
    run: {
      started: started.toISOString(),
      finished: new Date().toISOString(),
      seconds: Math.round(seconds * 1000) / 1000,
      threads: useWorkers ? threads : 1,
      inputs: request.inputs,
      out: request.out,
      mb_per_s: Math.round((totals.bytes / 1e6 / Math.max(seconds, 1e-6)) * 100) / 100,
    },
    totals,
  };
  let manifestPath: string | null = null;
  try {
    if (outDir !== null) {
      manifestPath = join(outDir, 'manifest.json');
      const tmp = join(outDir, `.manifest.json.${process.pid}.tawsim-tmp`);
      const outStream = createWriteStream(tmp);
      await streamManifest(header, entriesPath, outStream);
      await endStream(outStream);
      const { rename } = await import('node:fs/promises');
      await rename(tmp, manifestPath);
    } else {
      await streamManifest(header, entriesPath, stderr);
    }
  } finally {
    await unlink(entriesPath).catch(() => undefined);
  }
  return { exitCode: totals.failed > 0 ? 3 : 0, totals, seconds, manifestPath };
}

function tooLarge(bytes: number, max: number): string {
  return `document too large: ${(bytes / 1048576).toFixed(1)} MiB, over the limit of ${(max / 1048576).toFixed(1)} MiB (run.maxDocumentBytes)`;
}

/** Writes the manifest: header and totals, then the document entries streamed from disk. */
async function streamManifest(header: object, entriesPath: string, out: Writable): Promise<void> {
  const head = JSON.stringify(header, null, 2);
  await writeLine(out, `${head.slice(0, -2)},\n  "documents": [`);
  const lines = createInterface({ input: createReadStream(entriesPath), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (line === '') continue;
    await writeLine(out, `${first ? '\n' : ',\n'}    ${line}`);
    first = false;
  }
  await writeLine(out, `${first ? '' : '\n  '}]\n}\n`);
}
