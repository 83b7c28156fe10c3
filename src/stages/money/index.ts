/**
 * The money stage: MONEY over an amount and its currency, in either order (`601 مليون
 * دولار`, `$4,500`, `500 USD`, `100 ر.س`), and CURR for a currency named without an amount
 * (`الدولار الأمريكي`, `بالريال السعودي`). Amounts are the numbers stage's quantities (read
 * from `doc.shared`), so the value is exact: `{amount, currency}` with ISO 4217 codes, or
 * `null` for a name that several currencies share (دينار، درهم، جنيه، ريال alone), unless
 * the document names that currency fully elsewhere (documentHints).
 *
 * A subunit amount is given in main units (`50 سنتا` is 0.5 USD); when the ratio depends
 * on the currency and the currency is unknown (`فلس`), the amount is null and a note says
 * why.
 */
import { z } from 'zod';
import type { Annotation, Doc } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { TokenFlag, TokenKind, type TokenTable } from '../../core/tokens.js';
import { procliticReadings } from '../../arabic/clitics.js';
import { Exact } from '../numbers/exact.js';
import { dataPath } from '../numbers/index.js';
import { NUMBERS_SHARED_KEY, type NumbersShared, type Quantity } from '../numbers/scan.js';
import { loadCurrencyTable, type CurrencyName, type CurrencyTable, type HeadForm } from './currency-table.js';
import { TokenVocabulary } from '../../core/token-trie.js';
import { READINGS, type TokenLookup } from '../gazetteer/phrase-index.js';
import { CURRENCY_HINT_SCOPE, CURRENCY_SCOPE, ReadingValues, documentLookup, sharedVocabulary } from '../token-lookup.js';

