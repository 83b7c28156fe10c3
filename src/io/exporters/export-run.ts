/**
 * `tawsim export`: a standoff folder to training or interchange files, one document at a
 * time (memory stays flat whatever the size of the run), optionally split into
 * train/dev/test by a hash of the document id.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { StandoffTextFinder, type LoadedStandoffFile } from '../importers/standoff-texts.js';
import { standoffPaths } from '../standoff-folder.js';
import { ExportReport, selectEntities, type SelectionOptions } from './common.js';
import {
  bratAnnotationConf,
  conllChunks,
  jsonlChunks,
  labelStudioConfig,
  labelStudioTask,
  renderBrat,
  spacyLine,
  type JsonlUnit,
  type PreparedDocument,
} from './formats.js';
import { tagSet, type CliticPolicy, type TagScheme } from './token-labels.js';
import type { Tokeniser } from './tokeniser.js';

export const EXPORT_FORMATS = ['conll', 'jsonl', 'spacy', 'brat', 'labelstudio'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The usual file extensions of each format (the first is the default). */
const EXTENSIONS: Readonly<Record<ExportFormat, readonly string[]>> = {
  conll: ['.conll', '.txt', '.tsv', '.bio', '.iob', '.conllu'],
  jsonl: ['.jsonl', '.json'],
  spacy: ['.jsonl', '.json'],
  labelstudio: ['.json'],
  brat: [],
};

export interface ExportRequest {
  /** The standoff folder (the `--out` of `tawsim run`). */
  dir: string;
  format: ExportFormat;
  /** Output file (a folder for brat). With a split, the stem of the split files. */
  out: string;
  /** Folder of `<id>.txt` texts, when the run did not store them. */
  corpus?: string;
  /** Folder relative `doc.source` paths are resolved against (default: cwd). */
  cwd?: string;
  selection: SelectionOptions;
  scheme?: TagScheme;
  clitics?: CliticPolicy;
  unit?: JsonlUnit;
  /** Percentages, e.g. [80, 10, 10]; one part (or none) writes a single output. */
  split?: number[];
  /** The pipeline's tokeniser (conll and jsonl only). */
  tokeniser?: Tokeniser;
  /** sha256 of the config the tokeniser comes from, to count documents made with another. */
  configSha256?: string;
}

export interface ExportOutcome {
  report: ExportReport;
  /** Files and folders written, sidecars included. */
  outputs: string[];
  /** Documents and written annotations per split (a single `all` without a split). */
  parts: Record<string, { documents: number; annotations: number }>;
  /** Documents whose run used another configuration than the tokeniser's. */
  configMismatch: number;
  summaryPath: string;
}

/** Names of the parts of a split of n parts. */
export function splitNames(n: number): string[] {
  if (n <= 1) return ['all'];
  if (n === 2) return ['train', 'test'];
  if (n === 3) return ['train', 'dev', 'test'];
  return Array.from({ length: n }, (_, i) => `part${i + 1}`);
}

/**
 * The part a document goes to: the first 32 bits of sha256(id) as a fraction of 2^32,
 * against the cumulative percentages. The same id always lands in the same part, on any
 * machine, whatever the other documents are.
 */
export function splitIndex(id: string, percentages: readonly number[]): number {
  if (percentages.length <= 1) return 0;
  const h = createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) / 2 ** 32;
  const total = percentages.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  for (let i = 0; i < percentages.length; i++) {
    cumulative += percentages[i]! / total;
    if (h < cumulative) return i;
  }
  return percentages.length - 1;
}

/** Output stem: `--out` without the format's extension (`data/ner.conll` -> `data/ner`). */
export function outputStem(out: string, format: ExportFormat): { stem: string; ext: string } {
  const trimmed = out.replace(/[/\\]+$/, '');
  const ext = extname(trimmed).toLowerCase();
  if (format !== 'brat' && EXTENSIONS[format].includes(ext)) return { stem: trimmed.slice(0, -ext.length), ext: extname(trimmed) };
  return { stem: trimmed, ext: format === 'brat' ? '' : EXTENSIONS[format][0]! };
}

