/**
 * The pipeline's own tokens for token-based exports: the config's normalise and tokenise
 * stages, and nothing else (no gazetteer is loaded), run on the original text. The
 * tokens are then those a run with that config produced.
 */
import type { ResolvedConfig } from '../../core/config.js';
import { Doc } from '../../core/document.js';
import { ConfigError } from '../../core/errors.js';
import { Pipeline } from '../../core/pipeline.js';
import type { StageDefinition } from '../../core/stage.js';
import type { TokenTable } from '../../core/tokens.js';
import { normaliseOptions, normaliseStage } from '../../stages/normalise.js';
import { tokeniseOptions, tokeniseStage } from '../../stages/tokenise.js';

/** Tokens of a text, as the pipeline makes them. */
export type Tokeniser = (text: string) => TokenTable;

const REGISTRY: Readonly<Record<string, StageDefinition>> = { normalise: normaliseStage, tokenise: tokeniseStage };

/**
 * A tokeniser from a resolved config: its normalise and tokenise stages with their
 * options. Throws a ConfigError when the config has no tokenise stage.
 */
export function createTokeniser(config: ResolvedConfig): Tokeniser {
  const stages = config.stages.filter((s) => s.name in REGISTRY);
  if (!stages.some((s) => s.name === 'tokenise')) {
    throw new ConfigError(`The configuration in ${config.origin} has no tokenise stage, so token-based exports (conll, jsonl) cannot be made.`);
  }
  const pipeline = new Pipeline({ ...config, stages, labels: {}, nested: true }, REGISTRY);
  return (text: string) => {
    const doc = new Doc('export', text);
    const result = pipeline.process(doc);
    if (!result.ok || doc.tokens === null) throw new Error(`tokenisation failed: ${result.error ?? 'no tokens'}`);
    return doc.tokens;
  };
}

let defaultTokeniser: Tokeniser | null = null;

/** The tokeniser of the built-in defaults (normalise and tokenise with default options). */
export function getDefaultTokeniser(): Tokeniser {
  defaultTokeniser ??= createTokeniser({
    stages: [
      { name: 'normalise', options: normaliseOptions.parse({}) as Record<string, unknown>, path: 'stages[0]' },
      { name: 'tokenise', options: tokeniseOptions.parse({}) as Record<string, unknown>, path: 'stages[1]' },
    ],
    nested: true,
    labels: {},
    output: { formats: ['json'], includeText: false, pretty: true },
    run: { concurrency: 1, maxDocumentBytes: 1 << 30, legacyEncodings: true, check: false },
    baseDir: process.cwd(),
    origin: 'built-in defaults',
    sha256: '',
  });
  return defaultTokeniser;
}
