/**
 * Pairing gold and predicted entities of one document, per evaluation mode, as
 * SemEval-2013 task 9.1 defines the modes (Segura-Bedmar, Martínez & Herrero-Zazo 2013;
 * the categories COR, INC, PAR, MIS, SPU of MUC-5):
 *
 * | mode    | COR (credit 1)                | then, for other overlapping pairs |
 * | ------- | ----------------------------- | --------------------------------- |
 * | strict  | same span and same label      | INC (credit 0)                    |
 * | exact   | same span, any label          | INC (credit 0)                    |
 * | partial | same span, any label          | PAR (credit 0.5)                  |
 * | type    | overlapping, same label       | INC (credit 0)                    |
 *
 * Spans are half-open `[start, end)`: two spans overlap when they share a character, so
 * adjacent spans (`[0,5)` and `[5,9)`) do not (nervaluate 1.1.0 reads ends as inclusive
 * and counts them as overlapping). Each entity takes part in at most one pair per mode:
 * COR pairs are chosen first, then the other overlapping pairs, each time preferring the
 * same exact start, the same label, the larger overlap, then the earlier entity, so the
 * result does not depend on input order. Entities left alone are MIS (gold) or SPU
 * (predicted).
 */

/** An entity to compare: UTF-16 offsets into the document text. */
export interface Mention {
  start: number;
  end: number;
  label: string;
  value?: unknown;
}

export const MODES = ['strict', 'exact', 'partial', 'type'] as const;
export type Mode = (typeof MODES)[number];

export type PairKind = 'cor' | 'inc' | 'par';

/** A gold entity `g` paired with a predicted entity `p` (indices). */
export interface Pair {
  g: number;
  p: number;
  kind: PairKind;
}

export interface Alignment {
  pairs: Pair[];
  /** Gold entities left alone (MIS). */
  missed: number[];
  /** Predicted entities left alone (SPU). */
  spurious: number[];
}

/** An overlapping gold/predicted pair with the length they share. */
export interface Overlap {
  g: number;
  p: number;
  shared: number;
}

/**
 * Every overlapping (gold, predicted) pair, by a sweep over both lists sorted by start:
 * linear in the entities plus the pairs for flat spans.
 */
export function overlappingPairs(gold: readonly Mention[], pred: readonly Mention[]): Overlap[] {
  const order = (list: readonly Mention[]) => list.map((_, i) => i).sort((a, b) => list[a]!.start - list[b]!.start || a - b);
  const go = order(gold);
  const po = order(pred);
  const out: Overlap[] = [];
  let activeG: number[] = [];
  let activeP: number[] = [];
  let i = 0;
  let j = 0;
  while (i < go.length || j < po.length) {
    const takeGold = j >= po.length || (i < go.length && gold[go[i]!]!.start <= pred[po[j]!]!.start);
    if (takeGold) {
      const g = go[i++]!;
      const a = gold[g]!;
      activeP = activeP.filter((p) => pred[p]!.end > a.start);
      for (const p of activeP) out.push({ g, p, shared: Math.min(a.end, pred[p]!.end) - Math.max(a.start, pred[p]!.start) });
      activeG.push(g);
    } else {
      const p = po[j++]!;
      const b = pred[p]!;
      activeG = activeG.filter((g) => gold[g]!.end > b.start);
      for (const g of activeG) out.push({ g, p, shared: Math.min(gold[g]!.end, b.end) - Math.max(gold[g]!.start, b.start) });
      activeP.push(p);
    }
  }
  return out.filter((o) => o.shared > 0);
}

/** Decides whether two spans count as the same span (exact, or lenient about proclitics). */
export type SameSpan = (g: Mention, p: Mention) => boolean;

export const exactSpan: SameSpan = (g, p) => g.start === p.start && g.end === p.end;

/**
 * Pairs gold and predictions in one mode. `overlaps` is `overlappingPairs(gold, pred)`,
 * computed once per document and shared by the modes.
 */
export function alignMode(gold: readonly Mention[], pred: readonly Mention[], overlaps: readonly Overlap[], mode: Mode, sameSpan: SameSpan = exactSpan): Alignment {
  const usedG = new Uint8Array(gold.length);
  const usedP = new Uint8Array(pred.length);
  const pairs: Pair[] = [];
  const info = overlaps.map((o) => {
    const g = gold[o.g]!;
    const p = pred[o.p]!;
    return { ...o, same: sameSpan(g, p), exact: g.start === p.start && g.end === p.end, label: g.label === p.label };
  });
  type Info = (typeof info)[number];
  const byPreference = (a: Info, b: Info) =>
    Number(b.same) - Number(a.same) || Number(b.exact) - Number(a.exact) || Number(b.label) - Number(a.label) || b.shared - a.shared || a.g - b.g || a.p - b.p;
  const correct = (o: Info) => (mode === 'strict' ? o.same && o.label : mode === 'type' ? o.label : o.same);
  const take = (candidates: Info[], kind: (o: Info) => PairKind) => {
    candidates.sort(byPreference);
    for (const o of candidates) {
      if (usedG[o.g] || usedP[o.p]) continue;
      usedG[o.g] = 1;
      usedP[o.p] = 1;
      pairs.push({ g: o.g, p: o.p, kind: kind(o) });
    }
  };
  take(info.filter(correct), () => 'cor');
  take(info.filter((o) => !usedG[o.g] && !usedP[o.p]), () => (mode === 'partial' ? 'par' : 'inc'));
  const missed: number[] = [];
  const spurious: number[] = [];
  for (let g = 0; g < gold.length; g++) if (!usedG[g]) missed.push(g);
  for (let p = 0; p < pred.length; p++) if (!usedP[p]) spurious.push(p);
  pairs.sort((a, b) => a.g - b.g);
  return { pairs, missed, spurious };
}

/** Credit of a pair: 1 correct, 0.5 partial, 0 incorrect. */
export function credit(kind: PairKind): number {
  return kind === 'cor' ? 1 : kind === 'par' ? 0.5 : 0;
}
