/**
 * What the places and organisations stages load at creation: gazetteer files, demonyms,
 * rule lists, compiled into one vocabulary so one look-up pass serves every rule.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { StageContext } from '../../core/stage.js';
import { resolveDataFiles } from './data-files.js';
import { loadDemonyms, type NisbaForm } from './demonyms.js';
import { compilePhraseIndex, nameTokeniser, type PhraseIndex } from './phrase-index.js';
import { registerAttributes, sharedVocabulary } from '../token-lookup.js';
import type { TokenVocabulary } from '../../core/token-trie.js';
import { loadRuleLexicon, type RuleLexicon } from './rules-data.js';
import { WordRoles } from './word-roles.js';

/** Rule list files; `builtin:` paths are under gazetteers/. */
export const ruleFilesOption = z
  .strictObject({
    placeTriggers: z.string().default('builtin:rules/place-triggers.tsv'),
    organisationTriggers: z.string().default('builtin:rules/organisation-triggers.tsv'),
    directions: z.string().default('builtin:rules/directions.tsv'),
    organisationAdjectives: z.string().default('builtin:rules/organisation-adjectives.tsv'),
    functionWords: z.string().default('builtin:rules/function-words.tsv'),
    commonWords: z.string().default('builtin:rules/common-words.tsv'),
    personCues: z.string().default('builtin:rules/person-cues.tsv'),
    sportsCues: z.string().default('builtin:rules/sports-cues.tsv'),
    placeNameHeads: z.string().default('builtin:rules/place-name-heads.tsv'),
  })
  .default({
    placeTriggers: 'builtin:rules/place-triggers.tsv',
    organisationTriggers: 'builtin:rules/organisation-triggers.tsv',
    directions: 'builtin:rules/directions.tsv',
    organisationAdjectives: 'builtin:rules/organisation-adjectives.tsv',
    functionWords: 'builtin:rules/function-words.tsv',
    commonWords: 'builtin:rules/common-words.tsv',
    personCues: 'builtin:rules/person-cues.tsv',
    sportsCues: 'builtin:rules/sports-cues.tsv',
    placeNameHeads: 'builtin:rules/place-name-heads.tsv',
  });
export type RuleFilesOption = z.output<typeof ruleFilesOption>;

/** The per-document look-up, shared with the numbers and money stages (see ../token-lookup.ts). */
export { documentLookup } from '../token-lookup.js';

/** Everything a gazetteer stage compiled at creation. */
export interface GazetteerSetup {
  index: PhraseIndex;
  vocabulary: TokenVocabulary;
  roles: WordRoles;
  lexicon: RuleLexicon;
  demonyms: Map<string, NisbaForm[]>;
  tokenise: (s: string) => string[];
  /** Files actually loaded, for messages and tests. */
  files: string[];
  /** Milliseconds spent loading and compiling. */
  loadMs: number;
}

/**
 * Loads gazetteer files (globs allowed), demonym files and rule lists. Demonym files are
 * left out of the gazetteer list even when a glob (`builtin:places/*.jsonl`) picks them
 * up, since they have their own format.
 */
export function setUpGazetteer(
  gazetteers: readonly string[],
  demonymFiles: readonly string[],
  rules: RuleFilesOption,
  context: StageContext,
): GazetteerSetup {
  const t0 = performance.now();
  const tokenise = nameTokeniser(context.normalise);
  const demonymPaths = demonymFiles.flatMap((spec) => resolveDataFiles(spec, context));
  const skip = new Set(demonymPaths.map((p) => resolve(p)));
  const files = [...new Set(gazetteers.flatMap((spec) => resolveDataFiles(spec, context)))].filter((p) => !skip.has(resolve(p)));
  const vocabulary = sharedVocabulary(context);
  const index = compilePhraseIndex(files, tokenise, vocabulary);
  const one = (spec: string) => resolveDataFiles(spec, context)[0]!;
  const ruleFiles = {
    placeTriggers: one(rules.placeTriggers),
    organisationTriggers: one(rules.organisationTriggers),
    directions: one(rules.directions),
    organisationAdjectives: one(rules.organisationAdjectives),
    functionWords: one(rules.functionWords),
    commonWords: one(rules.commonWords),
    personCues: one(rules.personCues),
    sportsCues: one(rules.sportsCues),
    placeNameHeads: one(rules.placeNameHeads),
  };
  // Stages of one pipeline with the same rule and demonym files share one WordRoles, so
  // the document look-up computes their role bits once for both (registerAttributes).
  const key = JSON.stringify([ruleFiles, demonymPaths]);
  let byKey = wordRoles.get(vocabulary);
  if (byKey === undefined) {
    byKey = new Map();
    wordRoles.set(vocabulary, byKey);
  }
  let words = byKey.get(key);
  if (words === undefined) {
    const demonyms = loadDemonyms(demonymPaths, tokenise);
    const lexicon = loadRuleLexicon(ruleFiles, context.normalise);
    words = { lexicon, demonyms, roles: new WordRoles(vocabulary, lexicon, demonyms) };
    byKey.set(key, words);
  }
  registerAttributes(vocabulary, words.roles, index.trie);
  return { index, vocabulary, roles: words.roles, lexicon: words.lexicon, demonyms: words.demonyms, tokenise, files, loadMs: performance.now() - t0 };
}

/** Rule words of a pipeline's vocabulary, by their files (see setUpGazetteer). */
const wordRoles = new WeakMap<TokenVocabulary, Map<string, { lexicon: RuleLexicon; demonyms: Map<string, NisbaForm[]>; roles: WordRoles }>>();
