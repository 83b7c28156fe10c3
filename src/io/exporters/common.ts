/**
 * What every exporter shares: which annotations go out (status filter, label mapping,
 * nesting policy), the record of what could not be represented, and a code-point walker
 * that checks spans in the unit the file formats count in.
 *
 * Offsets: a loaded standoff document has UTF-16 offsets (src/io/standoff.ts
 * `loadStandoff`); exporters convert to their own unit at the last moment and check the
 * span again in that unit, independently of the conversion that produced it.
 */
import type { AnnotationStatus } from '../../core/document.js';

/** One annotation on its way out, UTF-16 offsets into the original text. */
export interface ExportEntity {
  /** The annotation id in the standoff file (`T3`). */
  id: string;
  label: string;
  start: number;
  end: number;
  /** The original surface (`text.slice(start, end)`, checked at load). */
  text: string;
  value?: unknown;
  confidence: number;
  status: AnnotationStatus;
  source: string;
}

/** How nested or crossing spans are handled. */
export type NestingPolicy = 'outermost' | 'keep';

/** Which annotations an export takes, and how it renames them. */
export interface SelectionOptions {
  /** Statuses kept; `rejected` is never exported whatever this says. */
  statuses?: readonly AnnotationStatus[];
  /** Label mapping, applied in order (e.g. the config's `labels`, then `--map`); "" drops. */
  mappings?: readonly Readonly<Record<string, string>>[];
  /** Labels kept after mapping (all when absent). */
  labels?: readonly string[];
  /** `outermost` (default): inner and losing crossing spans are left out and counted. */
  nesting?: NestingPolicy;
}

/** Why an annotation is not in an export. */
export type ProblemReason =
  | 'starts-inside-token'
  | 'ends-inside-token'
  | 'starts-outside-token'
  | 'ends-outside-token'
  | 'covers-no-token'
  | 'shares-token'
  | 'offset-check-failed';

/** Why an annotation was left out on purpose (a stated policy, not a failure). */
export type PolicyReason = 'status' | 'label-dropped' | 'label-filtered' | 'nested' | 'crossing';

export const PROBLEM_TEXT: Readonly<Record<ProblemReason, string>> = {
  'starts-inside-token': 'span starts inside a token, not after a proclitic',
  'ends-inside-token': 'span ends inside a token',
  'starts-outside-token': 'span starts outside any token (whitespace or a skipped character)',
  'ends-outside-token': 'span ends outside any token (whitespace or a skipped character)',
  'covers-no-token': 'span covers no token',
  'shares-token': 'span shares a token with another span',
  'offset-check-failed': "span does not read back in the format's own offset unit",
};

export const POLICY_TEXT: Readonly<Record<PolicyReason, string>> = {
  status: 'status not selected (--status; rejected is never exported)',
  'label-dropped': 'label mapped to "" (dropped)',
  'label-filtered': 'label not in --labels',
  nested: 'inside another span (nesting policy: outermost)',
  crossing: 'crosses a longer span (nesting policy: outermost)',
};

/** One annotation an exporter could not represent, with where it is. */
export interface ExportProblem {
  doc: string;
  id: string;
  label: string;
  /** Code-point offsets, as in the standoff file. */
  start: number;
  end: number;
  text: string;
  reason: ProblemReason;
  /** The token involved, when there is one. */
  token?: string;
}

/** Counts of one export, kept small: examples are capped per reason. */
export class ExportReport {
  documents = 0;
  /** Annotations read (after the status filter was not yet applied). */
  annotationsRead = 0;
  /** Annotations written. */
  written = 0;
  /** Spans labelled as whole tokens because a proclitic is attached (`--clitics keep`). */
  widenedToToken = 0;
  /** Tokens split at a proclitic (`--clitics split`). */
  tokensSplit = 0;
  /** Sentence breaks removed because a span crossed them. */
  sentencesJoined = 0;
  readonly problems = new Map<ProblemReason, number>();
  readonly policy = new Map<PolicyReason, number>();
  readonly examples: ExportProblem[] = [];
  readonly failedDocuments: { path: string; reason: string }[] = [];
  readonly labels = new Map<string, number>();
  private readonly perReason = new Map<ProblemReason, number>();

  constructor(readonly examplesPerReason = 5) {}

  problem(p: ExportProblem): void {
    this.problems.set(p.reason, (this.problems.get(p.reason) ?? 0) + 1);
    const n = this.perReason.get(p.reason) ?? 0;
    if (n < this.examplesPerReason) {
      this.examples.push(p);
      this.perReason.set(p.reason, n + 1);
    }
  }

  left(reason: PolicyReason, n = 1): void {
    if (n > 0) this.policy.set(reason, (this.policy.get(reason) ?? 0) + n);
  }

  wrote(label: string): void {
    this.written++;
    this.labels.set(label, (this.labels.get(label) ?? 0) + 1);
  }

  get problemCount(): number {
    let n = 0;
    for (const v of this.problems.values()) n += v;
    return n;
  }

  /** Merges another report (per-split or per-document reports into a total). */
  add(other: ExportReport): void {
    this.documents += other.documents;
    this.annotationsRead += other.annotationsRead;
    this.written += other.written;
    this.widenedToToken += other.widenedToToken;
    this.tokensSplit += other.tokensSplit;
    this.sentencesJoined += other.sentencesJoined;
    for (const [k, v] of other.problems) this.problems.set(k, (this.problems.get(k) ?? 0) + v);
    for (const [k, v] of other.policy) this.policy.set(k, (this.policy.get(k) ?? 0) + v);
    for (const [k, v] of other.labels) this.labels.set(k, (this.labels.get(k) ?? 0) + v);
    for (const e of other.examples) {
      const n = this.perReason.get(e.reason) ?? 0;
      if (n < this.examplesPerReason) {
        this.examples.push(e);
        this.perReason.set(e.reason, n + 1);
      }
    }
    for (const f of other.failedDocuments) this.failedDocuments.push(f);
  }

