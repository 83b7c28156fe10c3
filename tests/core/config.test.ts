import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { STAGES } from '../../src/stages/index.js';

const resolve = (input: unknown) => resolveConfig(input, STAGES, 'test.json', process.cwd());
const problems = (input: unknown): string[] => {
  try {
    new Pipeline(resolve(input), STAGES);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('config', () => {
  it('fills defaults and hashes the resolved config', () => {
    const c = resolve({ stages: ['normalise', 'tokenise'] });
    expect(c.stages[0]!.options).toMatchObject({ diacritics: true, hamzaCarriers: false });
    expect(c.nested).toBe(false);
    expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(resolve({ stages: ['normalise', { stage: 'tokenise', options: {} }] }).sha256).toBe(c.sha256);
    expect(resolve({ stages: ['normalise', { stage: 'tokenise', options: { urls: false } }] }).sha256).not.toBe(c.sha256);
  });

  it('reports every problem at once, each with its JSON path', () => {
    expect(
      problems({
        stages: ['normalise', { stage: 'tokenise', options: { urls: 'yes', colour: 1 } }, 'lemmatise'],
        nestd: true,
        run: { concurrency: -1 },
      }),
    ).toEqual(expect.arrayContaining([
      'nestd: unknown key',
      expect.stringMatching(/^run\.concurrency: /),
    ]));
    expect(problems({ stages: ['normalise', { stage: 'tokenise', options: { urls: 'yes', colour: 1 } }, 'lemmatise'] })).toEqual([
      expect.stringMatching(/^stages\[1\]\.options\.urls: .*boolean/),
      'stages[1].options.colour: unknown key',
      expect.stringMatching(/^stages\[2\]: unknown stage "lemmatise" \(known: normalise, language, tokenise, sentences/),
    ]);
  });

  it('checks what every stage requires before any document is read', () => {
    expect(problems({ stages: ['sentences', 'tokenise'] })).toEqual([
      'stages[0]: stage "sentences" requires "tokens", which no earlier stage provides (put "tokenise" before it)',
      'stages[1]: stage "tokenise" requires "view", which no earlier stage provides (put "normalise" before it)',
    ]);
  });

  it('refuses a stage listed twice and a bad label mapping', () => {
    expect(problems({ stages: ['normalise', 'normalise'], labels: { GPE: 'loc' } })).toEqual([
      'stages[1]: stage "normalise" is listed twice',
      'labels.GPE: "loc" is not an upper-case label (or "" to drop it)',
    ]);
  });

  it('a disabled stage keeps its options checked but does not run', () => {
    const c = resolve({ stages: ['normalise', { stage: 'language', enabled: false, options: { tag: 'all' } }, 'tokenise'] });
    expect(c.stages.map((s) => s.name)).toEqual(['normalise', 'tokenise']);
  });

  it('loads the repository config, and the built-in defaults when there is none', () => {
    const repo = loadConfig(STAGES, DEFAULT_CONFIG);
    expect(repo.origin).toMatch(/pipeline\.config\.json$/);
    const empty = mkdtempSync(join(tmpdir(), 'tawsim-config-'));
    expect(loadConfig(STAGES, DEFAULT_CONFIG, undefined, empty).origin).toBe('built-in defaults');
  });

  it('names the file when it is not JSON or cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tawsim-config-'));
    writeFileSync(join(dir, 'bad.json'), '{ "stages": [');
    expect(() => loadConfig(STAGES, DEFAULT_CONFIG, 'bad.json', dir)).toThrow(/bad\.json is not valid JSON/);
    expect(() => loadConfig(STAGES, DEFAULT_CONFIG, 'missing.json', dir)).toThrow(/Cannot read the configuration file .*missing\.json: ENOENT/);
  });
});
