import { createReadStream } from 'node:fs';
import { opendir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../core/errors.js';

/** One document to process, as found in the inputs (not yet read for files). */
export interface InputItem {
  /** Position in the input order (0-based), used to keep output order. */
  seq: number;
  id: string;
  /** Where it came from: a path, or `path:line` for a JSONL record. */
  source: string;
  /** A file to read, with its size in bytes. */
  path?: string;
  size?: number;
  /** The text of a JSONL/JSON record. */
  text?: string;
  /** Why this item cannot be processed (bad JSONL line, unsafe id). */
  error?: string;
}

/** Input kinds given on the command line. */
export type InputKind = 'stdin' | 'folder' | 'jsonl' | 'json' | 'file';

export interface InputSpec {
  arg: string;
  kind: InputKind;
}

/**
 * Checks every input before the run starts: a missing or unreadable input stops the run
 * with exit 2, naming all of them.
 */
export async function inspectInputs(args: string[]): Promise<InputSpec[]> {
  const specs: InputSpec[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      specs.push({ arg, kind: 'stdin' });
      continue;
    }
    try {
      const s = await stat(arg);
      if (s.isDirectory()) specs.push({ arg, kind: 'folder' });
      else {
        const ext = extname(arg).toLowerCase();
        specs.push({ arg, kind: ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : ext === '.json' ? 'json' : 'file' });
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing.push(`${arg} (${code === 'ENOENT' ? 'no such file or folder' : (code ?? 'unreadable')})`);
    }
  }
  if (missing.length > 0) throw new InputError(`Cannot read input ${missing.join(', ')}.`);
  return specs;
}

const UNSAFE_SEGMENT = /^\.{1,2}$|[\\<>"|?*\u0000-\u001f]/;

/**
 * Why an id cannot name a file under the output folder, or null. Ids may contain `/`
 * (sub-folders) but no `..`, no absolute path, no control or reserved characters.
 */
export function unsafeIdReason(id: string): string | null {
  if (id.length === 0) return 'empty document id';
  if (id.length > 240) return 'document id longer than 240 characters';
  if (id.startsWith('/')) return `document id "${id}" is an absolute path`;
  for (const segment of id.split('/')) {
    if (segment === '' || UNSAFE_SEGMENT.test(segment)) return `document id "${id}" cannot be used as a file name (segment "${segment}")`;
  }
  if (id === 'manifest') return 'document id "manifest" is reserved for the run manifest';
  return null;
}

function stripExtension(name: string): string {
  const ext = extname(name);
  return ext === '' ? name : name.slice(0, -ext.length);
}

/** All `.txt` files below `root`, in a stable (sorted) order, streamed folder by folder. */
async function* walkTextFiles(root: string): AsyncGenerator<string> {
  const entries: { name: string; dir: boolean }[] = [];
  const dir = await opendir(root);
  for await (const entry of dir) entries.push({ name: entry.name, dir: entry.isDirectory() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(root, entry.name);
    if (entry.dir) yield* walkTextFiles(path);
    else if (entry.name.toLowerCase().endsWith('.txt')) yield path;
  }
}

/** Parses one JSON record `{id, text}` into an item. */
function recordItem(value: unknown, seq: number, fallbackId: string, source: string): InputItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { seq, id: fallbackId, source, error: 'record is not a JSON object with "id" and "text"' };
  }
  const record = value as Record<string, unknown>;
  const rawId = record.id;
  const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : fallbackId;
  if (typeof record.text !== 'string') return { seq, id, source, error: 'record has no string "text" field' };
  const unsafe = unsafeIdReason(id);
  if (unsafe !== null) return { seq, id: fallbackId, source, error: unsafe };
  return { seq, id, source, text: record.text };
}

async function* readJsonLines(stream: Readable, name: string, seqStart: number): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let seq = seqStart;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const source = `${name}:${lineNo}`;
    const fallbackId = `${stripExtension(basename(name))}-${lineNo}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { seq: seq++, id: fallbackId, source, error: `line ${lineNo} is not valid JSON (${(error as Error).message})` };
      continue;
    }
    yield recordItem(value, seq++, fallbackId, source);
  }
}

/**
 * Every document of the inputs, in order: text files, folders (all `.txt` below them),
 * JSONL files and stdin (`-`, JSONL), JSON files (one record or an array of them).
 */
export async function* enumerateInputs(specs: InputSpec[], stdin: Readable = process.stdin): AsyncGenerator<InputItem> {
  let seq = 0;
  for (const spec of specs) {
    switch (spec.kind) {
      case 'stdin':
        for await (const item of readJsonLines(stdin, 'stdin', seq)) {
          seq = item.seq + 1;
          yield item;
        }
        break;
      case 'jsonl':
        for await (const item of readJsonLines(createReadStream(spec.arg), spec.arg, seq)) {
          seq = item.seq + 1;
          yield item;
        }
        break;
      case 'json': {
        let value: unknown;
        try {
          value = JSON.parse(await readFile(spec.arg, 'utf8'));
        } catch (error) {
          yield { seq: seq++, id: stripExtension(basename(spec.arg)), source: spec.arg, error: `not valid JSON (${(error as Error).message})` };
          break;
        }
        const records = Array.isArray(value) ? value : [value];
        for (let i = 0; i < records.length; i++) {
          yield recordItem(records[i], seq++, `${stripExtension(basename(spec.arg))}-${i + 1}`, `${spec.arg}#${i}`);
        }
        break;
      }
      case 'file': {
        const size = (await stat(spec.arg)).size;
        const id = stripExtension(basename(spec.arg));
        const unsafe = unsafeIdReason(id);
        yield unsafe === null ? { seq: seq++, id, source: spec.arg, path: spec.arg, size } : { seq: seq++, id, source: spec.arg, error: unsafe };
        break;
      }
      case 'folder':
        for await (const path of walkTextFiles(spec.arg)) {
          const id = stripExtension(relative(spec.arg, path)).split(sep).join('/');
          const unsafe = unsafeIdReason(id);
          let size: number | undefined;
          try {
            size = (await stat(path)).size;
          } catch (error) {
            yield { seq: seq++, id, source: path, error: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
            continue;
          }
          yield unsafe === null ? { seq: seq++, id, source: path, path, size } : { seq: seq++, id, source: path, error: unsafe };
        }
        break;
    }
  }
}

/** Counts the documents of file and folder inputs (for a progress bar), or null if unknown. */
export async function countDocuments(specs: InputSpec[]): Promise<number | null> {
  let count = 0;
  for (const spec of specs) {
    if (spec.kind === 'file') count++;
    else if (spec.kind === 'folder') for await (const _ of walkTextFiles(spec.arg)) count++;
    else return null;
  }
  return count;
}
