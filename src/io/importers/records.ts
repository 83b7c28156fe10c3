/**
 * JSON and JSONL gold or predictions. One record is a document, in any of these shapes:
 * - `{id, text, entities: [{start, end, label, text|surface?, value?}]}`: the shape of
 *   eval/seed.gold.json and eval/anercorp-train.gold.jsonl (extra fields ignored);
 * - `{id, text, entities: [[start, end, label]]}`: tawsim's spaCy export;
 * - a standoff document with its `text` (`tawsim run --out -`, `tawsim annotate`);
 * - a Label Studio task `{data: {text}, annotations|predictions: [{result}]}`;
 * - `{id, tokens, ner_tags}`: tawsim's Hugging Face export (`<doc id>#<n>` ids are
 *   gathered into their document).
 * Offsets are code points; every surface given is checked against the text.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../../core/errors.js';
import { offsetConverter, type OffsetConverter } from '../../core/offsets.js';
import { CodePointWalker } from '../exporters/common.js';
import { STANDOFF_SCHEMA } from '../standoff.js';
import type { EvalEntity, ImportResult, TextDocument, TokenDocument } from './types.js';

/** Collects the errors of one input and stops after a few, so one message names them all. */
export class ImportErrors {
  readonly messages: string[] = [];
  count = 0;
  constructor(readonly path: string) {}
  add(message: string): void {
    this.count++;
    if (this.messages.length < 10) this.messages.push(message);
  }
  throwIfAny(): void {
    if (this.count === 0) return;
    const more = this.count > this.messages.length ? `\n  ... and ${this.count - this.messages.length} more` : '';
    throw new InputError(`Cannot read ${this.path}: ${this.count} error(s):\n${this.messages.map((m) => `  - ${m}`).join('\n')}${more}`);
  }
}

/**
 * Converts a code-point span to UTF-16 and checks it: inside the text, not empty, and
 * reading `surface` when one is given. Returns an error sentence otherwise.
 */
export function checkedSpan(text: string, cv: OffsetConverter, walker: CodePointWalker, start: unknown, end: unknown, surface: unknown): { start: number; end: number } | string {
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return `start and end must be whole numbers (got ${JSON.stringify(start)}, ${JSON.stringify(end)})`;
  if (start < 0 || end <= start) return `[${start}, ${end}) is not a span`;
  const read = walker.slice(start, end);
  if (read === null) return `[${start}, ${end}) runs past the end of the text`;
  if (typeof surface === 'string' && read !== surface) return `[${start}, ${end}) reads "${read}", not "${surface}"`;
  return { start: cv.toUtf16(start), end: cv.toUtf16(end) };
}

type Parsed = TextDocument | { kind: 'token-line'; docId: string; tokens: string[]; tags: string[]; origin: string };

