import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { loadCurrencyTable, nisbaForms } from '../../src/stages/money/currency-table.js';
import { pipelineOf } from '../helpers.js';

const normalise = pipelineOf(['normalise']).normalise;
const paths = { names: 'gazetteers/currencies.cldr.tsv', nouns: 'gazetteers/currencies.nouns.tsv', extra: 'gazetteers/currencies.jsonl' };
const dir = mkdtempSync(join(tmpdir(), 'tawsim-money-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('currency data', () => {
  const table = loadCurrencyTable(paths, normalise);

  it('holds every ISO 4217 currency of CLDR', () => {
    expect(table.codes.size).toBeGreaterThan(150);
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'SAR', 'AED', 'KWD', 'EGP', 'LBP', 'SYP', 'IQD', 'TRY', 'ILS', 'IRR', 'DEM']) {
      expect(table.codes.has(code), code).toBe(true);
    }
    // Every generated row is a code, an Arabic name, an English name and a status.
    for (const line of readFileSync(paths.names, 'utf8').split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      expect(line).toMatch(/^[A-Z]{3}\t[^\t]*\p{Script=Arabic}[^\t]*\t[^\t]+\t(current|historic)$/u);
    }
  });

  it('compiles inflected heads, with and without the article', () => {
    for (const form of ['دولار', 'دولارا', 'دولاران', 'دولارين', 'دولارات', 'الدولارات', 'دنانير', 'دراهم', 'جنيهات', 'ليرات', 'ريالات', 'الريال']) {
      expect(table.heads.get(normalise(form)), form).toBeDefined();
    }
    expect(table.heads.get('دولارات')!.number).toBe('plural');
    expect(table.heads.get('الدولار')!.article).toBe(true);
    expect(table.heads.get('دينار')!.noun!.code).toBeNull();
    expect(table.heads.get('دولار')!.noun!.code).toBe('USD');
    expect(table.heads.get('سنت')!.noun!.ratio!.toJsonValue()).toBe(100);
    expect(table.heads.get('فلس')!.noun!.ratioUnknown).toBe(true);
  });

  it('symbols, Latin codes and abbreviations', () => {
    expect(table.symbols.get('$')).toBe('USD');
    expect(table.symbols.get('﷼')).toBeNull();
    expect(table.latin.has('EUR')).toBe(true);
    expect(table.abbreviations.get('د.إ')).toBe('AED');
    expect(table.abbreviations.get('د.أ')).toBe('JOD');
    // Both fold to د.ا: folded, it is ambiguous.
    expect(table.foldedAbbreviations.get('د.ا')).toBeNull();
    expect(table.foldedAbbreviations.get('ر.س')).toBe('SAR');
  });

  it.each([
    ['أمريكي', ['أمريكي', 'أمريكيا', 'أمريكية', 'أمريكيان', 'أمريكيين', 'أمريكيتان', 'أمريكيتين', 'أمريكيات', 'الأمريكي', 'الأمريكية']],
    ['تركية', ['تركي', 'تركية', 'التركية', 'تركيا']],
    ['كونغ', ['كونغ', 'الكونغ']],
  ])('nisba forms of %s', (adjective, some) => {
    const forms = nisbaForms(adjective);
    for (const f of some) expect(forms).toContain(f);
  });

  it.each([
    ['nouns: columns', 'nouns', 'دولار\tدولار\n', /bad\.tsv:1: expected 7 tab-separated columns, found 2/],
    ['nouns: code', 'nouns', 'دولار\tدولار\t-\t-\tusd\t-\tyes\n', /bad\.tsv:1: "usd" is not an ISO 4217 code/],
    ['nouns: ratio', 'nouns', 'سنت\tسنت\t-\t-\tUSD\tcent\tno\n', /bad\.tsv:1: ratio "cent"/],
    ['nouns: curr', 'nouns', 'دولار\tدولار\t-\t-\tUSD\t-\tmaybe\n', /bad\.tsv:1: curr "maybe"/],
    ['nouns: a form of two heads', 'nouns', 'دولار\tدولار\t-\t-\tUSD\t-\tyes\nدينار\tدولار\t-\t-\t-\t-\tyes\n', /bad\.tsv:2: "دولار" is already a form of "دولار"/],
    ['names: no name', 'names', 'USD\n', /bad\.tsv:1: expected an ISO code and an Arabic name/],
    ['extra: JSON', 'extra', '{"code":"USD",}\n', /bad\.tsv:1: not valid JSON/],
    ['extra: unknown code', 'extra', '{"code":"XYZ"}\n', /bad\.tsv:1: "code" must be an ISO 4217 code/],
    ['extra: list', 'extra', '{"code":"USD","symbols":"$"}\n', /bad\.tsv:1: "symbols" must be a list/],
    ['extra: symbol twice', 'extra', '{"code":"USD","symbols":["$"]}\n{"code":"CAD","symbols":["$"]}\n', /bad\.tsv:2: symbol "\$" already means USD/],
  ])('a broken file fails at load with file:line (%s)', (_name, which, text, message) => {
    const broken = { ...paths, [which]: file('bad.tsv', text) };
    expect(() => loadCurrencyTable(broken, normalise)).toThrow(DataError);
    expect(() => loadCurrencyTable(broken, normalise)).toThrow(message);
  });
});
