/**
 * Helpers for the numbers and money tests: run the pipeline up to the money stage and
 * list what it found as `[label, surface, value]` (plus qualifier when asked).
 */
import type { ConfigInput } from '../../src/core/config.js';
import type { Annotation } from '../../src/core/document.js';
import { pipelineOf, run } from '../helpers.js';

export const LABELS = new Set(['CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY', 'CURR']);

type StageEntry = ConfigInput['stages'][number];

/** A pipeline with the numbers and money stages and the given options. */
export function numbersPipeline(numbers: Record<string, unknown> = {}, money: Record<string, unknown> = {}, nested = false) {
  const stages: StageEntry[] = ['normalise', 'tokenise', 'sentences', { stage: 'numbers', options: numbers }, { stage: 'money', options: money }];
  return pipelineOf(stages, { nested });
}

const defaultPipeline = numbersPipeline();

/** The number and money annotations of `text`. */
export function annotations(text: string, pipeline = defaultPipeline): Annotation[] {
  return run(pipeline, text).annotations.filter((a) => LABELS.has(a.label));
}

/** `[label, surface, value]` of every number and money annotation. */
export function tag(text: string, pipeline = defaultPipeline): [string, string, unknown][] {
  return annotations(text, pipeline).map((a) => [a.label, text.slice(a.start, a.end), a.value]);
}

/** Like `tag`, with the qualifier (or null). */
export function tagQualified(text: string, pipeline = defaultPipeline): [string, string, unknown, unknown][] {
  return annotations(text, pipeline).map((a) => [a.label, text.slice(a.start, a.end), a.value, a.qualifier ?? null]);
}
