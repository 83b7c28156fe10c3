import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { STAGES } from '../../src/stages/index.js';

// The README's smaller-pipeline speed figures come from these files: each must load and
// keep the default pipeline's order, only with stages left out.
describe('scripts/bench-configs', () => {
  const defaults = loadConfig(STAGES, DEFAULT_CONFIG, 'pipeline.config.json').stages.map((s) => s.name);
  const files = readdirSync('scripts/bench-configs').filter((f) => f.endsWith('.config.json'));
  it('holds the three configs the README names', () => expect(files.sort()).toEqual(['foundation.config.json', 'numbers-money.config.json', 'places-organisations.config.json']));
  it.each(files)('%s loads and is the default pipeline with stages left out', (file) => {
    const names = loadConfig(STAGES, DEFAULT_CONFIG, `scripts/bench-configs/${file}`).stages.map((s) => s.name);
    expect(names.length).toBeLessThan(defaults.length);
    expect(defaults.filter((n) => names.includes(n))).toEqual(names);
  });
});
