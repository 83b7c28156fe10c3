import { createReadStream, existsSync } from 'node:fs';
import { opendir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeDocument } from './decode.js';
import { loadStandoff, sha256Text, type LoadedStandoff, type StandoffDocument } from './standoff.js';

/** A standoff document read from a folder, with its text found and checked. */
export interface StandoffFile extends LoadedStandoff {
  /** Path of the `.json` file. */
  path: string;
  /** The document text (from the file itself, the corpus folder, or its source). */
  text: string;
}

export interface FindTextOptions {
  /** A folder holding `<id>.txt` files (or the folder the run read). */
  corpus?: string;
  /** Folder that relative `doc.source` paths are resolved against (default: cwd). */
  cwd?: string;
}

/** All `.json` standoff files below `dir` (manifest and hidden files excluded), sorted. */
export async function* standoffPaths(dir: string): AsyncGenerator<string> {
  const entries: { name: string; dir: boolean }[] = [];
  for await (const e of await opendir(dir)) entries.push({ name: e.name, dir: e.isDirectory() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.dir) yield* standoffPaths(path);
    else if (e.name.endsWith('.json') && !(e.name === 'manifest.json' && dirname(path) === dir)) yield path;
  }
}

async function readJsonlLine(path: string, lineNo: number): Promise<string | null> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (++n === lineNo) {
      lines.close();
      const record = JSON.parse(line) as { text?: unknown };
      return typeof record.text === 'string' ? record.text : null;
    }
  }
  return null;
}

async function readTextFile(path: string): Promise<string | null> {
  if (!existsSync(path)) return null;
  const decoded = decodeDocument(await readFile(path), { legacyEncodings: true });
  return decoded.ok ? decoded.text : null;
}

/**
 * Finds the text a standoff document annotates: its own `text` field, else `<corpus>/<id>.txt`,
 * else its `doc.source` (a file, or `file.jsonl:line`). The text must hash to `doc.sha256`.
 */
export async function findText(standoff: StandoffDocument, options: FindTextOptions = {}): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  const candidates: (() => Promise<string | null>)[] = [];
  if (typeof standoff.text === 'string') candidates.push(async () => standoff.text ?? null);
  if (options.corpus !== undefined) candidates.push(() => readTextFile(join(options.corpus!, `${standoff.doc.id}.txt`)));
  const source = standoff.doc.source;
  if (source !== undefined) {
    const jsonl = /^(.*\.(?:jsonl|ndjson)):(\d+)$/.exec(source);
    const at = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
    if (jsonl !== null) candidates.push(() => (existsSync(at(jsonl[1]!)) ? readJsonlLine(at(jsonl[1]!), Number(jsonl[2])) : Promise.resolve(null)));
    else candidates.push(() => readTextFile(at(source)));
  }
  for (const candidate of candidates) {
    const text = await candidate();
    if (text !== null && sha256Text(text) === standoff.doc.sha256) return text;
  }
  throw new Error(
    `the text of document "${standoff.doc.id}" was not found (or has changed since the run): ` +
      'give the corpus folder, or run with output.includeText',
  );
}

/** Reads one standoff file and its text, with offsets converted to UTF-16 and checked. */
export async function readStandoffFile(path: string, options: FindTextOptions = {}): Promise<StandoffFile> {
  const standoff = JSON.parse(await readFile(path, 'utf8')) as StandoffDocument;
  const text = await findText(standoff, options);
  return { path, text, ...loadStandoff(standoff, text) };
}

/** The document id a standoff path stands for: its path below `dir` without `.json`. */
export function idFromPath(dir: string, path: string): string {
  return relative(dir, path).slice(0, -'.json'.length).split(sep).join('/');
}
