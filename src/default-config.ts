import type { ConfigInput } from './core/config.js';

/**
 * The pipeline used when there is no `pipeline.config.json` in the working folder and no
 * `--config`. The repository's own `pipeline.config.json` spells the same pipeline out
 * with every option, as a starting point for users.
 */
export const DEFAULT_CONFIG: ConfigInput = {
  stages: ['normalise', 'language', 'tokenise', 'sentences', 'numbers', 'money', 'dates', 'places', 'organisations', 'latin-entities', 'norp', 'persons'],
};
