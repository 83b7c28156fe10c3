/**
 * Token documents (CoNLL, Hugging Face JSONL) get offsets here. With the other side's
 * text for the same id, each token is found in it in order, with only whitespace, format
 * controls or stray combining marks allowed between tokens (what the tokeniser skips).
 * Without one, the text is the tokens joined by spaces, sentences by newlines, as
 * ANERcorp's text is written.
 *
 * ```
 * text     وقال رئيس  الاتحاد         tokens  وقال | رئيس | الاتحاد
 * offsets  [0,4) [5,9) [11,18)        (two spaces skipped before الاتحاد)
 * ```
 */
import { decodeTags, detectScheme, type TagProblem, type TagScheme } from './iob.js';
import type { EvalEntity, TextDocument, TokenDocument } from './types.js';

const SKIPPABLE = /^[\s\p{C}\p{M}]*$/u;

/** Problems found while resolving, for the import warnings. */
export interface ResolveNotes {
  tagProblems: number;
  examples: string[];
}

/** The scheme of a set of token documents (all their tags at once). */
export function schemeOf(documents: readonly TokenDocument[]): TagScheme {
  function* tags() {
    for (const d of documents) for (const s of d.sentences) yield* s.tags;
  }
  return detectScheme(tags());
}

/**
 * A text document from a token document: the tokens placed in `text` (or joined), tags
 * decoded with `scheme`. Returns an error sentence when a token is not where it should be.
 */
export function resolveTokenDocument(doc: TokenDocument, text: string | null, scheme: TagScheme, repair: boolean, notes: ResolveNotes): TextDocument | string {
  const starts: number[][] = [];
  const ends: number[][] = [];
  let fullText: string;
  if (text === null) {
    const parts: string[] = [];
    let offset = 0;
    doc.sentences.forEach((s, k) => {
      const st: number[] = [];
      const en: number[] = [];
      if (k > 0) offset += 1; // the newline between sentences
      s.tokens.forEach((t, i) => {
        if (i > 0) offset += 1;
        st.push(offset);
        offset += t.length;
        en.push(offset);
      });
      starts.push(st);
      ends.push(en);
      parts.push(s.tokens.join(' '));
    });
    fullText = parts.join('\n');
  } else {
    fullText = text;
    let cursor = 0;
    for (const s of doc.sentences) {
      const st: number[] = [];
      const en: number[] = [];
      for (let i = 0; i < s.tokens.length; i++) {
        const token = s.tokens[i]!;
        const at = text.indexOf(token, cursor);
        if (at < 0 || !SKIPPABLE.test(text.slice(cursor, at))) {
          const found = text.slice(cursor, cursor + Math.max(token.length, 12)).replace(/\s+/g, ' ');
          return `document "${doc.id}": token ${i + 1} "${token}" of the sentence at ${s.origin} is not the next token of the text (which reads "${found}" at UTF-16 offset ${cursor})`;
        }
        st.push(at);
        cursor = at + token.length;
        en.push(cursor);
      }
      starts.push(st);
      ends.push(en);
    }
    if (!SKIPPABLE.test(text.slice(cursor))) {
      return `document "${doc.id}": the text goes on after the last token ("${text.slice(cursor, cursor + 20).trim()}...")`;
    }
  }
  const entities: EvalEntity[] = [];
  doc.sentences.forEach((s, k) => {
    const onProblem = (p: TagProblem) => {
      notes.tagProblems++;
      if (notes.examples.length < 5) notes.examples.push(`${s.origin} (token ${p.index + 1}, ${p.tag}): ${p.reason}`);
    };
    for (const c of decodeTags(s.tags, scheme, { repair, onProblem })) {
      entities.push({ start: starts[k]![c.first]!, end: ends[k]![c.last]!, label: c.label });
    }
  });
  return { kind: 'text', id: doc.id, text: fullText, entities, origin: doc.origin };
}
