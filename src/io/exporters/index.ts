/**
 * Exporters: `tawsim export` over a standoff folder (export-run.ts), and the per-document
 * outputs `tawsim run --format json,brat,spacy,conll` writes beside each standoff file
 * (`renderDocumentOutputs`, called by the runner).
 */
import type { RUN_FORMATS } from '../../core/config.js';
import { loadStandoff, serialiseStandoff, type StandoffDocument } from '../standoff.js';
import { ExportReport, PROBLEM_TEXT, selectEntities, type ExportProblem } from './common.js';
import { conllChunks, renderBrat, spacyLine, type PreparedDocument } from './formats.js';
import type { CliticPolicy, TagScheme, TokenSpans } from './token-labels.js';
import { getDefaultTokeniser } from './tokeniser.js';

export { runExport, EXPORT_FORMATS, splitIndex, splitNames, outputStem, type ExportFormat, type ExportRequest, type ExportOutcome } from './export-run.js';
export { ExportReport, selectEntities, PROBLEM_TEXT, POLICY_TEXT, type ExportEntity, type ExportProblem, type SelectionOptions, type NestingPolicy } from './common.js';
export { createTokeniser, getDefaultTokeniser, type Tokeniser } from './tokeniser.js';
export { labelTokens, alignSpan, tagSet, type TokenSpans, type TagScheme, type CliticPolicy } from './token-labels.js';

/** One file to write, relative to the run's output folder. */
export interface OutputFile {
  relativePath: string;
  content: string;
}

/** What the runner writes for one document in one format, and what did not fit in it. */
export interface RenderedOutputs {
  files: OutputFile[];
  /** Annotations the format could not represent (one line each, for the manifest). */
  problems: string[];
}

export interface RenderOptions {
  /** The document's tokens (the pipeline's `doc.tokens`); re-tokenised with the defaults when absent. */
  tokens?: TokenSpans;
  /** CoNLL tag scheme (default IOB2). */
  scheme?: TagScheme;
  /** CoNLL proclitic policy (default keep). */
  clitics?: CliticPolicy;
  /** Pretty standoff JSON for the `json` format (default true). */
  pretty?: boolean;
}

function describe(p: ExportProblem): string {
  return `${p.id} ${p.label} [${p.start}, ${p.end}) "${p.text}": ${PROBLEM_TEXT[p.reason]}${p.token !== undefined ? ` (token "${p.token}")` : ''}`;
}

/**
 * The per-document outputs of `tawsim run --format ...` for one document:
 * - `json`: `<id>.json`, the standoff file itself;
 * - `brat`: `<id>.txt` and `<id>.ann` (code-point offsets; run `tawsim export --to brat`
 *   for the `annotation.conf` of a whole folder);
 * - `spacy`: `<id>.spacy.jsonl`, one line `{"id","text","entities":[[start,end,label]]}`;
 * - `conll`: `<id>.conll`, IOB2 over the pipeline's tokens (pass `doc.tokens`).
 * Rejected annotations are left out; every annotation the format cannot represent is
 * listed in `problems`. Offsets of `standoff` are code points, as written.
 */
export function renderDocumentOutputs(format: (typeof RUN_FORMATS)[number], standoff: StandoffDocument, text: string, options: RenderOptions = {}): RenderedOutputs {
  const id = standoff.doc.id;
  if (format === 'json') return { files: [{ relativePath: `${id}.json`, content: serialiseStandoff(standoff, options.pretty ?? true) }], problems: [] };
  const loaded = loadStandoff(standoff, text);
  const report = new ExportReport(Number.POSITIVE_INFINITY);
  const doc: PreparedDocument = {
    id,
    text,
    sentences: loaded.sentences,
    entities: selectEntities(loaded.annotations, {}, report),
    pipeline: standoff.pipeline,
  };
  let files: OutputFile[];
  switch (format) {
    case 'brat': {
      const { txt, ann } = renderBrat(doc, report);
      files = [
        { relativePath: `${id}.txt`, content: txt },
        { relativePath: `${id}.ann`, content: ann },
      ];
      break;
    }
    case 'spacy':
      files = [{ relativePath: `${id}.spacy.jsonl`, content: spacyLine(doc, report) }];
      break;
    case 'conll': {
      const tokens = options.tokens ?? getDefaultTokeniser()(text);
      let content = '';
      for (const chunk of conllChunks(doc, tokens, { scheme: options.scheme ?? 'IOB2', clitics: options.clitics ?? 'keep' }, report)) content += chunk;
      files = [{ relativePath: `${id}.conll`, content }];
      break;
    }
    default:
      throw new Error(`unknown per-document format "${String(format)}"`);
  }
  return { files, problems: report.examples.map(describe) };
}
