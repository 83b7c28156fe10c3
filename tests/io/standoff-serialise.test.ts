import { describe, expect, it } from 'vitest';
import { STANDOFF_SCHEMA, serialiseStandoff, type StandoffAnnotation, type StandoffDocument } from '../../src/io/standoff.js';

const text = 'زار بغداد "وفد" من {"id":"x"} 😀';
const record = (i: number, extra: Partial<StandoffAnnotation> = {}): StandoffAnnotation => ({ id: `T${i}`, label: 'GPE', start: 4, end: 9, text: 'بغداد', value: { id: 'gpe.city.IQ.baghdad', name: 'بغداد' }, source: 'places:gazetteer', confidence: 0.95, status: 'auto', ...extra });
const doc = (annotations: StandoffAnnotation[]): StandoffDocument => ({
  schema: STANDOFF_SCHEMA,
  doc: { id: 'd', sha256: '0', length: [...text].length, language: null },
  pipeline: { version: '0', config_sha256: '0', stages: [] },
  sentences: [{ start: 0, end: 10 }],
  annotations,
});

describe('serialiseStandoff, pretty', () => {
  it.each([
    ['plain records', [record(1), record(2), record(3)]],
    ['one record', [record(1)]],
    // Strings holding the boundary text and quotes are escaped, so they cannot split a record.
    ['strings like a boundary', [record(1, { note: '},{"id":"T9"' }), record(2, { text: '"}' })]],
    // A value holding records keyed `id` first does: the writer falls back to a record at a time.
    ['a value with an array of id-first objects', [record(1, { value: [{ id: 'a' }, { id: 'b' }] }), record(2)]],
  ])('%s: one record a line, and the file parses back to the document', (_name, annotations) => {
    const standoff = doc(annotations);
    const json = serialiseStandoff(standoff, true);
    expect(JSON.parse(json)).toEqual(standoff);
    const lines = json.split('\n');
    const start = lines.indexOf('  "annotations": [');
    const recordLines = lines.slice(start + 1, start + 1 + annotations.length);
    expect(recordLines.map((l) => JSON.parse(l.trim().replace(/,$/, '')))).toEqual(annotations);
    expect(lines[start + 1 + annotations.length]).toBe('  ]');
  });
});