  /** A plain object for `summary.json`. */
  toJSON(): object {
    const sorted = <K extends string>(m: Map<K, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      documents: this.documents,
      annotations_read: this.annotationsRead,
      written: this.written,
      labels: sorted(this.labels),
      widened_to_whole_token: this.widenedToToken,
      tokens_split_at_proclitic: this.tokensSplit,
      sentence_breaks_removed_inside_spans: this.sentencesJoined,
      not_represented: { total: this.problemCount, by_reason: sorted(this.problems), examples: this.examples },
      left_out_by_policy: sorted(this.policy),
      failed_documents: this.failedDocuments,
    };
  }
}

/** Sort order of spans: by start, longer first, then label. */
function compareSpans(a: ExportEntity, b: ExportEntity): number {
  return a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** True when `a` wins a crossing overlap against `b`: longer, then more confident, then earlier. */
function beats(a: ExportEntity, b: ExportEntity): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.start < b.start;
}

/** The annotation fields an export reads (a loaded standoff annotation has them all). */
export interface SourceAnnotation {
  id: string;
  label: string;
  start: number;
  end: number;
  text: string;
  value?: unknown;
  confidence: number;
  status: AnnotationStatus;
  source: string;
}

/**
 * Selects the annotations of one document: status filter, label mapping, label filter,
 * then the nesting policy. Everything left out is counted in `report` by reason; the
 * result is sorted by start (longer first).
 *
 * Outermost policy, the same rule as the pipeline's (src/core/annotations.ts):
 * ```
 * [601 مليون دولار]      MONEY     kept
 * [601 مليون]            CARDINAL  left out: nested
 *      [مليون دولار ...] X         left out: crossing, when shorter than the kept span
 * ```
 */
export function selectEntities(annotations: readonly SourceAnnotation[], options: SelectionOptions, report: ExportReport): ExportEntity[] {
  const statuses = options.statuses;
  const labels = options.labels === undefined ? null : new Set(options.labels);
  const picked: ExportEntity[] = [];
  for (const a of annotations) {
    report.annotationsRead++;
    if (a.status === 'rejected' || (statuses !== undefined && !statuses.includes(a.status))) {
      report.left('status');
      continue;
    }
    let label: string = a.label;
    let dropped = false;
    for (const mapping of options.mappings ?? []) {
      const to = mapping[label];
      if (to === undefined) continue;
      if (to === '') {
        dropped = true;
        break;
      }
      label = to;
    }
    if (dropped) {
      report.left('label-dropped');
      continue;
    }
    if (labels !== null && !labels.has(label)) {
      report.left('label-filtered');
      continue;
    }
    const entity: ExportEntity = { id: a.id, label, start: a.start, end: a.end, text: a.text, confidence: a.confidence, status: a.status, source: a.source };
    if (a.value !== undefined) entity.value = a.value;
    picked.push(entity);
  }
  picked.sort(compareSpans);
  if (options.nesting === 'keep') return picked;
  const kept: ExportEntity[] = [];
  for (const a of picked) {
    const last = kept[kept.length - 1];
    if (last === undefined || a.start >= last.end) {
      kept.push(a);
      continue;
    }
    if (a.end <= last.end) {
      report.left('nested');
      continue;
    }
    report.left('crossing');
    if (beats(a, last)) kept[kept.length - 1] = a;
  }
  return kept;
}

/**
 * Walks a text counting code points, to check spans in code points without the
 * converter that computed them. Cost is the distance from the previous query, so spans in
 * order make one pass per document.
 */
export class CodePointWalker {
  private unit = 0;
  private point = 0;

  constructor(private readonly text: string) {}

  reset(): void {
    this.unit = 0;
    this.point = 0;
  }

  /** UTF-16 offset of code point `cp`, or -1 past the end of the text (or before 0). */
  unitAt(cp: number): number {
    if (cp < 0) return -1;
    const t = this.text;
    // Backwards (nested spans start before the last end): a low surrogate preceded by a
    // high one is one code point with it.
    while (this.point > cp) {
      this.unit--;
      if (this.unit > 0 && (t.charCodeAt(this.unit) & 0xfc00) === 0xdc00 && (t.charCodeAt(this.unit - 1) & 0xfc00) === 0xd800) this.unit--;
      this.point--;
    }
    while (this.point < cp) {
      if (this.unit >= t.length) return -1;
      const c = t.charCodeAt(this.unit);
      const pair = c >= 0xd800 && c <= 0xdbff && this.unit + 1 < t.length && (t.charCodeAt(this.unit + 1) & 0xfc00) === 0xdc00;
      this.unit += pair ? 2 : 1;
      this.point++;
    }
    return this.unit;
  }

  /** The code-point slice `[start, end)`, or null when it runs past the text. */
  slice(start: number, end: number): string | null {
    const s = this.unitAt(start);
    if (s < 0) return null;
    const e = this.unitAt(end);
    if (e < 0) return null;
    return this.text.slice(s, e);
  }
}

/** Escapes a string for XML attribute values and text. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}
