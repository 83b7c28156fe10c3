import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError } from '../../core/errors.js';
import type { StageContext } from '../../core/stage.js';

/**
 * Resolves a data file option to paths. `builtin:places/countries.jsonl` is a file shipped
 * under `gazetteers/`; anything else is relative to the config's folder. A `*` in the file
 * name (not in folders) matches every file of that folder, sorted by name, so
 * `builtin:places/*.jsonl` picks up lists the data engineers add later.
 */
export function resolveDataFiles(spec: string, context: StageContext): string[] {
  const path = spec.startsWith('builtin:') ? resolve(context.dataDir, spec.slice('builtin:'.length)) : resolve(context.baseDir, spec);
  const name = basename(path);
  if (!name.includes('*')) return [path];
  const folder = dirname(path);
  const pattern = new RegExp(`^${name.split('*').map(escapeRegExp).join('.*')}$`);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new DataError(`${spec}: cannot list ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return names
    .filter((n) => pattern.test(n))
    .sort()
    .map((n) => join(folder, n))
    .filter((p) => statSync(p).isFile());
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a UTF-8 data file, refusing a BOM (the gazetteer contract says none). */
export function readDataFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return text;
}

/** Splits a file into lines with 1-based numbers; a final empty line is not a line. */
export function lines(text: string): { line: number; text: string }[] {
  const parts = text.split(/\r?\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ line: i + 1, text: t }));
}

/**
 * Throws one DataError listing every problem (`file:line: message`), at most `limit` of
 * them spelt out, when there is any.
 */
export function throwIfProblems(what: string, problems: string[], limit = 50): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, limit);
  const more = problems.length > limit ? `\n  ... and ${problems.length - limit} more` : '';
  throw new DataError(`${what}: ${problems.length} problem(s):\n  ${shown.join('\n  ')}${more}`);
}
