/** `tawsim export <dir> --to <format> --out <path>`: training data and interchange files. */
import { statSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { AnnotationStatus } from '../core/document.js';
import { loadConfig } from '../core/config.js';
import { ConfigError, InputError, TawsimError } from '../core/errors.js';
import { DEFAULT_CONFIG } from '../default-config.js';
import {
  EXPORT_FORMATS,
  POLICY_TEXT,
  PROBLEM_TEXT,
  createTokeniser,
  runExport,
  type ExportFormat,
  type ExportOutcome,
  type ExportProblem,
} from '../io/exporters/index.js';
import { STAGES } from '../stages/index.js';

const LABEL = /^[A-Z][A-Z0-9_-]*$/;
const STATUSES: readonly AnnotationStatus[] = ['auto', 'accepted', 'edited', 'added'];

/** Parses `A=B,C=D` (repeatable); `A=` drops label A. */
export function parseLabelMap(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const out = { ...previous };
  for (const pair of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([^=\s]+)=([^=\s]*)$/.exec(pair);
    if (m === null || !LABEL.test(m[1]!) || (m[2] !== '' && !LABEL.test(m[2]!))) {
      throw new InvalidArgumentError(`expected FROM=TO pairs of upper-case labels separated by commas (TO empty drops the label), not "${pair}"`);
    }
    out[m[1]!] = m[2]!;
  }
  return out;
}

/** Parses a comma-separated list of upper-case labels. */
export function parseLabelList(value: string): string[] {
  const labels = value.split(',').map((l) => l.trim()).filter((l) => l !== '');
  const bad = labels.filter((l) => !LABEL.test(l));
  if (labels.length === 0 || bad.length > 0) throw new InvalidArgumentError(`expected upper-case labels separated by commas${bad.length > 0 ? ` (not: ${bad.join(', ')})` : ''}`);
  return labels;
}

function parseStatuses(value: string): AnnotationStatus[] {
  const list = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = list.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (list.length === 0 || bad.length > 0) throw new InvalidArgumentError(`expected statuses from ${STATUSES.join(', ')} separated by commas (rejected is never exported)${bad.length > 0 ? `, not: ${bad.join(', ')}` : ''}`);
  return list as AnnotationStatus[];
}

/** Parses `80/10/10` (two or three parts, whole percentages adding up to 100). */
export function parseSplit(value: string): number[] {
  const parts = value.split('/').map((p) => Number(p.trim()));
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !Number.isInteger(p) || p < 0) || parts.reduce((a, b) => a + b, 0) !== 100) {
    throw new InvalidArgumentError('expected two or three whole percentages adding up to 100, e.g. 80/10/10 (train/dev/test) or 90/10 (train/test)');
  }
  return parts;
}

