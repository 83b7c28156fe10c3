/**
 * `npm run bench [-- <files or folders...>] [--size MB] [--runs N] [--config file] [--no-batch]`
 *
 * Throughput of every stage and of the whole run, on the benchmark corpus (20 MB of
 * Arabic news, see corpus.ts) or on the user's own files. Prints a table on stderr and
 * JSON on stdout. Figures are medians over runs, in MB/s of UTF-8 input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../core/config.js';
import { Doc } from '../core/document.js';
import { Pipeline } from '../core/pipeline.js';
import { DEFAULT_CONFIG } from '../default-config.js';
import { decodeDocument } from '../io/decode.js';
import { enumerateInputs, inspectInputs } from '../io/inputs.js';
import { serialiseStandoff, toStandoff } from '../io/standoff.js';
import { runBatch } from '../runner/run.js';
import { STAGES } from '../stages/index.js';
import { VERSION } from '../version.js';
import { buildBenchCorpus, type BenchDocument } from './corpus.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function loadUserDocuments(paths: string[]): Promise<BenchDocument[]> {
  const docs: BenchDocument[] = [];
  for await (const item of enumerateInputs(await inspectInputs(paths))) {
    if (item.text !== undefined) docs.push({ id: item.id, text: item.text });
    else if (item.path !== undefined) {
      const decoded = decodeDocument(await readFile(item.path), { legacyEncodings: true });
      if (decoded.ok) docs.push({ id: item.id, text: decoded.text });
    }
  }
  return docs;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      size: { type: 'string', default: '21' },
      runs: { type: 'string', default: '3' },
      config: { type: 'string' },
      'no-batch': { type: 'boolean', default: false },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const config = loadConfig(STAGES, DEFAULT_CONFIG, values.config);
  const docs =
    positionals.length > 0
      ? await loadUserDocuments(positionals)
      : buildBenchCorpus({ anercorp: 'eval/anercorp-train.gold.jsonl', sample: 'corpus/000_2af77db84c8b7592.txt', targetBytes: Number(values.size) * 1e6 });
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  const mb = bytes / 1e6;

  const loadStart = performance.now();
  const pipeline = new Pipeline(config, STAGES);
  const loadMs = performance.now() - loadStart;

  // Warm-up pass, so the JIT has compiled the hot loops before anything is timed.
  for (const d of docs.slice(0, 200)) pipeline.process(new Doc(d.id, d.text));

  const stageMs: Record<string, number[]> = Object.fromEntries(pipeline.stageNames.map((s) => [s, []]));
  const resolveMs: number[] = [];
  const outputMs: number[] = [];
  let tokens = 0;
  let annotations = 0;
  for (let r = 0; r < runs; r++) {
    const sums: Record<string, number> = {};
    let out = 0;
    let whole = 0;
    tokens = 0;
    annotations = 0;
    for (const d of docs) {
      const doc = new Doc(d.id, d.text);
      const t0 = performance.now();
      const result = pipeline.process(doc, true);
      const t1 = performance.now();
      const json = serialiseStandoff(toStandoff(doc, { version: VERSION, configSha256: config.sha256, stages: pipeline.stageNames }, { includeText: false }), true);
      out += performance.now() - t1;
      whole += t1 - t0;
      for (const [s, ms] of Object.entries(result.timings)) sums[s] = (sums[s] ?? 0) + ms;
      tokens += doc.tokens?.count ?? 0;
      annotations += doc.annotations.length;
      if (json.length === 0) throw new Error('empty output');
    }
    for (const s of pipeline.stageNames) stageMs[s]!.push(sums[s] ?? 0);
    const stagesTotal = pipeline.stageNames.reduce((n, s) => n + (sums[s] ?? 0), 0);
    resolveMs.push(Math.max(0, whole - stagesTotal));
    outputMs.push(out);
  }

  const rate = (ms: number) => ({ ms: round(ms), mb_per_s: round(mb / (ms / 1000)), tokens_per_s: Math.round(tokens / (ms / 1000)) });
  const stages = Object.fromEntries(pipeline.stageNames.map((s) => [s, rate(median(stageMs[s]!))]));
  const sumOf = (names: string[]) => names.filter((n) => n in stages).reduce((acc, n) => acc + median(stageMs[n]!), 0);
  const foundation = ['normalise', 'tokenise', 'sentences'];
  const allStagesMs = sumOf(pipeline.stageNames) + median(resolveMs);
  const groups: Record<string, ReturnType<typeof rate>> = {
    'normalise+tokenise+sentences': rate(sumOf(foundation)),
    'all stages': rate(allStagesMs),
    'all stages + JSON output': rate(allStagesMs + median(outputMs)),
  };
  const numbers = pipeline.stageNames.filter((s) => s === 'numbers' || s === 'money');
  if (numbers.length > 0) groups[numbers.join('+')] = rate(sumOf(numbers));

  // The pipeline with JSON output on every core, in memory (no files): what the machine
  // can do when the file system keeps up. Documents are dealt round-robin to the workers.
  const cores = availableParallelism();
  if (cores > 1) {
    const seconds = await parallelPasses(config, docs, cores, runs);
    groups[`all stages + JSON output, ${cores} threads`] = { ms: round(seconds * 1000), mb_per_s: round(mb / seconds), tokens_per_s: Math.round(tokens / seconds) };
  }

  // The product path: `tawsim run` on a JSONL file, one thread and all cores.
  const batch: Record<string, { threads: number; seconds: number; mb_per_s: number }> = {};
  if (values['no-batch'] !== true) {
    const dir = mkdtempSync(join(tmpdir(), 'tawsim-bench-'));
    try {
      const input = join(dir, 'corpus.jsonl');
      writeFileSync(input, docs.map((d) => JSON.stringify(d)).join('\n'));
      const sink = new Writable({ write: (_c, _e, cb) => cb() });
      for (const threads of [1, availableParallelism()]) {
        const times: number[] = [];
        for (let r = 0; r < Math.min(runs, 2); r++) {
          const out = join(dir, `out-${threads}-${r}`);
          const outcome = await runBatch({ inputs: [input], out, config, concurrency: threads, progress: false, stderr: sink });
          times.push(outcome.seconds);
          rmSync(out, { recursive: true, force: true });
        }
        batch[threads === 1 ? 'single thread' : `${threads} threads`] = { threads, seconds: round(median(times), 2), mb_per_s: round(mb / median(times)) };
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const report = {
    tool: { name: 'tawsim', version: VERSION },
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memory_gb: round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
    corpus: { source: positionals.length > 0 ? positionals : 'bench corpus (ANERcorp train + sample, seeded)', documents: docs.length, mb: round(mb, 2), tokens, annotations },
    runs,
    pipeline_load_ms: round(loadMs),
    stages,
    groups,
    batch,
    memory_rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
  };

  const lines = [
    `tawsim ${VERSION} bench: ${report.corpus.documents} documents, ${report.corpus.mb} MB, ${tokens} tokens, ${annotations} annotations; median of ${runs} run(s)`,
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores, Node ${process.version}; pipeline load ${report.pipeline_load_ms} ms`,
    '',
    `${'stage'.padEnd(34)}${'MB/s'.padStart(9)}${'tokens/s'.padStart(14)}`,
    ...Object.entries(stages).map(([s, r]) => `${s.padEnd(34)}${String(r.mb_per_s).padStart(9)}${String(r.tokens_per_s).padStart(14)}`),
    ...Object.entries(groups).map(([s, r]) => `${s.padEnd(34)}${String(r.mb_per_s).padStart(9)}${String(r.tokens_per_s).padStart(14)}`),
    ...Object.entries(batch).map(([s, r]) => `${`tawsim run, ${s}`.padEnd(34)}${String(r.mb_per_s).padStart(9)}${`${r.seconds} s`.padStart(14)}`),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Median wall time (seconds) of `runs` passes over `docs` split across `threads` bench
 * workers, each pass timed from the moment every worker is warm.
 */
async function parallelPasses(config: ReturnType<typeof loadConfig>, docs: BenchDocument[], threads: number, runs: number): Promise<number> {
  const shares: BenchDocument[][] = Array.from({ length: threads }, () => []);
  docs.forEach((d, k) => shares[k % threads]!.push(d));
  const url = new URL('./parallel-worker.js', import.meta.url);
  const workers = shares.map((share) => new Worker(url, { workerData: { config, docs: share } }));
  const next = (w: Worker, type: string) =>
    new Promise<void>((resolve, reject) => {
      w.once('error', reject);
      w.once('message', (m: { type: string }) => (m.type === type ? resolve() : reject(new Error(`bench worker: ${m.type}`))));
    });
  try {
    await Promise.all(workers.map((w) => next(w, 'ready')));
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const done = Promise.all(workers.map((w) => next(w, 'done')));
      for (const w of workers) w.postMessage({ type: 'run' });
      await done;
      times.push((performance.now() - t0) / 1000);
    }
    return median(times);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

await main();