function asId(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function entityFromObject(text: string, cv: OffsetConverter, walker: CodePointWalker, e: unknown, where: string, errors: ImportErrors): EvalEntity | null {
  if (Array.isArray(e)) {
    const [s, en, label] = e as unknown[];
    if (typeof label !== 'string' || label === '') {
      errors.add(`${where}: entity ${JSON.stringify(e)} has no label`);
      return null;
    }
    const span = checkedSpan(text, cv, walker, s, en, undefined);
    if (typeof span === 'string') {
      errors.add(`${where}: ${label} ${span}`);
      return null;
    }
    return { ...span, label };
  }
  if (e === null || typeof e !== 'object') {
    errors.add(`${where}: an entity is not an object`);
    return null;
  }
  const r = e as Record<string, unknown>;
  const label = r.label;
  if (typeof label !== 'string' || label === '') {
    errors.add(`${where}: entity at ${JSON.stringify(r.start)} has no label`);
    return null;
  }
  const surface = typeof r.text === 'string' ? r.text : r.surface;
  const span = checkedSpan(text, cv, walker, r.start, r.end, surface);
  if (typeof span === 'string') {
    errors.add(`${where}: ${label} ${span}`);
    return null;
  }
  return r.value !== undefined ? { ...span, label, value: r.value } : { ...span, label };
}

/** Entities of a Label Studio task: the first annotation with a result, else the first prediction. */
function labelStudioResults(record: Record<string, unknown>): unknown[] {
  const pick = (list: unknown) => {
    if (!Array.isArray(list)) return null;
    for (const item of list) {
      if (item === null || typeof item !== 'object') continue;
      const it = item as { result?: unknown; was_cancelled?: unknown };
      if (it.was_cancelled === true) continue;
      if (Array.isArray(it.result)) return it.result;
    }
    return null;
  };
  const results = pick(record.annotations) ?? pick(record.predictions) ?? [];
  const out: unknown[] = [];
  for (const r of results) {
    if (r === null || typeof r !== 'object') continue;
    const v = (r as { type?: unknown; value?: unknown }).value as Record<string, unknown> | undefined;
    if (v === undefined || !Array.isArray(v.labels)) continue;
    for (const label of v.labels) out.push({ start: v.start, end: v.end, label, text: v.text });
  }
  return out;
}

/** Reads one parsed record; null when it holds nothing to evaluate (errors recorded). */
export function parseRecord(value: unknown, where: string, fallbackId: string, errors: ImportErrors, warnings: Map<string, number>): Parsed | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.add(`${where}: not a JSON object`);
    return null;
  }
  const r = value as Record<string, unknown>;
  // Hugging Face token classification line.
  if (Array.isArray(r.tokens) && Array.isArray(r.ner_tags)) {
    const tokens = r.tokens as unknown[];
    const tags = r.ner_tags as unknown[];
    if (tokens.length !== tags.length || tokens.some((t) => typeof t !== 'string') || tags.some((t) => typeof t !== 'string')) {
      errors.add(`${where}: "tokens" and "ner_tags" must be lists of strings of the same length (numeric tags: map them with the labels sidecar first)`);
      return null;
    }
    const id = asId(r.id) ?? fallbackId;
    const m = /^(.*)#\d+$/.exec(id);
    return { kind: 'token-line', docId: m === null ? id : m[1]!, tokens: tokens as string[], tags: tags as string[], origin: where };
  }
  // Label Studio task.
  const data = r.data as Record<string, unknown> | undefined;
  if (data !== undefined && data !== null && typeof data === 'object' && typeof data.text === 'string') {
    const text = data.text;
    const id = asId(data.doc_id) ?? asId(data.id) ?? asId(r.id) ?? fallbackId;
    return documentOf(id, text, labelStudioResults(r), where, errors);
  }
  if (typeof r.text !== 'string') {
    errors.add(`${where}: no string "text" field`);
    return null;
  }
  // A standoff document with its text.
  if (r.schema === STANDOFF_SCHEMA) {
    const doc = r.doc as { id?: unknown } | undefined;
    const annotations = Array.isArray(r.annotations) ? (r.annotations as Record<string, unknown>[]) : [];
    const kept = annotations.filter((a) => a.status !== 'rejected');
    if (kept.length < annotations.length) warnings.set('rejected annotations left out', (warnings.get('rejected annotations left out') ?? 0) + annotations.length - kept.length);
    return documentOf(asId(doc?.id) ?? fallbackId, r.text, kept, where, errors);
  }
  if (r.entities !== undefined && !Array.isArray(r.entities)) {
    errors.add(`${where}: "entities" is not a list`);
    return null;
  }
  return documentOf(asId(r.id) ?? fallbackId, r.text, (r.entities as unknown[] | undefined) ?? [], where, errors);
}

function documentOf(id: string, text: string, entities: unknown[], where: string, errors: ImportErrors): TextDocument {
  const cv = offsetConverter(text);
  const walker = new CodePointWalker(text);
  const out: EvalEntity[] = [];
  for (const e of entities) {
    const entity = entityFromObject(text, cv, walker, e, `${where} (document "${id}")`, errors);
    if (entity !== null) out.push(entity);
  }
  return { kind: 'text', id, text, entities: out, origin: where };
}

/** Gathers token lines of one document id (consecutive lines) into token documents. */
function gather(parsed: Parsed[]): (TextDocument | TokenDocument)[] {
  const out: (TextDocument | TokenDocument)[] = [];
  let current: TokenDocument | null = null;
  for (const p of parsed) {
    if (p.kind === 'text') {
      current = null;
      out.push(p);
      continue;
    }
    if (current === null || current.id !== p.docId) {
      current = { kind: 'tokens', id: p.docId, sentences: [], origin: p.origin };
      out.push(current);
    }
    current.sentences.push({ tokens: p.tokens, tags: p.tags, origin: p.origin });
  }
  return out;
}

function warningList(warnings: Map<string, number>): string[] {
  return [...warnings].map(([w, n]) => `${n} ${w}`);
}

/** Reads a JSON file: one record, or a list of them. */
export async function readJsonFile(path: string): Promise<ImportResult> {
  const errors = new ImportErrors(path);
  const warnings = new Map<string, number>();
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`Cannot read ${path}: ${(error as Error).message}.`);
  }
  const records = Array.isArray(value) ? value : [value];
  const stem = basename(path, extname(path));
  const parsed: Parsed[] = [];
  records.forEach((record, i) => {
    const p = parseRecord(record, Array.isArray(value) ? `${path}[${i}]` : path, records.length === 1 ? stem : `${stem}-${i + 1}`, errors, warnings);
    if (p !== null) parsed.push(p);
  });
  errors.throwIfAny();
  return { path, format: 'json', documents: gather(parsed), warnings: warningList(warnings) };
}

/** Reads a JSONL file, one record a line (blank lines skipped). */
export async function readJsonlFile(path: string): Promise<ImportResult> {
  const errors = new ImportErrors(path);
  const warnings = new Map<string, number>();
  const stem = basename(path, extname(path));
  const parsed: Parsed[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.add(`${path}:${n}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const p = parseRecord(value, `${path}:${n}`, `${stem}-${n}`, errors, warnings);
    if (p !== null) parsed.push(p);
  }
  errors.throwIfAny();
  return { path, format: 'jsonl', documents: gather(parsed), warnings: warningList(warnings) };
}
