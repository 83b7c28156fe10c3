/**
 * Documents read back for evaluation. Offsets are UTF-16 into `text` once read (files
 * count code points; readers convert and check every surface they are given).
 */
import type { TagScheme } from './iob.js';

/** One entity of gold or predictions. */
export interface EvalEntity {
  start: number;
  end: number;
  label: string;
  value?: unknown;
}

/** A document with its text and entities. */
export interface TextDocument {
  kind: 'text';
  id: string;
  text: string;
  entities: EvalEntity[];
  /** Where it was read from (`file:line`, a path). */
  origin: string;
}

/** One sentence of a token file (CoNLL, Hugging Face JSONL). */
export interface TokenSentence {
  tokens: string[];
  tags: string[];
  /** Where the sentence starts (`file:line`). */
  origin: string;
}

/** A document known only by its tokens: its text comes from the other side, or the tokens joined. */
export interface TokenDocument {
  kind: 'tokens';
  id: string;
  sentences: TokenSentence[];
  origin: string;
}

export type ImportedDocument = TextDocument | TokenDocument;

export const IMPORT_FORMATS = ['standoff', 'json', 'jsonl', 'brat', 'conll'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Everything read from one `--gold` or `--pred` path. */
export interface ImportResult {
  path: string;
  format: ImportFormat;
  documents: ImportedDocument[];
  /** Things read but not taken (ill-formed tags, relations, rejected annotations). */
  warnings: string[];
  /** Tag scheme of token files. */
  scheme?: TagScheme;
}

export interface ImportOptions {
  /** Folder of `<id>.txt` texts for standoff folders whose texts moved. */
  corpus?: string;
  /** Token files: the tag scheme (default: detected). */
  scheme?: TagScheme;
  /** Token files: read ill-formed tag sequences as conlleval does instead of dropping them. */
  repairTags?: boolean;
}
