/**
 * Gold and prediction readers for `tawsim eval`: a standoff folder, JSON or JSONL records,
 * a brat folder or a CoNLL file, detected from the path or named explicitly.
 */
import { opendir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ConfigError, InputError } from '../../core/errors.js';
import { standoffPaths } from '../standoff-folder.js';
import { readBratFolder } from './brat.js';
import { readConllFile } from './conll.js';
import { ImportErrors, readJsonFile, readJsonlFile } from './records.js';
import { resolveTokenDocument, schemeOf, type ResolveNotes } from './resolve.js';
import { StandoffTextFinder } from './standoff-texts.js';
import type { TagScheme } from './iob.js';
import { IMPORT_FORMATS, type ImportFormat, type ImportOptions, type ImportResult, type TextDocument, type TokenDocument } from './types.js';

export * from './types.js';
export { decodeTags, detectScheme, splitTag, type TagScheme, type Chunk, type TagProblem } from './iob.js';
export { StandoffTextFinder } from './standoff-texts.js';

const CONLL_EXTENSIONS = new Set(['.conll', '.conllu', '.conll03', '.bio', '.iob', '.iob2', '.bioes', '.tsv', '.txt', '.tags']);

/** Does a folder hold brat `.ann` files (looked for breadth-first, a few levels down)? */
async function holdsAnnFiles(dir: string, depth = 3): Promise<boolean> {
  const sub: string[] = [];
  for await (const e of await opendir(dir)) {
    if (e.name.startsWith('.')) continue;
    if (e.isFile() && e.name.endsWith('.ann')) return true;
    if (e.isDirectory()) sub.push(join(dir, e.name));
  }
  if (depth > 0) for (const s of sub) if (await holdsAnnFiles(s, depth - 1)) return true;
  return false;
}

