/**
 * The review server's access to a run folder: lists documents with their counts, reads
 * one document with its text, and saves decisions with a version check. Every write is
 * atomic (temporary file + rename) and checked against the text; writes to one document
 * are serialised, and a write against a stale revision is refused (HTTP 409).
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { resolveConfig } from '../core/config.js';
import { Doc } from '../core/document.js';
import { offsetConverter } from '../core/offsets.js';
import { Pipeline } from '../core/pipeline.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { unsafeIdReason } from '../io/inputs.js';
import { idFromPath, findText, standoffPaths } from '../io/standoff-folder.js';
import { loadStandoff, serialiseStandoff, STANDOFF_SCHEMA, type StandoffDocument } from '../io/standoff.js';
import { STAGES } from '../stages/index.js';
import { applyDecision, DecisionError, parseDecision } from './operations.js';
import { SPEC_LABELS, LABEL_PATTERN, type AnnotationRecord, type DecisionResult, type DocumentList, type DocumentPayload, type DocumentSummary, type ReviewStatus } from './shared/protocol.js';

/** An error with the HTTP status to answer with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ReviewStoreOptions {
  /** The run folder holding standoff files. */
  dir: string;
  /** A folder of `<id>.txt` files, for runs written without the text. */
  corpus?: string;
  /** Folder that relative `doc.source` paths resolve against (default: cwd). */
  cwd?: string;
  /** Who the decisions are recorded as. */
  user: string;
  /** Labels offered, in key order (default: SPEC.md's, then any other found in the run). */
  labels?: string[];
  /** Clock, for tests. */
  now?: () => Date;
}

/** The revision of a file: the sha256 of its bytes. */
export function revisionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface CachedSummary {
  mtimeMs: number;
  size: number;
  summary: DocumentSummary;
  labels: string[];
}

/** A small least-recently-used cache: texts and token tables of the documents in view. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

function summarise(id: string, standoff: StandoffDocument): DocumentSummary {
  const labels: Record<string, number> = {};
  const statuses: Partial<Record<ReviewStatus, number>> = {};
  let reviewed = 0;
  for (const a of standoff.annotations) {
    labels[a.label] = (labels[a.label] ?? 0) + 1;
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    if (a.status !== 'auto') reviewed++;
  }
  return {
    id,
    length: standoff.doc.length,
    annotations: standoff.annotations.length,
    labels,
    statuses,
    reviewed,
    unanchored: standoff.unanchored?.length ?? 0,
  };
}

function parseStandoff(bytes: string, what: string): StandoffDocument {
  let value: unknown;
  try {
    value = JSON.parse(bytes);
  } catch (error) {
    throw new HttpError(422, `${what} is not valid JSON (${(error as Error).message})`);
  }
  const doc = value as StandoffDocument;
  if (doc === null || typeof doc !== 'object' || doc.schema !== STANDOFF_SCHEMA || !Array.isArray(doc.annotations) || typeof doc.doc?.id !== 'string') {
    throw new HttpError(422, `${what} is not a ${STANDOFF_SCHEMA} document`);
  }
  return doc;
}

/** Reads and writes the standoff files of one run folder for the review page. */
export class ReviewStore {
  readonly dir: string;
  readonly user: string;
  private readonly realDir: string;
  private readonly corpus: string | undefined;
  private readonly cwd: string;
  private readonly fixedLabels: string[] | undefined;
  private readonly seenLabels = new Set<string>();
  private readonly summaries = new Map<string, CachedSummary>();
  private readonly texts = new Lru<string>(16);
  private readonly tokens = new Lru<number[]>(16);
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;
  private tokeniser: Pipeline | null = null;

  constructor(options: ReviewStoreOptions) {
    this.dir = resolve(options.dir);
    this.realDir = realpathSync(this.dir);
    this.corpus = options.corpus === undefined ? undefined : resolve(options.corpus);
    this.cwd = options.cwd ?? process.cwd();
    this.user = options.user;
    this.now = options.now ?? (() => new Date());
    if (options.labels !== undefined) {
      const bad = options.labels.filter((l) => !LABEL_PATTERN.test(l));
      if (bad.length > 0) throw new Error(`not an upper-case label: ${bad.join(', ')}`);
      this.fixedLabels = [...new Set(options.labels)];
    }
  }

  /** Labels offered, in key order. */
  labels(): string[] {
    if (this.fixedLabels !== undefined) return this.fixedLabels;
    const extra = [...this.seenLabels].filter((l) => !SPEC_LABELS.includes(l)).sort();
    return [...SPEC_LABELS, ...extra];
  }

