/**
 * Applies one review decision to a standoff document, after checking it against the
 * text: the span is inside the text, sits on grapheme cluster edges, has no whitespace at
 * its ends, reads the surface the page expected, and the label is one the run knows.
 * Offsets are code points, as in files. Pure: the store does the I/O.
 */
import { z } from 'zod';
import { offsetConverter, type OffsetConverter } from '../core/offsets.js';
import type { StandoffAnnotation, StandoffDocument } from '../io/standoff.js';
import { isGraphemeBoundary } from './shared/graphemes.js';
import { LABEL_PATTERN, REVIEW_STATUSES, type AnnotationRecord, type Decision, type DecisionResult, type OriginalSpan } from './shared/protocol.js';

/** A decision the server refuses; `status` is the HTTP status to answer with. */
export class DecisionError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DecisionError';
  }
}

/** The longest span a person can add or edit to, in code points: longer than any entity. */
export const MAX_SPAN_CODE_POINTS = 1000;

const offset = z.number().int().min(0);
const label = z.string().regex(LABEL_PATTERN, 'an upper-case label such as GPE');
const annotationId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an annotation id such as T12');

const record = z.looseObject({
  id: annotationId,
  label,
  start: offset,
  end: offset,
  text: z.string(),
  source: z.string().max(200),
  confidence: z.number().min(0).max(1),
  status: z.enum(REVIEW_STATUSES as [string, ...string[]]),
});

const decisionSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('status'), id: annotationId, status: z.enum(['accepted', 'rejected']) }),
  z.strictObject({ op: z.literal('edit'), id: annotationId, label, start: offset, end: offset, text: z.string() }),
  z.strictObject({ op: z.literal('add'), label, start: offset, end: offset, text: z.string() }),
  z.strictObject({ op: z.literal('restore'), annotation: record }),
  z.strictObject({ op: z.literal('remove'), id: annotationId }),
]);

/** Parses a request body into a decision, or throws a 422 naming what is wrong. */
export function parseDecision(body: unknown): Decision {
  const parsed = decisionSchema.safeParse(body);
  if (parsed.success) return parsed.data as Decision;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'decision' : issue.path.join('.');
  throw new DecisionError(422, `invalid decision: ${where}: ${issue?.message ?? 'malformed'}`);
}

/** Who decides, when, and what may be decided. */
export interface DecisionContext {
  text: string;
  /** Labels a decision may use. */
  labels: ReadonlySet<string>;
  user: string;
  /** ISO 8601 time of the decision. */
  now: string;
}

interface Checked {
  cv: OffsetConverter;
  length: number;
}

/**
 * Checks a span given in code points against the text. `strict` adds the checks a person's
 * span must pass (cluster edges, no outer whitespace, not too long); a restored pipeline
 * span only has to be in bounds and read its surface.
 */
function checkSpan(text: string, checked: Checked, start: number, end: number, surface: string, strict: boolean): void {
  if (!(start < end)) throw new DecisionError(422, `empty or reversed span [${start}, ${end})`);
  if (end > checked.length) throw new DecisionError(422, `span [${start}, ${end}) ends after the text (${checked.length} code points)`);
  const u16Start = checked.cv.toUtf16(start);
  const u16End = checked.cv.toUtf16(end);
  const reads = text.slice(u16Start, u16End);
  if (reads !== surface) throw new DecisionError(422, `span [${start}, ${end}) reads ${JSON.stringify(reads)}, not ${JSON.stringify(surface)}`);
  if (!strict) return;
  if (end - start > MAX_SPAN_CODE_POINTS) throw new DecisionError(422, `span [${start}, ${end}) is longer than ${MAX_SPAN_CODE_POINTS} code points`);
  if (/^\s|\s$/.test(surface)) throw new DecisionError(422, `span [${start}, ${end}) starts or ends with whitespace`);
  if (!isGraphemeBoundary(text, u16Start) || !isGraphemeBoundary(text, u16End)) {
    throw new DecisionError(422, `span [${start}, ${end}) cuts a character in two (a mark would leave its letter)`);
  }
}

function checkLabel(name: string, labels: ReadonlySet<string>): void {
  if (!labels.has(name)) throw new DecisionError(422, `unknown label ${name} (known: ${[...labels].join(', ')})`);
}

