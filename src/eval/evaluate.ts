/**
 * `tawsim eval`: gold against predictions, document by document (matched by id), then
 * counted over all documents before any ratio is taken. nervaluate 1.1.0 averages
 * partial credit per document and loses it; here every COR, INC, PAR, MIS and SPU is
 * added up first, and precision and recall come from the totals.
 *
 * Per-label rows: the recall credit of a pair goes to the gold entity's label, its
 * precision credit to the predicted entity's label. So a LOC predicted as GPE counts
 * against LOC's recall and GPE's precision, in every mode and overall alike, and the
 * label rows add up to the micro row. (nervaluate counts such a pair one way per label
 * and another way overall.)
 */
import { offsetConverter } from '../core/offsets.js';
import type { TextDocument } from '../io/importers/types.js';
import { isDigitArticlePrefix, isProcliticPrefix } from '../io/exporters/proclitic-prefix.js';
import { alignMode, credit, exactSpan, MODES, overlappingPairs, type Mention, type Mode, type SameSpan } from './match.js';

/** Labels whose `value` is compared among strict matches (SPEC.md: numbers and money). */
export const NUMERIC_LABELS = ['CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY'] as const;

export interface EvalOptions {
  /** Forgive a leading proclitic (و ف ب ك ل, لل) on either side of an otherwise equal span. */
  lenientClitics?: boolean;
  /** Label renaming on both sides, applied first; "" drops a label. */
  map?: Readonly<Record<string, string>>;
  /** Groups of labels counted as one (`[["GPE","LOC"]]` -> label `GPE+LOC`), applied after `map`. */
  merge?: readonly (readonly string[])[];
  /** Compare only these labels (after map and merge). */
  labels?: readonly string[];
  /** Collect every error with its context. */
  errors?: boolean;
  /** Characters of context either side of an error (default 40). */
  context?: number;
  /** Labels whose values are compared (default NUMERIC_LABELS). */
  valueLabels?: readonly string[];
}

/** Precision, recall and F1; null where a denominator is zero. */
export interface Scores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Counts {
  /** Gold entities (POS) and predicted entities (ACT). */
  gold: number;
  pred: number;
  cor: number;
  inc: number;
  par: number;
  mis: number;
  spu: number;
  /** Credit on the gold side (recall) and the predicted side (precision): equal overall. */
  creditGold: number;
  creditPred: number;
}

export interface LabelResult extends Counts, Scores {
  label: string;
}

export interface ModeResult {
  micro: Counts & Scores;
  /** Unweighted mean over the labels seen in gold or predictions. */
  macro: Scores;
  labels: LabelResult[];
}

export interface ValueResult {
  label: string;
  /** Strict matches whose gold entity has a value. */
  compared: number;
  equal: number;
  accuracy: number | null;
}

/** One disagreement, for `--errors`. Offsets are code points. */
export interface EvalError {
  doc: string;
  kind: 'missed' | 'spurious' | 'wrong-label' | 'wrong-span' | 'wrong-span-and-label';
  gold?: { label: string; start: number; end: number; text: string };
  pred?: { label: string; start: number; end: number; text: string };
  context: string;
}

export interface EvalResult {
  documents: { gold: number; pred: number; evaluated: number; goldWithoutPred: string[]; predWithoutGold: string[] };
  entities: { gold: number; pred: number; leftOut: { gold: number; pred: number } };
  labels: string[];
  modes: Record<Mode, ModeResult>;
  values: ValueResult[];
  /** Gold label -> predicted label -> pairs, from the label-blind (partial) pairing; `(none)` for MIS/SPU. */
  confusion: Record<string, Record<string, number>>;
  errors: EvalError[];
}

export const NONE = '(none)';

/** The label an entity is compared under, or null when it is left out. */
export function labelTransform(options: EvalOptions): (label: string) => string | null {
  const merged = new Map<string, string>();
  for (const group of options.merge ?? []) for (const l of group) merged.set(l, group.join('+'));
  const keep = options.labels === undefined ? null : new Set(options.labels);
  return (label: string) => {
    let l = label;
    const mapped = options.map?.[l];
    if (mapped !== undefined) {
      if (mapped === '') return null;
      l = mapped;
    }
    l = merged.get(l) ?? l;
    if (keep !== null && !keep.has(l)) return null;
    return l;
  };
}

