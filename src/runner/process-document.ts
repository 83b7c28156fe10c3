import { Doc } from '../core/document.js';
import { checkDocument } from '../core/invariants.js';
import type { Pipeline } from '../core/pipeline.js';
import type { RUN_FORMATS } from '../core/config.js';
import type { Encoding } from '../io/decode.js';
import { renderDocumentOutputs, type OutputFile } from '../io/exporters/index.js';
import { serialiseStandoff, toStandoff, type StandoffDocument } from '../io/standoff.js';
import { VERSION } from '../version.js';

/** A decoded document ready for the pipeline. */
export interface DocumentJob {
  seq: number;
  id: string;
  source: string;
  text: string;
  encoding: Encoding;
  warnings: string[];
  /** Size of the input in bytes (as read, before decoding). */
  bytes: number;
}

/** One document's line in the run manifest. */
export interface DocumentSummary {
  id: string;
  source: string;
  status: 'ok' | 'failed';
  reason?: string;
  language?: string;
  mixed?: boolean;
  tagged?: boolean;
  encoding?: Encoding;
  /** Length in code points. */
  length?: number;
  bytes?: number;
  tokens?: number;
  sentences?: number;
  annotations?: number;
  labels?: Record<string, number>;
  /** Milliseconds in the pipeline. */
  ms?: number;
  warnings?: string[];
  /** Human decisions kept from an earlier run, and those that could not be re-anchored. */
  kept?: number;
  unanchored?: number;
}

export interface ProcessOptions {
  check: boolean;
  includeText: boolean;
  pretty: boolean;
  /** Files written per document besides the standoff JSON (brat, spacy, conll). */
  formats?: (typeof RUN_FORMATS)[number][];
}

export interface ProcessedDocument {
  seq: number;
  summary: DocumentSummary;
  /** The standoff document (absent when the document failed). */
  standoff?: StandoffDocument;
  /** Its serialised form. */
  json?: string;
  /** Other formats' files, relative to the output folder. */
  files?: OutputFile[];
}

/** Runs the pipeline on one decoded document and builds its standoff file and summary. */
export function processJob(pipeline: Pipeline, job: DocumentJob, options: ProcessOptions): ProcessedDocument {
  const t0 = performance.now();
  const doc = new Doc(job.id, job.text, job.source);
  const base: DocumentSummary = { id: job.id, source: job.source, status: 'ok', bytes: job.bytes };
  if (job.encoding !== 'utf-8') base.encoding = job.encoding;
  if (job.warnings.length > 0) base.warnings = [...job.warnings];
  const result = pipeline.process(doc);
  if (!result.ok) {
    return { seq: job.seq, summary: { ...base, status: 'failed', reason: `stage ${result.failedStage} failed: ${result.error}` } };
  }
  const standoff = toStandoff(doc, { version: VERSION, configSha256: pipeline.config.sha256, stages: pipeline.stageNames }, { includeText: options.includeText, encoding: job.encoding });
  if (options.check) {
    for (const a of doc.annotations) a.text = doc.text.slice(a.start, a.end);
    try {
      checkDocument(doc);
    } catch (error) {
      return { seq: job.seq, summary: { ...base, status: 'failed', reason: (error as Error).message } };
    }
  }
  const labels: Record<string, number> = {};
  for (const a of doc.annotations) labels[a.label] = (labels[a.label] ?? 0) + 1;
  for (const m of doc.messages) if (m.level !== 'info') (base.warnings ??= []).push(m.text);
  const summary: DocumentSummary = {
    ...base,
    language: doc.language?.code ?? 'und',
    ...(doc.language?.mixed === true ? { mixed: true } : {}),
    tagged: !doc.skipTagging,
    length: standoff.doc.length,
    tokens: doc.tokens?.count ?? 0,
    sentences: doc.sentences.length,
    annotations: doc.annotations.length,
    labels,
    ms: Math.round((performance.now() - t0) * 100) / 100,
  };
  const files: OutputFile[] = [];
  for (const format of options.formats ?? []) {
    if (format === 'json') continue;
    const rendered = renderDocumentOutputs(format, standoff, doc.text, doc.tokens === null ? {} : { tokens: doc.tokens });
    files.push(...rendered.files);
    for (const problem of rendered.problems) (summary.warnings ??= []).push(`${format}: ${problem}`);
  }
  return { seq: job.seq, summary, standoff, json: serialiseStandoff(standoff, options.pretty), ...(files.length > 0 ? { files } : {}) };
}
