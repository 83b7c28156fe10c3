/**
 * Token tags to entity chunks, strictly. seqeval's default chunker (and conlleval) opens
 * an entity at `I-X` after `O` or after another type; for IOB2 data that hides errors
 * of the tagger that made the tags, so here an ill-formed tag opens nothing and is
 * reported. `repair` restores conlleval's reading (`I-X` after `O` starts an entity).
 *
 * ```
 * tags     O  I-LOC I-LOC  O  B-ORG I-ORG  I-LOC
 * strict      (invalid run)    [ORG      ]  (invalid)
 * repair      [LOC       ]     [ORG      ]  [LOC]
 * ```
 *
 * Schemes: IOB2 (B- begins every entity), IOB1 (I- begins, B- only between two adjacent
 * entities of one type: CoNLL-2003's original files), BIOES (S- single, E- end), BILOU
 * (U- unit, L- last) and IO (bare labels; a run of one label is one entity).
 */

export type TagScheme = 'IOB2' | 'IOB1' | 'BIOES' | 'BILOU' | 'IO';

/** A chunk: token indices `first..last` (inclusive) of one sentence, and its label. */
export interface Chunk {
  first: number;
  last: number;
  label: string;
}

/** An ill-formed tag sequence, for the import warnings. */
export interface TagProblem {
  /** Token index in the sentence. */
  index: number;
  tag: string;
  reason: string;
}

const PREFIXED = /^([BIESLU])-(.+)$/;

/** Splits a tag into prefix and label (`B-GPE` -> B, GPE; `O` -> O). */
export function splitTag(tag: string): { prefix: string; label: string } {
  if (tag === 'O' || tag === '_' || tag === '') return { prefix: 'O', label: '' };
  const m = PREFIXED.exec(tag);
  return m === null ? { prefix: '', label: tag } : { prefix: m[1]!, label: m[2]! };
}

/** The scheme a set of tags is written in (IOB2 unless S-/E-, U-/L- or bare labels say otherwise). */
export function detectScheme(tags: Iterable<string>): TagScheme {
  let bare = false;
  let prefixed = false;
  for (const t of tags) {
    const { prefix } = splitTag(t);
    if (prefix === 'S' || prefix === 'E') return 'BIOES';
    if (prefix === 'U' || prefix === 'L') return 'BILOU';
    if (prefix === '') bare = true;
    else if (prefix !== 'O') prefixed = true;
  }
  return bare && !prefixed ? 'IO' : 'IOB2';
}

/**
 * The chunks of one sentence's tags. Ill-formed sequences are passed to `onProblem`; in
 * strict mode (the default) they open no entity.
 */
export function decodeTags(tags: readonly string[], scheme: TagScheme, options: { repair?: boolean; onProblem?: (p: TagProblem) => void } = {}): Chunk[] {
  const repair = options.repair === true;
  const report = options.onProblem ?? (() => undefined);
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  /** Label of a run of ill-formed continuation tags being skipped (reported once). */
  let skipping: string | null = null;
  const close = () => {
    if (open !== null) chunks.push(open);
    open = null;
  };
  // For BIOES/BILOU: an entity still open when something else comes was never ended.
  const unterminated = (i: number) => {
    if (open === null) return;
    report({ index: open.first, tag: tags[open.first]!, reason: `entity opened at token ${open.first} is not closed by ${scheme === 'BIOES' ? 'E-' : 'L-'}${open.label} before token ${i}` });
    if (repair) close();
    else open = null;
  };
  const endTag = scheme === 'BILOU' ? 'L' : 'E';
  const singleTag = scheme === 'BILOU' ? 'U' : 'S';

  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const { prefix, label } = splitTag(tag);
    if (prefix === 'O') {
      skipping = null;
      if (scheme === 'BIOES' || scheme === 'BILOU') unterminated(i);
      else close();
      continue;
    }
    if (scheme === 'IO' || prefix === '') {
      if (scheme !== 'IO') {
        report({ index: i, tag, reason: `tag "${tag}" has no B-/I- prefix in ${scheme} data` });
        close();
        continue;
      }
      const current = open as Chunk | null;
      if (current !== null && current.label === label) current.last = i;
      else {
        close();
        open = { first: i, last: i, label };
      }
      continue;
    }
    const current = open as Chunk | null;
    const continues = current !== null && current.label === label;
    switch (scheme) {
      case 'IOB2':
      case 'IOB1': {
        if (prefix === 'B') {
          if (scheme === 'IOB1' && !continues) {
            // IOB1 uses B- only right after an entity of the same type.
            report({ index: i, tag, reason: `B-${label} in IOB1 data does not follow an ${label} entity` });
          }
          skipping = null;
          close();
          open = { first: i, last: i, label };
        } else if (prefix === 'I') {
          if (continues) current.last = i;
          else if (scheme === 'IOB1' || repair) {
            close();
            skipping = null;
            open = { first: i, last: i, label };
          } else {
            close();
            if (skipping !== label) report({ index: i, tag, reason: `I-${label} after ${i === 0 ? 'the sentence start' : `"${tags[i - 1]}"`} (IOB2 begins an entity with B-)` });
            skipping = label;
          }
        } else {
          report({ index: i, tag, reason: `prefix ${prefix}- is not part of ${scheme}` });
          close();
        }
        break;
      }
      case 'BIOES':
      case 'BILOU': {
        if (prefix === singleTag) {
          unterminated(i);
          skipping = null;
          chunks.push({ first: i, last: i, label });
        } else if (prefix === 'B') {
          unterminated(i);
          skipping = null;
          open = { first: i, last: i, label };
        } else if (prefix === 'I' || prefix === endTag) {
          if (continues) {
            current.last = i;
            if (prefix === endTag) close();
          } else if (repair) {
            unterminated(i);
            open = { first: i, last: i, label };
            if (prefix === endTag) close();
          } else {
            unterminated(i);
            if (skipping !== label) report({ index: i, tag, reason: `${prefix}-${label} without an open ${label} entity` });
            skipping = prefix === endTag ? null : label;
          }
        } else {
          report({ index: i, tag, reason: `prefix ${prefix}- is not part of ${scheme}` });
          unterminated(i);
        }
        break;
      }
    }
  }
  if (scheme === 'BIOES' || scheme === 'BILOU') unterminated(tags.length);
  else close();
  return chunks;
}
