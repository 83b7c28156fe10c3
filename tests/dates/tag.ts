/**
 * Helpers for the dates tests: run the pipeline up to the dates stage (with numbers and
 * money before it, as in the default pipeline) and list the DATEs as `[surface, value]`.
 */
import type { ConfigInput } from '../../src/core/config.js';
import type { Annotation } from '../../src/core/document.js';
import { pipelineOf, run } from '../helpers.js';

type StageEntry = ConfigInput['stages'][number];

/** A pipeline ending with the dates stage and the given options. */
export function datesPipeline(options: Record<string, unknown> = {}, nested = false) {
  const stages: StageEntry[] = ['normalise', 'tokenise', 'sentences', 'numbers', 'money', { stage: 'dates', options }];
  return pipelineOf(stages, { nested });
}

const defaultPipeline = datesPipeline();

/** The DATE annotations of `text`. */
export function dates(text: string, pipeline = defaultPipeline): Annotation[] {
  return run(pipeline, text).annotations.filter((a) => a.label === 'DATE');
}

/** `[surface, value]` of every DATE of `text`. */
export function tagDates(text: string, pipeline = defaultPipeline): [string, unknown][] {
  return dates(text, pipeline).map((a) => [text.slice(a.start, a.end), a.value]);
}
