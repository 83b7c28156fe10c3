/**
 * A brat folder: `<id>.ann` beside `<id>.txt`, ids being paths below the folder. Text-bound
 * annotations (`T1<TAB>LABEL start end[;start end...]<TAB>surface`) become entities;
 * offsets are code points (brat is Python); `AnnotatorNotes` holding JSON become values.
 * A discontinuous span whose gaps are only line breaks or spaces (what tawsim's exporter
 * writes for a surface with a newline) becomes the one span from its first start to its
 * last end; other discontinuous spans are read the same way and counted in the warnings.
 */
import { opendir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { offsetConverter } from '../../core/offsets.js';
import { CodePointWalker } from '../exporters/common.js';
import { ImportErrors } from './records.js';
import type { EvalEntity, ImportResult, TextDocument } from './types.js';

/** All `.ann` files below `dir`, sorted, hidden ones skipped. */
export async function* annFiles(dir: string): AsyncGenerator<string> {
  const entries: { name: string; dir: boolean }[] = [];
  for await (const e of await opendir(dir)) entries.push({ name: e.name, dir: e.isDirectory() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.dir) yield* annFiles(path);
    else if (e.name.endsWith('.ann')) yield path;
  }
}

const TEXTBOUND = /^(T\d+)\t(\S+) ((?:\d+ \d+)(?:;\d+ \d+)*)\t(.*)$/;
const NOTE = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/;

/** Parses one `.ann` against its text. */
export function parseAnn(ann: string, text: string, id: string, path: string, errors: ImportErrors, warnings: Map<string, number>): TextDocument {
  const cv = offsetConverter(text);
  const walker = new CodePointWalker(text);
  const byId = new Map<string, EvalEntity>();
  const entities: EvalEntity[] = [];
  const notes: [string, string][] = [];
  const warn = (w: string) => warnings.set(w, (warnings.get(w) ?? 0) + 1);
  ann.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path}:${i + 1}`;
    const kind = line.charAt(0);
    if (kind === 'T') {
      const m = TEXTBOUND.exec(line);
      if (m === null) {
        errors.add(`${where}: not a text-bound annotation line (T<n><TAB>LABEL start end<TAB>text)`);
        return;
      }
      const fragments = m[3]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      const pieces: string[] = [];
      for (const [s, e] of fragments) {
        const piece = walker.slice(s, e);
        if (piece === null || e < s) {
          errors.add(`${where}: fragment [${s}, ${e}) is outside the text`);
          return;
        }
        pieces.push(piece);
      }
      // brat joins the texts of fragments with one space.
      if (pieces.join(' ') !== m[4]) {
        errors.add(`${where}: ${m[2]} [${m[3]}] reads "${pieces.join(' ')}", not "${m[4]}"`);
        return;
      }
      const start = fragments[0]![0];
      const end = fragments[fragments.length - 1]![1];
      if (end <= start) {
        errors.add(`${where}: [${start}, ${end}) is empty`);
        return;
      }
      if (fragments.length > 1) {
        for (let f = 1; f < fragments.length; f++) {
          const gap = walker.slice(fragments[f - 1]![1], fragments[f]![0]);
          if (gap === null || !/^\s*$/.test(gap)) {
            warn('discontinuous spans read as one span from first start to last end');
            break;
          }
        }
      }
      const entity: EvalEntity = { start: cv.toUtf16(start), end: cv.toUtf16(end), label: m[2]! };
      byId.set(m[1]!, entity);
      entities.push(entity);
    } else if (kind === '#') {
      const m = NOTE.exec(line);
      if (m !== null) notes.push([m[1]!, m[2]!]);
    } else if (kind === 'R' || kind === 'E' || kind === 'A' || kind === 'M' || kind === 'N' || kind === '*') {
      warn(`${kind === 'R' ? 'relations' : kind === 'E' ? 'events' : kind === 'N' ? 'normalisations' : kind === '*' ? 'equivalences' : 'attributes'} ignored`);
    } else {
      errors.add(`${where}: unknown annotation line`);
    }
  });
  for (const [target, note] of notes) {
    const entity = byId.get(target);
    if (entity === undefined) continue;
    try {
      entity.value = JSON.parse(note);
    } catch {
      // A free-text note is not a value.
    }
  }
  return { kind: 'text', id, text, entities, origin: path };
}

/** Reads every `.ann`/`.txt` pair below `dir`. */
export async function readBratFolder(dir: string): Promise<ImportResult> {
  const errors = new ImportErrors(dir);
  const warnings = new Map<string, number>();
  const documents: TextDocument[] = [];
  for await (const annPath of annFiles(dir)) {
    const id = relative(dir, annPath).slice(0, -'.ann'.length).split(sep).join('/');
    const txtPath = `${annPath.slice(0, -'.ann'.length)}.txt`;
    let text: string;
    let ann: string;
    try {
      [text, ann] = await Promise.all([readFile(txtPath, 'utf8'), readFile(annPath, 'utf8')]);
    } catch (error) {
      errors.add(`${annPath}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? `no ${txtPath} beside it` : (error as Error).message}`);
      continue;
    }
    documents.push(parseAnn(ann, text, id, annPath, errors, warnings));
  }
  errors.throwIfAny();
  return { path: dir, format: 'brat', documents, warnings: [...warnings].map(([w, n]) => `${n} ${w}`) };
}
