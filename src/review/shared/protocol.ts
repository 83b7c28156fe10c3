/**
 * The review page's HTTP API, shared by the server and the page. Offsets on the wire are
 * code points, as in standoff files; the page converts them (see `code-units.ts`).
 *
 * ```
 * GET  /api/documents                      -> DocumentList
 * GET  /api/document?id=<id>               -> DocumentPayload     (ETag: the revision)
 * POST /api/document/decisions?id=<id>     -> DecisionResult      (If-Match: the revision)
 *      body: Decision                          409 when the file changed since that revision
 * ```
 */

/** Review states of SPEC.md. */
export type ReviewStatus = 'auto' | 'accepted' | 'rejected' | 'edited' | 'added';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['auto', 'accepted', 'rejected', 'edited', 'added'];

/** The labels of SPEC.md, in its order; the page offers them on keys 1, 2, ... */
export const SPEC_LABELS: readonly string[] = ['CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY', 'CURR', 'GPE', 'LOC', 'ORG', 'DATE', 'PERS', 'NORP'];

/** A label name: upper-case ASCII, as the config's label mapping requires. */
export const LABEL_PATTERN = /^[A-Z][A-Z0-9_-]{0,31}$/;

/** What a pipeline suggested before a person edited it (kept for audit and for re-runs). */
export interface OriginalSpan {
  label: string;
  start: number;
  end: number;
  text: string;
}

/** One annotation as the standoff file holds it (code points). */
export interface AnnotationRecord {
  id: string;
  label: string;
  start: number;
  end: number;
  text: string;
  value?: unknown;
  source: string;
  confidence: number;
  status: ReviewStatus;
  note?: string;
  /** Who decided, and when (ISO 8601), for every status but `auto`. */
  reviewed_by?: string;
  reviewed_at?: string;
  /** The automatic suggestion an `edited` annotation started from. */
  original?: OriginalSpan;
  [extra: string]: unknown;
}

/** One line of the document list. */
export interface DocumentSummary {
  id: string;
  /** Length in code points (0 when unreadable). */
  length: number;
  annotations: number;
  labels: Record<string, number>;
  statuses: Partial<Record<ReviewStatus, number>>;
  /** Annotations with a human decision (any status but `auto`). */
  reviewed: number;
  /** Decisions that a re-run could not re-anchor. */
  unanchored: number;
  /** Why the document cannot be reviewed (unreadable file, text not found). */
  error?: string;
}

export interface DocumentList {
  dir: string;
  user: string;
  /** Labels offered for relabelling, in key order. */
  labels: string[];
  documents: DocumentSummary[];
}

export interface DocumentPayload {
  id: string;
  /** Opaque version of the file; send it back in If-Match. */
  revision: string;
  text: string;
  /** Length in code points. */
  length: number;
  language: string | null;
  source: string | null;
  annotations: AnnotationRecord[];
  unanchored: AnnotationRecord[];
  sentences: { start: number; end: number }[];
  /** Token edges as code point pairs `[start0, end0, start1, end1, ...]`. */
  tokens: number[];
  labels: string[];
  user: string;
}

/** One decision. Spans are code points and carry the surface they expect to cover. */
export type Decision =
  | { op: 'status'; id: string; status: 'accepted' | 'rejected' }
  | { op: 'edit'; id: string; label: string; start: number; end: number; text: string }
  | { op: 'add'; label: string; start: number; end: number; text: string }
  /** Undo: put an annotation back exactly as it was (re-inserting it if it was removed). */
  | { op: 'restore'; annotation: AnnotationRecord }
  /** Undo of an `add`: only `added` annotations can be removed. */
  | { op: 'remove'; id: string };

export interface DecisionResult {
  revision: string;
  /** The annotation as saved (absent after `remove`). */
  annotation?: AnnotationRecord;
  /** Id of the annotation the decision touched. */
  id: string;
  /** True when the decision removed the annotation (remove, or rejecting an `added` one). */
  removed: boolean;
}

/** Error body of every non-2xx answer. */
export interface ApiError {
  error: string;
  /** For 409: the revision the file has now. */
  revision?: string;
}
