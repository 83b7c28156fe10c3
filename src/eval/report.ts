/** The output of `tawsim eval`: readable tables, or one JSON object with `--json`. */
import type { EvalError, EvalOptions, EvalResult, Scores } from './evaluate.js';
import { NONE } from './evaluate.js';
import { MODES } from './match.js';

/** What the numbers mean, printed with every report (and in the JSON). */
export const SEMANTICS = {
  spans: 'Spans are half-open [start, end) ranges; two spans overlap when they share at least one character (adjacent spans do not).',
  strict: 'strict: correct = same span and same label.',
  exact: 'exact: correct = same span, whatever the label.',
  partial: 'partial: same span = 1, overlapping span = 0.5, whatever the label (SemEval-2013 task 9.1).',
  type: 'type: correct = overlapping span and same label.',
  pairing: 'Each gold and each predicted entity is paired at most once per mode: correct pairs first, then other overlapping pairs (same start, same label, larger overlap first).',
  totals: 'P = credit / predicted, R = credit / gold, summed over all documents before dividing (micro). A label row credits recall to the gold label and precision to the predicted label, so rows add up to the micro row. Macro = unweighted mean over the labels seen in gold or predictions (a label never predicted has P 0, one absent from gold R 0). "-" is undefined (nothing to divide by).',
  counts: 'COR correct, INC incorrect, PAR partial, MIS missed (gold only), SPU spurious (predicted only). Per label, COR/INC/PAR/MIS count gold entities, SPU predicted ones.',
} as const;

export interface ReportContext {
  gold: { path: string; format: string; documents: number };
  pred: { path: string; format: string; documents: number };
  options: EvalOptions;
  warnings: string[];
}

