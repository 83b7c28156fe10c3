import type { z } from 'zod';
import type { Doc } from './document.js';

/**
 * What a stage needs before it runs and what it leaves on the document. The pipeline
 * builder checks these for every stage before any document is read.
 */
export type Capability =
  | 'view' // doc.view is the normalised view
  | 'language' // doc.language is set
  | 'tokens' // doc.tokens is set
  | 'sentences' // doc.sentences is set
  | 'numbers' // CARDINAL, ORDINAL, PERCENT annotations
  | 'money' // MONEY and CURR annotations
  | 'places' // GPE and LOC annotations
  | 'organisations' // ORG annotations
  | (string & {});

/** Resources a stage may use while it compiles its data. */
export interface StageContext {
  /** Folder that relative data paths in options are resolved against (the config's). */
  baseDir: string;
  /** Folder holding the gazetteers shipped with tawsim. */
  dataDir: string;
  /**
   * The pipeline's normalise function for short strings (gazetteer entries), so data is
   * folded by the same code as the text. Identity when the pipeline has no normaliser.
   */
  normalise: (s: string) => string;
}

/** The per-document function a stage returns: synchronous, no I/O. */
export type StageFunction = (doc: Doc) => void;

/**
 * A pipeline component. `create` loads and compiles its data once; the function it
 * returns runs on every document.
 */
export interface StageDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  summary: string;
  requires: readonly Capability[];
  provides: readonly Capability[];
  /** Tagging stages are skipped on documents the language stage marked as not to tag. */
  tagger?: boolean;
  /** Options with defaults; must reject unknown keys (`z.strictObject`). */
  options: Schema;
  create(options: z.output<Schema>, context: StageContext): StageFunction;
  /**
   * For the normalise stage only: a string-to-string version used on data (gazetteers).
   */
  createStringNormaliser?(options: z.output<Schema>): (s: string) => string;
}

/** Declares a stage with its option type inferred from the schema. */
export function defineStage<Schema extends z.ZodType>(definition: StageDefinition<Schema>): StageDefinition<Schema> {
  return definition;
}
