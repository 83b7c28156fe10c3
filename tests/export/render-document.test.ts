import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/core/document.js';
import { renderDocumentOutputs } from '../../src/io/exporters/index.js';
import { ImportErrors } from '../../src/io/importers/records.js';
import { parseAnn } from '../../src/io/importers/brat.js';
import { toStandoff } from '../../src/io/standoff.js';
import { pipelineOf } from '../helpers.js';

const pipeline = pipelineOf(['normalise', 'tokenise', 'sentences']);

function standoffOf(text: string, spans: [string, string, string?][]) {
  const doc = new Doc('sub/doc-1', text, 'x.txt');
  pipeline.process(doc);
  for (const [surface, label, status] of spans) {
    const start = text.indexOf(surface);
    doc.annotations.push({ label, start, end: start + surface.length, source: 'test', confidence: 0.8, status: (status ?? 'auto') as 'auto' });
  }
  doc.annotations.sort((a, b) => a.start - b.start);
  return { doc, standoff: toStandoff(doc, { version: 't', configSha256: 'c', stages: pipeline.stageNames }, { includeText: false }) };
}

describe('per-document outputs for tawsim run --format', () => {
  const text = '😀 وصل الوفد إلى وبغداد\nمن مصرف الرافدين';
  const { doc, standoff } = standoffOf(text, [['بغداد', 'GPE'], ['الرافدين', 'ORG'], ['الوفد', 'ORG', 'rejected'], ['صرف', 'X']]);

  it('brat: <id>.txt and <id>.ann in code points, rejected left out', () => {
    const r = renderDocumentOutputs('brat', standoff, text);
    expect(r.files.map((f) => f.relativePath)).toEqual(['sub/doc-1.txt', 'sub/doc-1.ann']);
    expect(r.files[0]!.content).toBe(text);
    const back = parseAnn(r.files[1]!.content, text, 'sub/doc-1', 'x', new ImportErrors('x'), new Map());
    expect(back.entities.map((e) => [e.label, text.slice(e.start, e.end)])).toEqual([['GPE', 'بغداد'], ['X', 'صرف'], ['ORG', 'الرافدين']]);
    expect(r.problems).toEqual([]);
  });

  it('spacy: one line in code points', () => {
    const r = renderDocumentOutputs('spacy', standoff, text);
    expect(r.files.map((f) => f.relativePath)).toEqual(['sub/doc-1.spacy.jsonl']);
    const line = JSON.parse(r.files[0]!.content) as { entities: [number, number, string][] };
    expect(line.entities.map(([s, e, l]) => [l, [...text].slice(s, e).join('')])).toEqual([['GPE', 'بغداد'], ['X', 'صرف'], ['ORG', 'الرافدين']]);
  });

  it('conll: over the given tokens (or the default tokeniser), with problems listed for the manifest', () => {
    const withTokens = renderDocumentOutputs('conll', standoff, text, { tokens: doc.tokens! });
    const without = renderDocumentOutputs('conll', standoff, text);
    expect(without).toEqual(withTokens);
    expect(withTokens.files[0]!.relativePath).toBe('sub/doc-1.conll');
    expect(withTokens.files[0]!.content).toBe('# id = sub/doc-1\n😀\tO\nوصل\tO\nالوفد\tO\nإلى\tO\nوبغداد\tB-GPE\n\nمن\tO\nمصرف\tO\nالرافدين\tB-ORG\n\n');
    expect(withTokens.problems).toEqual(['T3 X [27, 30) "صرف": span starts inside a token, not after a proclitic (token "مصرف")']);
  });

  it('json: the standoff file itself', () => {
    const r = renderDocumentOutputs('json', standoff, text);
    expect(r.files[0]!.relativePath).toBe('sub/doc-1.json');
    expect(JSON.parse(r.files[0]!.content)).toEqual(JSON.parse(JSON.stringify(standoff)));
  });
});