const fmt = (x: number | null) => (x === null ? '-' : x.toFixed(3));
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(header: string[], rows: string[][], leftColumns = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

function describeOptions(o: EvalOptions): string[] {
  const out: string[] = [];
  out.push(`  clitics: ${o.lenientClitics ? 'lenient (a span differing only by a leading proclitic و ف ب ك ل or لل counts as the same span)' : 'strict (a leading proclitic makes a different span)'}`);
  const map = Object.entries(o.map ?? {});
  if (map.length > 0) out.push(`  label map (both sides): ${map.map(([a, b]) => `${a}=${b === '' ? '(dropped)' : b}`).join(', ')}`);
  if ((o.merge ?? []).length > 0) out.push(`  merged labels (both sides): ${o.merge!.map((g) => `${g.join(' + ')} -> ${g.join('+')}`).join('; ')}`);
  out.push(`  labels compared: ${o.labels === undefined ? 'all' : o.labels.join(', ')}`);
  return out;
}

function describeError(e: EvalError): string {
  const span = (x: { label: string; start: number; end: number; text: string }) => `${x.label} [${x.start}, ${x.end}) "${x.text}"`;
  switch (e.kind) {
    case 'missed':
      return `${e.doc}  missed        gold ${span(e.gold!)}\n    ${e.context}`;
    case 'spurious':
      return `${e.doc}  spurious      pred ${span(e.pred!)}\n    ${e.context}`;
    default:
      return `${e.doc}  ${pad(e.kind, 12)}  gold ${span(e.gold!)}  pred ${span(e.pred!)}\n    ${e.context}`;
  }
}

/** The readable report. */
export function formatReport(result: EvalResult, ctx: ReportContext): string {
  const out: string[] = [];
  out.push('tawsim eval');
  out.push(`  gold: ${ctx.gold.path} (${ctx.gold.format}, ${ctx.gold.documents} document(s), ${result.entities.gold} entities compared${result.entities.leftOut.gold > 0 ? `, ${result.entities.leftOut.gold} left out by the label options` : ''})`);
  out.push(`  pred: ${ctx.pred.path} (${ctx.pred.format}, ${ctx.pred.documents} document(s), ${result.entities.pred} entities compared${result.entities.leftOut.pred > 0 ? `, ${result.entities.leftOut.pred} left out by the label options` : ''})`);
  out.push(`  documents evaluated: ${result.documents.evaluated} (matched by id, texts checked equal)`);
  if (result.documents.goldWithoutPred.length > 0) out.push(`  gold documents without predictions (counted as predicting nothing): ${result.documents.goldWithoutPred.length}, e.g. ${result.documents.goldWithoutPred.slice(0, 3).join(', ')}`);
  if (result.documents.predWithoutGold.length > 0) out.push(`  predicted documents without gold (ignored): ${result.documents.predWithoutGold.length}, e.g. ${result.documents.predWithoutGold.slice(0, 3).join(', ')}`);
  out.push(...describeOptions(ctx.options));
  for (const w of ctx.warnings) out.push(`  warning: ${w}`);
  out.push('');
  out.push('How entities are compared');
  for (const s of Object.values(SEMANTICS)) out.push(`  ${s}`);
  out.push('');

  out.push('Per label: strict P/R/F1, then F1 of the other modes');
  const strict = result.modes.strict;
  const rows = strict.labels.map((r, i) => [
    r.label,
    String(r.gold),
    String(r.pred),
    String(r.cor),
    fmt(r.precision),
    fmt(r.recall),
    fmt(r.f1),
    fmt(result.modes.exact.labels[i]!.f1),
    fmt(result.modes.partial.labels[i]!.f1),
    fmt(result.modes.type.labels[i]!.f1),
  ]);
  const m = strict.micro;
  rows.push(['micro', String(m.gold), String(m.pred), String(m.cor), fmt(m.precision), fmt(m.recall), fmt(m.f1), fmt(result.modes.exact.micro.f1), fmt(result.modes.partial.micro.f1), fmt(result.modes.type.micro.f1)]);
  const macro = (s: Scores) => fmt(s.f1);
  rows.push(['macro', '', '', '', fmt(strict.macro.precision), fmt(strict.macro.recall), macro(strict.macro), macro(result.modes.exact.macro), macro(result.modes.partial.macro), macro(result.modes.type.macro)]);
  out.push(...table(['label', 'gold', 'pred', 'correct', 'P', 'R', 'F1', 'exact F1', 'partial F1', 'type F1'], rows).map((l) => `  ${l}`));
  out.push('');

  out.push('Per mode, over all labels');
  const modeRows = MODES.map((mode) => {
    const r = result.modes[mode];
    const c = r.micro;
    return [mode, String(c.cor), String(c.inc), String(c.par), String(c.mis), String(c.spu), fmt(c.precision), fmt(c.recall), fmt(c.f1), fmt(r.macro.precision), fmt(r.macro.recall), fmt(r.macro.f1)];
  });
  out.push(...table(['mode', 'COR', 'INC', 'PAR', 'MIS', 'SPU', 'micro P', 'micro R', 'micro F1', 'macro P', 'macro R', 'macro F1'], modeRows).map((l) => `  ${l}`));
  out.push('');

  if (result.values.length > 0) {
    out.push('Values of numeric labels, among strict matches whose gold entity has a value');
    out.push(...table(['label', 'compared', 'equal', 'accuracy'], result.values.map((v) => [v.label, String(v.compared), String(v.equal), fmt(v.accuracy)])).map((l) => `  ${l}`));
    out.push('');
  }

  const goldLabels = [...result.labels.filter((l) => result.confusion[l] !== undefined), ...(result.confusion[NONE] !== undefined ? [NONE] : [])];
  const predLabels = [...result.labels, NONE].filter((l) => Object.values(result.confusion).some((row) => row[l] !== undefined));
  if (goldLabels.length > 0 && predLabels.length > 0) {
    out.push(`Confusion: gold label (rows) by predicted label (columns), over label-blind pairs of overlapping entities; ${NONE} = nothing paired`);
    const confRows = goldLabels.map((g) => [g === NONE ? `${NONE} (spurious)` : g, ...predLabels.map((p) => String(result.confusion[g]?.[p] ?? (g === NONE && p === NONE ? '' : 0)))]);
    out.push(...table(['gold \\ pred', ...predLabels.map((p) => (p === NONE ? `${NONE} (missed)` : p))], confRows).map((l) => `  ${l}`));
    out.push('');
  }

  if (ctx.options.errors) {
    out.push(`Errors (${result.errors.length}; offsets in code points, the disagreement in [brackets])`);
    for (const e of result.errors) out.push(`  ${describeError(e)}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

/** The machine-readable report. */
export function formatJson(result: EvalResult, ctx: ReportContext): string {
  return `${JSON.stringify(
    {
      schema: 'tawsim.eval/1',
      gold: { ...ctx.gold, entities: result.entities.gold, left_out: result.entities.leftOut.gold },
      pred: { ...ctx.pred, entities: result.entities.pred, left_out: result.entities.leftOut.pred },
      documents: result.documents,
      options: { lenient_clitics: ctx.options.lenientClitics === true, map: ctx.options.map ?? {}, merge: ctx.options.merge ?? [], labels: ctx.options.labels ?? null },
      semantics: SEMANTICS,
      warnings: ctx.warnings,
      labels: result.labels,
      modes: result.modes,
      values: result.values,
      confusion: result.confusion,
      ...(ctx.options.errors ? { errors: result.errors } : {}),
    },
    null,
    2,
  )}\n`;
}
