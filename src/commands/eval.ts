/** `tawsim eval --gold <path> --pred <path>`: scores of predictions against gold. */
import { InvalidArgumentError, type Command } from 'commander';
import { evaluate, type EvalOptions } from '../eval/evaluate.js';
import { formatJson, formatReport } from '../eval/report.js';
import { IMPORT_FORMATS, pairInputs, readEvalInput, type ImportFormat, type TagScheme } from '../io/importers/index.js';
import { parseLabelMap } from './export.js';

const LABEL = /^[A-Z][A-Z0-9_-]*$/;

/** `GPE+LOC` (repeatable, or several groups separated by commas). */
export function parseMerge(value: string, previous: string[][] = []): string[][] {
  const groups = value.split(',').map((g) => g.trim()).filter((g) => g !== '');
  const out = [...previous];
  for (const g of groups) {
    const labels = g.split('+').map((l) => l.trim());
    if (labels.length < 2 || labels.some((l) => !LABEL.test(l))) throw new InvalidArgumentError(`expected labels joined by +, e.g. GPE+LOC, not "${g}"`);
    out.push(labels);
  }
  return out;
}

/** Labels to compare; merged labels are written with their +. */
function parseCompared(value: string): string[] {
  const labels = value.split(',').map((l) => l.trim()).filter((l) => l !== '');
  const bad = labels.filter((l) => !l.split('+').every((part) => LABEL.test(part)));
  if (labels.length === 0 || bad.length > 0) throw new InvalidArgumentError(`expected upper-case labels separated by commas (merged ones as GPE+LOC)${bad.length > 0 ? `, not: ${bad.join(', ')}` : ''}`);
  return labels;
}

function parseFormat(value: string): ImportFormat | 'auto' {
  const v = value.toLowerCase();
  if (v === 'auto' || (IMPORT_FORMATS as readonly string[]).includes(v)) return v as ImportFormat | 'auto';
  throw new InvalidArgumentError(`expected auto or one of ${IMPORT_FORMATS.join(', ')}`);
}

function parseScheme(value: string): TagScheme {
  const v = value.toUpperCase();
  if (v === 'IOB2' || v === 'IOB1' || v === 'BIOES' || v === 'BILOU' || v === 'IO') return v;
  throw new InvalidArgumentError('expected IOB2, IOB1, BIOES, BILOU or IO');
}

function parseContext(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new InvalidArgumentError('expected a whole number of characters from 0 to 1000');
  return n;
}

interface EvalCommandOptions {
  gold: string;
  pred: string;
  goldFormat: ImportFormat | 'auto';
  predFormat: ImportFormat | 'auto';
  corpus?: string;
  lenientClitics?: boolean;
  labels?: string[];
  map?: Record<string, string>;
  merge?: string[][];
  errors?: boolean;
  context: number;
  json?: boolean;
  scheme?: TagScheme;
  repairTags?: boolean;
}

/** Registers `eval` on the program. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('precision, recall and F1 of predictions against gold, per label and micro/macro, in strict, exact, partial and type matching')
    .requiredOption('--gold <path>', 'gold: a standoff folder, a JSON or JSONL file of {id, text, entities}, a brat folder, or a CoNLL file')
    .requiredOption('--pred <path>', 'predictions, in any of the same forms (documents are matched by id)')
    .option('--gold-format <format>', `format of --gold: auto or ${IMPORT_FORMATS.join(', ')}`, parseFormat, 'auto')
    .option('--pred-format <format>', `format of --pred: auto or ${IMPORT_FORMATS.join(', ')}`, parseFormat, 'auto')
    .option('--corpus <dir>', 'folder of <id>.txt texts for standoff folders whose run did not store them')
    .option('--lenient-clitics', 'count spans differing only by a leading proclitic (و ف ب ك ل, لل) as the same span, for whole-token gold such as ANERcorp')
    .option('--labels <list>', 'compare only these labels (after --map and --merge), e.g. GPE+LOC,ORG', parseCompared)
    .option('--map <pairs>', 'rename labels on both sides before comparing, e.g. GPE=LOC,PERSON=PERS; FROM= drops a label (repeatable)', (v: string, prev?: Record<string, string>) => parseLabelMap(v, prev))
    .option('--merge <groups>', 'count labels as one on both sides, e.g. GPE+LOC (named GPE+LOC; repeatable)', (v: string, prev?: string[][]) => parseMerge(v, prev))
    .option('--errors', 'list every disagreement (missed, spurious, wrong label, wrong span) with its context')
    .option('--context <n>', 'characters of context either side of an error', parseContext, 40)
    .option('--json', 'one JSON object on stdout instead of tables')
    .option('--scheme <scheme>', 'tag scheme of token inputs (CoNLL, Hugging Face JSONL): IOB2, IOB1, BIOES, BILOU or IO (default: detected)', parseScheme)
    .option('--repair-tags', 'read ill-formed tag sequences (I- after O) as conlleval and seqeval do, instead of opening no entity')
    .action(async (opts: EvalCommandOptions) => {
      const importOptions = {
        ...(opts.corpus !== undefined ? { corpus: opts.corpus } : {}),
        ...(opts.scheme !== undefined ? { scheme: opts.scheme } : {}),
      };
      const gold = await readEvalInput(opts.gold, opts.goldFormat, importOptions);
      const pred = await readEvalInput(opts.pred, opts.predFormat, importOptions);
      const paired = pairInputs(gold, pred, { repairTags: opts.repairTags === true });
      const options: EvalOptions = {
        lenientClitics: opts.lenientClitics === true,
        ...(opts.map !== undefined ? { map: opts.map } : {}),
        ...(opts.merge !== undefined ? { merge: opts.merge } : {}),
        ...(opts.labels !== undefined ? { labels: opts.labels } : {}),
        errors: opts.errors === true,
        context: opts.context,
      };
      const result = evaluate(paired.gold, paired.pred, options);
      const ctx = {
        gold: { path: opts.gold, format: gold.format, documents: paired.gold.size },
        pred: { path: opts.pred, format: pred.format, documents: paired.pred.size },
        options,
        warnings: paired.warnings,
      };
      // `tawsim eval ... | head`: a reader that stops early is not an error.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
      process.stdout.write(opts.json === true ? formatJson(result, ctx) : `${formatReport(result, ctx)}\n`);
    });
}
