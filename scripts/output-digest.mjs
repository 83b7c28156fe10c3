#!/usr/bin/env node
// Digest of the pipeline's output over the benchmark corpus and ANERcorp's training text:
// a refactoring or speed-up that must not change any annotation keeps this digest.
// Usage: npm run build && node scripts/output-digest.mjs [--size MB]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildBenchCorpus } from '../dist/bench/corpus.js';
import { loadConfig } from '../dist/core/config.js';
import { Doc } from '../dist/core/document.js';
import { Pipeline } from '../dist/core/pipeline.js';
import { DEFAULT_CONFIG } from '../dist/default-config.js';
import { serialiseStandoff, toStandoff } from '../dist/io/standoff.js';
import { STAGES } from '../dist/stages/index.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '21' } } });
const config = loadConfig(STAGES, DEFAULT_CONFIG, undefined);
const pipeline = new Pipeline(config, STAGES);
const info = { version: '0', configSha256: 'digest', stages: pipeline.stageNames };
const sets = {
  bench: buildBenchCorpus({ anercorp: 'eval/anercorp-train.gold.jsonl', sample: 'corpus/000_2af77db84c8b7592.txt', targetBytes: Number(values.size) * 1e6 }),
  anercorp: readFileSync('eval/anercorp-train.gold.jsonl', 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)),
};
for (const [name, docs] of Object.entries(sets)) {
  const hash = createHash('sha256');
  const labels = {};
  for (const d of docs) {
    const doc = new Doc(d.id, d.text);
    pipeline.process(doc);
    hash.update(serialiseStandoff(toStandoff(doc, info, { includeText: false }), true));
    for (const a of doc.annotations) labels[a.label] = (labels[a.label] ?? 0) + 1;
  }
  console.log(`${name}: ${docs.length} docs, sha256 ${hash.digest('hex').slice(0, 16)}, ${JSON.stringify(labels)}`);
}
