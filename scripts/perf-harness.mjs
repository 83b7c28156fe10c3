// Profiling harness: runs the default pipeline over the benchmark corpus three times (after a warm-up),
// optionally with JSON output; use with node --cpu-prof. Usage: node scripts/perf-harness.mjs [--json]
import { loadConfig } from '../dist/core/config.js';
import { Doc } from '../dist/core/document.js';
import { Pipeline } from '../dist/core/pipeline.js';
import { DEFAULT_CONFIG } from '../dist/default-config.js';
import { STAGES } from '../dist/stages/index.js';
import { buildBenchCorpus } from '../dist/bench/corpus.js';
import { serialiseStandoff, toStandoff } from '../dist/io/standoff.js';

const config = loadConfig(STAGES, DEFAULT_CONFIG, undefined);
const docs = buildBenchCorpus({ anercorp: 'eval/anercorp-train.gold.jsonl', sample: 'corpus/000_2af77db84c8b7592.txt', targetBytes: 21e6 });
const pipeline = new Pipeline(config, STAGES);
for (const d of docs.slice(0, 200)) pipeline.process(new Doc(d.id, d.text));
const json = process.argv.includes('--json');
const t0 = performance.now();
for (let r = 0; r < 3; r++) for (const d of docs) { const doc = new Doc(d.id, d.text); pipeline.process(doc); if (json) serialiseStandoff(toStandoff(doc, { version: '0', configSha256: 'x', stages: pipeline.stageNames }, { includeText: false }), true); }
console.error('ms per pass', (performance.now() - t0) / 3);
