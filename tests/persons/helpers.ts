import { resolveAnnotations } from '../../src/core/annotations.js';
import type { Annotation } from '../../src/core/document.js';
import { Doc } from '../../src/core/document.js';
import { checkDocument } from '../../src/core/invariants.js';
import type { Pipeline } from '../../src/core/pipeline.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { pipelineOf } from '../helpers.js';

/** The default pipeline (every stage, the shipped data), built once per test file. */
export function defaultPipeline(extra: Record<string, Record<string, unknown>> = {}): Pipeline {
  return pipelineOf(DEFAULT_CONFIG.stages.map((s) => (typeof s === 'string' && extra[s] !== undefined ? { stage: s, options: extra[s] } : s)));
}

/** Runs `pipeline` on `text`, checks every offset invariant, returns the document. */
export function runChecked(pipeline: Pipeline, text: string): Doc {
  const doc = new Doc('t', text);
  const r = pipeline.process(doc);
  if (!r.ok) throw new Error(r.error);
  doc.annotations = doc.annotations.map((a) => ({ ...a, text: text.slice(a.start, a.end) }));
  checkDocument(doc);
  return doc;
}

/** Surfaces of the annotations of `label`, in text order, as the output writes them (outermost only). */
export function surfaces(pipeline: Pipeline, text: string, label: string): string[] {
  const doc = runChecked(pipeline, text);
  return outermost(doc.annotations)
    .filter((a) => a.label === label)
    .map((a) => text.slice(a.start, a.end));
}

/** The annotations the standoff file would hold (outermost spans). */
export function outermost(annotations: Annotation[]): Annotation[] {
  return resolveAnnotations(annotations, { nested: false, labels: {} });
}

/** Marks and tatweel that must never open a span. */
export const MARK_OR_TATWEEL = /^[\p{M}\u0640]/u;