/** A file written with back-pressure, so a large export never piles up in memory. */
class FileSink {
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => (this.failure = e));
  }
  async write(chunk: string): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (!this.stream.write(chunk)) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  end(): Promise<void> {
    return new Promise((resolveEnd, reject) => {
      if (this.failure !== null) return reject(this.failure);
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolveEnd()));
    });
  }
}

/** Reads up to `depth` standoff files ahead of the one being written. */
async function* prefetch(paths: AsyncIterable<string>, finder: StandoffTextFinder, depth = 8): AsyncGenerator<{ path: string; loaded: LoadedStandoffFile | Error }> {
  const queue: { path: string; promise: Promise<LoadedStandoffFile | Error> }[] = [];
  const start = (path: string) => queue.push({ path, promise: finder.load(path).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) });
  for await (const path of paths) {
    start(path);
    if (queue.length >= depth) {
      const next = queue.shift()!;
      yield { path: next.path, loaded: await next.promise };
    }
  }
  while (queue.length > 0) {
    const next = queue.shift()!;
    yield { path: next.path, loaded: await next.promise };
  }
}

/** Runs one export. Throws only for problems that stop it (a folder that cannot be read). */
export async function runExport(request: ExportRequest): Promise<ExportOutcome> {
  const { format } = request;
  const percentages = request.split !== undefined && request.split.length > 1 ? request.split : [100];
  const names = splitNames(percentages.length);
  const { stem, ext } = outputStem(request.out, format);
  const scheme = request.scheme ?? 'IOB2';
  const clitics = request.clitics ?? 'keep';
  const unit = request.unit ?? 'sentence';
  if ((format === 'conll' || format === 'jsonl') && request.tokeniser === undefined) throw new Error(`the ${format} export needs the pipeline's tokeniser`);
  const outputs: string[] = [];
  const total = new ExportReport();
  const reports = names.map(() => new ExportReport());
  const parts: ExportOutcome['parts'] = Object.fromEntries(names.map((n) => [n, { documents: 0, annotations: 0 }]));
  const labelsSelected = new Set<string>();
  const tagsSeen = new Set<string>();
  let configMismatch = 0;

  // Where each part goes.
  const singlePath = percentages.length === 1 ? request.out.replace(/[/\\]+$/, '') : null;
  const partPath = (name: string) => (singlePath !== null ? singlePath : format === 'brat' ? join(stem, name) : `${stem}.${name}${ext}`);
  const sinks: (FileSink | null)[] = [];
  const firstTask: boolean[] = names.map(() => true);
  for (const name of names) {
    const path = partPath(name);
    if (format === 'brat') {
      await mkdir(path, { recursive: true });
      sinks.push(null);
    } else {
      await mkdir(dirname(path), { recursive: true });
      const sink = new FileSink(path);
      if (format === 'labelstudio') await sink.write('[');
      sinks.push(sink);
    }
    outputs.push(path);
  }

  const finder = new StandoffTextFinder({ ...(request.corpus !== undefined ? { corpus: request.corpus } : {}), ...(request.cwd !== undefined ? { cwd: request.cwd } : {}) });
  try {
    for await (const { path, loaded } of prefetch(standoffPaths(request.dir), finder)) {
      if (loaded instanceof Error) {
        total.failedDocuments.push({ path, reason: loaded.message });
        continue;
      }
      const id = loaded.standoff.doc.id;
      const part = splitIndex(id, percentages);
      const report = reports[part]!;
      report.documents++;
      parts[names[part]!]!.documents++;
      const before = report.written;
      const doc: PreparedDocument = {
        id,
        text: loaded.text,
        sentences: loaded.sentences,
        entities: selectEntities(loaded.annotations, request.selection, report),
        pipeline: loaded.standoff.pipeline,
      };
      for (const e of doc.entities) labelsSelected.add(e.label);
      const sink = sinks[part] ?? null;
      switch (format) {
        case 'conll': {
          if (request.configSha256 && loaded.standoff.pipeline?.config_sha256 !== request.configSha256) configMismatch++;
          for (const chunk of conllChunks(doc, request.tokeniser!(doc.text), { scheme, clitics }, report)) await sink!.write(chunk);
          break;
        }
        case 'jsonl': {
          if (request.configSha256 && loaded.standoff.pipeline?.config_sha256 !== request.configSha256) configMismatch++;
          for (const chunk of jsonlChunks(doc, request.tokeniser!(doc.text), { scheme, clitics, unit }, report, tagsSeen)) await sink!.write(chunk);
          break;
        }
        case 'spacy':
          await sink!.write(spacyLine(doc, report));
          break;
        case 'labelstudio': {
          const task = JSON.stringify(labelStudioTask(doc, report));
          await sink!.write(`${firstTask[part] ? '\n' : ',\n'}${task}`);
          firstTask[part] = false;
          break;
        }
        case 'brat': {
          const { txt, ann } = renderBrat(doc, report);
          const base = join(partPath(names[part]!), id);
          await mkdir(dirname(base), { recursive: true });
          await writeFile(`${base}.txt`, txt);
          await writeFile(`${base}.ann`, ann);
          break;
        }
      }
      parts[names[part]!]!.annotations += report.written - before;
    }
  } finally {
    await finder.close();
    for (let i = 0; i < sinks.length; i++) {
      const sink = sinks[i];
      if (sink === null || sink === undefined) continue;
      if (format === 'labelstudio') await sink.write(firstTask[i] ? ']\n' : '\n]\n');
      await sink.end();
    }
  }
  for (const r of reports) total.add(r);

  // Sidecars, once every label is known.
  const labels = [...new Set([...labelsSelected, ...total.labels.keys()])].sort();
  if (format === 'brat') {
    const conf = bratAnnotationConf(labels, request.selection.nesting === 'keep');
    const folders = percentages.length === 1 ? [singlePath!] : [stem, ...names.map((n) => join(stem, n))];
    for (const folder of folders) {
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'annotation.conf'), conf);
      outputs.push(join(folder, 'annotation.conf'));
    }
  }
  if (format === 'jsonl') {
    const tags = [...new Set([...tagSet(labels, scheme), ...tagsSeen])];
    const sidecar = `${stem}.labels.json`;
    const id2label = Object.fromEntries(tags.map((t, i) => [String(i), t]));
    const label2id = Object.fromEntries(tags.map((t, i) => [t, i]));
    await writeFile(sidecar, `${JSON.stringify({ scheme, labels: tags, id2label, label2id }, null, 2)}\n`);
    outputs.push(sidecar);
  }
  if (format === 'labelstudio') {
    const config = `${stem}.label-config.xml`;
    await writeFile(config, labelStudioConfig(labels));
    outputs.push(config);
  }
  const summaryPath = `${stem}.summary.json`;
  const summary = {
    schema: 'tawsim.export-summary/1',
    source: request.dir,
    format,
    options: {
      scheme: format === 'conll' || format === 'jsonl' ? scheme : undefined,
      clitics: format === 'conll' || format === 'jsonl' ? clitics : undefined,
      unit: format === 'jsonl' ? unit : undefined,
      statuses: request.selection.statuses ?? 'all but rejected',
      nesting: request.selection.nesting ?? 'outermost',
      mappings: request.selection.mappings ?? [],
      labels: request.selection.labels ?? 'all',
      split: percentages.length > 1 ? Object.fromEntries(names.map((n, i) => [n, percentages[i]])) : undefined,
      offsets: format === 'conll' || format === 'jsonl' ? 'tokens' : 'Unicode code points',
    },
    outputs,
    parts,
    documents_made_with_another_config: format === 'conll' || format === 'jsonl' ? configMismatch : undefined,
    ...total.toJSON(),
  };
  await writeFile(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  return { report: total, outputs, parts, configMismatch, summaryPath };
}
