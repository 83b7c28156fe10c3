#!/usr/bin/env node
// Turns the JSON report of `npm run -s bench > bench.json` into the README's Markdown table.
// Usage: node scripts/bench-table.mjs bench.json
import { readFileSync } from 'node:fs';

const b = JSON.parse(readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8'));
const rows = [];
const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));
for (const [name, r] of Object.entries(b.stages)) rows.push(`| ${name} | ${fmt(r.mb_per_s)} | ${(r.tokens_per_s / 1e6).toFixed(1)} M |`);
for (const [name, r] of Object.entries(b.groups)) rows.push(`| **${name}** | **${fmt(r.mb_per_s)}** | ${(r.tokens_per_s / 1e6).toFixed(1)} M |`);
for (const [name, r] of Object.entries(b.batch ?? {})) rows.push(`| \`tawsim run\` on one JSONL file, ${name} (reading, ${b.corpus.documents.toLocaleString('en')} files written) | ${fmt(r.mb_per_s)} | ${r.seconds} s |`);
console.log(`${b.corpus.documents.toLocaleString('en')} documents, ${b.corpus.mb} MB, ${b.corpus.tokens.toLocaleString('en')} tokens, ${b.corpus.annotations.toLocaleString('en')} annotations; ${b.machine.cores}-core ${b.machine.cpu}, Node ${b.machine.node}; median of ${b.runs} runs; pipeline load ${Math.round(b.pipeline_load_ms)} ms; peak RSS ${b.memory_rss_mb} MB.\n`);
console.log('| stage or group | MB/s | tokens/s (or time) |\n| --- | ---: | ---: |');
console.log(rows.join('\n'));