/** Precision, recall, F1 of a count. */
export function scores(creditPred: number, creditGold: number, pred: number, gold: number): Scores {
  const precision = pred > 0 ? creditPred / pred : null;
  const recall = gold > 0 ? creditGold / gold : null;
  if (precision === null && recall === null) return { precision, recall, f1: null };
  const p = precision ?? 0;
  const r = recall ?? 0;
  return { precision, recall, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function emptyCounts(): Counts {
  return { gold: 0, pred: 0, cor: 0, inc: 0, par: 0, mis: 0, spu: 0, creditGold: 0, creditPred: 0 };
}

/** Deep equality of values, numbers within a relative 1e-9 (floating sums of number words). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined).sort();
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => valuesEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function contextOf(text: string, start: number, end: number, width: number): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const left = text.slice(Math.max(0, start - width), start);
  const right = text.slice(end, end + width);
  return `${start - width > 0 ? '…' : ''}${flat(left)}[${flat(text.slice(start, end))}]${flat(right)}${end + width < text.length ? '…' : ''}`;
}

/** Evaluates predictions against gold. Documents are matched by id; texts were checked equal. */
export function evaluate(gold: ReadonlyMap<string, TextDocument>, pred: ReadonlyMap<string, TextDocument>, options: EvalOptions = {}): EvalResult {
  const relabel = labelTransform(options);
  const valueLabels = new Set(options.valueLabels ?? NUMERIC_LABELS);
  const width = options.context ?? 40;
  const tallies = Object.fromEntries(MODES.map((m) => [m, { total: emptyCounts(), byLabel: new Map<string, Counts>() }])) as Record<Mode, { total: Counts; byLabel: Map<string, Counts> }>;
  const values = new Map<string, { compared: number; equal: number }>();
  const confusion: Record<string, Record<string, number>> = {};
  const errors: EvalError[] = [];
  const labelsSeen = new Set<string>();
  const leftOut = { gold: 0, pred: 0 };
  let goldEntities = 0;
  let predEntities = 0;
  const goldWithoutPred: string[] = [];
  const predWithoutGold = [...pred.keys()].filter((id) => !gold.has(id)).sort();

  const prepare = (entities: readonly Mention[], side: 'gold' | 'pred'): Mention[] => {
    const out: Mention[] = [];
    for (const e of entities) {
      const label = relabel(e.label);
      if (label === null) {
        leftOut[side]++;
        continue;
      }
      out.push(e.value !== undefined ? { start: e.start, end: e.end, label, value: e.value } : { start: e.start, end: e.end, label });
    }
    // Sorted, so pairing and error lists do not depend on file order.
    out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    return out;
  };
  const bump = (m: Map<string, Counts>, label: string) => {
    let c = m.get(label);
    if (c === undefined) m.set(label, (c = emptyCounts()));
    return c;
  };
  const confuse = (g: string, p: string) => {
    const row = (confusion[g] ??= {});
    row[p] = (row[p] ?? 0) + 1;
  };

  const ids = [...gold.keys()].sort();
  for (const id of ids) {
    const gdoc = gold.get(id)!;
    const pdoc = pred.get(id);
    if (pdoc === undefined) goldWithoutPred.push(id);
    const text = gdoc.text;
    const g = prepare(gdoc.entities, 'gold');
    const p = prepare(pdoc?.entities ?? [], 'pred');
    goldEntities += g.length;
    predEntities += p.length;
    for (const e of g) labelsSeen.add(e.label);
    for (const e of p) labelsSeen.add(e.label);
    // Lenient: the spans differ only by leading proclitics, or by the article on digits
    // (`ال50`), which SPEC.md leaves out of a span and whole-token gold keeps in.
    const sameSpan: SameSpan = options.lenientClitics
      ? (a, b) => {
          if (a.end !== b.end) return false;
          if (a.start === b.start) return true;
          const from = Math.min(a.start, b.start);
          const to = Math.max(a.start, b.start);
          const prefix = text.slice(from, to);
          return isProcliticPrefix(prefix) || (/\p{Nd}/u.test(text.charAt(to)) && isDigitArticlePrefix(prefix));
        }
      : exactSpan;
    const overlaps = overlappingPairs(g, p);
    for (const mode of MODES) {
      const a = alignMode(g, p, overlaps, mode, sameSpan);
      const t = tallies[mode];
      t.total.gold += g.length;
      t.total.pred += p.length;
      for (const e of g) bump(t.byLabel, e.label).gold++;
      for (const e of p) bump(t.byLabel, e.label).pred++;
      for (const pair of a.pairs) {
        const c = credit(pair.kind);
        const gl = bump(t.byLabel, g[pair.g]!.label);
        const pl = bump(t.byLabel, p[pair.p]!.label);
        t.total[pair.kind]++;
        t.total.creditGold += c;
        t.total.creditPred += c;
        gl[pair.kind]++;
        gl.creditGold += c;
        pl.creditPred += c;
        if (mode === 'strict' && pair.kind === 'cor' && valueLabels.has(g[pair.g]!.label) && g[pair.g]!.value !== undefined) {
          const v = values.get(g[pair.g]!.label) ?? { compared: 0, equal: 0 };
          v.compared++;
          if (valuesEqual(g[pair.g]!.value, p[pair.p]!.value)) v.equal++;
          values.set(g[pair.g]!.label, v);
        }
      }
      for (const m of a.missed) {
        t.total.mis++;
        bump(t.byLabel, g[m]!.label).mis++;
      }
      for (const s of a.spurious) {
        t.total.spu++;
        bump(t.byLabel, p[s]!.label).spu++;
      }
      if (mode !== 'partial') continue;
      // The label-blind pairing: confusion table and the list of errors.
      const cv = options.errors ? offsetConverter(text) : null;
      const show = (e: Mention) => ({ label: e.label, start: cv!.toCodePoint(e.start), end: cv!.toCodePoint(e.end), text: text.slice(e.start, e.end) });
      for (const pair of a.pairs) {
        const ge = g[pair.g]!;
        const pe = p[pair.p]!;
        confuse(ge.label, pe.label);
        if (!options.errors) continue;
        const same = sameSpan(ge, pe);
        if (same && ge.label === pe.label) continue;
        const kind = same ? 'wrong-label' : ge.label === pe.label ? 'wrong-span' : 'wrong-span-and-label';
        errors.push({ doc: id, kind, gold: show(ge), pred: show(pe), context: contextOf(text, Math.min(ge.start, pe.start), Math.max(ge.end, pe.end), width) });
      }
      for (const m of a.missed) {
        confuse(g[m]!.label, NONE);
        if (options.errors) errors.push({ doc: id, kind: 'missed', gold: show(g[m]!), context: contextOf(text, g[m]!.start, g[m]!.end, width) });
      }
      for (const s of a.spurious) {
        confuse(NONE, p[s]!.label);
        if (options.errors) errors.push({ doc: id, kind: 'spurious', pred: show(p[s]!), context: contextOf(text, p[s]!.start, p[s]!.end, width) });
      }
    }
  }

  const labels = [...labelsSeen].sort();
  const modes = Object.fromEntries(
    MODES.map((mode) => {
      const t = tallies[mode];
      const rows: LabelResult[] = labels.map((label) => {
        const c = t.byLabel.get(label) ?? emptyCounts();
        return { label, ...c, ...scores(c.creditPred, c.creditGold, c.pred, c.gold) };
      });
      const mean = (xs: (number | null)[]) => (xs.length === 0 ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0) / xs.length);
      const macro: Scores = { precision: mean(rows.map((r) => r.precision)), recall: mean(rows.map((r) => r.recall)), f1: mean(rows.map((r) => r.f1)) };
      return [mode, { micro: { ...t.total, ...scores(t.total.creditPred, t.total.creditGold, t.total.pred, t.total.gold) }, macro, labels: rows }];
    }),
  ) as Record<Mode, ModeResult>;
  return {
    documents: { gold: gold.size, pred: pred.size, evaluated: ids.length, goldWithoutPred, predWithoutGold },
    entities: { gold: goldEntities, pred: predEntities, leftOut },
    labels,
    modes,
    values: [...values].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, v]) => ({ label, ...v, accuracy: v.compared > 0 ? v.equal / v.compared : null })),
    confusion,
    errors,
  };
}
