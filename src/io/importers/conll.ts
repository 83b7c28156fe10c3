/**
 * CoNLL token files: one token a line (the first column is the token, the last its tag;
 * columns split by tabs, or by spaces when a line has no tab), a blank line between
 * sentences. Documents start at `# id = <id>` (tawsim's exporter, CoNLL-U's habit) or at
 * `-DOCSTART-` lines (CoNLL-2003), which are then numbered `doc-1`, `doc-2`, ...; a file
 * with neither is one document a sentence, `sent-1`, `sent-2`, ... Other `#` comment lines
 * are skipped. The text of a document is found later (see resolve.ts).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ImportResult, TokenDocument, TokenSentence } from './types.js';
import { ImportErrors } from './records.js';

const ID_COMMENT = /^#\s*(?:id|doc_id|newdoc id)\s*=\s*(.*?)\s*$/;

/** True for a comment line: `#` with no tab, and not a two-column token line like `# O`. */
function isComment(line: string): boolean {
  return line.startsWith('#') && !line.includes('\t') && !/^#\s+\S+$/.test(line);
}

/** Parses CoNLL lines into token documents (`path` names them in messages). */
export async function parseConllLines(lines: AsyncIterable<string> | Iterable<string>, path: string): Promise<ImportResult> {
  const errors = new ImportErrors(path);
  const documents: TokenDocument[] = [];
  let doc: TokenDocument | null = null;
  let sentence: TokenSentence | null = null;
  let docstarts = 0;
  let namedIds = false;
  let anonymousSentences = 0;
  const endSentence = () => {
    if (sentence === null) return;
    if (doc === null) {
      // No document marker yet: one document per sentence.
      anonymousSentences++;
      documents.push({ kind: 'tokens', id: `sent-${anonymousSentences}`, sentences: [sentence], origin: sentence.origin });
    } else doc.sentences.push(sentence);
    sentence = null;
  };
  const startDocument = (id: string, origin: string) => {
    endSentence();
    doc = { kind: 'tokens', id, sentences: [], origin };
    documents.push(doc);
  };
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const where = `${path}:${n}`;
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    if (isComment(line)) {
      const m = ID_COMMENT.exec(line);
      if (m !== null && m[1] !== '') {
        namedIds = true;
        startDocument(m[1]!, where);
      }
      continue;
    }
    const columns = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      if (!namedIds) startDocument(`doc-${++docstarts}`, where);
      continue;
    }
    if (columns.length < 2 || columns[0] === '') {
      errors.add(`${where}: expected a token and a tag`);
      continue;
    }
    sentence ??= { tokens: [], tags: [], origin: where };
    sentence.tokens.push(columns[0]!);
    sentence.tags.push(columns[columns.length - 1]!.trim());
  }
  endSentence();
  errors.throwIfAny();
  return { path, format: 'conll', documents, warnings: [] };
}

/** Reads a CoNLL file into token documents. */
export function readConllFile(path: string): Promise<ImportResult> {
  return parseConllLines(createInterface({ input: createReadStream(path), crlfDelay: Infinity }), path);
}
