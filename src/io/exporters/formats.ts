/**
 * The export formats, one renderer each, over one document at a time. Span formats
 * (spacy, brat, labelstudio) convert UTF-16 offsets to code points and read every span
 * back in code points before writing it; token formats (conll, jsonl) go through
 * token-labels.ts. Whatever cannot be represented is counted in the ExportReport.
 */
import type { Span } from '../../core/document.js';
import { offsetConverter } from '../../core/offsets.js';
import type { StandoffDocument } from '../standoff.js';
import { CodePointWalker, escapeXml, type ExportEntity, type ExportReport } from './common.js';
import { labelTokens, type LabelledSentence, type TokenLabelOptions, type TokenSpans } from './token-labels.js';

/** One document ready for an exporter: text, sentences and selected entities (UTF-16). */
export interface PreparedDocument {
  id: string;
  text: string;
  sentences: Span[];
  entities: ExportEntity[];
  pipeline?: StandoffDocument['pipeline'];
}

/** A span in code points that was read back and found equal to its surface. */
export interface CheckedSpan {
  entity: ExportEntity;
  start: number;
  end: number;
}

/**
 * Converts each entity to code points and checks `[...text].slice(start, end)` against
 * its surface with an independent walk. A span that does not read back is reported.
 */
export function codePointSpans(doc: PreparedDocument, report: ExportReport): CheckedSpan[] {
  const cv = offsetConverter(doc.text);
  const walker = new CodePointWalker(doc.text);
  const out: CheckedSpan[] = [];
  for (const entity of doc.entities) {
    const start = cv.toCodePoint(entity.start);
    const end = cv.toCodePoint(entity.end);
    if (walker.slice(start, end) !== entity.text || start >= end) {
      report.problem({ doc: doc.id, id: entity.id, label: entity.label, start, end, text: entity.text, reason: 'offset-check-failed' });
      continue;
    }
    out.push({ entity, start, end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CoNLL and Hugging Face token classification

/**
 * CoNLL lines of one document: `# id = <doc id>`, then one `token<TAB>tag` line per
 * token and a blank line after each sentence. Yields one chunk per sentence so a long
 * document never becomes one string.
 */
export function* conllChunks(doc: PreparedDocument, tokens: TokenSpans, options: TokenLabelOptions, report: ExportReport): Generator<string> {
  yield `# id = ${doc.id}\n`;
  let any = false;
  for (const s of labelTokens(doc.id, doc.text, tokens, doc.sentences, doc.entities, options, report)) {
    any = true;
    let chunk = '';
    for (let i = 0; i < s.tokens.length; i++) chunk += `${s.tokens[i]}\t${s.tags[i]}\n`;
    yield `${chunk}\n`;
  }
  if (!any) yield '\n';
}

/** Unit of a Hugging Face JSONL line. */
export type JsonlUnit = 'sentence' | 'document';

/**
 * Hugging Face token classification lines: `{"id","tokens","ner_tags"}` with tags as
 * strings, one sentence a line (`<doc id>#<n>`, n from 0) or one document a line.
 */
export function* jsonlChunks(doc: PreparedDocument, tokens: TokenSpans, options: TokenLabelOptions & { unit: JsonlUnit }, report: ExportReport, tagsSeen: Set<string>): Generator<string> {
  const sentences = labelTokens(doc.id, doc.text, tokens, doc.sentences, doc.entities, options, report);
  if (options.unit === 'document') {
    const all: LabelledSentence = { tokens: [], tags: [], starts: [] };
    // A loop, not push(...): a long document's token list would overflow the call stack.
    for (const s of sentences) {
      for (let i = 0; i < s.tokens.length; i++) {
        all.tokens.push(s.tokens[i]!);
        all.tags.push(s.tags[i]!);
      }
    }
    for (const t of all.tags) tagsSeen.add(t);
    yield `${JSON.stringify({ id: doc.id, tokens: all.tokens, ner_tags: all.tags })}\n`;
    return;
  }
  let n = 0;
  for (const s of sentences) {
    for (const t of s.tags) tagsSeen.add(t);
    yield `${JSON.stringify({ id: `${doc.id}#${n++}`, tokens: s.tokens, ner_tags: s.tags })}\n`;
  }
}

// ---------------------------------------------------------------------------------------
// spaCy

/**
 * One spaCy training line: `{"id","text","entities":[[start,end,label],...]}`, offsets in
 * code points (Python's `str` indices, which spaCy's `Doc.char_span` takes).
 */
export function spacyLine(doc: PreparedDocument, report: ExportReport): string {
  const entities = codePointSpans(doc, report).map((s) => {
    report.wrote(s.entity.label);
    return [s.start, s.end, s.entity.label];
  });
  return `${JSON.stringify({ id: doc.id, text: doc.text, entities })}\n`;
}

// ---------------------------------------------------------------------------------------
// brat

/** Code units that end a line in brat's line-based `.ann` file. */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029\u000b\u000c]/g;

/**
 * brat fragments of a code-point span: a surface with line breaks becomes a
 * discontinuous span around them (the `.ann` format is one annotation a line, and brat
 * joins fragment texts with one space).
 *
 * ```
 * "شمال\nسوريا" [10, 20)   ->   T1\tLOC 10 14;15 20\tشمال سوريا
 * ```
 */
export function bratFragments(surface: string, start: number): [number, number][] {
  const fragments: [number, number][] = [];
  let cpOffset = 0; // code points of `surface` consumed so far
  let last = 0; // UTF-16 index where the current fragment starts
  const cpLength = (s: string) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      n++;
    }
    return n;
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(surface); m !== null; m = LINE_BREAK.exec(surface)) {
    const piece = surface.slice(last, m.index);
    const len = cpLength(piece);
    if (len > 0) fragments.push([start + cpOffset, start + cpOffset + len]);
    cpOffset += len + cpLength(m[0]);
    last = m.index + m[0].length;
  }
  const tail = surface.slice(last);
  const len = cpLength(tail);
  if (len > 0) fragments.push([start + cpOffset, start + cpOffset + len]);
  return fragments;
}

/** The `.txt` and `.ann` of one document. Values go into `AnnotatorNotes` as JSON. */
export function renderBrat(doc: PreparedDocument, report: ExportReport): { txt: string; ann: string } {
  const walker = new CodePointWalker(doc.text);
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  for (const s of codePointSpans(doc, report)) {
    const fragments = bratFragments(s.entity.text, s.start);
    const pieces = fragments.map(([a, b]) => walker.slice(a, b));
    if (fragments.length === 0 || pieces.some((p) => p === null || p === '' || /[\n\r\t]/.test(p))) {
      report.problem({ doc: doc.id, id: s.entity.id, label: s.entity.label, start: s.start, end: s.end, text: s.entity.text, reason: 'offset-check-failed' });
      continue;
    }
    t++;
    lines.push(`T${t}\t${s.entity.label} ${fragments.map(([a, b]) => `${a} ${b}`).join(';')}\t${pieces.join(' ')}`);
    if (s.entity.value !== undefined) lines.push(`#${++note}\tAnnotatorNotes T${t}\t${JSON.stringify(s.entity.value)}`);
    report.wrote(s.entity.label);
  }
  return { txt: doc.text, ann: lines.length === 0 ? '' : `${lines.join('\n')}\n` };
}

/**
 * brat's `annotation.conf` for the labels used. `<OVERLAP>` allows nested and crossing
 * spans when the export keeps them (brat refuses them otherwise).
 */
export function bratAnnotationConf(labels: Iterable<string>, allowOverlap: boolean): string {
  const sorted = [...new Set(labels)].sort();
  return [
    '# Written by tawsim export. Entity types are the labels of the exported annotations;',
    '# normalised values (numbers, currencies, gazetteer ids) are in AnnotatorNotes as JSON.',
    '[entities]',
    ...sorted,
    '',
    '[relations]',
    allowOverlap ? '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>' : '# none',
    '',
    '[events]',
    '# none',
    '',
    '[attributes]',
    '# none',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// Label Studio

/**
 * One Label Studio task with the annotations as predictions.
 *
 * Offset unit: CODE POINTS. Label Studio's Text tag counts `value.start`/`value.end` in
 * Unicode code points, not JavaScript UTF-16 units, since its fix for emoji offsets
 * (HumanSignal/label-studio PR #1662; its editor test
 * web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts expects `test` in
 * "🐱 Warning: This is a test text" at [21, 25), which is 22 in UTF-16). So each span is
 * converted to code points here and read back in code points.
 */
export function labelStudioTask(doc: PreparedDocument, report: ExportReport): object {
  const result = codePointSpans(doc, report).map((s) => {
    report.wrote(s.entity.label);
    return {
      id: `${s.entity.id}`,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start: s.start, end: s.end, text: s.entity.text, labels: [s.entity.label] },
      score: s.entity.confidence,
    };
  });
  const score = result.length === 0 ? 0 : result.reduce((sum, r) => sum + r.score, 0) / result.length;
  const version = doc.pipeline === undefined ? 'tawsim' : `tawsim-${doc.pipeline.version}-${doc.pipeline.config_sha256.slice(0, 12)}`;
  return {
    data: { text: doc.text, doc_id: doc.id },
    predictions: [{ model_version: version, score: Math.round(score * 1e6) / 1e6, result }],
  };
}

/** The labelling config matching the tasks: `label` over `text`, right to left. */
export function labelStudioConfig(labels: Iterable<string>): string {
  const sorted = [...new Set(labels)].sort();
  return [
    '<View>',
    '  <!-- Written by tawsim export. Offsets in the tasks are Unicode code points, as Label Studio counts them. -->',
    '  <Labels name="label" toName="text">',
    ...sorted.map((l) => `    <Label value="${escapeXml(l)}"/>`),
    '  </Labels>',
    '  <View style="direction: rtl; text-align: right">',
    '    <Text name="text" value="$text" granularity="symbol"/>',
    '  </View>',
    '</View>',
    '',
  ].join('\n');
}