function compare(a: StandoffAnnotation, b: StandoffAnnotation): number {
  return a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** The next free `T<n>` id, counting the unanchored decisions too. */
function nextId(doc: StandoffDocument): string {
  let max = 0;
  for (const a of [...doc.annotations, ...(doc.unanchored ?? [])]) {
    const m = /^T(\d+)$/.exec(a.id);
    if (m !== null) max = Math.max(max, Number(m[1]));
  }
  return `T${max + 1}`;
}

function sameSpan(a: { label: string; start: number; end: number }, b: { label: string; start: number; end: number }): boolean {
  return a.label === b.label && a.start === b.start && a.end === b.end;
}

/**
 * Applies `decision` to a copy of `doc`. Rules:
 * - accept: `auto`/`rejected` become `accepted`; `edited` and `added` keep their status
 *   (they already are a person's span) with a fresh who/when.
 * - reject: an `added` span is removed; any other becomes `rejected`, on the pipeline's
 *   own span and label when it had been edited (a rejection is about the suggestion).
 * - edit: `added` stays `added`; any other becomes `edited` and remembers the suggestion
 *   in `original` (back to `accepted` when the edit returns to it). A changed span or label
 *   drops `value`, which described the suggestion; `original.value` keeps it.
 * - add: a new `added` span with source `review` and confidence 1.
 * - restore / remove: undo; the record is checked like any write.
 */
export function applyDecision(doc: StandoffDocument, decision: Decision, ctx: DecisionContext): { doc: StandoffDocument; result: Omit<DecisionResult, 'revision'> } {
  const checked: Checked = { cv: offsetConverter(ctx.text), length: 0 };
  checked.length = checked.cv.toCodePoint(ctx.text.length);
  const annotations = doc.annotations.map((a) => a);
  const index = 'id' in decision ? annotations.findIndex((a) => a.id === decision.id) : -1;
  const stamp = { reviewed_by: ctx.user, reviewed_at: ctx.now };
  const done = (next: StandoffAnnotation[], id: string, annotation: StandoffAnnotation | undefined) => {
    next.sort(compare);
    const result: Omit<DecisionResult, 'revision'> = { id, removed: annotation === undefined };
    if (annotation !== undefined) result.annotation = annotation as AnnotationRecord;
    return { doc: { ...doc, annotations: next }, result };
  };
  const current = (): StandoffAnnotation => {
    const a = annotations[index];
    if (a === undefined) throw new DecisionError(422, `no annotation ${'id' in decision ? decision.id : ''} in this document`);
    return a;
  };

  switch (decision.op) {
    case 'status': {
      const a = current();
      if (decision.status === 'accepted') {
        const status = a.status === 'edited' || a.status === 'added' ? a.status : 'accepted';
        const updated: StandoffAnnotation = { ...a, status, ...stamp };
        annotations[index] = updated;
        return done(annotations, a.id, updated);
      }
      if (a.status === 'added') {
        annotations.splice(index, 1);
        return done(annotations, a.id, undefined);
      }
      const { original, ...rest } = a as StandoffAnnotation & { original?: OriginalSpan & { value?: unknown } };
      const updated: StandoffAnnotation = original === undefined ? { ...rest, status: 'rejected', ...stamp } : restoreOriginal(rest, original, 'rejected', stamp);
      annotations[index] = updated;
      return done(annotations, a.id, updated);
    }
    case 'edit': {
      const a = current();
      checkLabel(decision.label, ctx.labels);
      checkSpan(ctx.text, checked, decision.start, decision.end, decision.text, true);
      const span = { label: decision.label, start: decision.start, end: decision.end, text: decision.text };
      if (a.status === 'added') {
        const updated = { ...a, ...span, ...stamp };
        annotations[index] = updated;
        return done(annotations, a.id, updated);
      }
      const { original: kept, ...rest } = a as StandoffAnnotation & { original?: OriginalSpan & { value?: unknown } };
      const original: OriginalSpan & { value?: unknown } = kept ?? {
        label: a.label,
        start: a.start,
        end: a.end,
        text: a.text,
        ...(a.value !== undefined ? { value: a.value } : {}),
      };
      let updated: StandoffAnnotation;
      if (sameSpan(span, original)) updated = restoreOriginal(rest, original, 'accepted', stamp);
      else {
        const { value: _dropped, ...withoutValue } = rest;
        updated = { ...withoutValue, ...span, status: 'edited', ...stamp, original };
      }
      annotations[index] = updated;
      return done(annotations, a.id, updated);
    }
    case 'add': {
      checkLabel(decision.label, ctx.labels);
      checkSpan(ctx.text, checked, decision.start, decision.end, decision.text, true);
      const twin = annotations.find((a) => sameSpan(a, decision));
      if (twin !== undefined) throw new DecisionError(422, `this span is already annotated ${decision.label} (${twin.id}); accept or edit that one`);
      const added: StandoffAnnotation = {
        id: nextId(doc),
        label: decision.label,
        start: decision.start,
        end: decision.end,
        text: decision.text,
        source: 'review',
        confidence: 1,
        status: 'added',
        ...stamp,
      };
      annotations.push(added);
      return done(annotations, added.id, added);
    }
    case 'restore': {
      const r = decision.annotation as StandoffAnnotation;
      checkSpan(ctx.text, checked, r.start, r.end, r.text, false);
      const original = r.original as OriginalSpan | undefined;
      if (original !== undefined) checkSpan(ctx.text, checked, original.start, original.end, original.text, false);
      const at = annotations.findIndex((a) => a.id === r.id);
      if (at === -1) {
        if ((doc.unanchored ?? []).some((a) => a.id === r.id)) throw new DecisionError(422, `annotation id ${r.id} is taken by an unanchored decision`);
        annotations.push(r);
      } else annotations[at] = r;
      return done(annotations, r.id, r);
    }
    case 'remove': {
      const a = current();
      if (a.status !== 'added') throw new DecisionError(422, `annotation ${a.id} is ${a.status}: only added annotations can be removed (reject it instead)`);
      annotations.splice(index, 1);
      return done(annotations, a.id, undefined);
    }
  }
}

function restoreOriginal(
  rest: StandoffAnnotation,
  original: OriginalSpan & { value?: unknown },
  status: 'accepted' | 'rejected',
  stamp: { reviewed_by: string; reviewed_at: string },
): StandoffAnnotation {
  const { value: _current, ...base } = rest;
  return {
    ...base,
    label: original.label,
    start: original.start,
    end: original.end,
    text: original.text,
    ...(original.value !== undefined ? { value: original.value } : {}),
    status,
    ...stamp,
  };
}
