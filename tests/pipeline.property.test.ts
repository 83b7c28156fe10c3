/**
 * The offset contract of SPEC.md over the whole default pipeline, whatever stages it
 * holds: for random text, and for real Arabic sentences with emoji, diacritics, tatweel,
 * controls and CRLF spliced in, every written annotation is a code-point slice of the
 * original text equal to its surface, never starting with a mark.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { Doc } from '../src/core/document.js';
import { checkDocument } from '../src/core/invariants.js';
import { Pipeline } from '../src/core/pipeline.js';
import { DEFAULT_CONFIG } from '../src/default-config.js';
import { toStandoff } from '../src/io/standoff.js';
import { STAGES } from '../src/stages/index.js';
import { SEED, anyText, arabicishText } from './helpers.js';

const config = loadConfig(STAGES, DEFAULT_CONFIG, 'pipeline.config.json');
config.run.check = true;
const pipeline = new Pipeline({ ...config, nested: true }, STAGES);
const sample = readFileSync('corpus/000_2af77db84c8b7592.txt', 'utf8');
const sentences = sample.split(/(?<=[.؟!\n])/).filter((s) => s.trim().length > 20);
const INSERTS = ['😀', '👨‍👩‍👧 ', '\u064E', '\u0651', '\u0640', '\u200F', '\r\n', '\u00A0', '🇸🇦', ' ', 'ـ', '\uFEFB'];

/** A real sentence with random insertions (at letter boundaries and anywhere). */
const splicedSentence = fc
  .tuple(fc.constantFrom(...sentences), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INSERTS)), { maxLength: 6 }))
  .map(([s, inserts]) => {
    let text = s;
    for (const [at, piece] of inserts) {
      const i = at % (text.length + 1);
      // Never split a surrogate pair of an emoji already inserted.
      const code = text.charCodeAt(i);
      const j = code >= 0xdc00 && code <= 0xdfff ? i + 1 : i;
      text = text.slice(0, j) + piece + text.slice(j);
    }
    return text;
  });

function assertContract(text: string): void {
  const doc = new Doc('p', text);
  const result = pipeline.process(doc);
  expect(result.ok, result.error).toBe(true);
  for (const a of doc.annotations) a.text = text.slice(a.start, a.end);
  checkDocument(doc);
  const standoff = toStandoff(doc, { version: 't', configSha256: 't', stages: pipeline.stageNames }, { includeText: true });
  const points = [...text];
  for (const a of standoff.annotations) {
    expect(points.slice(a.start, a.end).join('')).toBe(a.text);
    expect(a.text).not.toMatch(/^[\p{M}\u0640\s]/u);
    expect(a.text).not.toMatch(/\s$/u);
  }
}

describe('the offset contract over the whole default pipeline', () => {
  it('holds on the sample', () => {
    assertContract(sample);
  });

  it('holds on real sentences with emoji, marks, tatweel, controls and CRLF spliced in', () => {
    fc.assert(fc.property(splicedSentence, assertContract), { seed: SEED, numRuns: 300 });
  });

  it('holds on random text', () => {
    fc.assert(fc.property(fc.oneof(arabicishText, anyText), assertContract), { seed: SEED, numRuns: 300 });
  });
});
