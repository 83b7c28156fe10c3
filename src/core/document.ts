import { TextView } from './text-view.js';
import type { TokenTable } from './tokens.js';

/** A span of the original text, UTF-16 offsets inside the pipeline. */
export interface Span {
  start: number;
  end: number;
}

/** Review states of SPEC.md; the pipeline only ever writes `auto`. */
export type AnnotationStatus = 'auto' | 'accepted' | 'rejected' | 'edited' | 'added';

/** One entity. Offsets are UTF-16 inside the pipeline, code points in files. */
export interface Annotation {
  label: string;
  start: number;
  end: number;
  /** The normalised meaning: a number, `{amount, currency}`, `{id, name}`, ... */
  value?: unknown;
  /** Which rule or list produced it, e.g. `money:amount+currency`, `gazetteer:places`. */
  source: string;
  confidence: number;
  status: AnnotationStatus;
  /** Free-form notes: what was decided and why (ambiguity, qualifiers). */
  note?: string;
  /** Review bookkeeping, kept as is by the pipeline. */
  [extra: string]: unknown;
}

/** What a stage gives `Doc.annotate`: an annotation whose status defaults to `auto`. */
export interface AnnotationInput {
  label: string;
  start: number;
  end: number;
  value?: unknown;
  source: string;
  confidence: number;
  status?: AnnotationStatus;
  note?: string;
}

/** A problem or remark about one document; never an exception that stops a run. */
export interface DocMessage {
  level: 'info' | 'warning' | 'error';
  code: string;
  text: string;
  stage?: string;
}

export interface LanguageInfo {
  /** ISO 639-3 (`arb`, `eng`, `fas` for Persian, `und` undetermined, `zxx` no text). */
  code: string;
  confidence: number;
  /** Share of letters per script (ISO 15924), when more than one script occurs. */
  scripts?: Record<string, number>;
  /** True when a second script holds a large share of the letters. */
  mixed?: boolean;
  /** How it was decided: `script` counts alone or `franc` on a sample. */
  method?: 'script' | 'franc';
}

/**
 * One document moving through the pipeline. `text` is the original and is never
 * reassigned; every stored offset points into it.
 */
export class Doc {
  readonly id: string;
  readonly text: string;
  source: string | undefined;
  /** The normalised view (identity until the normalise stage runs). */
  view: TextView;
  tokens: TokenTable | null = null;
  sentences: Span[] = [];
  annotations: Annotation[] = [];
  language: LanguageInfo | null = null;
  /** Set by the language stage when taggers should leave this document alone. */
  skipTagging = false;
  messages: DocMessage[] = [];
  /** Free slots stages may use to share results (e.g. document-level currency hints). */
  readonly shared = new Map<string, unknown>();

  constructor(id: string, text: string, source?: string) {
    this.id = id;
    this.text = text;
    this.source = source;
    this.view = TextView.identity(text);
  }

  /**
   * Adds an annotation (the fields of {@link AnnotationInput}, `value` and `note` always
   * present, maybe undefined) after checking its span is inside the text.
   */
  annotate(a: AnnotationInput): Annotation {
    if (!(a.start >= 0 && a.end <= this.text.length && a.start < a.end)) {
      throw new RangeError(`annotation ${a.label} [${a.start}, ${a.end}) is outside the text`);
    }
    // A literal of one shape, not `{ status: 'auto', ...a }`: a spread copies key by key
    // and cost twice as much for the 200k annotations of a bench pass.
    const annotation: Annotation = {
      status: 'status' in a ? a.status! : 'auto',
      label: a.label,
      start: a.start,
      end: a.end,
      value: a.value,
      source: a.source,
      confidence: a.confidence,
      note: a.note,
    };
    this.annotations.push(annotation);
    return annotation;
  }

  message(level: DocMessage['level'], code: string, text: string, stage?: string): void {
    this.messages.push(stage === undefined ? { level, code, text } : { level, code, text, stage });
  }
}