function choice<T extends string>(allowed: readonly T[], what: string): (value: string) => T {
  return (value: string) => {
    const v = value.toLowerCase();
    const found = allowed.find((a) => a.toLowerCase() === v);
    if (found === undefined) throw new InvalidArgumentError(`expected ${what}: ${allowed.join(', ')}`);
    return found;
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describeProblem(p: ExportProblem): string {
  return `${p.doc} ${p.id} ${p.label} [${p.start}, ${p.end}) "${p.text}"${p.token !== undefined ? ` (token "${p.token}")` : ''}`;
}

/** The stderr summary of an export. */
export function formatExportSummary(outcome: ExportOutcome, format: ExportFormat, detail: string): string {
  const r = outcome.report;
  const lines: string[] = [];
  const parts = Object.entries(outcome.parts);
  const where = parts.length === 1 ? outcome.outputs[0] : parts.map(([name, p]) => `${name} ${p.documents}`).join(', ');
  lines.push(`tawsim export: ${r.documents} document(s), ${r.written} annotation(s) written (${format}${detail}) -> ${where}`);
  if (r.widenedToToken > 0) lines.push(`  labelled with the proclitic attached (whole token, --clitics keep): ${r.widenedToToken}`);
  if (r.tokensSplit > 0) lines.push(`  tokens split after a proclitic (--clitics split): ${r.tokensSplit}`);
  if (r.sentencesJoined > 0) lines.push(`  sentence breaks removed because a span crossed them: ${r.sentencesJoined}`);
  if (outcome.configMismatch > 0) lines.push(`  note: ${outcome.configMismatch} document(s) were made with another pipeline config (config_sha256 differs); tokens come from the config used here`);
  const total = r.problemCount;
  lines.push(`  not represented: ${total}${total > 0 ? ' (listed below, never shifted)' : ''}`);
  for (const [reason, n] of [...r.problems].sort((a, b) => b[1] - a[1])) {
    lines.push(`    ${n}  ${PROBLEM_TEXT[reason]}`);
    for (const ex of r.examples.filter((e) => e.reason === reason)) lines.push(`        e.g. ${describeProblem(ex)}`);
  }
  const policy = [...r.policy].map(([reason, n]) => `${n} ${POLICY_TEXT[reason]}`);
  if (policy.length > 0) lines.push(`  left out by policy: ${policy.join('; ')}`);
  if (r.failedDocuments.length > 0) {
    lines.push(`  documents that could not be read: ${r.failedDocuments.length}`);
    for (const f of r.failedDocuments.slice(0, 5)) lines.push(`    ${f.path}: ${f.reason}`);
  }
  lines.push(`  summary: ${outcome.summaryPath}`);
  return `${lines.join('\n')}\n`;
}

interface ExportOptions {
  to: ExportFormat;
  out: string;
  config?: string;
  corpus?: string;
  scheme: 'IOB2' | 'BIOES';
  clitics: 'keep' | 'split';
  unit: 'sentence' | 'document';
  map?: Record<string, string>;
  labels?: string[];
  status?: AnnotationStatus[];
  nested: 'outermost' | 'keep';
  split?: number[];
  strict?: boolean;
}

/** Registers `export` on the program. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('turn a standoff folder into training data or interchange files: conll, jsonl (Hugging Face), spacy, brat, labelstudio')
    .argument('<dir>', 'a run folder (the --out of tawsim run)')
    .requiredOption('--to <format>', `output format: ${EXPORT_FORMATS.join(', ')}`, choice(EXPORT_FORMATS, 'a format'))
    .requiredOption('--out <path>', 'output file (a folder for brat); with --split, the stem of <out>.train.<ext> etc.')
    .option('--config <file>', 'pipeline config: its label mapping, and its normalise/tokenise stages for conll and jsonl (default ./pipeline.config.json, else built-in defaults)')
    .option('--corpus <dir>', 'folder of <id>.txt texts, when the run did not store the text and its sources moved')
    .option('--scheme <scheme>', 'token tags for conll and jsonl: IOB2 or BIOES', choice(['IOB2', 'BIOES'] as const, 'a tag scheme'), 'IOB2')
    .option('--clitics <policy>', 'conll and jsonl: keep (label the whole token, proclitic included, as ANERcorp and Wojood do) or split (proclitics before a span become their own O tokens)', choice(['keep', 'split'] as const, 'a clitic policy'), 'keep')
    .option('--unit <unit>', 'jsonl: one sentence or one document a line', choice(['sentence', 'document'] as const, 'a unit'), 'sentence')
    .option('--map <pairs>', 'label mapping after the config\'s, e.g. GPE=LOC,PERS=PER; FROM= drops a label (repeatable)', (v: string, prev?: Record<string, string>) => parseLabelMap(v, prev))
    .option('--labels <list>', 'keep only these labels (after mapping)', parseLabelList)
    .option('--status <list>', 'keep only these statuses, e.g. accepted,edited,added (default: all but rejected)', parseStatuses)
    .option('--nested <policy>', 'nested and crossing spans: outermost (token formats and spacy need it) or keep (brat, labelstudio)', choice(['outermost', 'keep'] as const, 'a nesting policy'), 'outermost')
    .option('--split <parts>', 'deterministic split by a hash of the document id: 80/10/10 (train/dev/test) or 90/10 (train/test)', parseSplit)
    .option('--strict', 'exit with status 3 when any annotation could not be represented')
    .action(async (dir: string, opts: ExportOptions) => {
      if (!isDirectory(dir)) throw new InputError(`Cannot export ${dir}: no such folder (give the --out folder of a run).`);
      if (opts.corpus !== undefined && !isDirectory(opts.corpus)) throw new ConfigError(`--corpus ${opts.corpus}: no such folder.`);
      if (opts.nested === 'keep' && !(opts.to === 'brat' || opts.to === 'labelstudio')) {
        throw new ConfigError(`--nested keep: ${opts.to} cannot hold nested spans (token tags and spaCy entities are flat); use brat or labelstudio, or --nested outermost.`);
      }
      const config = loadConfig(STAGES, DEFAULT_CONFIG, opts.config);
      const tokenBased = opts.to === 'conll' || opts.to === 'jsonl';
      const mappings = [config.labels, ...(opts.map !== undefined ? [opts.map] : [])].filter((m) => Object.keys(m).length > 0);
      const outcome = await runExport({
        dir,
        format: opts.to,
        out: opts.out,
        ...(opts.corpus !== undefined ? { corpus: opts.corpus } : {}),
        selection: {
          ...(opts.status !== undefined ? { statuses: opts.status } : {}),
          ...(mappings.length > 0 ? { mappings } : {}),
          ...(opts.labels !== undefined ? { labels: opts.labels } : {}),
          nesting: opts.nested,
        },
        scheme: opts.scheme,
        clitics: opts.clitics,
        unit: opts.unit,
        ...(opts.split !== undefined ? { split: opts.split } : {}),
        ...(tokenBased ? { tokeniser: createTokeniser(config), configSha256: config.sha256 } : {}),
      });
      const detail = tokenBased ? `, ${opts.scheme}, clitics ${opts.clitics}${opts.to === 'jsonl' ? `, one ${opts.unit} a line` : ''}` : opts.to === 'brat' || opts.to === 'labelstudio' || opts.to === 'spacy' ? ', code-point offsets' : '';
      process.stderr.write(formatExportSummary(outcome, opts.to, detail));
      if (outcome.report.documents === 0 && outcome.report.failedDocuments.length === 0) {
        throw new InputError(`No standoff files in ${dir}.`);
      }
      if (outcome.report.failedDocuments.length > 0) throw new TawsimError(`${outcome.report.failedDocuments.length} document(s) could not be read; the others were exported.`, 3);
      if (opts.strict === true && outcome.report.problemCount > 0) throw new TawsimError(`${outcome.report.problemCount} annotation(s) could not be represented (--strict).`, 3);
    });
}