  /**
   * The path of document `id`, refusing ids that could escape the folder (`..`, absolute
   * paths, control characters) and files that resolve outside it through a link.
   */
  async pathOf(id: string): Promise<string> {
    const unsafe = unsafeIdReason(id);
    if (unsafe !== null) throw new HttpError(400, unsafe);
    const path = join(this.dir, `${id}.json`);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      throw new HttpError(404, `no document "${id}" in ${this.dir}`);
    }
    if (!real.startsWith(this.realDir + sep)) throw new HttpError(400, `document "${id}" resolves outside the review folder`);
    return path;
  }

  /** Every document of the run with its counts; unreadable files are listed with a reason. */
  async list(): Promise<DocumentList> {
    const documents: DocumentSummary[] = [];
    const present = new Set<string>();
    for await (const path of standoffPaths(this.dir)) {
      const id = idFromPath(this.dir, path);
      present.add(id);
      try {
        const real = await realpath(path);
        if (!real.startsWith(this.realDir + sep)) continue;
        const s = await stat(path);
        const cached = this.summaries.get(id);
        if (cached !== undefined && cached.mtimeMs === s.mtimeMs && cached.size === s.size) {
          documents.push(cached.summary);
          continue;
        }
        const standoff = parseStandoff(await readFile(path, 'utf8'), `${id}.json`);
        const summary = summarise(id, standoff);
        for (const l of Object.keys(summary.labels)) this.seenLabels.add(l);
        this.summaries.set(id, { mtimeMs: s.mtimeMs, size: s.size, summary, labels: Object.keys(summary.labels) });
        documents.push(summary);
      } catch (error) {
        documents.push({ id, length: 0, annotations: 0, labels: {}, statuses: {}, reviewed: 0, unanchored: 0, error: (error as Error).message });
      }
    }
    for (const id of this.summaries.keys()) if (!present.has(id)) this.summaries.delete(id);
    return { dir: this.dir, user: this.user, labels: this.labels(), documents };
  }

  private async readTextOf(standoff: StandoffDocument): Promise<string> {
    const key = `${standoff.doc.sha256}`;
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    let text: string;
    try {
      text = await findText(standoff, { ...(this.corpus !== undefined ? { corpus: this.corpus } : {}), cwd: this.cwd });
    } catch (error) {
      throw new HttpError(422, `${(error as Error).message}; start the review with --corpus <folder>`);
    }
    this.texts.set(key, text);
    return text;
  }

  /** Token edges in code points, from the pipeline's own tokeniser. */
  private tokenEdges(text: string, sha256: string): number[] {
    const cached = this.tokens.get(sha256);
    if (cached !== undefined) return cached;
    this.tokeniser ??= new Pipeline(resolveConfig({ stages: ['normalise', 'tokenise'] }, STAGES, 'review tokeniser', this.cwd), STAGES);
    const doc = new Doc('review', text);
    const result = this.tokeniser.process(doc);
    const edges: number[] = [];
    if (result.ok && doc.tokens !== null) {
      const cv = offsetConverter(text);
      const t = doc.tokens;
      for (let i = 0; i < t.count; i++) edges.push(cv.toCodePoint(t.start[i]!), cv.toCodePoint(t.end[i]!));
    }
    this.tokens.set(sha256, edges);
    return edges;
  }

  /** One document, with its text, token edges and current revision. */
  async get(id: string): Promise<DocumentPayload> {
    const path = await this.pathOf(id);
    const bytes = await readFile(path, 'utf8');
    const standoff = parseStandoff(bytes, `${id}.json`);
    const text = await this.readTextOf(standoff);
    try {
      loadStandoff(standoff, text);
    } catch (error) {
      throw new HttpError(422, `${id}.json does not match its text: ${(error as Error).message}`);
    }
    for (const a of standoff.annotations) this.seenLabels.add(a.label);
    return {
      id,
      revision: revisionOf(bytes),
      text,
      length: standoff.doc.length,
      language: standoff.doc.language?.code ?? null,
      source: standoff.doc.source ?? null,
      annotations: standoff.annotations as AnnotationRecord[],
      unanchored: (standoff.unanchored ?? []) as AnnotationRecord[],
      sentences: standoff.sentences,
      tokens: this.tokenEdges(text, standoff.doc.sha256),
      labels: this.labels(),
      user: this.user,
    };
  }

  /** Runs `task` after every earlier write to the same document has finished. */
  private serialise<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.locks.set(id, tail);
    void tail.then(() => {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    });
    return next;
  }

  /**
   * Saves one decision, if `ifMatch` is the file's current revision. The file is read,
   * changed and written atomically while no other decision on it runs.
   */
  decide(id: string, ifMatch: string | undefined, body: unknown): Promise<DecisionResult> {
    return this.serialise(id, async () => {
      const path = await this.pathOf(id);
      if (ifMatch === undefined) throw new HttpError(428, 'a decision must say which revision it was made on (If-Match header)');
      const bytes = await readFile(path, 'utf8');
      const revision = revisionOf(bytes);
      if (ifMatch !== revision) {
        throw new HttpError(409, 'this document was changed since you opened it (in another tab, or by a run); reload it to see the changes, then decide again', { revision });
      }
      const standoff = parseStandoff(bytes, `${id}.json`);
      const text = await this.readTextOf(standoff);
      let applied;
      try {
        const decision = parseDecision(body);
        applied = applyDecision(standoff, decision, { text, labels: new Set(this.labels()), user: this.user, now: this.now().toISOString() });
      } catch (error) {
        if (error instanceof DecisionError) throw new HttpError(error.status, error.message);
        throw error;
      }
      // The written file must stay a valid standoff document for the exporters.
      loadStandoff(applied.doc, text);
      const pretty = /^\{\n/.test(bytes);
      const out = serialiseStandoff(applied.doc, pretty);
      await writeFileAtomic(path, out);
      return { ...applied.result, revision: revisionOf(out) };
    });
  }
}
