import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointWalker, ExportReport, selectEntities, type ExportEntity, type SourceAnnotation } from '../../src/io/exporters/common.js';
import { outputStem, splitIndex, splitNames } from '../../src/io/exporters/export-run.js';
import { bratAnnotationConf, bratFragments, codePointSpans, labelStudioConfig, labelStudioTask, renderBrat, spacyLine, type PreparedDocument } from '../../src/io/exporters/formats.js';
import { ImportErrors } from '../../src/io/importers/records.js';
import { parseAnn } from '../../src/io/importers/brat.js';
import { SEED, anyText } from '../helpers.js';

function ent(text: string, surface: string, label: string, extra: Partial<ExportEntity> = {}, from = 0): ExportEntity {
  const start = text.indexOf(surface, from);
  if (start < 0) throw new Error(`"${surface}" not in text`);
  return { id: `T${start}`, label, start, end: start + surface.length, text: surface, confidence: 0.9, status: 'auto', source: 'test', ...extra };
}

const doc = (text: string, entities: ExportEntity[]): PreparedDocument => ({ id: 'doc-1', text, sentences: [{ start: 0, end: text.length }], entities, pipeline: { version: '0.1.0', config_sha256: 'abcdef0123456789', stages: [] } });

describe('code points in span formats', () => {
  // 🐱 is one code point and two UTF-16 units: every later offset differs by one.
  const text = '🐱 في بغداد\r\nو 👍🏽 الرياض';
  const d = doc(text, [ent(text, 'بغداد', 'GPE', { value: { id: 'gpe.city.IQ.baghdad' } }), ent(text, 'الرياض', 'GPE')]);

  it('spaCy: code-point offsets, checked against the text', () => {
    const line = JSON.parse(spacyLine(d, new ExportReport())) as { id: string; text: string; entities: [number, number, string][] };
    expect(line.entities).toEqual([[5, 10, 'GPE'], [17, 23, 'GPE']]);
    const cps = [...line.text];
    expect(line.entities.map(([s, e]) => cps.slice(s, e).join(''))).toEqual(['بغداد', 'الرياض']);
  });

  it('Label Studio: code points (its own test expects "test" at [21, 25) after an emoji), scores = confidence', () => {
    const labelStudioExample = '🐱 Warning: This is a test text';
    const ls = labelStudioTask(doc(labelStudioExample, [ent(labelStudioExample, 'test', 'X')]), new ExportReport()) as { predictions: { result: { value: { start: number; end: number } }[] }[] };
    expect(ls.predictions[0]!.result[0]!.value).toMatchObject({ start: 21, end: 25 });
    const task = labelStudioTask(d, new ExportReport()) as {
      data: { text: string; doc_id: string };
      predictions: { model_version: string; score: number; result: { id: string; from_name: string; to_name: string; type: string; value: { start: number; end: number; text: string; labels: string[] }; score: number }[] }[];
    };
    expect(task.data).toEqual({ text, doc_id: 'doc-1' });
    expect(task.predictions[0]).toMatchObject({ model_version: 'tawsim-0.1.0-abcdef012345', score: 0.9 });
    expect(task.predictions[0]!.result[0]).toEqual({ id: 'T6', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 5, end: 10, text: 'بغداد', labels: ['GPE'] }, score: 0.9 });
  });

  it('Label Studio config names every label and the fields the tasks use', () => {
    const xml = labelStudioConfig(['ORG', 'GPE', 'ORG']);
    expect(xml).toMatch(/<Labels name="label" toName="text">\s*<Label value="GPE"\/>\s*<Label value="ORG"\/>\s*<\/Labels>/);
    expect(xml).toMatch(/<Text name="text" value="\$text"/);
  });

  it('brat: code points, values as AnnotatorNotes, and the .ann reads back', () => {
    const report = new ExportReport();
    const { txt, ann } = renderBrat(d, report);
    expect(txt).toBe(text);
    expect(ann).toBe('T1\tGPE 5 10\tبغداد\n#1\tAnnotatorNotes T1\t{"id":"gpe.city.IQ.baghdad"}\nT2\tGPE 17 23\tالرياض\n');
    const back = parseAnn(ann, txt, 'doc-1', 'x.ann', new ImportErrors('x'), new Map());
    expect(back.entities).toEqual([
      { start: d.entities[0]!.start, end: d.entities[0]!.end, label: 'GPE', value: { id: 'gpe.city.IQ.baghdad' } },
      { start: d.entities[1]!.start, end: d.entities[1]!.end, label: 'GPE' },
    ]);
  });

  it('brat: a surface with line breaks becomes a discontinuous span', () => {
    expect(bratFragments('شمال\nسوريا', 10)).toEqual([[10, 14], [15, 20]]);
    expect(bratFragments('a\r\nb', 0)).toEqual([[0, 1], [3, 4]]);
    expect(bratFragments('😀\n\nب', 3)).toEqual([[3, 4], [6, 7]]);
    const t = 'في شمال\r\nسوريا اليوم';
    const { ann } = renderBrat(doc(t, [ent(t, 'شمال\r\nسوريا', 'LOC')]), new ExportReport());
    expect(ann).toBe('T1\tLOC 3 7;9 14\tشمال سوريا\n');
    // brat's grammar: id, type and fragments, surface; no line break inside.
    for (const line of ann.trim().split('\n')) expect(line).toMatch(/^T\d+\t[A-Z][A-Z0-9_-]* \d+ \d+(;\d+ \d+)*\t[^\n\r\t]*$/);
    const back = parseAnn(ann, t, 'd', 'x.ann', new ImportErrors('x'), new Map());
    expect(back.entities).toEqual([{ start: 3, end: 14, label: 'LOC' }]);
  });

  it('brat: annotation.conf has the four sections, overlaps allowed only when kept', () => {
    const conf = bratAnnotationConf(['ORG', 'GPE'], false);
    expect(conf.split('\n').filter((l) => l.startsWith('['))).toEqual(['[entities]', '[relations]', '[events]', '[attributes]']);
    expect(conf).toMatch(/\[entities\]\nGPE\nORG\n/);
    expect(conf).not.toMatch(/<OVERLAP>/);
    expect(bratAnnotationConf(['GPE'], true)).toMatch(/<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>/);
  });

  it('reports a span that does not read back in code points instead of writing it', () => {
    const t = 'a😀b';
    // A span cutting the emoji's surrogate pair cannot be written in code points.
    const bad: ExportEntity = { id: 'T1', label: 'X', start: 1, end: 2, text: t.slice(1, 2), confidence: 1, status: 'auto', source: 's' };
    const report = new ExportReport();
    expect(codePointSpans(doc(t, [bad]), report)).toEqual([]);
    expect([...report.problems]).toEqual([['offset-check-failed', 1]]);
    expect(JSON.parse(spacyLine(doc(t, [bad]), new ExportReport())).entities).toEqual([]);
  });

  it('the code-point walker agrees with [...text] in both directions (fast-check)', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 10 }), (text, spans) => {
        const walker = new CodePointWalker(text);
        const cps = [...text];
        for (const [a, b] of spans) {
          const [s, e] = a <= b ? [a, b] : [b, a];
          const got = walker.slice(s, e);
          expect(got).toBe(e > cps.length ? null : cps.slice(s, e).join(''));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('which annotations go out', () => {
  const text = '601 مليون دولار في العراق وبغداد';
  const a = (surface: string, label: string, status: SourceAnnotation['status'] = 'auto', confidence = 1): SourceAnnotation => {
    const e = ent(text, surface, label, { status, confidence });
    return { id: e.id, label, start: e.start, end: e.end, text: surface, confidence, status, source: 's' };
  };
  const all = [a('601 مليون دولار', 'MONEY'), a('601 مليون', 'CARDINAL'), a('مليون دولار في', 'X', 'auto', 0.5), a('العراق', 'GPE', 'accepted'), a('بغداد', 'GPE', 'rejected'), a('دولار', 'CURR', 'added')];
  const labels = (es: ExportEntity[]) => es.map((e) => `${e.label}:${e.text}`);

  it('outermost by default: nested and losing crossing spans are counted, rejected never exported', () => {
    const report = new ExportReport();
    expect(labels(selectEntities(all, {}, report))).toEqual(['MONEY:601 مليون دولار', 'GPE:العراق']);
    expect(Object.fromEntries(report.policy)).toEqual({ status: 1, nested: 2, crossing: 1 });
  });

  it('keep nesting, status filter, label mapping and filtering', () => {
    const report = new ExportReport();
    const kept = selectEntities(all, { nesting: 'keep', statuses: ['accepted', 'edited', 'added'] }, report);
    expect(labels(kept)).toEqual(['CURR:دولار', 'GPE:العراق']);
    expect(report.policy.get('status')).toBe(4);
    const mapped = selectEntities(all, { mappings: [{ GPE: 'LOC' }, { LOC: 'PLACE', CARDINAL: '' }], labels: ['PLACE', 'MONEY'], nesting: 'keep' }, new ExportReport());
    expect(labels(mapped)).toEqual(['MONEY:601 مليون دولار', 'PLACE:العراق']);
  });
});

describe('train/dev/test split', () => {
  it('is deterministic and close to the asked proportions', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `doc-${i}`);
    const parts = ids.map((id) => splitIndex(id, [80, 10, 10]));
    expect(ids.map((id) => splitIndex(id, [80, 10, 10]))).toEqual(parts);
    const share = (k: number) => parts.filter((p) => p === k).length / ids.length;
    expect(share(0)).toBeGreaterThan(0.77);
    expect(share(0)).toBeLessThan(0.83);
    expect(share(1)).toBeGreaterThan(0.08);
    expect(share(2)).toBeGreaterThan(0.08);
    // Adding documents never moves the others.
    expect(splitIndex('doc-7', [80, 10, 10])).toBe(parts[7]);
    expect(splitIndex('x', [100])).toBe(0);
    expect(splitNames(3)).toEqual(['train', 'dev', 'test']);
    expect(splitNames(2)).toEqual(['train', 'test']);
  });

  it('names outputs after the stem', () => {
    expect(outputStem('data/ner.conll', 'conll')).toEqual({ stem: 'data/ner', ext: '.conll' });
    expect(outputStem('data/ner', 'jsonl')).toEqual({ stem: 'data/ner', ext: '.jsonl' });
    expect(outputStem('out/brat/', 'brat')).toEqual({ stem: 'out/brat', ext: '' });
    expect(outputStem('tasks.json', 'labelstudio')).toEqual({ stem: 'tasks', ext: '.json' });
  });
});
