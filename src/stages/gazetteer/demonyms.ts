/**
 * Nisba adjectives (demonyms) from gazetteers/places/demonyms.jsonl: `عراقي، عراقية،
 * عراقيون ...` with the place or people they refer to. The matcher uses them two ways:
 * an adjective is never a place (`العراقية` is not `العراق`), and organisation rules take
 * a definite nisba after a trigger noun (`الحكومة العراقية`). Forms are listed without
 * the article; the definite forms are built here (ال + every word, since an Arabic
 * adjective phrase agrees in definiteness word by word: `الأمريكية اللاتينية`).
 */
import { readDataFile, lines, throwIfProblems } from './data-files.js';

/** What one nisba form refers to. */
export interface NisbaForm {
  /** Gazetteer id of the place (or body) the adjective derives from, when there is one. */
  place?: string;
  /** ISO 3166-1 alpha-2 code of the country it names (the row's `country`), when there is one. */
  country?: string;
  /** People or group id (`people.kurds`), for peoples without a single place. */
  group?: string;
  /** `country`, `region`, `people`, ... as the data says. */
  kind: string;
  /** True for the definite form (with ال). */
  definite: boolean;
  /** Which form of the file it is: `masculine`, `feminine`, `plural`, `feminine_plural`, `broken_plural`. */
  form: string;
  /** The masculine singular, normalised, as a readable key. */
  lemma: string;
  file: string;
  line: number;
}

const FORM_KEYS = ['masculine', 'feminine'] as const;
const LIST_KEYS = ['plural', 'feminine_plural', 'broken_plural'] as const;

/**
 * Loads demonym files into a map from the normalised form's token sequence (joined by a
 * space) to what it refers to. Throws a DataError listing every bad line.
 */
export function loadDemonyms(paths: readonly string[], tokenise: (s: string) => string[]): Map<string, NisbaForm[]> {
  const problems: string[] = [];
  const forms = new Map<string, NisbaForm[]>();
  for (const path of paths) {
    for (const { line, text } of lines(readDataFile(path))) {
      const where = `${path}:${line}`;
      if (text.trim() === '') {
        problems.push(`${where}: empty line`);
        continue;
      }
      let o: Record<string, unknown>;
      try {
        const value: unknown = JSON.parse(text);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
        o = value as Record<string, unknown>;
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
        continue;
      }
      const raw: string[] = [];
      const formOf: string[] = [];
      for (const key of FORM_KEYS) {
        const v = o[key];
        if (typeof v !== 'string' || v.trim() === '') problems.push(`${where}: "${key}" must be a non-empty string`);
        else {
          raw.push(v);
          formOf.push(key);
        }
      }
      for (const key of LIST_KEYS) {
        const v = o[key];
        if (v === undefined) continue;
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) problems.push(`${where}: "${key}" must be an array of non-empty strings`);
        else
          for (const x of v as string[]) {
            raw.push(x);
            formOf.push(key);
          }
      }
      const place = typeof o.place === 'string' ? o.place : undefined;
      const group = typeof o.group === 'string' ? o.group : undefined;
      const country = typeof o.country === 'string' ? o.country : undefined;
      const kind = typeof o.kind === 'string' ? o.kind : 'country';
      if (raw.length === 0) continue;
      const lemma = tokenise(raw[0]!).join(' ');
      for (const [k, form] of raw.entries()) {
        const tokens = tokenise(form);
        if (tokens.length === 0) continue;
        // Forms come without the article (the data contract), so ال is always added: a
        // check for a leading ال would miss `ألماني`, which folds to a word starting so.
        for (const definite of [false, true]) {
          const key = (definite ? tokens.map((t) => `\u0627\u0644${t}`) : tokens).join(' ');
          const info: NisbaForm = { kind, definite, form: formOf[k]!, lemma, file: path, line };
          if (place !== undefined) info.place = place;
          if (group !== undefined) info.group = group;
          if (country !== undefined) info.country = country;
          const list = forms.get(key);
          if (list === undefined) forms.set(key, [info]);
          else list.push(info);
        }
      }
    }
  }
  throwIfProblems('demonyms', problems);
  return forms;
}
