import { describe, expect, it } from 'vitest';
import type { StandoffAnnotation, StandoffDocument } from '../../src/io/standoff.js';
import { applyDecision, DecisionError, parseDecision } from '../../src/review/operations.js';
import type { Decision } from '../../src/review/shared/protocol.js';
import { cpSpan } from './fixtures.js';

const TEXT = '😀 زار وفد الرِّياض ومدينة الموصل.';
const ctx = { text: TEXT, labels: new Set(['GPE', 'LOC', 'ORG']), user: 'u', now: '2026-01-01T00:00:00.000Z' };

function ann(id: string, label: string, surface: string, status: StandoffAnnotation['status'] = 'auto', extra: Partial<StandoffAnnotation> = {}): StandoffAnnotation {
  return { id, label, ...cpSpan(TEXT, surface), text: surface, source: 'gazetteer:places', confidence: 0.8, status, ...extra };
}

function docOf(annotations: StandoffAnnotation[], unanchored?: StandoffAnnotation[]): StandoffDocument {
  return {
    schema: 'tawsim.standoff/1',
    doc: { id: 'd', sha256: 'x', length: Array.from(TEXT).length, language: null },
    pipeline: { version: '0', config_sha256: 'x', stages: [] },
    sentences: [],
    annotations,
    ...(unanchored === undefined ? {} : { unanchored }),
  };
}

const apply = (doc: StandoffDocument, d: Decision) => applyDecision(doc, d, ctx);

describe('decision rules', () => {
  it.each([
    ['auto', 'accepted', 'accepted'],
    ['rejected', 'accepted', 'accepted'],
    ['edited', 'accepted', 'edited'],
    ['added', 'accepted', 'added'],
    ['auto', 'rejected', 'rejected'],
    ['accepted', 'rejected', 'rejected'],
  ] as const)('%s, then %s, is %s', (from, decided, expected) => {
    const { result, doc } = apply(docOf([ann('T1', 'GPE', 'الموصل', from)]), { op: 'status', id: 'T1', status: decided });
    expect(result.annotation?.status).toBe(expected);
    expect(doc.annotations[0]).toMatchObject({ status: expected, reviewed_by: 'u', reviewed_at: ctx.now });
  });

  it('removes an added annotation that is rejected', () => {
    const { result, doc } = apply(docOf([ann('T1', 'GPE', 'الموصل', 'added')]), { op: 'status', id: 'T1', status: 'rejected' });
    expect(result).toEqual({ id: 'T1', removed: true });
    expect(doc.annotations).toEqual([]);
  });

  it('edits an added annotation without making it edited', () => {
    const { result } = apply(docOf([ann('T1', 'GPE', 'الموصل', 'added')]), { op: 'edit', id: 'T1', label: 'LOC', ...cpSpan(TEXT, 'الموصل'), text: 'الموصل' });
    expect(result.annotation).toMatchObject({ status: 'added', label: 'LOC' });
    expect(result.annotation?.original).toBeUndefined();
  });

  it('keeps the first suggestion through several edits', () => {
    let doc = docOf([ann('T1', 'GPE', 'مدينة الموصل', 'auto', { value: { id: 'g:1', name: 'Mosul' } })]);
    doc = apply(doc, { op: 'edit', id: 'T1', label: 'GPE', ...cpSpan(TEXT, 'الموصل'), text: 'الموصل' }).doc;
    doc = apply(doc, { op: 'edit', id: 'T1', label: 'LOC', ...cpSpan(TEXT, 'الموصل'), text: 'الموصل' }).doc;
    expect(doc.annotations[0]).toMatchObject({ label: 'LOC', text: 'الموصل', status: 'edited', original: { label: 'GPE', text: 'مدينة الموصل', value: { id: 'g:1', name: 'Mosul' } } });
    expect(doc.annotations[0]!.value).toBeUndefined();
  });

  it('numbers a new annotation after every id, unanchored ones included', () => {
    const doc = docOf([ann('T1', 'GPE', 'الموصل')], [{ ...ann('T7', 'GPE', 'الموصل'), start: 400, end: 406 }]);
    const { result } = apply(doc, { op: 'add', label: 'GPE', ...cpSpan(TEXT, 'الرِّياض'), text: 'الرِّياض' });
    expect(result.id).toBe('T8');
  });

  it('keeps the annotations in reading order', () => {
    const { doc } = apply(docOf([ann('T1', 'GPE', 'الموصل')]), { op: 'add', label: 'GPE', ...cpSpan(TEXT, 'الرِّياض'), text: 'الرِّياض' });
    expect(doc.annotations.map((a) => a.text)).toEqual(['الرِّياض', 'الموصل']);
  });

  it('does not change the document it is given', () => {
    const doc = docOf([ann('T1', 'GPE', 'الموصل')]);
    const copy = JSON.parse(JSON.stringify(doc)) as StandoffDocument;
    apply(doc, { op: 'status', id: 'T1', status: 'rejected' });
    apply(doc, { op: 'edit', id: 'T1', label: 'LOC', ...cpSpan(TEXT, 'الموصل'), text: 'الموصل' });
    expect(doc).toEqual(copy);
  });

  it('refuses to restore onto an unanchored id', () => {
    const doc = docOf([], [{ ...ann('U1', 'GPE', 'الموصل'), start: 400, end: 406 }]);
    expect(() => apply(doc, { op: 'restore', annotation: { ...ann('U1', 'GPE', 'الموصل') } as never })).toThrow(/taken by an unanchored decision/);
  });
});

describe('parsing decisions', () => {
  it.each([
    [{ op: 'status', id: 'T1', status: 'accepted' }, true],
    [{ op: 'add', label: 'GPE', start: 1, end: 2, text: 'x' }, true],
    [{ op: 'add', label: 'GPE', start: '1', end: 2, text: 'x' }, false],
    [{ op: 'remove', id: '../T1' }, false],
    [{ op: 'restore', annotation: { id: 'T1', label: 'GPE', start: 0, end: 1, text: 'x', source: 's', confidence: 2, status: 'auto' } }, false],
    [null, false],
    ['status', false],
  ])('%j is %s', (body, ok) => {
    if (ok) expect(parseDecision(body)).toEqual(body);
    else expect(() => parseDecision(body)).toThrow(DecisionError);
  });
});
