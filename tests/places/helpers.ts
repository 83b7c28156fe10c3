import type { ConfigInput } from '../../src/core/config.js';
import { Doc } from '../../src/core/document.js';
import { checkDocument } from '../../src/core/invariants.js';
import type { Pipeline } from '../../src/core/pipeline.js';
import { pipelineOf } from '../helpers.js';

export const FIXTURES = 'tests/places/fixtures';

/** A pipeline whose places and organisations stages read the small fixture gazetteers. */
export function fixturePipeline(places: Record<string, unknown> = {}, organisations: Record<string, unknown> = {}, latin = false): Pipeline {
  const stages: ConfigInput['stages'] = [
    'normalise',
    'language',
    'tokenise',
    'sentences',
    { stage: 'places', options: { gazetteers: [`${FIXTURES}/places.jsonl`], demonyms: [`${FIXTURES}/demonyms.jsonl`], ...places } },
    { stage: 'organisations', options: { gazetteers: [`${FIXTURES}/organisations.jsonl`], demonyms: [`${FIXTURES}/demonyms.jsonl`], ...organisations } },
  ];
  if (latin) stages.push({ stage: 'latin-entities', options: { gazetteers: [`${FIXTURES}/places.jsonl`, `${FIXTURES}/organisations.jsonl`], exclude: [] } });
  return pipelineOf(stages);
}

/** One entity as the tests compare it: label, surface, and the gazetteer id (or null). */
export type Found = [label: string, surface: string, id?: string | null];

/** Runs `pipeline` on `text`, checks every offset invariant, returns the entities. */
export function entitiesOf(pipeline: Pipeline, text: string, withIds = false): Found[] {
  const doc = new Doc('t', text);
  const r = pipeline.process(doc);
  if (!r.ok) throw new Error(r.error);
  const withText = doc.annotations.map((a) => ({ ...a, text: text.slice(a.start, a.end) }));
  doc.annotations = withText;
  checkDocument(doc);
  return withText.map((a) => {
    const id = (a.value as { id?: string | null } | undefined)?.id;
    return withIds ? ([a.label, a.text, id ?? null] as Found) : ([a.label, a.text] as Found);
  });
}

/** Runs and returns the document (annotations, messages). */
export function runDoc(pipeline: Pipeline, text: string): Doc {
  const doc = new Doc('t', text);
  const r = pipeline.process(doc);
  if (!r.ok) throw new Error(r.error);
  return doc;
}