export const moneyOptions = z.strictObject({
  /** CLDR names of every ISO 4217 currency (generated; see scripts/build-currencies.mjs). */
  names: z.string().default('builtin:currencies.cldr.tsv'),
  /** Head nouns with their inflections, readings alone and subunit ratios. */
  nouns: z.string().default('builtin:currencies.nouns.tsv'),
  /** Hand additions: news names, symbols, abbreviations (JSONL). */
  extra: z.string().default('builtin:currencies.jsonl'),
  /** Tag currencies named without an amount (CURR). */
  curr: z.boolean().default(true),
  /**
   * Resolve an ambiguous name (دينار alone) with the one full name of the same noun in the
   * document (دينار كويتي elsewhere): the value gets that code and a note says so.
   */
  documentHints: z.boolean().default(true),
  /** Read `USD 500` and `500 EUR` (Latin ISO codes next to an amount). */
  latinCodes: z.boolean().default(true),
  /** Confidence below which an annotation is not written. */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type MoneyOptions = z.output<typeof moneyOptions>;

const MIN_STEM = 2;

/** A currency read at some tokens. */
interface CurrencyMatch {
  code: string | null;
  /** Last token of the currency. */
  last: number;
  /** Original offset where it ends. */
  end: number;
  head: HeadForm | null;
  /** The full name matched, if any (for document hints). */
  name: CurrencyName | null;
  kind: 'name' | 'symbol' | 'code' | 'abbreviation' | 'english';
}

/** A MONEY or CURR about to be written, kept to settle document hints first. */
interface Pending {
  label: 'MONEY' | 'CURR';
  start: number;
  end: number;
  amount: Exact | null;
  /** Subunits per main unit when the amount was written in a subunit. */
  ratio: Exact | null;
  code: string | null;
  lemma: string | null;
  resolvedByName: boolean;
  source: string;
  confidence: number;
  qualifier: string | null;
  note: string | null;
  replaces: Annotation | null;
}

class MoneyScanner {
  private readonly table: CurrencyTable;
  private readonly options: MoneyOptions;
  private doc!: Doc;
  private tokens!: TokenTable;
  private text = '';
  /** Currency head nouns by vocabulary id, read from the document's shared token look-up. */
  private readonly heads: ReadingValues<HeadForm>;
  private readonly vocabulary: TokenVocabulary;
  private lookup!: TokenLookup;
  private used!: Uint8Array;
  /**
   * Country hints by vocabulary id: the nisba forms of the one-word qualifiers of the
   * currency names (مصري، المصرية … of جنيه مصري) and the country names they come from
   * (مصر، الكويت), each with the head lemma and the code it points to.
   */
  private readonly hints = new Map<number, { lemma: string; code: string; word: string }[]>();

  /** `vocabulary`: the pipeline's shared one (see ../token-lookup.ts). */
  constructor(table: CurrencyTable, options: MoneyOptions, vocabulary: TokenVocabulary = new TokenVocabulary()) {
    this.table = table;
    this.options = options;
    this.vocabulary = vocabulary;
    this.heads = new ReadingValues(vocabulary, table.heads.entries(), CURRENCY_SCOPE);
    const seen = new Set<string>();
    for (const [, head] of table.heads.entries()) {
      for (const name of head.names) {
        if (name.code === null || name.tail.length !== 1 || seen.has(`${head.lemma} ${name.code} ${name.name}`)) continue;
        seen.add(`${head.lemma} ${name.code} ${name.name}`);
        for (const form of name.tail[0]!) {
          // The country's name is the masculine nisba without its ي (مصري: مصر، الكويتي: الكويت).
          const words = form.endsWith('\u064a') && form.length >= 4 ? [form, form.slice(0, -1)] : [form];
          for (const word of words) {
            const id = vocabulary.intern(word, CURRENCY_HINT_SCOPE);
            const list = this.hints.get(id) ?? [];
            if (!list.some((h) => h.lemma === head.lemma && h.code === name.code)) list.push({ lemma: head.lemma, code: name.code, word });
            this.hints.set(id, list);
          }
        }
      }
    }
  }

  run(doc: Doc): void {
    const tokens = doc.tokens!;
    this.doc = doc;
    this.tokens = tokens;
    this.text = doc.view.text;
    this.lookup = documentLookup(doc, this.vocabulary);
    const shared = doc.shared.get(NUMBERS_SHARED_KEY) as NumbersShared | undefined;
    const quantities = shared?.quantities ?? [];
    const pending: Pending[] = [];
    this.used = new Uint8Array(0);
    if (quantities.length > 0) this.amounts(quantities, pending);
    this.bareCurrencies(quantities, pending);
    if (pending.length === 0) return;
    if (this.options.documentHints) this.applyHints(pending);
    this.write(pending);
  }

  private markUsed(first: number, last: number): void {
    if (this.used.length === 0) this.used = new Uint8Array(this.tokens.count);
    for (let k = first; k <= last; k++) this.used[k] = 1;
  }

  private isUsed(k: number): boolean {
    return this.used.length > 0 && this.used[k] === 1;
  }

  private lineBefore(k: number): boolean {
    return k >= this.tokens.count || (this.tokens.flags[k]! & TokenFlag.LineBefore) !== 0;
  }

  private norm(k: number): string {
    return this.text.slice(this.tokens.vStart[k], this.tokens.vEnd[k]);
  }

  // ---------------------------------------------------------------------------------
  // Amounts with a currency

  private amounts(quantities: Quantity[], pending: Pending[]): void {
    const byIndex = new Map<number, Pending>();
    quantities.forEach((q, index) => {
      if (q.label !== 'CARDINAL' || q.identifier) return;
      const after = this.currencyAt(q.numberLast + 1, false);
      const before = after === null ? this.currencyBefore(q.first) : null;
      const c = after ?? before;
      if (c === null) return;
      const p = this.moneyOf(q, c, after !== null);
      if (p === null) return;
      pending.push(p);
      byIndex.set(index, p);
      if (after !== null) this.markUsed(q.numberLast + 1, after.last);
      pending.push(this.innerCurrency(c, after !== null ? this.tokens.start[q.numberLast + 1]! : this.tokens.start[this.symbolStart(q.first)]!));
    });
    // The first end of a range takes the currency of the second: بين 5 و7 ملايين دولار.
    quantities.forEach((q, index) => {
      if (byIndex.has(index) || q.partner < 0 || q.label !== 'CARDINAL' || q.qualifier !== 'range-from') return;
      const other = byIndex.get(q.partner);
      if (other === undefined || other.amount === null) return;
      pending.push({
        label: 'MONEY',
        start: q.start,
        end: q.end,
        amount: other.ratio === null ? q.value : q.value.div(other.ratio),
        ratio: other.ratio,
        code: other.code,
        lemma: other.lemma,
        resolvedByName: other.resolvedByName,
        source: 'money:range',
        confidence: 0.85,
        qualifier: q.qualifier,
        note: q.note,
        replaces: q.annotation,
      });
    });
  }

  /**
   * The currency inside a MONEY, as a CURR: written only in nested mode (the outermost
   * MONEY hides it otherwise).
   */
  private innerCurrency(c: CurrencyMatch, start: number): Pending {
    return {
      label: 'CURR',
      start,
      end: c.end,
      amount: null,
      ratio: null,
      code: c.code,
      lemma: c.head?.lemma ?? null,
      resolvedByName: c.name !== null,
      source: `money:${c.kind === 'name' ? 'currency' : c.kind}`,
      confidence: 0.9,
      qualifier: null,
      note: null,
      replaces: null,
    };
  }

  /** Builds the MONEY of quantity `q` with currency `c`. */
  private moneyOf(q: Quantity, c: CurrencyMatch, after: boolean): Pending | null {
    let amount: Exact | null = q.value;
    let note: string | null = q.note;
    const noun = c.head?.noun ?? null;
    if (noun !== null && (noun.ratio !== null || noun.ratioUnknown)) {
      if (noun.ratio !== null) amount = q.value.div(noun.ratio);
      else {
        amount = null;
        note = `subunit ${noun.lemma} of an undetermined currency: amount unknown in main units`;
      }
      if (noun.ratio !== null) note = `subunit ${noun.lemma}: ${q.value.toString()} = ${amount!.toString()} in main units`;
    }
    const start = after ? q.start : this.tokens.start[this.symbolStart(q.first)]!;
    const end = after ? c.end : q.end;
    const source = c.kind === 'name' ? 'money:amount+currency' : after ? `money:amount+${c.kind}` : `money:${c.kind}+amount`;
    const confidence = c.code === null ? 0.85 : 0.95;
    return {
      label: 'MONEY',
      start,
      end,
      amount,
      ratio: noun?.ratio ?? null,
      code: c.code,
      lemma: c.head?.lemma ?? null,
      resolvedByName: c.name !== null,
      source,
      confidence,
      qualifier: q.qualifier,
      note,
      replaces: q.annotation,
    };
  }

  /** Index of the first token of a currency written before the amount at `first`. */
  private symbolStart(first: number): number {
    const t = this.tokens;
    const k = first - 1;
    if (k - 1 >= 0 && t.kind[k - 1] === TokenKind.Latin && t.vEnd[k - 1] === t.vStart[k] && this.table.symbols.has(this.norm(k - 1) + this.norm(k))) return k - 1;
    return k;
  }

  /**
   * A currency starting at token `k`: a name (head noun and qualifiers), a symbol, a Latin
   * ISO code or an Arabic abbreviation. With `bare`, proclitics and the article are allowed
   * on the head (بالدولار); after an amount they are not.
   */
  private currencyAt(k: number, bare: boolean): CurrencyMatch | null {
    const t = this.tokens;
    if (k >= t.count || this.lineBefore(k)) return null;
    const kind = t.kind[k]!;
    if (kind === TokenKind.Word) {
      const m = this.nameAt(k, bare);
      if (m !== null) return m;
      return this.abbreviationAt(k);
    }
    if (kind === TokenKind.Symbol || kind === TokenKind.Punct) {
      const s = this.norm(k);
      if (this.table.symbols.has(s)) return { code: this.table.symbols.get(s)!, last: k, end: t.end[k]!, head: null, name: null, kind: 'symbol' };
      return null;
    }
    if (kind === TokenKind.Latin && this.options.latinCodes) {
      const s = this.norm(k);
      // US$ 5: a Latin prefix glued to a symbol.
      if (k + 1 < t.count && t.vEnd[k] === t.vStart[k + 1] && this.table.symbols.has(s + this.norm(k + 1))) {
        return { code: this.table.symbols.get(s + this.norm(k + 1))!, last: k + 1, end: t.end[k + 1]!, head: null, name: null, kind: 'symbol' };
      }
      if (s.length === 3 && this.table.latin.has(s)) return { code: s, last: k, end: t.end[k]!, head: null, name: null, kind: 'code' };
      // `5 million dollars` in quoted English: after an amount only (a bare `dollar` is no CURR).
      const code = bare ? undefined : this.table.english.get(s.toLowerCase());
      if (code !== undefined) return { code, last: k, end: t.end[k]!, head: null, name: null, kind: 'english' };
    }
    return null;
  }

  /** A currency written just before the amount that starts at token `first` ($4,500، USD 500). */
  private currencyBefore(first: number): CurrencyMatch | null {
    const t = this.tokens;
    const k = first - 1;
    if (k < 0 || this.lineBefore(first)) return null;
    const kind = t.kind[k]!;
    if (kind === TokenKind.Symbol) {
      const start = this.symbolStart(first);
      const s = start === k ? this.norm(k) : this.norm(k - 1) + this.norm(k);
      const code = this.table.symbols.get(s);
      if (code === undefined) return null;
      return { code, last: k, end: t.end[k]!, head: null, name: null, kind: 'symbol' };
    }
    if (kind === TokenKind.Latin && this.options.latinCodes) {
      const s = this.norm(k);
      if (s.length === 3 && this.table.latin.has(s)) return { code: s, last: k, end: t.end[k]!, head: null, name: null, kind: 'code' };
    }
    return null;
  }

  /** A head noun at token `k` and the longest qualifier sequence after it. */
  private nameAt(k: number, bare: boolean, known?: HeadForm, knownCut = 0): CurrencyMatch | null {
    const t = this.tokens;
    const heads = this.heads;
    let head = known;
    let cut = knownCut;
    if (head === undefined) {
      head = bare ? heads.withProclitics(this.lookup, k, MIN_STEM) : heads.whole(this.lookup, k);
      cut = bare ? heads.cut : 0;
    }
    if (head === undefined) return null;
    if (!bare && head.article) return null;
    if (bare && cut > 0 && !procliticReadings(this.norm(k), MIN_STEM).some((r) => r.cut === cut)) return null;
    let name: CurrencyName | null = null;
    let last = k;
    for (const candidate of head.names) {
      let ok = true;
      for (let p = 0; p < candidate.tail.length; p++) {
        const j = k + 1 + p;
        if (j >= t.count || this.lineBefore(j) || t.kind[j] !== TokenKind.Word || !candidate.tail[p]!.has(this.norm(j))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        name = candidate;
        last = k + candidate.tail.length;
        break;
      }
    }
    if (name === null && head.noun === null) return null; // شلن alone: only in a full name
    const code = name !== null ? name.code : head.noun!.code;
    return { code, last, end: t.end[last]!, head, name, kind: 'name' };
  }

  /** `ر.س`، `د.ك`، `ج.م` (written without spaces) after an amount, matched on the original text (د.إ is not د.أ). */
  private abbreviationAt(k: number): CurrencyMatch | null {
    const t = this.tokens;
    const first = this.norm(k);
    if (first.length !== 1 || !this.table.abbreviationStarts.has(first) || k + 2 >= t.count) return null;
    // No space inside: ج. م. in a race time is "hundredths of a second", not Egyptian pounds.
    if (this.norm(k + 1) !== '.' || t.vEnd[k] !== t.vStart[k + 1] || t.vEnd[k + 1] !== t.vStart[k + 2]) return null;
    const second = this.norm(k + 2);
    if (t.kind[k + 2] !== TokenKind.Word || second.length !== 1) return null;
    let last = k + 2;
    if (k + 3 < t.count && this.norm(k + 3) === '.' && t.vStart[k + 3] === t.vEnd[k + 2]) last = k + 3;
    const original = this.doc.text.slice(t.start[k], t.end[k]) + '.' + this.doc.text.slice(t.start[k + 2], t.end[k + 2]);
    let code: string | null | undefined = this.table.abbreviations.get(original);
    if (code === undefined) code = this.table.foldedAbbreviations.get(first + '.' + second);
    if (code === undefined) return null;
    return { code, last, end: t.end[last]!, head: null, name: null, kind: 'abbreviation' };
  }

  // ---------------------------------------------------------------------------------
  // Currencies without an amount

  private bareCurrencies(quantities: Quantity[], pending: Pending[]): void {
    const t = this.tokens;
    const heads = this.heads;
    const lookup = this.lookup;
    const maxLength = this.table.heads.maxLength + 2;
    const quantityEnds = new Set<number>();
    for (const q of quantities) quantityEnds.add(q.numberLast);
    const scopes = lookup.scopes;
    for (let k = 0; k < t.count; k++) {
      // (The scope test is withProclitics' own first one, here without the call.)
      if ((scopes[k]! & CURRENCY_SCOPE) === 0 || t.kind[k] !== TokenKind.Word || t.vEnd[k]! - t.vStart[k]! > maxLength) continue;
      const found = heads.withProclitics(lookup, k, MIN_STEM);
      if (found === undefined || this.isUsed(k)) continue;
      const m = this.nameAt(k, true, found, heads.cut);
      if (m === null || m.head === null) continue;
      const head = m.head;
      const noun = head.noun;
      const cut = heads.cut;
      const start = t.view.originalStart(t.vStart[k]! + cut);
      // A dual alone is an amount: دولاران = 2 dollars.
      if (head.number === 'dual' && !head.article && !quantityEnds.has(k - 1) && noun !== null) {
        const two = Exact.int(2);
        const amount = noun.ratio !== null ? two.div(noun.ratio) : noun.ratioUnknown ? null : two;
        pending.push({
          label: 'MONEY',
          start,
          end: m.end,
          amount,
          ratio: noun.ratio,
          code: m.code,
          lemma: head.lemma,
          resolvedByName: m.name !== null,
          source: 'money:dual',
          confidence: 0.85,
          qualifier: null,
          note: 'dual noun: two units',
          replaces: null,
        });
        this.markUsed(k, m.last);
        k = m.last;
        continue;
      }
      if (!this.options.curr) continue;
      if (quantityEnds.has(k - 1) && cut === 0) continue; // an amount the MONEY pass refused
      // يورو 2004 is a tournament, not a currency.
      if (this.yearFollows(m.last + 1)) continue;
      const qualified = m.name !== null;
      const article = head.article || (cut > 0 && this.stemHasArticle(k, cut));
      if (noun === null || noun.curr === 'no') {
        if (!qualified || noun !== null) continue;
      } else if (noun.curr === 'adj') {
        // الريال alone is also Real Madrid; بالريال (with a preposition) is the currency.
        if (!qualified && !(cut > 0 && article)) continue;
      } else if (!qualified && !article) continue;
      pending.push({
        label: 'CURR',
        start,
        end: m.end,
        amount: null,
        ratio: null,
        code: m.code,
        lemma: head.lemma,
        resolvedByName: qualified,
        source: qualified ? 'money:currency-name' : 'money:currency',
        confidence: qualified ? 0.9 : 0.8,
        qualifier: null,
        note: null,
        replaces: null,
      });
      this.markUsed(k, m.last);
      k = m.last;
    }
  }

  private stemHasArticle(k: number, cut: number): boolean {
    const vs = this.tokens.vStart[k]! + cut;
    return (this.text.charCodeAt(vs) === 0x0627 && this.text.charCodeAt(vs + 1) === 0x0644) || this.table.heads.restoredAlef;
  }

  private yearFollows(k: number): boolean {
    const t = this.tokens;
    if (k >= t.count || this.lineBefore(k) || t.kind[k] !== TokenKind.Number) return false;
    return /^(?:19|20)\d\d$/.test(this.norm(k));
  }

  // ---------------------------------------------------------------------------------
  // Document hints and output

  /**
   * A name without its qualifier (دينار) takes the code of the one full name of the same
   * noun in the document (دينار كويتي); with two different full names it stays null.
   */
  private applyHints(pending: Pending[]): void {
    const resolved = new Map<string, Set<string | null>>();
    for (const p of pending) {
      if (p.lemma === null || !p.resolvedByName) continue;
      if (!resolved.has(p.lemma)) resolved.set(p.lemma, new Set());
      resolved.get(p.lemma)!.add(p.code);
    }
    for (const p of pending) {
      if (p.code !== null || p.lemma === null || p.resolvedByName) continue;
      const codes = resolved.get(p.lemma);
      if (codes === undefined || codes.size !== 1) continue;
      const code = [...codes][0]!;
      if (code === null) continue;
      p.code = code;
      p.note = p.note === null ? `currency ${code} from its full name elsewhere in the document` : `${p.note}; currency ${code} from the document`;
    }
    // Failing that, the one country of the noun's currencies that the document names, by its
    // name or nisba (مصر، المصرية: جنيه is EGP); none when it names several (مصر، السودان).
    let evidence: Map<string, Map<string, string>> | null = null;
    for (const p of pending) {
      if (p.code !== null || p.lemma === null || p.resolvedByName) continue;
      evidence ??= this.countryEvidence();
      const found = evidence.get(p.lemma);
      if (found === undefined || found.size !== 1) continue;
      const [code, word] = [...found][0]!;
      p.code = code;
      p.confidence = Math.max(p.confidence, 0.9);
      const why = `currency ${code} from ${word} (folded) in the document`;
      p.note = p.note === null ? why : `${p.note}; ${why}`;
    }
  }

  /** Per head lemma, the codes whose country the document names, with the word that names it. */
  private countryEvidence(): Map<string, Map<string, string>> {
    const out = new Map<string, Map<string, string>>();
    const { scopes, readings } = this.lookup;
    for (let i = 0; i < this.tokens.count; i++) {
      if ((scopes[i]! & CURRENCY_HINT_SCOPE) === 0) continue;
      for (let r = 0; r < READINGS; r++) {
        const hints = this.hints.get(readings[i * READINGS + r]!);
        if (hints === undefined) continue;
        for (const h of hints) {
          let codes = out.get(h.lemma);
          if (codes === undefined) out.set(h.lemma, (codes = new Map()));
          if (!codes.has(h.code)) codes.set(h.code, h.word);
        }
      }
    }
    return out;
  }

  private write(pending: Pending[]): void {
    const doc = this.doc;
    const replaced = new Set<Annotation>();
    for (const p of pending) {
      if (p.confidence < this.options.minConfidence) continue;
      if (!(p.start < p.end)) continue;
      const value = p.label === 'MONEY' ? { amount: p.amount === null ? null : p.amount.toJsonValue(), currency: p.code } : { currency: p.code };
      const a = doc.annotate({
        label: p.label,
        start: p.start,
        end: p.end,
        value,
        source: p.source,
        confidence: p.confidence,
        // Always present (see annotateCandidate): one input shape for Doc.annotate.
        note: p.note !== null ? p.note : undefined,
      });
      if (p.qualifier !== null) a.qualifier = p.qualifier;
      // The number's own annotation, when it has exactly the MONEY's span, would win the
      // tie with it (same span, label order): the MONEY replaces it.
      if (p.replaces !== null && p.replaces.start === p.start && p.replaces.end === p.end) replaced.add(p.replaces);
    }
    if (replaced.size > 0) doc.annotations = doc.annotations.filter((a) => !replaced.has(a));
  }
}

export const moneyStage = defineStage({
  name: 'money',
  summary: 'Amounts of money with their currency (either order, names, symbols, ISO codes, abbreviations) and currencies named without an amount.',
  requires: ['numbers'],
  provides: ['money'],
  tagger: true,
  options: moneyOptions,
  create(options, context) {
    const table = loadCurrencyTable(
      { names: dataPath(options.names, context), nouns: dataPath(options.nouns, context), extra: dataPath(options.extra, context) },
      context.normalise,
    );
    const scanner = new MoneyScanner(table, options, sharedVocabulary(context));
    return (doc) => scanner.run(doc);
  },
});