/** The format of a path: folders are brat (with `.ann` files) or standoff; files by extension. */
export async function detectFormat(path: string): Promise<ImportFormat> {
  let s;
  try {
    s = await stat(path);
  } catch (error) {
    throw new InputError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}.`);
  }
  if (s.isDirectory()) return (await holdsAnnFiles(path)) ? 'brat' : 'standoff';
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (CONLL_EXTENSIONS.has(ext)) return 'conll';
  throw new ConfigError(`Cannot tell the format of ${path} from its name; name it with --gold-format/--pred-format (${IMPORT_FORMATS.join(', ')}).`);
}

/** Reads a standoff folder: every standoff file with its text; rejected annotations left out. */
export async function readStandoffFolder(dir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const errors = new ImportErrors(dir);
  const finder = new StandoffTextFinder(options.corpus !== undefined ? { corpus: options.corpus } : {});
  const documents: TextDocument[] = [];
  let rejected = 0;
  // A few files read ahead of the one being converted: the folder read is I/O bound.
  const ahead: { path: string; loaded: Promise<Awaited<ReturnType<StandoffTextFinder['load']>> | Error> }[] = [];
  const take = async function* () {
    for await (const path of standoffPaths(dir)) {
      ahead.push({ path, loaded: finder.load(path).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) });
      if (ahead.length >= 8) yield ahead.shift()!;
    }
    while (ahead.length > 0) yield ahead.shift()!;
  };
  try {
    for await (const next of take()) {
      const path = next.path;
      try {
        const loaded = await next.loaded;
        if (loaded instanceof Error) throw loaded;
        const entities = [];
        for (const a of loaded.annotations) {
          if (a.status === 'rejected') {
            rejected++;
            continue;
          }
          entities.push(a.value !== undefined ? { start: a.start, end: a.end, label: a.label, value: a.value } : { start: a.start, end: a.end, label: a.label });
        }
        documents.push({ kind: 'text', id: loaded.standoff.doc.id, text: loaded.text, entities, origin: path });
      } catch (error) {
        errors.add(`${path}: ${(error as Error).message}`);
      }
    }
  } finally {
    await finder.close();
  }
  errors.throwIfAny();
  return { path: dir, format: 'standoff', documents, warnings: rejected > 0 ? [`${rejected} rejected annotations left out`] : [] };
}

/** Reads one `--gold` or `--pred` path. */
export async function readEvalInput(path: string, format: ImportFormat | 'auto' = 'auto', options: ImportOptions = {}): Promise<ImportResult> {
  const f = format === 'auto' ? await detectFormat(path) : format;
  let result: ImportResult;
  switch (f) {
    case 'standoff':
      result = await readStandoffFolder(path, options);
      break;
    case 'brat':
      result = await readBratFolder(path);
      break;
    case 'json':
      result = await readJsonFile(path);
      break;
    case 'jsonl':
      result = await readJsonlFile(path);
      break;
    case 'conll':
      result = await readConllFile(path);
      break;
  }
  const tokenDocs = result.documents.filter((d): d is TokenDocument => d.kind === 'tokens');
  if (tokenDocs.length > 0) result.scheme = options.scheme ?? schemeOf(tokenDocs);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const d of result.documents) {
    if (seen.has(d.id)) duplicates.push(d.id);
    seen.add(d.id);
  }
  if (duplicates.length > 0) throw new InputError(`Cannot read ${path}: document id(s) used twice: ${duplicates.slice(0, 5).join(', ')}${duplicates.length > 5 ? ', ...' : ''}.`);
  return result;
}

/** Gold and predictions as text documents, matched by id. */
export interface PairedInputs {
  gold: Map<string, TextDocument>;
  pred: Map<string, TextDocument>;
  warnings: string[];
}

/**
 * Gives token documents their text (the other side's document of the same id, else
 * their tokens joined) and turns both inputs into maps of text documents by id. Texts of
 * the same id must then be equal: offsets are only comparable on one text.
 */
export function pairInputs(gold: ImportResult, pred: ImportResult, options: { repairTags?: boolean } = {}): PairedInputs {
  const warnings: string[] = [];
  const errors = new ImportErrors(`${gold.path} and ${pred.path}`);
  const textOf = (r: ImportResult) => new Map(r.documents.filter((d): d is TextDocument => d.kind === 'text').map((d) => [d.id, d.text]));
  const goldTexts = textOf(gold);
  const predTexts = textOf(pred);
  const resolveSide = (r: ImportResult, other: Map<string, string>, side: string): Map<string, TextDocument> => {
    const out = new Map<string, TextDocument>();
    const notes: ResolveNotes = { tagProblems: 0, examples: [] };
    const scheme: TagScheme = r.scheme ?? 'IOB2';
    for (const d of r.documents) {
      if (d.kind === 'text') {
        out.set(d.id, d);
        continue;
      }
      const resolved = resolveTokenDocument(d, other.get(d.id) ?? null, scheme, options.repairTags === true, notes);
      if (typeof resolved === 'string') errors.add(`${side}: ${resolved}`);
      else out.set(d.id, resolved);
    }
    if (notes.tagProblems > 0) {
      warnings.push(
        `${side}: ${notes.tagProblems} ill-formed ${scheme} tag sequence(s) ${options.repairTags === true ? 'read as conlleval does (--repair-tags)' : 'opened no entity (strict; --repair-tags reads them as conlleval does)'}; e.g. ${notes.examples.join('; ')}`,
      );
    }
    return out;
  };
  const goldDocs = resolveSide(gold, predTexts, 'gold');
  // Predictions in tokens align to the gold text (resolved above when gold was tokens too).
  const goldResolvedTexts = new Map([...goldDocs].map(([id, d]) => [id, d.text]));
  const predDocs = resolveSide(pred, goldResolvedTexts, 'pred');
  for (const [id, g] of goldDocs) {
    const p = predDocs.get(id);
    if (p !== undefined && p.text !== g.text) errors.add(`document "${id}" has different texts in gold (${g.origin}) and predictions (${p.origin})`);
  }
  errors.throwIfAny();
  for (const w of gold.warnings) warnings.push(`gold: ${w}`);
  for (const w of pred.warnings) warnings.push(`pred: ${w}`);
  return { gold: goldDocs, pred: predDocs, warnings };
}
